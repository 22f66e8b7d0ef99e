/**
 * @module ai/gemini/files
 * The Files API (Developer API only): bytes uploaded with Google's resumable protocol (the SDK's
 * `files.upload`), then asked about until the service has processed them (`ACTIVE`), so a
 * `fileData` part can name them; a file the service could not process is a 502 naming it.
 * Vertex AI has no Files API (it reads `gs://` objects): a 501 before any request.
 */
import { AppError, errors } from '../../core/errors'
import { budgetMs, totalBudget } from '../deadline'
import { cancelled } from '../errors'
import type { FileUploadRequest, UploadedFile } from '../types'
import { callModel, type GeminiContext } from './client'

/** Waits between looks at a processing file: short first (a short clip is ready at once). */
const POLL_MS = [100, 250, 500, 1000, 2000]

export async function uploadFile(
  ctx: GeminiContext,
  modelId: string,
  request: FileUploadRequest
): Promise<UploadedFile> {
  if (ctx.ai.backend !== 'developer') {
    throw errors.notImplemented(
      'The Files API is served by the Gemini Developer API only; on Vertex AI files are read from Cloud Storage.'
    )
  }
  const ms = budgetMs(ctx.ai.deadlines, request)
  const budget = totalBudget(ms, request.signal)
  const options = { budget, signal: request.signal, retries: ctx.retry.retries }
  const uploaded = await callModel(
    ctx,
    modelId,
    (sdk) =>
      sdk.files.upload({
        file: new Blob([new Uint8Array(request.bytes)], { type: request.mimeType }),
        config: {
          mimeType: request.mimeType,
          ...(request.displayName ? { displayName: request.displayName } : {}),
          // The upload takes no abort signal: each of its requests is bounded by the budget.
          httpOptions: {
            timeout: Math.max(1, budget.deadline ? budget.deadline - Date.now() : ms),
          },
        },
      }),
    options
  )
  const name = uploaded.name
  if (!name)
    throw errors.upstream('upstream_invalid', 'The AI service did not name the uploaded file.')
  let file = uploaded
  for (let look = 0; file.state !== 'ACTIVE'; look++) {
    if (file.state === 'FAILED') {
      ctx.log.warn('gemini file processing failed', { file: name, error: file.error?.message })
      throw new AppError(502, 'upstream_file_failed', 'The AI service could not process the file.')
    }
    await sleep(POLL_MS[Math.min(look, POLL_MS.length - 1)] ?? 2000, budget.signal).catch(() => {
      throw budget.timedOut() ? errors.timeout('The AI service') : cancelled()
    })
    file = await callModel(
      ctx,
      modelId,
      (sdk, abortSignal) => sdk.files.get({ name, config: { abortSignal } }),
      options
    )
  }
  if (!file.uri) throw errors.upstream('upstream_invalid', 'The AI service gave the file no URI.')
  return { name, uri: file.uri, mimeType: file.mimeType ?? request.mimeType }
}

export async function deleteFile(ctx: GeminiContext, modelId: string, name: string): Promise<void> {
  const budget = totalBudget(ctx.ai.deadlines.interactiveMs)
  await callModel(
    ctx,
    modelId,
    (sdk, abortSignal) => sdk.files.delete({ name, config: { abortSignal } }),
    // Also once the check that uploaded it has spent the budget.
    { budget, retries: 0, unmetered: true }
  )
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const timer = setTimeout(resolve, ms)
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer)
        reject(signal.reason)
      },
      { once: true }
    )
  })
}
