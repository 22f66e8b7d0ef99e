/** Valid model answers for the strategy steps (what the fake Gemini "says"). */

const item = (what: string) => ({ analysis: `${what}: analysis`, recommendation: `${what}: fix` })

export const diagnosisAnswer = {
  contentSeoHealthScore: 61,
  coreInsight: 'Strong products, no guides [K1].',
  keywordTopicFit: {
    ...item('fit'),
    topicalKeywords: ['Espresso zu Hause', 'espresso zu hause', 'Mahlgrad', 'Filterkaffee'],
  },
  topicalAuthority: item('authority'),
  userIntentCoverage: item('intent'),
  contentDiscoverability: item('discoverability'),
}

export const reviewAnswer = (
  title = 'Espresso guide',
  url = 'https://www.roastery-one.example/guide'
) => ({
  contentSeoScore: 82,
  topArticle: { title, url, reason: 'Ranks first for Espresso zu Hause' },
  strengths: ['Deep brewing guides'],
  weaknesses: ['No comparison tables'],
})

export const landscapeAnswer = {
  overallTrend: 'Guides dominate.',
  yourDisadvantage: 'No guides yet [K1].',
  strategicOpportunity: 'Comparison content.',
}

const option = (n: number) => ({
  strategyName: `Strategy ${n}`,
  seoGoal: 'Rank for brewing queries',
  coreConcept: 'Guides per method',
  contentExamples: ['Espresso zu Hause', 'French Press Anleitung'],
  strategicReason: 'Gap in competitor content [K1]',
})
export const solutionsAnswer = (count = 3) => ({
  solutions: Array.from({ length: count }, (_, i) => option(i + 1)),
})

export const briefAnswer = (mainKeyword = 'Espresso Mahlgrad') => ({
  titleSuggestion: 'Der perfekte Mahlgrad für Espresso',
  topicSummary: 'Wie man den Mahlgrad einstellt',
  mainKeyword,
  secondaryKeywords: ['Espressomühle', 'espresso mahlgrad', 'Extraktion', 'Brühzeit'],
  suggestedOutline: ['Warum Mahlgrad', 'Mühlen', 'Einstellen', 'Fehler', 'Fazit'],
  estimatedWordcount: 1400,
  aiRecommendations: ['Add a grind-size chart [K1]', 'Link to the espresso guide'],
})
