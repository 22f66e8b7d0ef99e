/**
 * Shared set-up for the image-studio tests: the real app on both backends against one fake
 * Gemini (Developer API with a key; Vertex AI with real ADC), synthetic images with known
 * colours, and helpers to read the wire.
 */
import type { BrandProfile } from '../../server/features/brand/profile'
import { saveMedia } from '../../server/storage/media'
import { buildTestApp, postJson } from '../support/app'
import type { FakeGemini, RecordedRequest } from '../support/fake-gemini'
import { discPng, type Rgb } from '../support/synthetic-images'

export const MODES = ['developer', 'vertex'] as const
export type Mode = (typeof MODES)[number]

export function appFor(gemini: FakeGemini, mode: Mode, env: Record<string, string> = {}) {
  return mode === 'vertex'
    ? buildTestApp({ vertex: true, gemini, env })
    : buildTestApp({ gemini, env })
}

export type TestApp = ReturnType<typeof appFor>

export const post = (app: TestApp, path: string, body: unknown) =>
  postJson(app.app, `/api/image/${path}`, body)

export const RED: Rgb = [220, 30, 40]
export const WHITE: Rgb = [255, 255, 255]

/** A red disc on white, `width` x `height`, as PNG bytes. */
export const photo = (width = 64, height = 48, subject: Rgb = RED, background: Rgb = WHITE) =>
  discPng({ width, height, subject, background })

export const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')

/** Stores bytes as media in the app's store and gives the id. */
export const stored = async (app: TestApp, bytes: Uint8Array, mimeType = 'image/png') =>
  (await saveMedia(app.deps.store, bytes, mimeType)).id

/** The parts of the request's last (user) turn. */
export const lastUserParts = (req: RecordedRequest): any[] => req.body.contents.at(-1).parts

export const imageCalls = (gemini: FakeGemini) => gemini.calls('generateContent')

export const brandProfile = (kit: BrandProfile['globalInfo']['kit']): BrandProfile => ({
  globalInfo: {
    brand_name: 'Northwind Coffee',
    brand_industry: 'Specialty coffee',
    brand_voice: { tone: 'Warm', style: 'Concrete', values: ['Craft'] },
    negative_keywords_global: [],
    kit,
  },
  projects: [],
})

export const KIT = {
  colors: [
    { hex: '#1f6f5c', role: 'primary' as const, source: 'css-variable' as const },
    { hex: '#f2c14e', role: 'accent' as const, source: 'logo' as const },
  ],
  fonts: [
    { family: 'Playfair Display', role: 'heading' as const, source: 'google-fonts' as const },
  ],
  social: [],
}
