/**
 * @module seo/writing/outline
 * `generate-outline`: the article's H2/H3 headings in the content language, from the research
 * notes, the brief and the brand. JSON mode with a schema; a failure is an error, never the
 * brief's suggested outline passed off as a result.
 */
import * as v from 'valibot'
import { DATA_RULE, dataBlock, languageRule } from '../../../core/prompt-blocks'
import { UiLanguage } from '../../../core/schema'
import { BrandProfile } from '../../brand/profile'
import { brandBlock } from '../../brand/prompt-block'
import type { StepContext } from '../../context'
import { ContentBrief } from '../schemas'
import { briefBlock, contentLanguage, voiceRule } from './context'

export { OutlineResponse } from '../responses'

export const GenerateOutlineRequest = v.object({
  researchSummary: v.pipe(v.string(), v.maxLength(30_000)),
  brief: ContentBrief,
  profile: BrandProfile,
  uiLanguage: UiLanguage,
})
export type GenerateOutlineRequest = v.InferOutput<typeof GenerateOutlineRequest>

export const OutlineOutput = v.object({
  outline: v.pipe(
    v.array(
      v.pipe(
        v.string(),
        v.minLength(3),
        v.maxLength(300),
        v.description('One Markdown heading: "## Section" or "### Subsection".')
      )
    ),
    v.minLength(3),
    v.maxLength(40),
    v.description('The article headings in reading order.')
  ),
})

/** `## Heading` or `### Heading`: other levels and bare text are brought to that form. */
export function toHeading(line: string): string | undefined {
  const match = line.trim().match(/^(#*)\s*(.*)$/)
  const text = match?.[2]?.replace(/\s+#+\s*$/, '').trim()
  if (!text) return undefined
  return `${(match?.[1]?.length ?? 0) >= 3 ? '###' : '##'} ${text}`
}

export async function generateOutline(
  ctx: StepContext,
  body: GenerateOutlineRequest
): Promise<{ outline: string[] }> {
  const { brief, profile } = body
  const language = contentLanguage(brief)
  const { data } = await ctx.ai.json({
    schema: OutlineOutput,
    signal: ctx.signal,
    system: [
      `You are an SEO content strategist for ${profile.globalInfo.brand_name || 'a brand'} (${profile.globalInfo.brand_industry || 'general industry'}).`,
      DATA_RULE,
      languageRule({ ui: body.uiLanguage, content: language }),
      voiceRule(profile),
    ].join('\n'),
    prompt: [
      `Create the final outline of an article for readers in ${brief.targetRegion || 'United States'}.`,
      [
        `- Write every heading in ${language}.`,
        '- Use "## " for sections and "### " for subsections; 5–10 sections suit most articles. No H1 (the title is added later) and no "Introduction" heading.',
        `- Cover the search intent behind the main keyword "${brief.mainKeyword}" completely; use it in at least one heading and the secondary keywords where they fit naturally.`,
        "- Build on the research notes and the brief's suggested outline; end with a conclusion or FAQ section when it helps the reader.",
      ].join('\n'),
      briefBlock(brief),
      brandBlock(profile),
      dataBlock('research', body.researchSummary || '(no research notes)'),
    ].join('\n\n'),
  })
  const outline = data.outline.map(toHeading).filter((h): h is string => Boolean(h))
  return { outline }
}
