/** Realistic request bodies shared by the SEO tests. */
import type { BrandProfile } from '../../server/features/brand/profile'
import type {
  Competitor,
  ContentBrief,
  SeoDiagnosisReport,
  SolutionOption,
} from '../../server/features/seo/schemas'

export const profile: BrandProfile = {
  globalInfo: {
    brand_name: 'Northwind Coffee',
    brand_industry: 'Specialty coffee e-commerce',
    brand_voice: {
      tone: 'Warm, expert',
      style: 'Short paragraphs, concrete tips',
      values: ['Traceability', 'Craft'],
    },
    negative_keywords_global: ['cheap'],
  },
  projects: [
    {
      project_id: 'p1',
      project_url: 'https://www.northwind-coffee.example',
      target_region: 'Germany',
      target_language: 'German',
      target_keywords: ['Kaffeebohnen kaufen', 'Espresso Röstung'],
      preferred_solution_focus: ['SEO'],
      project_keyword_history: [],
    },
  ],
}

export const solution: SolutionOption = {
  id: 'sol-1',
  strategyName: 'Brewing guides hub',
  seoGoal: 'Rank for brewing how-to queries',
  coreConcept: 'Step-by-step guides per brewing method',
  contentExamples: ['Espresso zu Hause: der komplette Leitfaden'],
  strategicReason: 'Competitors lack depth on brewing methods',
}

export const brief: ContentBrief = {
  titleSuggestion: 'Espresso zu Hause: der komplette Leitfaden',
  topicSummary: 'How to brew café-quality espresso at home',
  targetRegion: 'Germany',
  targetLanguage: 'German',
  mainKeyword: 'Espresso zu Hause',
  secondaryKeywords: ['Espressomaschine', 'Mahlgrad'],
  suggestedOutline: ['## Ausrüstung', '## Bohnen und Mahlgrad', '## Extraktion'],
  estimatedWordcount: 1200,
  aiRecommendations: ['Add a troubleshooting table'],
}

export const siteUrl = 'https://www.northwind-coffee.example'

export const seoReport: SeoDiagnosisReport = {
  siteUrl,
  contentSeoHealthScore: 58,
  coreInsight: 'Product pages only; no guides for brewing queries.',
  keywordTopicFit: {
    analysis: 'Ranks for its brand name only.',
    recommendation: 'Cover brewing methods.',
    topicalKeywords: ['Espresso zu Hause', 'Filterkaffee Anleitung'],
  },
  topicalAuthority: { analysis: 'Thin.', recommendation: 'Build a brewing cluster.' },
  userIntentCoverage: { analysis: 'Transactional only.', recommendation: 'Add how-to guides.' },
  contentDiscoverability: { analysis: 'Few internal links.', recommendation: 'Link guides.' },
}

export const competitors: Competitor[] = [
  { id: 'comp-1', url: 'https://www.roastery-one.example', name: 'Roastery One' },
  { id: 'comp-2', url: 'https://beans-two.example', name: 'Beans Two' },
  { id: 'comp-3', url: 'https://brew-three.example', name: 'Brew Three' },
]
