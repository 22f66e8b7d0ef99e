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
    [
      `## ${keyword}需要什么器具`,
      '## 咖啡与水的比例',
      '## 研磨度',
      '### 如何判断研磨是否合适',
      '## 冲煮步骤',
      '## 常见错误',
      '## 常见问题',
    ],
    [
      `## What you need for ${keyword}`,
      '## The coffee to water ratio',
      '## Grind size',
      '### How to tell if the grind is right',
      '## Step by step',
      '## Common mistakes',
      '## FAQ',
    ]
  ),
})

const PARAGRAPHS: Record<Lang, string[]> = {
  en: [
    'You need four things: a dripper, a paper filter, a gooseneck kettle and a scale. A burr grinder makes the biggest difference of all, because it grinds evenly.',
    'Start with 15 g of coffee for 250 g of water, a ratio of about 1:16. Use less water for a stronger cup, more for a lighter one, and change it in small steps.',
    'Aim for a grind like coarse sea salt. Too fine and the water drains slowly and tastes bitter; too coarse and it runs through quickly and tastes sour.',
    'Time the brew: most pour overs finish between 2:30 and 3:30 minutes. Faster means grind finer next time, slower means grind coarser.',
    'Rinse the filter, add the coffee and pour twice its weight in water to let it bloom for 30 seconds. Then pour slowly in circles until you reach the final weight.',
    'The most common mistakes are stale beans, water that is too cool, and pouring too fast. Buy beans roasted in the last few weeks and keep them sealed away from light.',
    'How long should beans rest after roasting? About a week for most light roasts. Can I use tap water? Yes, if it tastes good; filtered water is better.',
  ],
  zh: [
    '你需要四样东西：滤杯、滤纸、细嘴手冲壶和电子秤。一台磨豆机的影响最大，因为它能磨得均匀。',
    '从 15 克咖啡配 250 克水开始，大约 1:16。想要浓一些就少加水，想要淡一些就多加水，每次只调整一点。',
    '研磨度接近粗海盐。太细，水流得慢、味道发苦；太粗，水流得快、味道发酸。',
    '给冲煮计时：大多数手冲在 2 分 30 秒到 3 分 30 秒之间完成。太快就磨细一点，太慢就磨粗一点。',
    '先润湿滤纸，倒入咖啡粉，注入两倍重量的水闷蒸 30 秒，然后慢慢画圈注水，直到达到目标重量。',
    '最常见的错误是咖啡豆不新鲜、水温太低、注水太快。选择几周内烘焙的咖啡豆，并密封避光保存。',
    '烘焙后要养豆多久？大多数浅烘咖啡大约一周。可以用自来水吗？味道好就可以，过滤水更好。',
  ],
}

/** The article: the H1 and first paragraph carry the main keyword; headings follow the outline. */
export function article(content: Lang, keyword: string, outline: string[]): string {
  const sections = outline.length ? outline : outlineAnswer(content, keyword).outline
  const texts = PARAGRAPHS[content]
  const body = sections.map((heading, i) => `${heading}\n\n${texts[i % texts.length]}`)
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
    eeat: d(
      pick(ui, '可以加入烘焙师的亲身经验。', 'Could add the roaster’s first-hand experience.')
    ),
    issues: [
      {
        type: 'BrandVoice',
        description: pick(
          ui,
          '文章没有提到产地和可追溯性，而这是品牌的核心价值。',
          'The article never mentions origin and traceability, the brand’s core value.'
        ),
        suggestion: pick(
          ui,
          '在开头加一句关于直接贸易和产地的话。',
          'Add a sentence about direct trade and origin near the start.'
        ),
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
  slug:
    keyword
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'pour-over-coffee-guide',
  tags: pick(
    content,
    [keyword, '咖啡冲煮', '精品咖啡'],
    [keyword, 'coffee brewing', 'specialty coffee']
  ),
})

/** Polish: a light edit that keeps every heading. */
export const polished = (text: string) =>
  text
    .replace(/makes the biggest difference of all/g, 'matters most')
    .replace(/影响最大/g, '最关键')

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
