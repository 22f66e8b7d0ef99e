/**
 * @module brand-guard/check
 * `POST /api/brand/check`: an image (a stored media id) against a brand profile (a saved one by
 * id, or inline). A complete result is kept in the store under the image, the profile's version
 * (`profile-version.ts`), the logo expectation and the method's version, so asking again for the
 * same asset and brand answers the kept result (`cached: true`) without a model call; a partial
 * one (judged half unavailable) is answered but not kept, so a later request can complete it.
 */
import * as v from 'valibot'
import type { BlobStore } from '../../storage/types'
import { PreconditionFailed } from '../../storage/types'
import type { StepContext } from '../context'
import { loadStoredImage } from '../image/inputs'
import { MediaId } from '../image/schemas'
import { checkImage, type ImageCheck } from './check-image'
import { CHECK_VERSION } from './method'
import { profileVersion } from './profile-version'
import { hasOneProfile, ONE_PROFILE, ProfileChoice, resolveProfile } from './profiles'

export const BrandCheckRequest = v.pipe(
  v.object({
    /** The stored image to check (PNG, JPEG or WebP). */
    imageId: MediaId,
    ...ProfileChoice,
    /** True: the image should show the logo; false: it need not; absent: the model judges. */
    expectLogo: v.optional(v.boolean()),
  }),
  v.forward(
    v.check((input) => hasOneProfile(input), ONE_PROFILE),
    ['profileId']
  )
)
export type BrandCheckRequest = v.InferOutput<typeof BrandCheckRequest>

export { BrandCheckResponse } from './responses'
/** The check, the image it was made for, and whether it was made earlier (`cached`). */
export type BrandCheckAnswer = ImageCheck & { imageId: string; cached: boolean }

export interface GuardContext extends StepContext {
  workspace: string
}

const logoKey = (expect?: boolean) => (expect === undefined ? 'auto' : expect ? 'logo' : 'nologo')

export const checkKey = (imageId: string, version: string, expectLogo?: boolean) =>
  `brand-checks/${imageId}/${version}-${logoKey(expectLogo)}-v${CHECK_VERSION}.json`

async function readKept(store: BlobStore, key: string): Promise<ImageCheck | undefined> {
  const bytes = await store.read(key)
  if (!bytes) return undefined
  try {
    const kept = JSON.parse(new TextDecoder().decode(bytes)) as ImageCheck
    return kept?.kind === 'image' && kept.method?.version === CHECK_VERSION ? kept : undefined
  } catch {
    return undefined
  }
}

async function keep(store: BlobStore, key: string, check: ImageCheck) {
  try {
    await store.put(key, new TextEncoder().encode(JSON.stringify(check)), {
      contentType: 'application/json',
      ifGenerationMatch: '0',
    })
  } catch (error) {
    // Another request kept the same result first.
    if (!(error instanceof PreconditionFailed)) throw error
  }
}

export async function brandCheck(
  ctx: GuardContext,
  input: BrandCheckRequest
): Promise<BrandCheckAnswer> {
  const profile = await resolveProfile(ctx, input)
  const key = checkKey(input.imageId, profileVersion(profile), input.expectLogo)
  const kept = await readKept(ctx.store, key)
  if (kept) return { ...kept, imageId: input.imageId, cached: true }
  const image = await loadStoredImage(ctx.store, input.imageId, 'imageId')
  const check = await checkImage(ctx, {
    image,
    profile,
    ...(input.expectLogo === undefined ? {} : { expectLogo: input.expectLogo }),
  })
  if (!check.score.partial) await keep(ctx.store, key, check)
  ctx.log.info('brand check', {
    image: input.imageId,
    score: check.score.value,
    partial: check.score.partial,
    issues: check.issues.length,
  })
  return { ...check, imageId: input.imageId, cached: false }
}
