/**
 * The demo model's video studio answers: three enhanced prompts and three grounded design
 * plans for the idea or topic the request carries, in the UI language (with the topic as the
 * searched query), a warm gradient as a plan's first frame; and the demo's video
 * jobs, which finish after a few polls with a small real MP4 (`fixtures/demo-video.mp4`, four
 * seconds of 384x216 H.264 with AAC sound, made with ffmpeg's `gradients` and `sine` sources)
 * that a browser plays and draws frames of. A description containing "fail" makes a job fail.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { FIRST_FRAME_INSTRUCTION } from '../../../server/features/video/prompts/reference-image'
import { type FakeGemini, type RecordedRequest, type Reply, systemText } from '../fake-gemini'
import { pngRgba } from '../fake-site'
import { block, type Lang, schemaOf } from './read-request'

export const DEMO_VIDEO = new Uint8Array(
  readFileSync(join(import.meta.dir, 'fixtures/demo-video.mp4'))
)
/** Looks (each a few seconds of the studio's event polling) before a demo job is ready. */
export const DEMO_VIDEO_POLLS = 4

const itemKeys = (r: RecordedRequest, list: string): string[] =>
  Object.keys(schemaOf(r)?.properties?.[list]?.items?.properties ?? {})

// The image studio asks with the same option schema; only the video studio's instruction says video.
const asksForVideo = (r: RecordedRequest) => /\bvideos?\b/i.test(systemText(r))
export const isVideoEnhance = (r: RecordedRequest) =>
  asksForVideo(r) && itemKeys(r, 'options').includes('fullPrompt')
export const isVideoPlan = (r: RecordedRequest) =>
  asksForVideo(r) && itemKeys(r, 'plans').includes('firstFramePrompt')

export function videoEnhanceAnswer(r: RecordedRequest, ui: Lang): Reply {
  const idea = (block(r, 'idea') ?? 'a product video').slice(0, 200)
  const zh = ui === 'zh'
  const option = (title: string, description: string, tags: string[], style: string) => ({
    title,
    description,
    tags,
    fullPrompt: `${idea}. ${style}`,
  })
  return {
    json: {
      options: [
        option(
          zh ? 'A 写实电影感' : 'A Cinematic realism',
          zh
            ? '自然光与浅景深，像一支高端广告片。'
            : 'Natural light and shallow depth of field, like a premium commercial.',
          zh ? ['写实', '电影感', '暖光'] : ['realistic', 'cinematic', 'warm light'],
          'Golden-hour light through a window, 35mm lens, slow dolly in, shallow depth of field, soft ambient café sound.'
        ),
        option(
          zh ? 'B 创意风格化' : 'B Stylised and bold',
          zh
            ? '大胆配色与图形化构图，适合社交媒体。'
            : 'Bold colours and graphic framing that stand out in a social feed.',
          zh ? ['风格化', '高饱和', '图形感'] : ['stylised', 'saturated', 'graphic'],
          'Flat pastel backdrop, top-down camera, stop-motion feel, playful percussion.'
        ),
        option(
          zh ? 'C 动感节奏' : 'C Dynamic action',
          zh ? '快速剪辑与运动镜头，节奏感强。' : 'Quick cuts and a moving camera for energy.',
          zh ? ['动感', '快节奏', '运动镜头'] : ['dynamic', 'fast cuts', 'tracking shot'],
          'Handheld tracking shot, whip pans, high shutter speed, upbeat electronic music.'
        ),
      ],
    },
  }
}

export function videoPlanAnswer(r: RecordedRequest, ui: Lang): Reply {
  const topic = (block(r, 'topic') ?? 'a product video').slice(0, 200)
  const zh = ui === 'zh'
  const plan = (title: string, description: string, look: string) => ({
    title,
    description,
    prompt: `${topic}. ${look}`,
    firstFramePrompt: `${topic}, the opening still: ${look.split(',')[0]}`,
  })
  return {
    queries: [topic.slice(0, 60)],
    json: {
      plans: [
        plan(
          zh ? 'A 电影级质感' : 'A Cinematic masterpiece',
          zh
            ? '参考当下高端品牌片：柔和侧光、缓慢推镜。'
            : 'In the manner of today’s premium brand films: soft side light, slow push-in.',
          'Soft side light, anamorphic lens, slow push-in, gentle film grain'
        ),
        plan(
          zh ? 'B 先锋风格' : 'B Avant-garde',
          zh
            ? '色块与几何构图，适合短视频平台。'
            : 'Colour blocks and geometric framing for short-video platforms.',
          'Colour-blocked set, locked-off camera, rhythmic stop-motion'
        ),
        plan(
          zh ? 'C 商业动感' : 'C Commercial and dynamic',
          zh
            ? '快速节奏与产品特写，突出卖点。'
            : 'Fast rhythm and product close-ups that sell the benefit.',
          'Macro close-ups, speed ramps, tracking shot, punchy sound design'
        ),
      ],
    },
  }
}

/** The text parts of an Interactions request (the job's prompt). */
const promptOf = (body: any): string =>
  (Array.isArray(body?.input) ? body.input : [])
    .filter((part: any) => part?.type === 'text')
    .map((part: any) => String(part.text))
    .join(' ')

/** Every demo job finishes after a few polls with the fixture video, or fails when asked to. */
export function scriptDemoVideos(gemini: FakeGemini): void {
  gemini.video.defaultScript((body) =>
    /\bfail\b|失败/i.test(promptOf(body))
      ? { polls: 1, outcome: 'fail' }
      : { polls: DEMO_VIDEO_POLLS, outcome: 'video', video: DEMO_VIDEO }
  )
}

export const isFirstFrame = (r: RecordedRequest) => r.promptText.includes(FIRST_FRAME_INSTRUCTION)

/** A first frame the way a still for a café video might look: a warm diagonal gradient. */
export function firstFrameAnswer(r: RecordedRequest): Reply {
  const [width, height] = /9:16/.test(JSON.stringify(r.body?.generationConfig ?? {}))
    ? [360, 640]
    : [640, 360]
  const data = pngRgba(width, height, (x, y) => {
    const t = (x / width + y / height) / 2
    return [Math.round(250 - 90 * t), Math.round(180 - 110 * t), Math.round(90 + 60 * t), 255]
  })
  return { image: { data } }
}

/** The video creative director: a new video from what the user said (the demo never edits). */
export function videoDirectorReply(r: RecordedRequest, ui: Lang): Reply {
  const said = (block(r, 'user_message') ?? 'a short product video').slice(0, 1000)
  return {
    functionCall: {
      name: 'video_creative_director_action',
      args: {
        action: 'NEW_VIDEO',
        prompt: `${said}, cinematic, soft morning light, slow dolly-in, ambient café sound`,
        reasoning: ui === 'zh' ? '这是一个新视频的想法。' : 'This is an idea for a new video.',
      },
    },
  }
}

/** A title for a video prompt: its first few words. */
export const isVideoSummary = (r: RecordedRequest) =>
  asksForVideo(r) && Object.keys(schemaOf(r)?.properties ?? {}).join() === 'summary'

export const videoSummaryAnswer = (r: RecordedRequest): Reply => ({
  json: { summary: (block(r, 'video_prompt') ?? 'Demo video').split(/\s+/).slice(0, 4).join(' ') },
})
