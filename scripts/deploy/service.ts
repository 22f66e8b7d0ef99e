/**
 * @module scripts/deploy/service
 * service.yaml for the two ways of deploying:
 *   flags   the `gcloud run deploy` flags, one per line (cloudbuild.yaml reads them with mapfile)
 *   render  the Knative YAML with the values filled, for `gcloud run services replace`
 *
 * Usage: bun scripts/deploy/service.ts flags|render service.yaml NAME=value…
 *   e.g. render service.yaml SERVICE=ais-studio IMAGE=europe-west1-docker.pkg.dev/p/ais/ais-studio:abc1234 \
 *        GEMINI_SECRET=gemini-api-key API_KEYS_SECRET= SECRETS_KEY_SECRET= BUCKET= RUNTIME_SERVICE_ACCOUNT=
 */
import { deployFlags } from './flags'
import { readService, SpecError, toKnative } from './spec'

const USAGE = 'Usage: bun scripts/deploy/service.ts flags|render <service.yaml> NAME=value…'

async function main(argv: string[]): Promise<number> {
  const [command, file, ...pairs] = argv
  if ((command !== 'flags' && command !== 'render') || !file) {
    console.error(USAGE)
    return 2
  }
  const values: Record<string, string> = {}
  for (const pair of pairs) {
    const match = pair.match(/^([A-Z][A-Z0-9_]*)=(.*)$/s)
    if (!match) {
      console.error(`not NAME=value: ${pair}\n${USAGE}`)
      return 2
    }
    values[match[1]!] = match[2]!
  }
  try {
    const spec = readService(await Bun.file(file).text(), values)
    if (command === 'flags') console.log(deployFlags(spec).join('\n'))
    else console.log(Bun.YAML.stringify(toKnative(spec), null, 2))
    return 0
  } catch (error) {
    if (!(error instanceof SpecError)) throw error
    console.error(error.message)
    return 1
  }
}

process.exit(await main(process.argv.slice(2)))
