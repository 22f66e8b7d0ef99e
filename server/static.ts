/**
 * @module static
 * Serves the built client: finds `client/dist`, serves hashed assets with immutable caching,
 * `index.html` with `no-cache`, precompressed `.br`/`.gz` when accepted, and the SPA fallback for
 * GET/HEAD navigations only. API paths, missing assets, dotfiles and anything that tries to leave
 * the dist root get 404, never the HTML shell.
 */
import { existsSync, statSync } from 'node:fs'
import { dirname, extname, join, resolve } from 'node:path'
import type { Context, Hono } from 'hono'
import { serveStatic } from 'hono/bun'
import type { AppEnv } from './core/context'
import { sendError } from './core/error-handler'
import { AppError, errors } from './core/errors'
import type { Logger } from './core/logger'

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
export function findClientDist(options: DistLookupOptions): DistLookup {
  const candidates = [
    options.staticDir ? resolve(options.cwd, options.staticDir) : undefined,
    join(options.appRoot, 'client', 'dist'),
    join(options.cwd, 'client', 'dist'),
  ].filter((p): p is string => Boolean(p))
  const tried = [...new Set(candidates)]
  const dir = tried.find((d) => isFile(join(d, 'index.html')))
  return { dir, tried }
}

export function logDistChoice(lookup: DistLookup, log: Logger): void {
  if (lookup.dir) log.info(`serving the web UI from ${lookup.dir}`)
  else {
    log.warn(
      `no web UI build found (tried ${lookup.tried.join(', ')}); serving the API only. Run "bun run build" or set STATIC_DIR.`
    )
  }
}

const YEAR = 'public, max-age=31536000, immutable'
const NO_CACHE = 'no-cache'
const SHORT = 'public, max-age=3600'
/** Dot segments, dotfiles, backslashes, NUL, doubled slashes, encoded separators. */
const UNSAFE_PATH = /(^|\/)\.|\\|\0|\/\/|%(2e|2f|5c|00)/i

/** Mounts static serving and the SPA fallback on `app`; call after every API route. */
export function mountStatic(app: Hono<AppEnv>, distDir: string | undefined): void {
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
    return
  }

  const root = distDir
  app.use(
    '/assets/*',
    serveStatic({
      root,
      precompressed: true,
      onFound: (_path, c) => {
        c.header('Cache-Control', YEAR)
      },
    })
  )
  // A hashed asset that is not there is a 404, never index.html.
  app.all('/assets/*', (c) => sendError(c, errors.notFound('The asset')))

  app.use('*', async (c, next) => {
    if (UNSAFE_PATH.test(c.req.path) || isApiPath(c.req.path)) return next()
    return serveStatic({
      root,
      precompressed: true,
      onFound: (path, c) => {
        c.header('Cache-Control', path.endsWith('index.html') ? NO_CACHE : SHORT)
      },
    })(c, next)
  })

  const serveIndex = serveStatic({
    root,
    path: 'index.html',
    precompressed: true,
    onFound: (_path, c) => {
      c.header('Cache-Control', NO_CACHE)
    },
  })

  app.all('*', async (c, next) => {
    if (isApiPath(c.req.path)) return sendError(c, errors.notFound())
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      return sendError(c, errors.methodNotAllowed(['GET', 'HEAD']))
    }
    if (!isNavigation(c)) return sendError(c, errors.notFound())
    return serveIndex(c, next)
  })
}

/** A browser asking for a page: an extension-less, safe path whose Accept allows HTML. */
function isNavigation(c: Context): boolean {
  const path = c.req.path
  if (UNSAFE_PATH.test(path) || extname(path) !== '') return false
  const accept = c.req.header('Accept')
  if (!accept) return true
  return /text\/html|application\/xhtml\+xml|\*\/\*/i.test(accept)
}

const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/')

function isFile(path: string): boolean {
  try {
    return existsSync(path) && statSync(path).isFile()
  } catch {
    return false
  }
}
