/**
 * A scripted model for the whole SEO workflow: it answers each step's call in kind (function call,
 * search research, the step's JSON schema, article text, images), so a workflow can run end to end
 * against the fake Gemini. Shared by the workflow test and bench/seo-workflow.ts.
 */

import type { RecordedRequest, Reply } from '../support/fake-gemini'
import {
  briefAnswer,
  diagnosisAnswer,
  landscapeAnswer,
  reviewAnswer,
  solutionsAnswer,
} from './strategy/answers'
import { germanArticle, pngBytes } from './writing/support'

const schemaKeys = (r: RecordedRequest) =>
  Object.keys(r.body?.generationConfig?.responseJsonSchema?.properties ?? {})
const functionNames = (r: RecordedRequest): string[] =>
  (r.body?.tools ?? []).flatMap((t: { functionDeclarations?: { name: string }[] }) =>
    (t.functionDeclarations ?? []).map((f) => f.name)
  )
const articleIn = (r: RecordedRequest) =>
  r.promptText.match(/<article>\n([\s\S]*)\n<\/article>/)?.[1]

/** A model that answers every SEO step in kind, instantly, for the site `site`. */
export const workflowModel =
  (site: string) =>
  (r: RecordedRequest): Reply => {
    const reply = answerFor(site, r)
    // Grounded calls rest on a source, as Google reports it.
    return isGrounded(r) && ('json' in reply || 'text' in reply)
      ? { ...reply, sources: [{ url: 'https://source.example/a' }], queries: ['espresso guide'] }
      : reply
  }

const isGrounded = (r: RecordedRequest) =>
  (r.body?.tools ?? []).some((t: object) => 'googleSearch' in t)

function answerFor(site: string, r: RecordedRequest): Reply {
  if (r.body?.generationConfig?.responseModalities?.includes('IMAGE')) {
    return { image: { data: pngBytes(r.promptText) } }
  }
  const fns = functionNames(r)
  if (fns.includes('route_user_request')) {
    return {
      functionCall: {
        name: 'route_user_request',
        args: { intent: 'SEO', url: site, query: 'SEO audit' },
      },
    }
  }
  if (fns.includes('go_to_step')) return { functionCall: { name: 'go_to_step', args: { step: 2 } } }
  const keys = schemaKeys(r)
  if (isGrounded(r) && keys.length === 0) return { text: 'Findings: guides rank well.' }
  if (keys.includes('contentSeoHealthScore')) return { json: diagnosisAnswer }
  if (keys.includes('competitors')) {
    return {
      json: {
        competitors: [
          {
            url: 'https://www.roastery-one.example',
            name: 'Roastery One',
            reasonText: 'Same queries',
          },
          { url: 'https://www.bean-two.example', name: 'Bean Two', reasonText: 'Same queries' },
          { url: 'https://www.cup-three.example', name: 'Cup Three', reasonText: 'Same queries' },
        ],
      },
    }
  }
  if (keys.includes('contentSeoScore')) {
    const host = r.promptText.match(/https:\/\/www\.([a-z-]+)\.example/)?.[1] ?? 'roastery-one'
    return { json: reviewAnswer('Espresso guide', `https://www.${host}.example/guide`) }
  }
  if (keys.includes('overallTrend')) return { json: landscapeAnswer }
  if (keys.includes('solutions')) return { json: solutionsAnswer() }
  if (keys.includes('titleSuggestion')) {
    return {
      json: briefAnswer(
        r.promptText.includes('previous') ? 'French Press Anleitung' : 'Espresso zu Hause'
      ),
    }
  }
  if (keys.includes('outline'))
    return { json: { outline: ['## Ausrüstung', '## Bohnen und Mahlgrad', '## Extraktion'] } }
  if (keys.includes('placements')) {
    return {
      json: {
        placements: [
          { sectionTitle: 'Introduction', imagePrompt: 'Espresso cup', alt: 'Espresso' },
          { sectionTitle: 'Extraktion', imagePrompt: 'Espresso shot', alt: 'Extraktion' },
        ],
      },
    }
  }
  if (keys.includes('brandVoice')) {
    const d = { rating: 4, comment: 'ok' }
    return { json: { brandVoice: d, searchIntent: d, eeat: d, issues: [] } }
  }
  if (keys.includes('seoTitle')) {
    return {
      json: {
        seoTitle: 'Espresso zu Hause',
        seoDescription: 'Der Leitfaden.',
        slug: 'espresso-zu-hause',
        tags: ['Espresso', 'Kaffee', 'Mahlgrad'],
      },
    }
  }
  const article = articleIn(r)
  if (article)
    return {
      text: r.promptText.includes('<issues>')
        ? article.replace('Achte auf', 'Achte besonders auf')
        : article,
    }
  return { text: germanArticle }
}
