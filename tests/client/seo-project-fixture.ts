/**
 * A workspace SEO project with every part a project can show: each step's result with its
 * grounding (sources, queries, Google's search suggestions as the fake renders them), the
 * knowledge notes, the analysis' warnings and failures, the article and the chat.
 */
import { newSeoDocument, type SeoDocument } from '../../client/src/stores/seo-document'
import { redirectFor, renderedContentFor } from '../support/fake-gemini'

export const grounding = (queries: string[], site = 'coffee-research.example') => ({
  sources: [
    { title: site, url: redirectFor(`https://${site}/guide`) },
    {
      title: 'barista-guild.example',
      url: redirectFor('https://barista-guild.example/'),
      domain: 'barista-guild.example',
    },
  ],
  searchQueries: queries,
  searchEntryPoints: [renderedContentFor(queries)],
})

const knowledge = (id: string) => [
  {
    id,
    title: `Note ${id}`,
    summary: 'Match the intent of the search',
    url: `/api/seo/knowledge/${id}`,
  },
]

const report = { analysis: 'a', recommendation: 'r' }

export function workspaceDoc(): SeoDocument {
  const competitors = grounding(['pour over competitors'])
  return {
    ...newSeoDocument('https://shop.example', 'shop-example-1'),
    freshThrough: 6,
    diagnosis: {
      siteUrl: 'https://shop.example',
      contentSeoHealthScore: 58,
      coreInsight: 'Guides are missing',
      keywordTopicFit: { ...report, topicalKeywords: ['pour over'] },
      topicalAuthority: report,
      userIntentCoverage: report,
      contentDiscoverability: report,
      ...grounding(['pour over coffee']),
      knowledge: knowledge('search-intent'),
    },
    competitors: {
      found: [{ id: 'c1', url: 'https://a.example', name: 'A' }],
      manual: [{ id: 'manual-1', url: 'https://b.example', name: 'B', isManual: true }],
      selected: ['c1', 'manual-1'],
      ...competitors,
    },
    analysis: {
      competitiveLandscape: {
        overallTrend: 'Guides',
        yourDisadvantage: 'Few',
        strategicOpportunity: 'More',
      },
      competitors: [{ id: 'c1', url: 'https://a.example', name: 'A', contentSeoScore: 70 }],
      ...grounding(['a.example guides'], 'a.example'),
      knowledge: knowledge('topical-authority'),
      warnings: ['https://a.example was listed twice; it is analyzed once.'],
      failures: [
        {
          id: 'manual-1',
          url: 'https://b.example',
          code: 'upstream_error',
          message: 'The review failed',
        },
      ],
    },
    solutions: {
      solutions: [
        {
          id: 's1',
          strategyName: 'Guides',
          seoGoal: 'g',
          coreConcept: 'c',
          contentExamples: [],
          strategicReason: 'r',
        },
      ],
      knowledge: knowledge('content-strategy'),
    },
    chosenSolutionId: 's1',
    brief: {
      titleSuggestion: 'Pour over at home',
      topicSummary: 's',
      targetRegion: 'United States',
      targetLanguage: 'English',
      mainKeyword: 'pour over',
      secondaryKeywords: [],
      suggestedOutline: ['## Why'],
      estimatedWordcount: 1500,
      aiRecommendations: [],
    },
    briefKnowledge: knowledge('briefs'),
    briefConfirmed: true,
    research: { summary: 'Notes', ...grounding(['pour over ratio']) },
    article: '# Pour over at home\n\nText.',
    articleSource: 'write',
    chat: [
      { id: 'm1', role: 'user', text: 'Go back to the diagnosis' },
      { id: 'm2', role: 'agent', text: 'go_to_step:diagnosis', action: true },
      { id: 'm3', role: 'agent', text: 'Here is why the score is 58.' },
    ],
  }
}
