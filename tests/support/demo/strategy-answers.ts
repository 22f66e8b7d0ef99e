/**
 * The demo model's answers for brand analysis and the strategy steps, in the user's language
 * (analysis) and the readers' language (keywords, titles), about a specialty-coffee brand: the
 * demo's sample site is a coffee roaster.
 */
import type { Lang } from './read-request'

const pick = <T>(lang: Lang, zh: T, en: T): T => (lang === 'zh' ? zh : en)

export const brandAnswer = (ui: Lang, brandName: string) => ({
  brandName,
  industry: pick(ui, '精品咖啡电商', 'Specialty coffee e-commerce'),
  overview: pick(
    ui,
    `${brandName} 是一家独立烘焙商，直接向埃塞俄比亚、哥伦比亚和危地马拉的农户采购咖啡豆，按订单烘焙并在 48 小时内发货。`,
    `${brandName} is an independent roaster that buys directly from farmers in Ethiopia, Colombia and Guatemala, roasts to order and ships within 48 hours.`
  ),
  values: pick(
    ui,
    ['直接贸易', '新鲜至上', '可堆肥包装'],
    ['Direct trade', 'Freshness above all', 'Compostable packaging']
  ),
  audience: pick(
    ui,
    '在家冲煮的咖啡爱好者和精品咖啡馆。',
    'Home brewers and specialty cafés who care about flavour and traceability.'
  ),
  voice: {
    tone: pick(ui, '温暖、专业、真诚', 'Warm, expert, honest'),
    style: pick(ui, '短段落，具体的冲煮建议', 'Short paragraphs with concrete brewing tips'),
  },
  productsAndServices: pick(
    ui,
    ['单一产地咖啡豆', '按冲煮方式调整的订阅', '咖啡馆批发与咖啡师培训'],
    ['Single-origin beans', 'Roast-to-order subscription', 'Wholesale with barista training']
  ),
  marketPosition: pick(
    ui,
    '以可追溯性和新鲜度见长的小批量烘焙商。',
    'A small-batch roaster known for traceability and freshness.'
  ),
  suggestedTargetKeywords: [
    'single origin coffee beans',
    'fresh roasted coffee subscription',
    'pour over coffee guide',
    'best coffee for espresso at home',
    'direct trade coffee',
  ],
  limitedInformation: { isLimited: false, reason: '' },
})

const item = (analysis: string, recommendation: string) => ({ analysis, recommendation })

export const diagnosisAnswer = (ui: Lang, site: string) => ({
  contentSeoHealthScore: 58,
  coreInsight: pick(
    ui,
    `${site} 的产品页很扎实，但几乎没有回答“如何冲煮”“如何挑选咖啡豆”这类信息型搜索的内容，因此错过了大部分自然流量 [K1]。`,
    `${site} has solid product pages but almost no content answering how-to searches such as brewing and choosing beans, so it misses most organic traffic [K1].`
  ),
  keywordTopicFit: {
    ...item(
      pick(
        ui,
        '网站主要覆盖交易型关键词（购买咖啡豆），信息型主题覆盖很少。',
        'The site covers transactional keywords (buy coffee beans) but few informational topics.'
      ),
      pick(
        ui,
        '围绕冲煮方法和产地建立主题集群，每个集群有一篇支柱文章。',
        'Build topic clusters around brewing methods and origins, each with one pillar article.'
      )
    ),
    topicalKeywords: [
      'pour over coffee guide',
      'espresso grind size',
      'single origin vs blend',
      'how to store coffee beans',
      'cold brew ratio',
    ],
  },
  topicalAuthority: item(
    pick(
      ui,
      '关于产地和农户的信息是真实的经验信号，但分散在产品页中。',
      'Origin and farmer stories are genuine experience signals but are scattered across product pages.'
    ),
    pick(
      ui,
      '把产地故事整理成署名文章，加入烘焙师的实际经验。',
      'Turn origin stories into bylined articles with the roaster’s first-hand experience.'
    )
  ),
  userIntentCoverage: item(
    pick(
      ui,
      '交易意图覆盖良好；信息和比较意图几乎没有覆盖。',
      'Transactional intent is well covered; informational and comparison intent barely at all.'
    ),
    pick(
      ui,
      '增加指南和对比类文章，并从中链接到产品。',
      'Add guides and comparisons that link to the products.'
    )
  ),
  contentDiscoverability: item(
    pick(
      ui,
      '标题和描述多为产品名，内部链接很少。',
      'Titles and descriptions are mostly product names; internal links are few.'
    ),
    pick(
      ui,
      '为每篇文章写面向搜索的标题，并在相关页面之间互相链接。',
      'Write search-focused titles for every article and link related pages to each other.'
    )
  ),
})

