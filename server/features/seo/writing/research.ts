/**
 * @module seo/writing/research
 * `web-research`: facts, figures and angles for the article, researched with the Google Search
 * tool and returned with what the answer was grounded in (sources, queries, search suggestions).
 */
import * as v from 'valibot'
import { type GroundingFields, groundingFields } from '../../../ai/grounding'
import type { Grounding, TextRequest } from '../../../ai/types'
import { DATA_RULE, languageRule } from '../../../core/prompt-blocks'
import { UiLanguage } from '../../../core/schema'
import type { StepContext } from '../../context'
import { ContentBrief } from '../schemas'
import { briefBlock, contentLanguage } from './context'

export { ResearchResponse } from '../responses'

export const WebResearchRequest = v.object({ brief: ContentBrief, uiLanguage: UiLanguage })
export type WebResearchRequest = v.InferOutput<typeof WebResearchRequest>

export interface ResearchResult extends GroundingFields {
  summary: string
}

export function researchRequest(body: WebResearchRequest, signal?: AbortSignal): TextRequest {
  const { brief } = body
  return {
    grounded: true,
    signal,
    system: [
      'You are a meticulous research assistant preparing notes for an SEO article writer.',
      'Search the web with Google Search and report only what your search results support.',
      DATA_RULE,
      languageRule({ ui: body.uiLanguage }),
      `Keep names, product terms and quotations in their original language; the article itself will be written in ${contentLanguage(brief)}.`,
    ].join('\n'),
    prompt: [
      `Research the topic of this content brief for readers in ${brief.targetRegion || 'United States'}.`,
      'Write 3–5 short paragraphs of research notes: key facts and current figures (with the year they refer to), what searchers want to know, common questions, expert or authoritative viewpoints, and angles competitors miss.',
      'Do not write the article. Do not invent statistics; leave out anything you could not find.',
      briefBlock(brief),
    ].join('\n\n'),
  }
}

export async function webResearch(
  ctx: StepContext,
  body: WebResearchRequest
): Promise<ResearchResult> {
  const result = await ctx.ai.text(researchRequest(body, ctx.signal))
  return { summary: result.text.trim(), ...groundingFields(result.grounding) }
}

/** The streamed form: the notes as they are written, then `done` with the summary and grounding. */
export const streamResearch = (ctx: StepContext, body: WebResearchRequest) => ({
  events: ctx.ai.stream(researchRequest(body, ctx.signal)),
  finish: (text: string, grounding?: Grounding): ResearchResult => ({
    summary: text.trim(),
    ...(grounding ? groundingFields(grounding) : groundingFields()),
  }),
})
