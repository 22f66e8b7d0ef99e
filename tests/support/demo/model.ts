/**
 * The demo model: a handler for the fake Gemini that answers every call of the studio in kind
 * (launch routing, the chat agent's function calls, Google-Search research, each step's JSON
 * schema, the article as a stream of chunks, polish and auto-fix rewrites, brand analysis, the
 * image studio's calls (image-answers.ts) and the video studio's prompt tools and first frames),
 * plausibly and in the languages the request asks for. Used by `bun run dev:demo`
 * and the browser tests; a test can put its own answers first with `enqueueWhen`.
 */
import type { RecordedRequest, Reply } from '../fake-gemini'
import { brandJudgementReply, isBrandJudgement } from './brand-answers'
import { isCampaignPlan, isCampaignPosts, planAnswer, postsAnswer } from './campaign-answers'
import { directorReply, imageJsonReply, imageReply } from './image-answers'
import {
  block,
  briefField,
  contentLang,
  functionNames,
  hostOf,
  isGrounded,
  nameFromHost,
  schemaKeys,
  schemaOf,
  uiLang,
  wantsImage,
} from './read-request'
import {
  brandAnswer,
  briefAnswer,
  competitorsAnswer,
  diagnosisAnswer,
  landscapeAnswer,
  reviewAnswer,
  solutionsAnswer,
} from './strategy-answers'
import {
  firstFrameAnswer,
  isFirstFrame,
  isVideoEnhance,
  isVideoPlan,
  isVideoSummary,
  videoDirectorReply,
  videoEnhanceAnswer,
  videoPlanAnswer,
  videoSummaryAnswer,
} from './video-answers'
import {
  article,
  reviewAnswer as articleReview,
  fixed,
  metadataAnswer,
  outlineAnswer,
  polished,
  researchNotes,
} from './writing-answers'

const SOURCES = [
  { url: 'https://coffee-research.example/brewing-ratios' },
  { url: 'https://barista-guild.example/grind-size' },
]

/** Words of a chat message that name a step. */
const STEP_WORDS: [RegExp, number][] = [
  [/diagnos|诊断/i, 1],
  [/competitor|竞品|竞争/i, 2],
  [/analys|分析/i, 3],
  [/strateg|策略/i, 4],
  [/brief|简报/i, 5],
  [/article|write|文章|撰写|编辑/i, 6],
  [/publish|metadata|发布/i, 7],
]

function agentReply(r: RecordedRequest): Reply {
  const said = block(r, 'user_message') ?? ''
  const max =
    r.body?.tools?.[0]?.functionDeclarations?.[0]?.parametersJsonSchema?.properties?.step
      ?.maximum ?? 1
  const named = STEP_WORDS.find(([re]) => re.test(said))?.[1] ?? Number(said.match(/\d/)?.[0] ?? 0)
  const step = Math.min(Math.max(named || 1, 1), max)
  if (/again|redo|re-?run|regenerate|重新|再来|换/i.test(said)) {
    return { functionCall: { name: 'rerun_step', args: { step, instructions: said } } }
  }
  if (/go back|back to|open|回到|返回|打开/i.test(said)) {
    return { functionCall: { name: 'go_to_step', args: { step } } }
  }
  return {
    text:
      uiLang(r) === 'zh'
        ? '这是演示回答：你可以让我“回到竞品”或“重新生成策略”，我会移动工作区。'
        : 'This is a demo answer: ask me to “go back to competitors” or “redo the strategy” and I will move the workspace.',
  }
}

