/**
 * The state of the stand-in `gcloud` (one Cloud Run service, its revisions and traffic, Secret
 * Manager values, the identity tokens it mints) kept in a JSON file, so each `gcloud` process
 * reads and writes it and the test reads it afterwards.
 */

export interface Revision {
  name: string
  /** Where this revision answers (its tagged URL leads here). */
  url: string
  /** The `gcloud run deploy` arguments that made it. */
  args: string[]
}

export interface TrafficTarget {
  revisionName: string
  percent: number
  tag?: string
}

export interface GcloudState {
  service: string
  region: string
  /** The service URL: the audience identity tokens must name. */
  serviceUrl: string
  exists: boolean
  revisions: Revision[]
  traffic: TrafficTarget[]
  /** Where the next deployed revision will answer. */
  nextRevisionUrl: string
  /** The next `gcloud run deploy` fails (the revision never becomes ready). */
  deployFails?: boolean
  secrets: Record<string, string>
  /** Every call's arguments, in order. */
  calls: string[][]
  /** The traffic after each change (deploy and update-traffic), in order. */
  history: TrafficTarget[][]
}

/** The identity token the stand-in mints for an audience (the IAM front accepts only the right one). */
export const identityTokenFor = (audience: string) => `id-token-for:${audience}`

export async function readState(file: string): Promise<GcloudState> {
  return (await Bun.file(file).json()) as GcloudState
}

export async function writeState(file: string, state: GcloudState): Promise<void> {
  await Bun.write(file, JSON.stringify(state, null, 2))
}
