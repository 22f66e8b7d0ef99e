/**
 * @module brand-guard/profiles
 * The brand profile a check is made against: one of the workspace's saved profiles by id (404
 * when it has none by that id), or a profile sent inline. Shared by the image and video checks.
 */
import * as v from 'valibot'
import { errors } from '../../core/errors'
import type { Logger } from '../../core/logger'
import type { BlobStore } from '../../storage/types'
import { BrandProfile } from '../brand/profile'
import { loadRecord } from '../library/records'
import type { BrandProfileDocument } from '../library/schemas/brand-profile'
import { DocumentId } from '../library/schemas/common'

/** `profileId` or `profile`, exactly one of them. */
export const ProfileChoice = {
  /** A saved brand profile of the workspace. */
  profileId: v.optional(DocumentId),
  /** A profile sent as it is (the brand editor's unsaved one, another tool's). */
  profile: v.optional(BrandProfile),
}

export const ONE_PROFILE = 'Send either profileId (a saved brand profile) or profile, not both'

/** True when exactly one of `profileId` and `profile` is there. */
export const hasOneProfile = (input: { profileId?: string; profile?: unknown }) =>
  (input.profileId === undefined) !== (input.profile === undefined)

export interface ProfileScope {
  store: BlobStore
  workspace: string
  log: Logger
}

export async function resolveProfile(
  scope: ProfileScope,
  choice: { profileId?: string; profile?: BrandProfile }
): Promise<BrandProfile> {
  if (choice.profile) return choice.profile
  const loaded = await loadRecord({ ...scope, kind: 'brand-profiles' }, choice.profileId ?? '')
  if (!loaded) throw errors.notFound('The brand profile')
  const parsed = v.safeParse(BrandProfile, (loaded.record.document as BrandProfileDocument).profile)
  if (!parsed.success) throw errors.notFound('The brand profile')
  return parsed.output
}
