/**
 * @module seo/writing/preflight/messages
 * What pre-flight tells the user, in the UI language (zh-CN or en): check labels, details written
 * from the measured facts, fix suggestions, and the score explanation. Pure: the client words a
 * report with the same tables (from each check's id and facts), so a saved report reads in the
 * language the user has chosen now.
 */
import type { UiLanguage } from '../../../../core/schema'
import type { CheckId, Finding } from './checks'

export type ReviewDimension = 'brandVoice' | 'searchIntent' | 'eeat'

export interface ScoreParts {
  score: number
  checkPoints: number
  passed: number
  applicable: number
  reviewPoints: number
  ratings: Record<ReviewDimension, number>
  /** The checks that did not apply. */
  left: CheckId[]
}

/** What the words of a finding rest on. */
export type Measured = Pick<Finding, 'id' | 'passed' | 'facts'>

export interface Messages {
  label: Record<CheckId | ReviewDimension, string>
  detail: (f: Measured) => string
  suggestion: (f: Measured) => string
  explain: (p: ScoreParts) => string
}

const q = (s?: string) => `“${s ?? ''}”`

function detailEn({ id, passed, facts: f }: Measured): string {
  switch (id) {
    case 'h1':
      return `${f.count} H1 heading(s); an article needs exactly one.`
    case 'h2_structure':
      return `${f.count} H2 section(s)${f.skippedLevel ? ', and a heading level is skipped' : ''}; at least 2 sections without skipped levels are expected.`
    case 'keyword_in_h1':
      return passed
        ? `The H1 contains ${q(f.keyword)}.`
        : `The H1 does not contain ${q(f.keyword)}.`
    case 'keyword_in_intro':
      return passed
        ? `The first 100 words contain ${q(f.keyword)}.`
        : `The first 100 words do not contain ${q(f.keyword)}.`
    case 'keyword_density':
      return `${q(f.keyword)} appears ${f.count} time(s): ${f.value} % of the words (aim for ${f.min}–${f.max} %).`
    case 'secondary_keywords':
      return passed
        ? `All ${f.count} secondary keywords are used.`
        : `Missing secondary keywords: ${f.list?.join(', ')}.`
    case 'word_count':
      return `${f.count} ${f.cjk ? 'characters' : 'words'} against a target of ${f.target} (accepted ${f.min}–${f.max}).`
    case 'negative_keywords':
      return passed
        ? 'None of the brand’s banned words is used.'
        : `Banned words used: ${f.list?.join(', ')}.`
    case 'image_alt':
      return passed
        ? `All ${f.target} images have alt text.`
        : `${f.count} of ${f.target} images have no alt text.`
    case 'readability':
      return `Flesch reading ease ${f.value} (at least ${f.min} expected; 60–70 is plain English).`
  }
}

function suggestionEn({ id, facts: f }: Measured): string {
  switch (id) {
    case 'h1':
      return 'Use a single "# " title at the top and "## " for sections.'
    case 'h2_structure':
      return 'Split the body into at least two "## " sections and do not jump heading levels (H2 → H4).'
    case 'keyword_in_h1':
      return `Work ${q(f.keyword)} into the title.`
    case 'keyword_in_intro':
      return `Mention ${q(f.keyword)} in the opening paragraph.`
    case 'keyword_density':
      return (f.value ?? 0) < (f.min ?? 0)
        ? `Use ${q(f.keyword)} a few more times where it reads naturally.`
        : `Use ${q(f.keyword)} less often; vary it with synonyms.`
    case 'secondary_keywords':
      return `Add these keywords where they fit: ${f.list?.join(', ')}.`
    case 'word_count':
      return (f.count ?? 0) < (f.min ?? 0)
        ? 'Expand thin sections with examples, data or steps.'
        : 'Tighten the text and cut repetition.'
    case 'negative_keywords':
      return `Replace these words: ${f.list?.join(', ')}.`
    case 'image_alt':
      return 'Describe each image in its alt text.'
    case 'readability':
      return 'Use shorter sentences and plainer words.'
  }
}

function detailZh({ id, passed, facts: f }: Measured): string {
  switch (id) {
    case 'h1':
      return `共有 ${f.count} 个 H1 标题；文章应当只有一个。`
    case 'h2_structure':
      return `共有 ${f.count} 个 H2 小节${f.skippedLevel ? '，且存在跳级标题' : ''}；应至少有 2 个小节且标题不跳级。`
    case 'keyword_in_h1':
      return passed ? `H1 包含${q(f.keyword)}。` : `H1 未包含${q(f.keyword)}。`
    case 'keyword_in_intro':
      return passed
        ? `开头 100 词内出现了${q(f.keyword)}。`
        : `开头 100 词内没有出现${q(f.keyword)}。`
    case 'keyword_density':
      return `${q(f.keyword)}出现 ${f.count} 次，占 ${f.value}%（建议 ${f.min}–${f.max}%）。`
    case 'secondary_keywords':
      return passed
        ? `${f.count} 个次要关键词均已使用。`
        : `缺少次要关键词：${f.list?.join('、')}。`
    case 'word_count':
      return `${f.cjk ? '字数' : '词数'} ${f.count}，目标 ${f.target}（可接受 ${f.min}–${f.max}）。`
    case 'negative_keywords':
      return passed ? '未使用品牌禁用词。' : `使用了品牌禁用词：${f.list?.join('、')}。`
    case 'image_alt':
      return passed
        ? `${f.target} 张图片都有替代文本。`
        : `${f.target} 张图片中有 ${f.count} 张缺少替代文本。`
    case 'readability':
      return `Flesch 易读度 ${f.value}（应不低于 ${f.min}；60–70 为通俗英语）。`
  }
}

