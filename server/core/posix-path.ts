/**
 * @module core/posix-path
 * `join`, `dirname`, `extname` and `resolve` as `node:path` computes them on POSIX systems, for
 * the modules start-up evaluates (static serving, the dist index): loading `node:path` cost
 * about 0.4 ms of every cold start (bench/README.md). The server runs on Linux (Cloud Run);
 * tests/core/posix-path.test.ts compares each function with `node:path` on many inputs.
 */

/** Resolves `.` and `..` segments and repeated slashes; `..` stops at the root. */
function normalizeSegments(path: string, allowAboveRoot: boolean): string {
  const out: string[] = []
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop()
      else if (allowAboveRoot) out.push('..')
    } else out.push(segment)
  }
  return out.join('/')
}

export function normalize(path: string): string {
  if (path === '') return '.'
  const absolute = path.startsWith('/')
  let normal = normalizeSegments(path, !absolute)
  if (normal === '' && !absolute) normal = '.'
  if (normal !== '' && path.endsWith('/')) normal += '/'
  return absolute ? `/${normal}` : normal
}

export function join(...parts: string[]): string {
  const joined = parts.filter((p) => p !== '').join('/')
  return joined === '' ? '.' : normalize(joined)
}

/** The absolute path, from the right-most absolute part (else the working directory). */
export function resolve(...parts: string[]): string {
  let resolved = ''
  for (let i = parts.length - 1; i >= -1 && !resolved.startsWith('/'); i--) {
    const part = i >= 0 ? (parts[i] ?? '') : process.cwd()
    if (part === '') continue
    resolved = resolved === '' ? part : `${part}/${resolved}`
  }
  return `/${normalizeSegments(resolved, false)}`
}

export function dirname(path: string): string {
  if (path === '') return '.'
  const hasRoot = path.startsWith('/')
  let end = -1
  let matchedSlash = true
  for (let i = path.length - 1; i >= 1; i--) {
    if (path[i] === '/') {
      if (!matchedSlash) {
        end = i
        break
      }
    } else matchedSlash = false
  }
  if (end === -1) return hasRoot ? '/' : '.'
  if (hasRoot && end === 1) return '//'
  return path.slice(0, end)
}

/** The extension of the last segment, from its last dot (none for a leading dot or `..`). */
export function extname(path: string): string {
  let startDot = -1
  let startPart = 0
  let end = -1
  let matchedSlash = true
  // 0: no non-dot seen since the dot; 1: more than one dot or a non-dot before it.
  let preDotState = 0
  for (let i = path.length - 1; i >= 0; i--) {
    const char = path[i]
    if (char === '/') {
      if (!matchedSlash) {
        startPart = i + 1
        break
      }
      continue
    }
    if (end === -1) {
      matchedSlash = false
      end = i + 1
    }
    if (char === '.') {
      if (startDot === -1) startDot = i
      else if (preDotState !== 1) preDotState = 1
    } else if (startDot !== -1) preDotState = -1
  }
  if (
    startDot === -1 ||
    end === -1 ||
    preDotState === 0 ||
    (preDotState === 1 && startDot === end - 1 && startDot === startPart + 1)
  ) {
    return ''
  }
  return path.slice(startDot, end)
}
