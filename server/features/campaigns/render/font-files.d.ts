/**
 * @module campaigns/render/font-files
 * Font files imported as files (`import path from 'x.woff' with { type: 'file' }`): Bun embeds
 * them in the compiled binary and gives their path, readable with `Bun.file`.
 */
declare module '*.woff' {
  const path: string
  export default path
}