function suggestionZh({ id, facts: f }: Measured): string {
  switch (id) {
    case 'h1':
      return '顶部只保留一个 "# " 标题，小节使用 "## "。'
    case 'h2_structure':
      return '将正文分为至少两个 "## " 小节，标题层级不要跳级（如 H2 → H4）。'
    case 'keyword_in_h1':
      return `在标题中自然地加入${q(f.keyword)}。`
    case 'keyword_in_intro':
      return `在开头段落中提到${q(f.keyword)}。`
    case 'keyword_density':
      return (f.value ?? 0) < (f.min ?? 0)
        ? `在自然的位置多使用几次${q(f.keyword)}。`
        : `减少${q(f.keyword)}的使用，改用同义表达。`
    case 'secondary_keywords':
      return `在合适的位置加入：${f.list?.join('、')}。`
    case 'word_count':
      return (f.count ?? 0) < (f.min ?? 0)
        ? '用示例、数据或步骤充实单薄的小节。'
        : '精简文字，删去重复内容。'
    case 'negative_keywords':
      return `替换这些词：${f.list?.join('、')}。`
    case 'image_alt':
      return '为每张图片写上描述性的替代文本。'
    case 'readability':
      return '使用更短的句子和更平实的词语。'
  }
}

const LABELS: Record<UiLanguage, Messages['label']> = {
  en: {
    h1: 'One H1 title',
    h2_structure: 'Section structure (H2)',
    keyword_in_h1: 'Main keyword in the title',
    keyword_in_intro: 'Main keyword in the introduction',
    keyword_density: 'Main keyword density',
    secondary_keywords: 'Secondary keywords',
    word_count: 'Length against the target',
    negative_keywords: 'No banned words',
    image_alt: 'Image alt text',
    readability: 'Readability (Flesch)',
    brandVoice: 'Brand voice (editorial review)',
    searchIntent: 'Search intent coverage (editorial review)',
    eeat: 'E-E-A-T (editorial review)',
  },
  'zh-CN': {
    h1: '唯一的 H1 标题',
    h2_structure: '小节结构（H2）',
    keyword_in_h1: '标题包含主关键词',
    keyword_in_intro: '开头包含主关键词',
    keyword_density: '主关键词密度',
    secondary_keywords: '次要关键词',
    word_count: '篇幅与目标',
    negative_keywords: '无品牌禁用词',
    image_alt: '图片替代文本',
    readability: '易读度（Flesch）',
    brandVoice: '品牌语调（编辑审阅）',
    searchIntent: '搜索意图覆盖（编辑审阅）',
    eeat: 'E-E-A-T（编辑审阅）',
  },
}

const MESSAGES: Record<UiLanguage, Messages> = {
  en: {
    label: LABELS.en,
    detail: detailEn,
    suggestion: suggestionEn,
    explain: (p) =>
      `Score ${p.score}/100 = checks ${p.checkPoints}/60 + editorial review ${p.reviewPoints}/40. ` +
      `Checks: ${p.passed} of ${p.applicable} measured checks passed; each has a weight and the passed weight share is scaled to 60 points` +
      `${p.left.length ? ` (not applicable here: ${p.left.map((id) => LABELS.en[id]).join(', ')})` : ''}. ` +
      `Review: brand voice ${p.ratings.brandVoice}/5, search intent ${p.ratings.searchIntent}/5, E-E-A-T ${p.ratings.eeat}/5; each rating r adds (r − 1) / 4 × 40 / 3 points.`,
  },
  'zh-CN': {
    label: LABELS['zh-CN'],
    detail: detailZh,
    suggestion: suggestionZh,
    explain: (p) =>
      `得分 ${p.score}/100 = 规则检查 ${p.checkPoints}/60 + 编辑审阅 ${p.reviewPoints}/40。` +
      `规则检查：${p.applicable} 项适用检查中通过 ${p.passed} 项；每项有权重，通过的权重占比折算为 60 分` +
      `${p.left.length ? `（本文不适用：${p.left.map((id) => LABELS['zh-CN'][id]).join('、')}）` : ''}。` +
      `编辑审阅：品牌语调 ${p.ratings.brandVoice}/5，搜索意图 ${p.ratings.searchIntent}/5，E-E-A-T ${p.ratings.eeat}/5；每项评分 r 计 (r − 1) / 4 × 40 / 3 分。`,
  },
}

export const messagesFor = (ui: UiLanguage) => MESSAGES[ui]
