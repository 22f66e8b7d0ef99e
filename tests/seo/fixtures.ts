/** Realistic request bodies shared by the SEO tests. */
import type { BrandProfile } from '../../server/features/brand/profile'
import type { ContentBrief, SolutionOption } from '../../server/features/seo/schemas'

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
