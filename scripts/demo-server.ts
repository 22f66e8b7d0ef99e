/**
 * The API of `bun run dev:demo`: the demo stack (tests/support/demo/stack.ts: the real app with
 * the fake Gemini as a scripted model, a sample website, local storage) on PORT, or serving a
 * built client with `--serve-dist`. Never part of the production build.
 */
import { join } from 'node:path'
import { startDemoStack } from '../tests/support/demo/stack'

const port = Number(process.env.PORT ?? 8787)
const distDir = process.argv.includes('--serve-dist')
  ? join(import.meta.dir, '../client/dist')
  : undefined
const demo = await startDemoStack({ port, distDir })
console.log(`demo: API on ${demo.url} (scripted model; sample site ${demo.sampleSite})`)

const stop = async () => {
  await demo.stop()
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
