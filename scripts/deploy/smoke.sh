#!/usr/bin/env bash
# @module scripts/deploy/smoke
# Runs verify-deploy against the new revision's tagged URL, through Cloud Run IAM: an identity
# token for the service URL (the audience Cloud Run accepts) from the build's service account,
# the app's API keys from Secret Manager when the service has them, and the capabilities the
# deployment must show. Used by cloudbuild.yaml's verify and traffic steps; reads the URLs the
# deploy step wrote to .rollout/urls ("<tag url> <service url>").
#
# Environment: EXPECT (e.g. ai=developer), BUCKET (non-empty: storage=gcs is expected, else
# local), API_KEYS_SECRET (empty: the service has no API keys).
set -euo pipefail

read -r url audience < .rollout/urls
storage=local
if [ -n "${BUCKET:-}" ]; then storage=gcs; fi

token="$(gcloud auth print-identity-token --audiences="$audience")"
export VERIFY_IDENTITY_TOKEN="$token"
if [ -n "${API_KEYS_SECRET:-}" ]; then
  keys="$(gcloud secrets versions access latest --secret="$API_KEYS_SECRET")"
  export VERIFY_API_KEYS="$keys"
fi

bun scripts/verify-deploy.ts "$url" --expect="${EXPECT:-},storage=$storage"
