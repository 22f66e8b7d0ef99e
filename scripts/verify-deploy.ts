/**
 * @module scripts/verify-deploy
 * `bun run verify-deploy <url>`: the post-deploy checklist as a program, against a local
 * `bun run start`, the container, or a Cloud Run URL (a tagged revision before it takes traffic).
 * Prints a table of the checks with their times and exits non-zero when one fails. It imports no
 * package, so Cloud Build runs it straight from the checkout with a bare `bun`.
 *
 * Usage: see scripts/verify-deploy/cli.ts (`--help`).
 */
import { parseOptions, USAGE, UsageError } from './verify-deploy/cli'
import { formatTable, runChecks } from './verify-deploy/run'

async function main(): Promise<number> {
  const argv = process.argv.slice(2)
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE)
    return 0
  }
  let options: ReturnType<typeof parseOptions>
  try {
    options = parseOptions(argv, process.env)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    console.error(`verify-deploy: ${error.message}\n\n${USAGE}`)
    return 2
  }
  const results = await runChecks(options)
  console.log(
    options.json ? JSON.stringify({ url: options.url, results }) : formatTable(options.url, results)
  )
  return results.every((r) => r.ok) ? 0 : 1
}

process.exit(await main())
