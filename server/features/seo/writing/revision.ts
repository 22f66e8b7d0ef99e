/**
 * @module seo/writing/revision
 * A model rewrite of a whole article (polish, auto-fix) that cannot lose the article: images are
 * protected by placeholders (see images-in-markdown), and an answer that is empty or keeps less
 * than half of the image-free text is re-asked once, then refused with a 502. Both lengths are
 * measured without images (image data would dwarf the text), and the input is never returned as
 * if it were the revision.
 */
import type { StreamEvent, TextRequest, TextRole } from '../../../ai/types'
import { AppError, errors } from '../../../core/errors'
import { DATA_RULE, languageRule, sections } from '../../../core/prompt-blocks'
import type { UiLanguage } from '../../../core/schema'
import type { BrandProfile } from '../../brand/profile'
import type { StepContext } from '../../context'
import type { ContentBrief } from '../schemas'
import { contentLanguage, voiceRule } from './context'
import {
  createTokenRestorer,
  type ProtectedArticle,
  protectImages,
  restoreImages,
  withoutTokens,
} from './images-in-markdown'
import { plainText, unwrapFence } from './markdown'

/** The language a revised article is written in: the brief's, else the article's own. */
export const revisionLanguage = (brief: ContentBrief | undefined) =>
  brief ? contentLanguage(brief) : 'the language the article is written in'

/** The system instruction of a revision: the editor's role, the data and language rules, the voice. */
export const revisionSystem = (
  role: string,
  body: { uiLanguage: UiLanguage; profile?: BrandProfile },
  language: string
) =>
  sections(
    role,
    DATA_RULE,
    languageRule({ ui: body.uiLanguage, content: language }),
    voiceRule(body.profile)
  )

/** What a re-ask adds: the previous answer left out part of the article. */
export const askForWhole = (retry: boolean, what: string) =>
  retry &&
  `Your previous answer was incomplete. Return the WHOLE ${what} this time, from the first line to the last.`

/** The smallest share of the original text (without images) a revision must keep. */
export const MIN_KEPT_SHARE = 0.5

export interface RevisionPlan {
  /** Names the step in logs and errors ("polish", "auto-fix"). */
  step: string
  model: TextRole
  system: string
  /** The prompt around the protected article; `retry` is true when re-asking. */
  prompt: (protectedArticle: string, retry: boolean) => string
}

const visibleLength = (markdown: string) =>
  plainText(withoutTokens(markdown)).replace(/\s+/g, '').length

/** Share of the original's reader-visible text that the answer kept (1 when there was none). */
export function keptShare(answer: string, original: ProtectedArticle): number {
  const before = visibleLength(original.text)
  return before === 0 ? 1 : visibleLength(unwrapFence(answer)) / before
}

const request = (
  ctx: StepContext,
  plan: RevisionPlan,
  text: string,
  retry: boolean
): TextRequest => ({
  model: plan.model,
  system: plan.system,
  prompt: plan.prompt(text, retry),
  // A whole article: streamed internally, so only silence (never a total deadline) cuts it.
  deadline: 'long',
  signal: ctx.signal,
})

/** The gateway's verdict on an answer with no text at all. */
const isEmptyAnswer = (error: unknown) => error instanceof AppError && error.code === 'ai_empty'

/** The model's answer; an empty one is '' (so it is re-asked like a short one). */
async function ask(ctx: StepContext, plan: RevisionPlan, text: string): Promise<string> {
  try {
    return (await ctx.ai.text(request(ctx, plan, text, false))).text
  } catch (error) {
    if (isEmptyAnswer(error)) return ''
    throw error
  }
}

/**
 * Re-asks once when `answer` is empty or too short (unless that was done already); a second
 * short answer is a 502.
 */
async function ensureComplete(
  ctx: StepContext,
  plan: RevisionPlan,
  original: ProtectedArticle,
  answer: string,
  retried = false
): Promise<string> {
  const share = keptShare(answer, original)
  if (share >= MIN_KEPT_SHARE) return answer
  if (retried) throw incomplete(share)
  ctx.log.warn(`${plan.step}: the answer kept too little of the article; asking again`, {
    keptPercent: Math.round(share * 100),
  })
  const again = (await ctx.ai.text(request(ctx, plan, original.text, true))).text
  const secondShare = keptShare(again, original)
  if (secondShare >= MIN_KEPT_SHARE) return again
  throw incomplete(secondShare)
}

const incomplete = (share: number) =>
  errors.upstream(
    'ai_incomplete_revision',
    `The AI service returned an incomplete article twice (${Math.round(share * 100)} % of the text); nothing was changed.`
  )

function restore(ctx: StepContext, plan: RevisionPlan, original: ProtectedArticle, answer: string) {
  const { article, reinserted } = restoreImages(unwrapFence(answer), original.images)
  if (reinserted) {
    ctx.log.warn(`${plan.step}: the model dropped images; put back at their places`, { reinserted })
  }
  return { article }
}

export async function reviseArticle(
  ctx: StepContext,
  article: string,
  plan: RevisionPlan
): Promise<{ article: string }> {
  const original = protectImages(article)
  const first = await ask(ctx, plan, original.text)
  return restore(ctx, plan, original, await ensureComplete(ctx, plan, original, first))
}

/**
 * The streamed form. Deltas are the model's text as it writes, with image tokens already turned
 * back into images (a token split across chunks is held until complete). The `done` payload is
 * authoritative: it is built from the whole answer, with lost images re-inserted, and when the
 * streamed answer was too short it comes from one non-streamed re-ask (the deltas then were a
 * preview the client replaces with `done`). A stream that ends without any text is re-asked
 * (not streamed) before the first frame, so a second failure still gets its real HTTP status.
 */
export function streamRevision(ctx: StepContext, article: string, plan: RevisionPlan) {
  const original = protectImages(article)
  const restorer = createTokenRestorer(original.images)
  let answer = ''
  let retried = false
  async function* events(): AsyncGenerator<StreamEvent> {
    try {
      for await (const event of ctx.ai.stream(request(ctx, plan, original.text, false))) {
        if (event.type !== 'delta') {
          yield event
          continue
        }
        answer += event.text
        const text = restorer.push(event.text)
        if (text) yield { type: 'delta', text }
      }
    } catch (error) {
      if (!isEmptyAnswer(error) || answer) throw error
      ctx.log.warn(`${plan.step}: the streamed answer was empty; asking again`)
      answer = (await ctx.ai.text(request(ctx, plan, original.text, true))).text
      retried = true
      const text = restorer.push(answer)
      if (text) yield { type: 'delta', text }
    }
    const rest = restorer.flush()
    if (rest) yield { type: 'delta', text: rest }
  }
  return {
    events: events(),
    finish: async () =>
      restore(ctx, plan, original, await ensureComplete(ctx, plan, original, answer, retried)),
  }
}
