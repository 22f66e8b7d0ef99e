/**
 * @module scripts/deploy/revision-url
 * The URL of a tagged revision and the service's own URL (the audience its identity tokens must
 * name), from `gcloud run services describe --format=json`. Prints "<tag url> <service url>".
 *
 * Usage: bun scripts/deploy/revision-url.ts <describe.json> <tag>
 */

interface Described {
  status?: { url?: string; traffic?: { tag?: string; url?: string; revisionName?: string }[] }
}

export function revisionUrls(
  described: Described,
  tag: string
): { tagUrl: string; serviceUrl: string } {
  const serviceUrl = described.status?.url
  if (!serviceUrl) throw new Error('the service has no URL yet (status.url)')
  const entry = described.status?.traffic?.find((t) => t.tag === tag)
  if (!entry?.url) throw new Error(`no traffic entry tagged ${tag} with a URL`)
  return { tagUrl: entry.url, serviceUrl }
}

if (import.meta.main) {
  const [file, tag] = process.argv.slice(2)
  if (!file || !tag) {
    console.error('Usage: bun scripts/deploy/revision-url.ts <describe.json> <tag>')
    process.exit(2)
  }
  try {
    const { tagUrl, serviceUrl } = revisionUrls(await Bun.file(file).json(), tag)
    console.log(`${tagUrl} ${serviceUrl}`)
  } catch (error) {
    console.error(`revision-url: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  }
}
