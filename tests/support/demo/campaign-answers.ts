/**
 * The demo model's answers for campaigns: each market's plan (message, audience, call to action,
 * two headlines) and the posts of every network asked for, in the market's language, within the
 * limits the prompt states (the link only where the prompt says it goes), and each size of the
 * key visual re-composed (the reference image covering the requested ratio).
 */
import type { RecordedRequest, Reply } from '../fake-gemini'
import { block, contentLang, type Lang, schemaKeys, schemaOf } from './read-request'

const subjectOf = (r: RecordedRequest) =>
  (block(r, 'article') ?? block(r, 'brief') ?? block(r, 'campaign_request') ?? '')
    .match(/^Title: (.*)$/m)?.[1]
    ?.trim()

export function isCampaignPlan(r: RecordedRequest): boolean {
  const keys = schemaKeys(r)
  return keys.includes('headlines') && keys.includes('audience')
}

export function isCampaignPosts(r: RecordedRequest): boolean {
  const keys = schemaKeys(r)
  return keys.length === 1 && keys[0] === 'posts'
}

export function planAnswer(r: RecordedRequest): Reply {
  const zh = contentLang(r) === 'zh'
  const subject = subjectOf(r)
  return {
    json: zh
      ? {
          message: '在家也能冲出咖啡馆水准的手冲咖啡：掌握比例、研磨和水温就够了。',
          audience: '想在家做出好咖啡、但总觉得味道差一点的咖啡爱好者。',
          cta: '阅读完整指南',
          headlines: ['在家冲出咖啡馆水准', '你的手冲为什么总是发苦？'],
        }
      : {
          message: `${subject ?? 'Pour over coffee'}: café-quality coffee at home comes down to ratio, grind and water.`,
          audience: 'Home coffee lovers who want café results without café gear.',
          cta: 'Read the guide',
          headlines: ['Brew café coffee at home', 'Why does your pour-over taste flat?'],
        },
  }
}

const EN = {
  hooks: ['Your pour-over can taste like the café’s.', 'Flat, bitter pour-over? Three fixes.'],
  body: 'Ratio, grind and water temperature decide most of the cup. Our guide walks through each step, from a 1:16 ratio to the bloom.',
  tags: ['coffee', 'pourover', 'homebrew'],
  titles: ['Pour-over at home', 'Flat coffee? 3 fixes'],
}
const ZH = {
  hooks: ['在家也能冲出咖啡馆的味道☕', '手冲总是发苦？问题可能在这三步'],
  body: '比例、研磨度和水温决定了一杯咖啡的大部分风味。我们的指南从 1:16 的比例讲到闷蒸，一步一步带你做。',
  tags: ['手冲咖啡', '咖啡', '在家做咖啡'],
  titles: ['在家冲出好咖啡', '手冲发苦的三个原因'],
}

export function postsAnswer(r: RecordedRequest): Reply {
  const lang: Lang = contentLang(r)
  const copy = lang === 'zh' ? ZH : EN
  const networks: string[] = schemaOf(r)?.properties?.posts?.items?.properties?.network?.enum ?? [
    'linkedin',
  ]
  const link = r.promptText.match(/put the link (\S+) in the text once/)?.[1]
  const posts = networks.map((network) => {
    const inline = link && /^(linkedin|x|facebook|weibo)$/.test(network)
    const tags = network === 'wechat' ? [] : copy.tags.slice(0, network === 'x' ? 2 : 3)
    return {
      network,
      ...(network === 'xiaohongshu' || network === 'wechat' ? { titles: copy.titles } : {}),
      hooks: copy.hooks,
      body: inline ? `${copy.body} ${link}` : copy.body,
      hashtags: tags,
      ...(network === 'wechat'
        ? {
            digest:
              lang === 'zh' ? '在家冲出好咖啡的三个关键。' : 'Three keys to café coffee at home.',
          }
        : {}),
    }
  })
  return { json: { posts } }
}
