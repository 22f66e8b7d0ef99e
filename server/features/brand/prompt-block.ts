/**
 * @module brand/prompt-block
 * The one brand block every prompt that writes for a brand carries (SEO steps, image and video
 * studios): name, industry, voice, values, banned words, the market it writes for, and the parts
 * of the brand kit the task needs. Every value came from the user or a website, so it goes in as
 * a data block.
 */
import { dataBlock } from '../../core/prompt-blocks'
import { type KitAspect, kitSummary } from './kit-summary'
import type { BrandProfile, ProjectConfig } from './profile'

export interface BrandBlockOptions {
  /** The project written for: its keywords, and the keywords earlier content already used. */
  project?: ProjectConfig
  /** The market the content is for, when the task fixes it (a brief). */
  market?: { targetRegion: string; targetLanguage: string }
  /** The brand kit's aspects that matter to the task; colours, fonts and market by default. */
  kit?: readonly KitAspect[]
}

const DEFAULT_KIT: readonly KitAspect[] = ['colors', 'fonts', 'market']

export function brandBlock(
  profile: BrandProfile | undefined,
  options: BrandBlockOptions = {}
): string {
  if (!profile) return ''
  const info = profile.globalInfo
  const voice = info.brand_voice
  const { project, market } = options
  const lines = [
    `Brand: ${info.brand_name || '(unnamed)'}`,
    `Industry: ${info.brand_industry || '(unspecified)'}`,
    `Voice tone: ${voice.tone || '(unspecified)'}`,
    `Voice style: ${voice.style || '(unspecified)'}`,
    `Values: ${voice.values.join(', ') || '(none)'}`,
    `Words the brand never uses: ${info.negative_keywords_global.join(', ') || '(none)'}`,
    market && `Target region: ${market.targetRegion}`,
    market && `Target language: ${market.targetLanguage}`,
    project?.target_keywords.length && `Target keywords: ${project.target_keywords.join(', ')}`,
    project?.project_keyword_history.length &&
      `Keywords earlier content already used: ${project.project_keyword_history.join(', ')}`,
    kitSummary(info.kit, { aspects: options.kit ?? DEFAULT_KIT }),
  ]
  return dataBlock('brand', lines.filter(Boolean).join('\n'))
}
