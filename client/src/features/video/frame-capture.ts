/**
 * @module features/video/frame-capture
 * A finished video's first and last frames, drawn from a `<video>` of its own (so the player
 * the user watches is not moved) to a canvas, as JPEG base64: what the brand check measures,
 * since the server has no video decoder.
 */
import type { VideoBrandCheckBody } from '../../api/video'
import { base64Of, captureFrame } from './input-images'

type Frame = VideoBrandCheckBody['frames']['first']

const event = (video: HTMLVideoElement, name: 'loadeddata' | 'seeked') =>
  new Promise<void>((resolve, reject) => {
    video.addEventListener(name, () => resolve(), { once: true })
    video.addEventListener('error', () => reject(new Error('video not readable')), { once: true })
  })

async function frameAt(video: HTMLVideoElement, seconds: number): Promise<Frame> {
  if (Math.abs(video.currentTime - seconds) > 0.001) {
    const seeked = event(video, 'seeked')
    video.currentTime = seconds
    await seeked
  }
  return { data: await base64Of(await captureFrame(video)), mimeType: 'image/jpeg' }
}

/** The first frame and one just before the end of the video at `url`. */
export async function captureEnds(url: string): Promise<{ first: Frame; last: Frame }> {
  const video = document.createElement('video')
  video.muted = true
  video.preload = 'auto'
  video.playsInline = true
  const loaded = event(video, 'loadeddata')
  video.src = url
  try {
    await loaded
    const first = await frameAt(video, 0)
    const end = Number.isFinite(video.duration) ? Math.max(0, video.duration - 0.05) : 0
    const last = await frameAt(video, end)
    return { first, last }
  } finally {
    video.removeAttribute('src')
    video.load()
  }
}
