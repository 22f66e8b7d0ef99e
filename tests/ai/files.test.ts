/**
 * The gateway's Files API against the fake, which follows Google's resumable upload protocol:
 * a start with the size and type, the bytes at the right offset (chunked at 8 MiB), the file
 * asked about until ACTIVE, then usable as a `fileData` part; a file that fails processing, a
 * file not yet ACTIVE, an unknown file and Vertex AI (no Files API) are refused as the service
 * refuses them.
 */
import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import * as v from 'valibot'
import { fakeMp4, startFakeGemini } from '../support/fake-gemini'
import { UPLOAD_GRANULARITY } from '../support/fake-gemini/files'
import { failure, gatewayFor } from './support'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())

const ai = gatewayFor(gemini)

describe('uploadFile (Developer API)', () => {
  test('uploads with the resumable protocol, waits until ACTIVE, and answers the file', async () => {
    gemini.files.script({ processingPolls: 2 })
    const bytes = fakeMp4(4096)
    const file = await ai.uploadFile({ bytes, mimeType: 'video/mp4', displayName: 'job-1' })
    expect(file.name).toMatch(/^files\/[a-z0-9]+$/)
    expect(file.uri).toBe(
      `https://generativelanguage.googleapis.com/v1beta/files/${file.name.slice(6)}`
    )
    expect(file.mimeType).toBe('video/mp4')
    const start = gemini.calls('uploadFileStart')[0]!
    expect(start.path).toBe('/upload/v1beta/files')
    expect(start.headers).toMatchObject({
      'x-goog-upload-protocol': 'resumable',
      'x-goog-upload-command': 'start',
      'x-goog-upload-header-content-length': '4096',
      'x-goog-upload-header-content-type': 'video/mp4',
    })
    expect(start.body.file).toMatchObject({ mimeType: 'video/mp4', displayName: 'job-1' })
    const chunks = gemini.calls('uploadFileChunk')
    expect(chunks).toHaveLength(1)
    expect(chunks[0]!.headers['x-goog-upload-command']).toBe('upload, finalize')
    // PROCESSING twice, then ACTIVE.
    expect(gemini.calls('getFile')).toHaveLength(3)
    const held = gemini.files.files.get(file.name.slice(6))!
    expect(held.bytes).toEqual(bytes)
  })

  test('a file over 8 MiB goes in granular chunks, each at the right offset', async () => {
    gemini.files.script({ processingPolls: 0 })
    const bytes = new Uint8Array(UPLOAD_GRANULARITY + 1000).fill(7)
    await ai.uploadFile({ bytes, mimeType: 'video/mp4' })
    const chunks = gemini.calls('uploadFileChunk')
    expect(chunks.map((c) => c.headers['x-goog-upload-offset'])).toEqual([
      '0',
      String(UPLOAD_GRANULARITY),
    ])
    expect(chunks.map((c) => c.headers['x-goog-upload-command'])).toEqual([
      'upload',
      'upload, finalize',
    ])
  })

  test('a file the service fails to process is a 502 naming it', async () => {
    gemini.files.script({ processingPolls: 1, outcome: 'FAILED' })
    const error = await failure(ai.uploadFile({ bytes: fakeMp4(), mimeType: 'video/mp4' }))
    expect(error.status).toBe(502)
    expect(error.code).toBe('upstream_file_failed')
  })

  test('an ACTIVE file is read as a fileData part; a deleted one is refused as the service does', async () => {
    gemini.files.script({ processingPolls: 0 })
    const file = await ai.uploadFile({ bytes: fakeMp4(), mimeType: 'video/mp4' })
    const part = { fileData: { fileUri: file.uri, mimeType: file.mimeType } }
    gemini.enqueue({ json: { ok: true } })
    const schema = v.object({ ok: v.boolean() })
    const answer = await ai.json({ schema, prompt: [part, { text: 'describe' }] })
    expect(answer.data).toEqual({ ok: true })
    expect(gemini.calls('generateContent')[0]!.body.contents[0].parts[0]).toEqual(part)
    await ai.deleteFile(file.name)
    expect(gemini.calls('deleteFile')).toHaveLength(1)
    const refused = await failure(ai.json({ schema, prompt: [part, { text: 'describe' }] }))
    expect(refused.code).toBe('upstream_auth')
  })

  test('the fake refuses a file that is still PROCESSING, an unknown one, and a bad offset', async () => {
    gemini.files.script({ processingPolls: 5 })
    const start = await fetch(`${gemini.url}/upload/v1beta/files`, {
      method: 'POST',
      headers: {
        'x-goog-api-key': 'k',
        'x-goog-upload-protocol': 'resumable',
        'x-goog-upload-command': 'start',
        'x-goog-upload-header-content-length': '10',
        'x-goog-upload-header-content-type': 'video/mp4',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ file: { mimeType: 'video/mp4' } }),
    })
    const url = new URL(start.headers.get('x-goog-upload-url')!)
    const local = `${gemini.url}${url.pathname}${url.search}`
    const badOffset = await fetch(local, {
      method: 'POST',
      headers: {
        'x-goog-api-key': 'k',
        'x-goog-upload-command': 'upload, finalize',
        'x-goog-upload-offset': '3',
      },
      body: new Uint8Array(10),
    })
    expect(badOffset.status).toBe(400)
    const short = await fetch(local, {
      method: 'POST',
      headers: {
        'x-goog-api-key': 'k',
        'x-goog-upload-command': 'upload, finalize',
        'x-goog-upload-offset': '0',
      },
      body: new Uint8Array(4),
    })
    expect(short.status).toBe(400)
    expect((await short.json()).error.message).toContain('finalized before')
    const done = await fetch(local, {
      method: 'POST',
      headers: {
        'x-goog-api-key': 'k',
        'x-goog-upload-command': 'upload, finalize',
        'x-goog-upload-offset': '4',
      },
      body: new Uint8Array(6),
    })
    expect(done.headers.get('x-goog-upload-status')).toBe('final')
    const { file } = await done.json()
    expect(file.state).toBe('PROCESSING')
    const processing = await failure(
      ai.json({
        schema: v.object({ ok: v.boolean() }),
        prompt: [{ fileData: { fileUri: file.uri, mimeType: 'video/mp4' } }, { text: 'x' }],
      })
    )
    expect(processing.code).toBe('upstream_rejected')
    const unknown = await fetch(`${gemini.url}/v1beta/files/nosuchfile`, {
      headers: { 'x-goog-api-key': 'k' },
    })
    expect(unknown.status).toBe(403)
  })
})

describe('Vertex AI', () => {
  test('has no Files API: 501 before any request', async () => {
    const vertex = gatewayFor(gemini, {}, true)
    const error = await failure(vertex.uploadFile({ bytes: fakeMp4(), mimeType: 'video/mp4' }))
    expect(error.status).toBe(501)
    expect(gemini.requests).toHaveLength(0)
  })

  test('refuses a Files API URI in a file part; takes gs:// with its type', async () => {
    const vertex = gatewayFor(gemini, {}, true)
    const schema = v.object({ ok: v.boolean() })
    const filesUri = 'https://generativelanguage.googleapis.com/v1beta/files/abc'
    const refused = await failure(
      vertex.json({
        schema,
        prompt: [{ fileData: { fileUri: filesUri, mimeType: 'video/mp4' } }, { text: 'x' }],
      })
    )
    expect(refused.code).toBe('upstream_rejected')
    gemini.enqueue({ json: { ok: true } })
    const ok = await vertex.json({
      schema,
      prompt: [
        { fileData: { fileUri: 'gs://media/media/x.mp4', mimeType: 'video/mp4' } },
        { text: 'x' },
      ],
    })
    expect(ok.data.ok).toBe(true)
  })
})