const COMPETITORS = [
  { url: 'https://www.roastery-collective.example', name: 'Roastery Collective' },
  { url: 'https://www.bean-atlas.example', name: 'Bean Atlas' },
  { url: 'https://www.morning-grind.example', name: 'Morning Grind' },
  { url: 'https://www.cupping-room.example', name: 'The Cupping Room' },
]

export const competitorsAnswer = (ui: Lang) => ({
  competitors: COMPETITORS.map((c) => ({
    ...c,
    reasonText: pick(
      ui,
      '在“手冲咖啡指南”和“单一产地咖啡豆”等搜索中排名靠前。',
      'Ranks on page one for “pour over coffee guide” and “single origin coffee beans”.'
    ),
  })),
})

export const reviewAnswer = (ui: Lang, competitorUrl: string) => ({
  contentSeoScore: 70 + (competitorUrl.length % 20),
  topArticle: {
    title: pick(ui, 'The Complete Pour Over Guide', 'The Complete Pour Over Guide'),
    url: `${competitorUrl.replace(/\/$/, '')}/guides/pour-over`,
    reason: pick(
      ui,
      '步骤清晰，配有比例表，并回答了常见问题。',
      'Clear steps, a ratio table and answers to the common questions.'
    ),
  },
  strengths: pick(
    ui,
    ['深入的冲煮指南', '清晰的比较表'],
    ['In-depth brewing guides', 'Clear comparison tables']
  ),
  weaknesses: pick(
    ui,
    ['很少谈及产地和农户', '内容更新不及时'],
    ['Little about origins and farmers', 'Guides are rarely updated']
  ),
})

export const landscapeAnswer = (ui: Lang) => ({
  overallTrend: pick(
    ui,
    '排名靠前的竞品都用深入的冲煮指南吸引流量，再链接到产品。',
    'The leading competitors win traffic with in-depth brewing guides that link to their products.'
  ),
  yourDisadvantage: pick(
    ui,
    '你的网站还没有指南类内容，所以在信息型搜索中几乎不可见 [K1]。',
    'Your site has no guide content yet, so it is nearly invisible for informational searches [K1].'
  ),
  strategicOpportunity: pick(
    ui,
    '竞品很少讲产地和农户：把可追溯性写进指南，就能做出别人没有的内容。',
    'Competitors say little about origins and farmers: guides built on traceability would offer what nobody else does.'
  ),
})

/** Which Search Console rows each demo strategy cites: quick wins and competing pages, gaps, top rows. */
const CITES = [/^[wc]/, /^g/, /^[qp]/]

export const solutionsAnswer = (ui: Lang, content: Lang, evidenceIds: string[] = []) => {
  const board = strategies(ui, content)
  if (evidenceIds.length === 0) return board
  return {
    solutions: board.solutions.map((s, i) => {
      const cited = evidenceIds.filter((id) => CITES[i]?.test(id)).slice(0, 3)
      return { ...s, evidence: cited.length ? cited : evidenceIds.slice(0, 1) }
    }),
  }
}

