# AIS Studio: one image for Cloud Run.
#   build    oven/bun (pinned to package.json's packageManager): frozen install, Vue client build
#            (client/dist, precompressed), server compiled to one executable (dist/server, Bun
#            runtime included, SDKs bundled and loaded lazily), so nothing from node_modules ships.
#   runtime  distroless glibc without OpenSSL: `ldd dist/server` needs only libc, libm, libdl and
#            libpthread (Bun links BoringSSL statically). No shell, no package manager, non-root.
# Build: docker build -t ais-studio .    Run: docker run -p 8080:8080 -e GEMINI_API_KEY=… ais-studio

FROM oven/bun:1.4.5 AS build
WORKDIR /app
# Dependencies first, so this layer is reused until package.json or bun.lock change.
COPY package.json bun.lock bunfig.toml ./
RUN bun install --frozen-lockfile
COPY . .
RUN bun run build

FROM gcr.io/distroless/base-nossl-debian12:nonroot AS runtime
WORKDIR /app
# The binary finds the UI at <its folder>/../client/dist, i.e. /app/client/dist.
COPY --from=build /app/dist/server /app/dist/server
COPY --from=build /app/client/dist /app/client/dist
# PORT is injected by Cloud Run (8080 by default); the server listens on 0.0.0.0:$PORT.
# Local media storage goes to /tmp (writable, in memory on Cloud Run); set
# GCP_STORAGE_BUCKET_NAME in production so media survive instances.
# BUN_JSC_useFTLJIT=0: JavaScriptCore's last JIT tier compiles hot code on a background thread
# for many thousands of requests; on Cloud Run's 1-2 vCPUs that compile takes the CPU a request
# needs. Without it the server used no more CPU per request and its p99 at one connection fell
# by about a third (bench/README.md, "API latency").
ENV NODE_ENV=production \
    PORT=8080 \
    DATA_DIR=/tmp/ais-data \
    BUN_JSC_useFTLJIT=0
# distroless "nonroot" (65532), numeric so runAsNonRoot policies can verify it.
USER 65532:65532
EXPOSE 8080
ENTRYPOINT ["/app/dist/server"]
