/**
 * @module media/wasm
 * WebAssembly files imported as files (`import path from 'x.wasm' with { type: 'file' }`): Bun
 * embeds them in the compiled binary and gives their path, readable with `Bun.file`.
 */
declare module '*.wasm' {
  const path: string
  export default path
}
