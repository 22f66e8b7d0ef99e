import { afterAll, expect, test } from 'bun:test'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { TEST_API_KEY } from '../support/app'
import { startFakeGemini } from '../support/fake-gemini'
import {
  createJob,
  getJob,
  image,
  readEvents,
  settled,
  started,
  textJob,
  videoApp,
} from './support'

// The Developer API key reaches the service in a header and nowhere else.
const gemini = await startFakeGemini()
afterAll(() => gemini.stop())

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]
  )
}

test('a test key never appears in a response, a stored record or file, a log line or a URL', async () => {
  gemini.video.script({ polls: 1 }, { outcome: 'fail' })
  const { app, logLines, dataDir } = videoApp({ gemini })
  const bodies: string[] = []
  const keep = async (res: Response) => {
    bodies.push(JSON.stringify([...res.headers]), await res.text())
  }
  const job = await started(app, { mode: 'image', prompt: 'x', firstFrame: image() })
  await keep(await app.request(`/api/video/jobs/${job.id}/events`))
  const done = await settled(app, job.id)
  await keep(await getJob(app, job.id))
  await keep(await app.request(done.video.url))
  const failed = await started(app, textJob)
  await keep(await getJob(app, failed.id))
  await keep(await app.request('/api/video/jobs'))
  gemini.enqueueWhen((r) => r.action === 'createInteraction', {
    status: 400,
    message: `bad ${TEST_API_KEY}`,
  })
  await keep(await createJob(app, textJob))
  const stored = filesUnder(dataDir).map((f) => readFileSync(f).toString('latin1'))

  expect(bodies.length).toBeGreaterThan(10)
  for (const text of [...bodies, ...stored, ...logLines]) expect(text).not.toContain(TEST_API_KEY)
  expect(gemini.requests.every((r) => !r.query.has('key') && !r.path.includes(TEST_API_KEY))).toBe(
    true
  )
  expect(gemini.calls('downloadFile')[0]?.headers['x-goog-api-key']).toBe(TEST_API_KEY)
})

test('the events stream carries no key either', async () => {
  gemini.video.script({ polls: 0 })
  const { app } = videoApp({ gemini })
  const job = await started(app, textJob)
  const frames = await readEvents(await app.request(`/api/video/jobs/${job.id}/events`))
  expect(JSON.stringify(frames)).not.toContain(TEST_API_KEY)
  expect(frames.at(-1)?.data.video.url).toMatch(/^\/media\/[a-f0-9]{64}\.mp4$/)
})
