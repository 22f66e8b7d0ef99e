/**
 * @module vite.config
 * Builds the Vue client (root `client/`) into `client/dist` with hashed files under `assets/` and a
 * manifest the bundle-size check reads. In dev, Vite serves the UI with HMR on 5173 and proxies the
 * API paths to the Bun server that `bun run dev` starts (port from `AIS_API_PORT`, default 8787).
 */
import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'

const apiTarget = `http://127.0.0.1:${process.env.AIS_API_PORT ?? '8787'}`
const proxied = { target: apiTarget, changeOrigin: false }

export default defineConfig({
  root: fileURLToPath(new URL('./client', import.meta.url)),
  // Only VITE_-prefixed variables could reach the bundle; the client reads none of them.
  envPrefix: 'VITE_',
  plugins: [vue()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    manifest: true,
    target: 'es2022',
    // Source maps would publish the sources; keep them out of the image.
    sourcemap: false,
    // Small icons stay files so the CSP's img-src needs nothing beyond 'self'.
    assetsInlineLimit: 0,
  },
  server: {
    port: 5173,
    proxy: { '/api': proxied, '/media': proxied, '/health': proxied },
  },
  preview: { port: 4173 },
})
