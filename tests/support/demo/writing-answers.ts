/**
 * The demo model's answers for the writing steps: research notes (ui language), the outline and
 * the article (readers' language) built around the brief's main keyword, a review, metadata, and
 * the polish and auto-fix rewrites of the article it is given.
 */
import type { Lang } from './read-request'

const pick = <T>(lang: Lang, zh: T, en: T): T => (lang === 'zh' ? zh : en)

export const researchNotes = (ui: Lang, keyword: string) =>
  pick(
    ui,
    `关于“${keyword}”，搜索者最关心比例、研磨度和水温。\n\n常见的起点是 1:16 的咖啡与水比例，水温 92–96 °C。\n\n竞品很少提到咖啡豆的新鲜度和产地对风味的影响，这是可以补上的角度。`,
    `People searching for “${keyword}” mostly want the ratio, the grind size and the water temperature.\n\nA common starting point is a 1:16 coffee-to-water ratio at 92–96 °C.\n\nFew competitors explain how freshness and origin change the flavour: an angle worth covering.`
  )

export const outlineAnswer = (content: Lang, keyword: string) => ({
  outline: pick(
    content,
    [`## ${keyword}需要什么器具`, '## 咖啡与水的比例', '## 研磨度', '### 如何判断研磨是否合适', '## 冲煮步骤', '## 常见错误', '## 常见问题'],
    [`## What you need for ${keyword}`, '## The coffee to water ratio', '## Grind size', '### How to tell if the grind is right', '## Step by step', '## Common mistakes', '## FAQ'],
  ),
})

/** The article: the H1 and first paragraph carry the main keyword; headings follow the outline. */
export function article(content: Lang, keyword: string, outline: string[]): string {
  const sections = outline.length ? outline : outlineAnswer(content, keyword).outline
  const body = sections.map((heading) => {
    const text = heading.replace(/^#+\s*/, '')
    return `${heading}\n\n${pick(
      content,
      `${text}是做好${keyword}的关键之一。从新鲜烘焙的咖啡豆开始，称量咖啡和水，每次只改变一个变量，然后品尝并记录结果。`,
      `${text} is one of the keys to great ${keyword}. Start with freshly roasted beans, weigh the coffee and the water, change one variable at a time, then taste and take notes.`
    )}`
  })
  return [
    pick(content, `# ${keyword}完全指南`, `# The Complete Guide to ${keyword}`),
    '',
    pick(
      content,
      `${keyword}并不难：只要掌握比例、研磨度和水温，在家也能冲出咖啡馆水准的咖啡。这份指南一步一步带你完成。`,
      `Making ${keyword} is not hard: get the ratio, the grind size and the water temperature right and you can brew café-quality coffee at home. This guide walks you through it step by step.`
    ),
    '',
    ...body.flatMap((section) => [section, '']),
  ]
    .join('\n')
    .trim()
}

export const reviewAnswer = (ui: Lang) => {
  const d = (comment: string) => ({ rating: 4, comment })
  return {
    brandVoice: d(pick(ui, '语气温暖、专业，符合品牌。', 'Warm and expert, in the brand’s voice.')),
    searchIntent: d(pick(ui, '覆盖了主要的操作步骤。', 'Covers the main how-to steps.')),
    eeat: d(pick(ui, '可以加入烘焙师的亲身经验。', 'Could add the roaster’s first-hand experience.')),
    issues: [
      {
        type: 'BrandVoice',
        description: pick(ui, '文章没有提到产地和可追溯性，而这是品牌的核心价值。', 'The article never mentions origin and traceability, the brand’s core value.'),
        suggestion: pick(ui, '在开头加一句关于直接贸易和产地的话。', 'Add a sentence about direct trade and origin near the start.'),
        knowledgeIds: ['K1'],
      },
    ],
  }
}

export const metadataAnswer = (content: Lang, keyword: string) => ({
  seoTitle: pick(content, `${keyword}完全指南：比例、研磨与步骤`, `${keyword}: The Complete Guide`),
  seoDescription: pick(
    content,
    `一步一步学会${keyword}：比例、研磨度、水温和常见错误，在家冲出好咖啡。`,
    `Learn ${keyword} step by step: ratio, grind size, water temperature and the mistakes to avoid for café-quality coffee at home.`
  ),
  slug: keyword.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'pour-over-coffee-guide',
  tags: pick(content, [keyword, '咖啡冲煮', '精品咖啡'], [keyword, 'coffee brewing', 'specialty coffee']),
})

/** Polish: a light edit that keeps every heading. */
export const polished = (text: string) => text.replace(/ one of the keys/g, ' a key part').replace(/是做好/g, '是冲好')

/** Auto-fix: the brand's origin sentence added after the first paragraph. */
export function fixed(text: string, content: Lang): string {
  const sentence = pick(
    content,
    '我们的咖啡豆直接来自埃塞俄比亚、哥伦比亚和危地马拉的农户，每一袋都标明产地和采收日期。',
    'Our beans come directly from farmers in Ethiopia, Colombia and Guatemala, and every bag names the farm and the harvest date.'
  )
  const parts = text.split('\n\n')
  parts.splice(2, 0, sentence)
  return parts.join('\n\n')
}
