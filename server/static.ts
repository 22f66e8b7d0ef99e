/**
 * @module static
 * Serves the built client with Hono's serveStatic over an index of the build (see dist-index.ts):
 * finds `client/dist`, serves hashed assets with immutable caching,
 * `index.html` with `no-cache`, precompressed `.br`/`.gz` when accepted, and the SPA fallback for
 * GET/HEAD navigations only: the shell whose `<html lang>` matches `Accept-Language`
 * (`index.en.html`, written by the build beside `index.html`, for a browser that prefers no
 * Chinese), so the first paint is in the right language. API paths, missing assets, dotfiles and
 * anything that tries to leave the dist root get 404, never the HTML shell.
 */

import type { Context, Hono, MiddlewareHandler } from 'hono'
import { serveStatic } from 'hono/serve-static'
import type { AppEnv } from './core/context'
import { sendError } from './core/error-handler'
import { AppError, errors } from './core/errors'
import type { Logger } from './core/logger'
import { dirname, extname, join, resolve } from './core/posix-path'
import { acceptedLanguages, preferredUiLanguage } from './core/preferred-language'
import { type LazyDistIndex, lazyDistIndex, UNSAFE_PATH } from './dist-index'

export interface DistLookup {
  /** The directory chosen, when one holds an `index.html`. */
  dir?: string
  /** Every candidate, in the order tried. */
  tried: string[]
}

export interface DistLookupOptions {
  staticDir?: string
  appRoot: string
  cwd: string
}

/**
 * The app root from where this code runs: `<root>/server/*.ts` in a checkout, `<root>/dist/*.js`
 * for a bundle, `<root>/dist/server` for a compiled binary (whose modules live in Bun's virtual fs).
 */
export function appRootFrom(moduleDir: string, execPath: string): string {
  const compiled = moduleDir.startsWith('/$bunfs') || moduleDir.startsWith('B:\\~BUN')
  return dirname(compiled ? dirname(execPath) : moduleDir)
}

/** Discovery order: `STATIC_DIR`, `<app root>/client/dist`, `<cwd>/client/dist`. */
export async function findClientDist(options: DistLookupOptions): Promise<DistLookup> {
  const candidates = [
    options.staticDir ? resolve(options.cwd, options.staticDir) : undefined,
    join(options.appRoot, 'client', 'dist'),
    join(options.cwd, 'client', 'dist'),
  ].filter((p): p is string => Boolean(p))
  const tried = [...new Set(candidates)]
  for (const dir of tried) {
    if (await Bun.file(join(dir, 'index.html')).exists()) return { dir, tried }
  }
  return { dir: undefined, tried }
}

export function logDistChoice(lookup: DistLookup, log: Logger): void {
  if (lookup.dir) log.info(`serving the web UI from ${lookup.dir}`)
  else {
    log.warn(
      `no web UI build found (tried ${lookup.tried.join(', ')}); serving the API only. Run "bun run build" or set STATIC_DIR.`
    )
  }
}

/** The shell with `<html lang="en">`, written by the client build (vite.config.ts). */
export const ENGLISH_INDEX = 'index.en.html'
const YEAR = 'public, max-age=31536000, immutable'
const NO_CACHE = 'no-cache'
const SHORT = 'public, max-age=3600'

/** Hono's serveStatic, answering from the dist index (no disk lookups per request). */
function serveFromIndex(
  root: string,
  index: LazyDistIndex,
  options: { path?: string; cacheControl: (path: string) => string; vary?: string }
): MiddlewareHandler {
  return serveStatic({
    root,
    path: options.path,
    precompressed: true,
    join,
    isDir: (path) => index.isDir(path),
    getContent: async (path) => (await index.content(path)) ?? null,
    onFound: (path, c) => {
      c.header('Cache-Control', options.cacheControl(path))
      if (options.vary) c.header('Vary', options.vary, { append: true })
    },
  })
}

/**
 * Mounts static serving and the SPA fallback on `app`; call after every API route. Returns the
 * loader of the build's index, to start in the background once the first response is out; the
 * first static request starts it if it comes first.
 */
export function mountStatic(
  app: Hono<AppEnv>,
  distDir: string | undefined
): () => Promise<unknown> {
  if (!distDir) {
    app.all('*', (c) => {
      if (isApiPath(c.req.path)) return sendError(c, errors.notFound())
      return sendError(
        c,
        new AppError(
          503,
          'ui_unavailable',
          'The web UI is not built on this server; the API and /health still work.'
        )
      )
    })
    return async () => undefined
  }

  const root = distDir
  // Not scanned at start-up, where it would compete with the start-up probe for the CPU.
  const index = lazyDistIndex(root)

  app.use('/assets/*', serveFromIndex(root, index, { cacheControl: () => YEAR }))
  // A hashed asset that is not there is a 404, never index.html.
  app.all('/assets/*', (c) => sendError(c, errors.notFound('The asset')))

  const serveFile = serveFromIndex(root, index, {
    cacheControl: (path) => (path.endsWith('index.html') ? NO_CACHE : SHORT),
  })
  // The shell in the browser's language; the Chinese one (the default) when no English build exists.
  const shell = (path: string) =>
    serveFromIndex(root, index, { path, cacheControl: () => NO_CACHE, vary: 'Accept-Language' })
  const serveIndex = shell('index.html')
  const serveEnglishIndex = shell(ENGLISH_INDEX)
  const notFound = (c: Context<AppEnv>) => sendError(c, errors.notFound())

  app.all('*', async (c) => {
    const path = c.req.path
    if (isApiPath(path)) return notFound(c)
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      return sendError(c, errors.methodNotAllowed(['GET', 'HEAD']))
    }
    if (UNSAFE_PATH.test(path)) return notFound(c)
    // A path with an extension names a file: that file or a 404, never the shell.
    if (extname(path) !== '') return (await serveFile(c, async () => {})) ?? notFound(c)
    // Anything else is a page of the SPA (the router decides), for navigations only.
    if (!isNavigation(c)) return notFound(c)
    const english = preferredUiLanguage(acceptedLanguages(c.req.header('Accept-Language'))) === 'en'
    const served = english ? await serveEnglishIndex(c, async () => {}) : undefined
    return served ?? (await serveIndex(c, async () => {})) ?? notFound(c)
  })
  return index.load
}

/** A browser asking for a page: its Accept allows HTML (or says nothing). */
function isNavigation(c: Context): boolean {
  const accept = c.req.header('Accept')
  if (!accept) return true
  return /text\/html|application\/xhtml\+xml|\*\/\*/i.test(accept)
}

const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/')
