/**
 * @module vite.config
 * Builds the Vue client (root `client/`) into `client/dist` with hashed files under `assets/` and a
 * manifest the bundle-size check reads, plus `index.en.html`: the same shell with `lang="en"`,
 * which the server sends to browsers that prefer no Chinese (static.ts). In dev, Vite serves the UI with HMR on 5173 and proxies the
 * API paths to the Bun server that `bun run dev` starts (port from `AIS_API_PORT`, default 8787).
 */
import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig, type Plugin } from 'vite'

const apiTarget = `http://127.0.0.1:${process.env.AIS_API_PORT ?? '8787'}`
const proxied = { target: apiTarget, changeOrigin: false }

export default defineConfig({
  root: fileURLToPath(new URL('./client', import.meta.url)),
  // Only VITE_-prefixed variables could reach the bundle; the client reads none of them.
  envPrefix: 'VITE_',
  plugins: [vue(), englishShell()],
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

/** Writes `index.en.html` beside the built `index.html`, the same page with `<html lang="en">`. */
function englishShell(): Plugin {
  return {
    name: 'ais-english-shell',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const shell = bundle['index.html']
      if (shell?.type !== 'asset') return
      const html = String(shell.source)
      const english = html.replace(/<html lang="zh-CN">/, '<html lang="en">')
      if (english === html) this.error('index.html has no <html lang="zh-CN"> to switch')
      this.emitFile({ type: 'asset', fileName: 'index.en.html', source: english })
    },
  }
}
