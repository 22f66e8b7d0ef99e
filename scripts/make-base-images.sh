#!/usr/bin/env bash
# @module scripts/make-base-images
# Local stand-ins for the Dockerfile's two base images, for machines that cannot pull from a
# registry (this workplace: buildah works, Docker Hub and gcr.io do not). Never used by Cloud
# Build, which pulls the real images.
#
#   oven/bun:<version>                             Debian bookworm minbase (debootstrap) + the
#                                                  Bun binary of this machine + its CA bundle
#   gcr.io/distroless/base-nossl-debian12:nonroot  what that image holds: glibc, CA certificates,
#                                                  tzdata, netbase, os-release, passwd/group with
#                                                  nonroot (65532), /tmp, /home/nonroot; no shell
#
# The runtime stand-in copies this (bookworm) host's glibc, so the size measured above it is the
# size the real image adds. Needs root, buildah and debootstrap
# (apt-get install -y buildah debootstrap). The debootstrap root is cached in $CACHE_DIR.
#
# Usage: scripts/make-base-images.sh [--force]
set -euo pipefail

export STORAGE_DRIVER="${STORAGE_DRIVER:-vfs}"
export BUILDAH_ISOLATION="${BUILDAH_ISOLATION:-chroot}"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUN_VERSION="$(sed -n 's/.*"packageManager": *"bun@\([^"]*\)".*/\1/p' "$ROOT/package.json")"
BUILD_IMAGE="docker.io/oven/bun:${BUN_VERSION}"
RUNTIME_IMAGE="gcr.io/distroless/base-nossl-debian12:nonroot"
CACHE_DIR="${CACHE_DIR:-/var/cache/ais-studio-base}"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
FORCE="${1:-}"

log() { printf '[base-images] %s\n' "$*" >&2; }

have_image() { buildah inspect --type image "$1" >/dev/null 2>&1; }

host_bun() {
  local bun
  bun="$(readlink -f "$(command -v bun)")"
  if [[ "$("$bun" --version)" != "$BUN_VERSION" ]]; then
    log "this machine's bun is $("$bun" --version), package.json pins $BUN_VERSION"
    exit 1
  fi
  printf '%s' "$bun"
}

# The CA bundle this machine trusts (it may include a proxy's CA that npm traffic needs here).
ca_bundle() {
  local f
  for f in "${NODE_EXTRA_CA_CERTS:-}" "${SSL_CERT_FILE:-}" /etc/ssl/certs/ca-certificates.crt; do
    if [[ -n "$f" && -f "$f" ]]; then printf '%s' "$f"; return; fi
  done
  log 'no CA bundle found'; exit 1
}

make_build_image() {
  local rootfs="$CACHE_DIR/bookworm-minbase"
  if [[ ! -x "$rootfs/bin/sh" ]]; then
    log "debootstrap bookworm minbase into $rootfs (about 30 s)"
    rm -rf "$rootfs"
    mkdir -p "$rootfs"
    debootstrap --variant=minbase bookworm "$rootfs" "$MIRROR" >"$CACHE_DIR/debootstrap.log" 2>&1 ||
      { tail -20 "$CACHE_DIR/debootstrap.log" >&2; exit 1; }
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  fi
  local bun ctr
  bun="$(host_bun)"
  ctr="$(buildah from scratch)"
  buildah copy --quiet "$ctr" "$rootfs" / >/dev/null
  buildah copy --quiet --chmod 0755 "$ctr" "$bun" /usr/local/bin/bun >/dev/null
  buildah run "$ctr" -- ln -sf /usr/local/bin/bun /usr/local/bin/bunx
  buildah copy --quiet "$ctr" "$(ca_bundle)" /etc/ssl/certs/ca-certificates.crt >/dev/null
  buildah run "$ctr" -- sh -c 'groupadd -g 1000 bun && useradd -u 1000 -g bun -m -d /home/bun bun && mkdir -p /home/bun/app'
  buildah config \
    --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --env BUN_RUNTIME_TRANSPILER_CACHE_PATH=0 \
    --env NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt \
    --workingdir /home/bun/app --cmd /usr/local/bin/bun \
    --label org.opencontainers.image.description="local stand-in for oven/bun:${BUN_VERSION}" \
    "$ctr"
  buildah commit --quiet --rm "$ctr" "$BUILD_IMAGE" >/dev/null
  log "made $BUILD_IMAGE"
}

make_runtime_image() {
  local stage
  stage="$(mktemp -d)"
  trap 'rm -rf "$stage"' RETURN
  # bookworm's merged /usr: the top-level folders are links, as in distroless.
  mkdir -p "$stage/usr/bin" "$stage/usr/sbin" "$stage/usr/lib" "$stage/usr/lib64"
  local d f target
  for d in bin sbin lib lib64; do ln -s "usr/$d" "$stage/$d"; done
  # glibc exactly as Debian ships it (libc6), plus the data files distroless adds.
  while read -r f; do
    [[ -f "$f" || -L "$f" ]] || continue
    target="$(sed -E 's#^/(bin|sbin|lib|lib64)/#/usr/\1/#' <<<"$f")"
    mkdir -p "$stage$(dirname "$target")"
    cp -a "$f" "$stage$target"
  done < <(dpkg -L libc6)
  mkdir -p "$stage/etc/ssl/certs" "$stage/usr/share" "$stage/tmp" "$stage/home/nonroot" "$stage/root"
  cp "$(ca_bundle)" "$stage/etc/ssl/certs/ca-certificates.crt"
  cp -a /usr/share/zoneinfo "$stage/usr/share/zoneinfo"
  cp /etc/services /etc/protocols "$stage/etc/"
  cp /etc/os-release "$stage/etc/os-release"
  printf 'root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' >"$stage/etc/passwd"
  printf 'root:x:0:\nnobody:x:65534:\ntty:x:5:\nstaff:x:50:\nnonroot:x:65532:\n' >"$stage/etc/group"
  printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$stage/etc/nsswitch.conf"
  chmod 1777 "$stage/tmp"
  chown 65532:65532 "$stage/home/nonroot"
  chmod 0700 "$stage/root"
  local ctr
  ctr="$(buildah from scratch)"
  buildah copy --quiet "$ctr" "$stage" / >/dev/null
  buildah config \
    --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --env SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt \
    --user 65532:65532 --workingdir /home/nonroot \
    --label org.opencontainers.image.description="local stand-in for ${RUNTIME_IMAGE}" \
    "$ctr"
  buildah commit --quiet --rm "$ctr" "$RUNTIME_IMAGE" >/dev/null
  log "made $RUNTIME_IMAGE"
}

mkdir -p "$CACHE_DIR"
if [[ "$FORCE" == --force ]] || ! have_image "$BUILD_IMAGE"; then make_build_image; else log "have $BUILD_IMAGE"; fi
if [[ "$FORCE" == --force ]] || ! have_image "$RUNTIME_IMAGE"; then make_runtime_image; else log "have $RUNTIME_IMAGE"; fi