const strategies = (ui: Lang, content: Lang) => ({
  solutions: [
    {
      strategyName: pick(ui, '冲煮方法指南中心', 'Brewing guides hub'),
      seoGoal: pick(
        ui,
        '在六个月内进入“手冲”“意式”等冲煮关键词的前十名。',
        'Reach the top ten for brewing keywords such as pour over and espresso within six months.'
      ),
      coreConcept: pick(
        ui,
        '每种冲煮方法一篇支柱指南，配合比例表和常见错误。',
        'One pillar guide per brewing method, with ratio tables and common mistakes.'
      ),
      contentExamples: pick(
        content,
        ['手冲咖啡完全指南', '在家做意式浓缩的研磨度'],
        ['The complete pour over coffee guide', 'Espresso grind size at home']
      ),
      strategicReason: pick(
        ui,
        '这是竞品的强项，也是最大的流量来源；你可以用产地故事做出差异 [K1]。',
        'It is where competitors get most traffic, and your origin stories make your guides different [K1].'
      ),
    },
    {
      strategyName: pick(ui, '产地与可追溯性', 'Origins and traceability'),
      seoGoal: pick(
        ui,
        '拥有“单一产地咖啡”相关的比较和决策类搜索。',
        'Own comparison and decision searches around single-origin coffee.'
      ),
      coreConcept: pick(
        ui,
        '按产地讲述风味、农户和采收季节，帮助读者选豆。',
        'Explain flavour, farmers and harvest season by origin to help readers choose beans.'
      ),
      contentExamples: pick(
        content,
        ['埃塞俄比亚与哥伦比亚咖啡豆对比', '单一产地还是拼配？'],
        ['Ethiopian vs Colombian coffee beans', 'Single origin vs blend: which to buy']
      ),
      strategicReason: pick(
        ui,
        '竞品在这方面很弱，而这正是你的品牌价值。',
        'Competitors are weak here, and it is exactly what your brand stands for.'
      ),
    },
    {
      strategyName: pick(ui, '订阅转化内容', 'Subscription conversion content'),
      seoGoal: pick(
        ui,
        '把“咖啡订阅”相关搜索转化为订阅用户。',
        'Turn coffee subscription searches into subscribers.'
      ),
      coreConcept: pick(
        ui,
        '解释新鲜烘焙的价值，并按冲煮方式推荐订阅方案。',
        'Explain why freshness matters and recommend a subscription by brewing method.'
      ),
      contentExamples: pick(
        content,
        ['咖啡豆能保存多久？', '如何挑选咖啡订阅'],
        ['How long do coffee beans stay fresh?', 'How to choose a coffee subscription']
      ),
      strategicReason: pick(
        ui,
        '离购买最近的搜索，直接支持你的订阅业务。',
        'These searches are closest to buying and feed your subscription directly.'
      ),
    },
  ],
})

export const briefAnswer = (ui: Lang, content: Lang, another: boolean) =>
  content === 'zh'
    ? {
        titleSuggestion: another
          ? '咖啡豆能保存多久？新鲜度完全指南'
          : '手冲咖啡完全指南：从研磨到萃取',
        topicSummary: another
          ? '解释咖啡豆的保存和新鲜度。'
          : '一步一步教读者在家做出好喝的手冲咖啡。',
        mainKeyword: another ? '咖啡豆保存' : '手冲咖啡',
        secondaryKeywords: another
          ? ['咖啡豆新鲜度', '咖啡豆保存方法', '咖啡豆保质期']
          : ['手冲咖啡比例', '手冲研磨度', '手冲咖啡器具'],
        suggestedOutline: ['需要的器具', '咖啡与水的比例', '研磨度', '冲煮步骤', '常见错误'],
        estimatedWordcount: 1200,
        aiRecommendations: pick(
          ui,
          ['加入一张比例表 [K1]', '链接到单一产地咖啡豆'],
          ['Add a ratio table [K1]', 'Link to the single-origin beans']
        ),
      }
    : {
        titleSuggestion: another
          ? 'How Long Do Coffee Beans Stay Fresh?'
          : 'The Complete Pour Over Coffee Guide',
        topicSummary: another
          ? 'How to store coffee beans and keep them fresh.'
          : 'A step-by-step guide to great pour over coffee at home.',
        mainKeyword: another ? 'coffee bean storage' : 'pour over coffee',
        secondaryKeywords: another
          ? ['coffee freshness', 'store coffee beans', 'coffee shelf life']
          : ['pour over ratio', 'pour over grind size', 'pour over equipment'],
        suggestedOutline: [
          'What you need',
          'Coffee to water ratio',
          'Grind size',
          'Step by step',
          'Common mistakes',
        ],
        estimatedWordcount: 1200,
        aiRecommendations: pick(
          ui,
          ['加入一张比例表 [K1]', '链接到单一产地咖啡豆'],
          ['Add a ratio table [K1]', 'Link to the single-origin beans']
        ),
      }
