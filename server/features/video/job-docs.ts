/**
 * @module video/job-docs
 * How the video job routes are documented (`/api/openapi.json`); `routes.ts` places each beside
 * its route. Schemas load with the document.
 */
import * as v from 'valibot'
import { describe, type SchemaRef } from '../../core/openapi/route-doc'
import { JOB_ID } from './job-ids'

const responses = () => import('./responses')
const schema =
  (name: 'VideoJob' | 'JobPage' | 'JobEstimate' | 'ProgressEvent'): SchemaRef =>
  async () =>
    (await responses())[name]
const id = v.pipe(v.string(), v.regex(JOB_ID), v.description('The job id.'))
const tag = 'Video'
/** A job id the examples use: well formed, not stored (so not found). */
const SAMPLE_ID = 'v0123456789abcdefghijk'
/** A 1x1 PNG, base64, for the examples. */
const PIXEL_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='

export const jobDocs = {
  create: describe({
    operationId: 'createVideoJob',
    summary: 'Start a video job (or price it)',
    description:
      'Answers `202` with the job and its `Location`; the video is made in the background: poll `GET /api/video/jobs/{id}` or listen to its events. With an `Idempotency-Key`, repeating the request answers the job the key made (`Idempotent-Replayed: true`), never a second paid job; the key with another request is `422 idempotency_key_reused`. `?dryRun=1` answers the plan, its price and what is left of the workspace budget (`200`) and starts nothing; a job whose price the budget cannot hold is `402 budget_exceeded`, before anything is sent. A mode or model this deployment cannot run is `501` naming the one that can.',
    tag,
    upstream: true,
    metered: true,
    requestHeaders: ['Idempotency-Key'],
    responses: {
      200: { description: 'Dry run: the plan and its price', schema: schema('JobEstimate') },
      202: {
        description: 'The job, started',
        schema: schema('VideoJob'),
        headers: ['Location', 'Idempotent-Replayed'],
      },
    },
    errors: {
      400: ['invalid_key', 'invalid_source', 'invalid_media_id'],
      404: ['not_found'],
      413: ['image_too_large'],
      422: ['idempotency_key_reused'],
      501: ['not_available'],
      503: ['storage_busy'],
    },
    examples: [
      {
        summary: 'A video from a prompt (mode inferred: text)',
        body: {
          prompt: 'A slow pour-over in morning light, close-up, steam rising',
          durationSeconds: 8,
        },
        headers: { 'Idempotency-Key': 'b3f1c6e2-7a4d-4f0e-9c1a-2d5e8f9a0b1c' },
        status: 202,
      },
      {
        summary: 'The price first',
        body: { prompt: 'A slow pour-over in morning light' },
        query: { dryRun: '1' },
        status: 200,
      },
      {
        summary: 'A mode that contradicts the inputs',
        body: { mode: 'firstLast', prompt: 'A slow pour-over' },
        status: 400,
      },
    ],
  }),
  list: describe({
    operationId: 'listVideoJobs',
    summary: "The workspace's video jobs, newest first",
    description: 'Jobs as stored; `GET /api/video/jobs/{id}` brings one up to date.',
    tag,
    responses: { 200: { description: 'A page of jobs', schema: schema('JobPage') } },
    examples: [{ summary: 'The first page', query: { limit: '20' }, status: 200 }],
  }),
  get: describe({
    operationId: 'getVideoJob',
    summary: 'A video job, brought up to date',
    description:
      'Asks the video service and stores what changed; any instance answers. Poll every few seconds until `status` is `succeeded`, `failed` or `cancelled`.',
    tag,
    upstream: true,
    params: { id },
    responses: { 200: { description: 'The job', schema: schema('VideoJob') } },
    examples: [{ summary: 'A job id (none here, so 404)', params: { id: SAMPLE_ID }, status: 404 }],
  }),
  remove: describe({
    operationId: 'deleteVideoJob',
    summary: 'Delete a video job',
    description: 'Cancels a running job upstream and deletes its video and poster.',
    tag,
    upstream: true,
    params: { id },
    responses: { 204: { description: 'Deleted' } },
    examples: [{ summary: 'A job id (none here, so 404)', params: { id: SAMPLE_ID }, status: 404 }],
  }),
  events: describe({
    operationId: 'videoJobEvents',
    summary: 'A video job as Server-Sent Events',
    description:
      'The job is brought up to date every few seconds and what changed is sent: `status` (the whole job) when the status changes, `progress` when the percent grows. The stream ends after the status event of a finished job, or with `error`. Event ids follow the job, not the connection: reconnect with `Last-Event-ID` (or `?lastEventId=`) to get only what you have not seen; a client that saw the end gets `204`.',
    tag,
    params: { id },
    requestHeaders: ['Last-Event-ID'],
    responses: {
      200: { description: 'The event stream' },
      204: { description: 'The job is over and the client saw its last event' },
    },
    events: {
      status: {
        description: 'The whole job, when its status changes.',
        schema: schema('VideoJob'),
      },
      progress: { description: 'The percent, when it grows.', schema: schema('ProgressEvent') },
      error: {
        description:
          'The job could not be followed (deleted, or the service failed three times): the error envelope with its status.',
        schema: async () => (await import('../stream-schemas')).ErrorEvent,
      },
    },
    examples: [{ summary: 'A job id (none here, so 404)', params: { id: SAMPLE_ID }, status: 404 }],
  }),
  poster: describe({
    operationId: 'setVideoJobPoster',
    summary: 'Upload the poster frame of a finished video',
    tag,
    params: { id },
    rawBody: {
      contentType: 'image/png',
      description: 'The image (PNG, JPEG or WebP, at most 4 MB).',
    },
    responses: { 200: { description: 'The job with its poster', schema: schema('VideoJob') } },
    errors: {
      409: ['job_not_finished'],
      413: ['payload_too_large'],
      415: ['unsupported_media_type'],
    },
    examples: [{ summary: 'A job id (none here, so 404)', params: { id: SAMPLE_ID }, status: 404 }],
  }),
  brandCheck: describe({
    operationId: 'checkVideoJobBrand',
    summary: 'Check a finished video against a brand profile',
    description:
      "Gemini watches the clip (through the Files API on the Developer API; the bucket's `gs://` object, or inline bytes without Cloud Storage, on Vertex AI) and judges the logo, typography, voice and anything the brand rules out; the first and last frames, which the client draws from the video and sends, are measured against the palette. The result is stored on the job (`brandCheck`) and the job answered; a job already checked against the same brand version answers what it holds. Send `profileId` or `profile`, not both.",
    tag,
    upstream: true,
    metered: true,
    params: { id },
    responses: { 200: { description: 'The job with its brand check', schema: schema('VideoJob') } },
    errors: {
      404: ['not_found'],
      409: ['job_not_finished'],
      413: ['payload_too_large', 'video_too_large'],
      501: ['not_available'],
      503: ['storage_busy'],
    },
    examples: [
      {
        summary: 'A job id (none here, so 404)',
        params: { id: SAMPLE_ID },
        body: {
          profileId: 'northwind',
          frames: {
            first: { data: PIXEL_PNG, mimeType: 'image/png' },
            last: { data: PIXEL_PNG, mimeType: 'image/png' },
          },
        },
        status: 404,
      },
    ],
  }),
}
