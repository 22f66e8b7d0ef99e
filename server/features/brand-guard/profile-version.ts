/**
 * @module brand-guard/profile-version
 * What a brand check says about the profile it used: the brand's name and a version, a digest
 * of exactly the parts the check reads (name, industry, voice, banned words, the kit's colours,
 * fonts and logo), so a result is reused for the same asset and the same brand and measured
 * again when any of those change, whichever profile id or inline copy carries them.
 */
import type { BrandProfile } from '../brand/profile'

export interface ProfileRef {
  name: string
  /** 16 hex characters. */
  version: string
}

export function profileVersion(profile: BrandProfile): string {
  const info = profile.globalInfo
  const kit = info.kit
  const read = [
    info.brand_name,
    info.brand_industry,
    info.brand_voice,
    info.negative_keywords_global,
    kit?.colors.map((c) => [c.hex, c.role]) ?? [],
    kit?.fonts.map((f) => [f.family, f.role]) ?? [],
    kit?.logo?.mediaId ?? null,
  ]
  return new Bun.CryptoHasher('sha256').update(JSON.stringify(read)).digest('hex').slice(0, 16)
}

export const profileRef = (profile: BrandProfile): ProfileRef => ({
  name: profile.globalInfo.brand_name,
  version: profileVersion(profile),
})