function launchReply(r: RecordedRequest): Reply {
  const said = block(r, 'user_message') ?? ''
  const url = said.match(/https?:\/\/[^\s，。]+|[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?/i)?.[0]
  const intent = /video|视频/i.test(said)
    ? 'VIDEO_GENERATION'
    : /image|poster|图片|海报/i.test(said)
      ? 'IMAGE_GENERATION'
      : url
        ? 'SEO'
        : 'OTHER'
  return {
    functionCall: {
      name: 'route_user_request',
      args: { intent, query: said.slice(0, 200), ...(url && intent === 'SEO' ? { url } : {}) },
    },
  }
}

/** The Search Console row ids a strategy board may cite (its schema's enum), if any. */
function evidenceIds(r: RecordedRequest): string[] {
  return schemaOf(r)?.properties?.solutions?.items?.properties?.evidence?.items?.enum ?? []
}

function jsonReply(r: RecordedRequest, keys: string[]): Reply | undefined {
  const ui = uiLang(r)
  const content = contentLang(r)
  const keyword = briefField(r, 'Main keyword') ?? 'pour over coffee'
  if (isBrandJudgement(keys)) return brandJudgementReply(r, keys)
  if (keys.includes('brandName')) {
    const title = r.promptText
      .match(/^Title: (.*)$/m)?.[1]
      ?.split('|')[0]
      ?.trim()
    const url = r.promptText.match(/website at (\S+?)\.?\n/)?.[1]
    return { json: brandAnswer(ui, title || nameFromHost(hostOf(url))) }
  }
  if (keys.includes('contentSeoHealthScore'))
    return { json: diagnosisAnswer(ui, hostOf(block(r, 'site'))) }
  if (keys.includes('competitors')) return { json: competitorsAnswer(ui) }
  if (keys.includes('contentSeoScore')) {
    const url = block(r, 'competitor')?.match(/"url":\s*"([^"]+)"/)?.[1] ?? 'https://a.example'
    return { json: reviewAnswer(ui, url) }
  }
  if (keys.includes('overallTrend')) return { json: landscapeAnswer(ui) }
  if (keys.includes('solutions')) return { json: solutionsAnswer(ui, content, evidenceIds(r)) }
  if (keys.includes('titleSuggestion'))
    return { json: briefAnswer(ui, content, r.promptText.includes('<previous_brief>')) }
  if (keys.includes('outline')) return { json: outlineAnswer(content, keyword) }
  if (keys.includes('placements')) {
    const titles: string[] = schemaOf(r)?.properties?.placements?.items?.properties?.sectionTitle
      ?.enum ?? ['Introduction']
    return {
      json: {
        placements: titles.slice(0, 2).map((sectionTitle) => ({
          sectionTitle,
          imagePrompt: `A warm photo of pour over coffee brewing, for the section ${sectionTitle}`,
          alt: content === 'zh' ? `插图：${sectionTitle}` : `Illustration: ${sectionTitle}`,
        })),
      },
    }
  }
  if (keys.includes('brandVoice')) return { json: articleReview(ui) }
  if (keys.includes('seoTitle')) return { json: metadataAnswer(content, keyword) }
  return undefined
}

/** A text in small chunks when streamed, so it arrives as the model "writes"; else in one piece. */
const chunked = (r: RecordedRequest, text: string): Reply =>
  r.action === 'streamGenerateContent'
    ? { chunks: text.match(/[\s\S]{1,60}/g) ?? [text] }
    : { text }

export function demoModel(r: RecordedRequest): Reply | undefined | Promise<Reply> {
  if (wantsImage(r)) return isFirstFrame(r) ? firstFrameAnswer(r) : imageReply(r)
  const functions = functionNames(r)
  if (functions.includes('route_user_request')) return launchReply(r)
  if (functions.includes('creative_director_action')) return directorReply(r)
  if (functions.includes('video_creative_director_action')) return videoDirectorReply(r, uiLang(r))
  if (isVideoSummary(r)) return videoSummaryAnswer(r)
  if (isVideoEnhance(r)) return videoEnhanceAnswer(r, uiLang(r))
  if (isVideoPlan(r)) return { sources: SOURCES, ...videoPlanAnswer(r, uiLang(r)) }
  const imageJson = imageJsonReply(r)
  if (imageJson) return imageJson
  if (isCampaignPlan(r)) return planAnswer(r)
  if (isCampaignPosts(r)) return postsAnswer(r)
  if (functions.includes('go_to_step')) return agentReply(r)
  const keyword = briefField(r, 'Main keyword') ?? 'pour over coffee'
  const json = jsonReply(r, schemaKeys(r))
  // Grounded answers rest on sources, as Google reports them (one call with Search and JSON).
  if (json) return isGrounded(r) ? { sources: SOURCES, queries: [keyword], ...json } : json
  if (isGrounded(r)) {
    return { text: researchNotes(uiLang(r), keyword), sources: SOURCES, queries: [keyword] }
  }
  const given = block(r, 'article')
  const content = contentLang(r)
  if (given !== undefined)
    return chunked(r, r.promptText.includes('<issues>') ? fixed(given, content) : polished(given))
  const outline = (block(r, 'outline') ?? '').split('\n').filter((l) => l.startsWith('#'))
  return chunked(r, article(content, keyword, outline))
}
