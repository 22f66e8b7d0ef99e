/**
 * @module seo/knowledge/routes
 * `GET /api/seo/knowledge` (the documents, as citable refs) and `GET /api/seo/knowledge/:id` (one
 * document with its Markdown), so the UI can open what a step cited. The knowledge module is
 * imported on the first request, keeping it out of server start.
 */
import { Hono } from 'hono'
import { validator } from 'hono/validator'
import * as v from 'valibot'
import type { AppEnv } from '../../../core/context'
import { errors } from '../../../core/errors'
import { describe } from '../../../core/openapi/route-doc'
import { toFieldIssues } from '../../../core/validate'
import { KEBAB_ID } from './ids'

const DocumentId = v.pipe(
  v.string(),
  v.maxLength(80),
  v.regex(KEBAB_ID, 'Must be a kebab-case document id')
)
const DocumentParams = v.object({ id: DocumentId })
const responses = () => import('../responses')

// Documents change only with a deploy; a short private cache saves the UI repeat fetches.
const CACHE = { 'Cache-Control': 'private, max-age=300' }

export const knowledgeRoutes = () =>
  new Hono<AppEnv>()
    .get(
      '/knowledge',
      describe({
        operationId: 'listKnowledge',
        summary: 'The knowledge base the SEO steps cite',
        tag: 'SEO',
        responses: {
          200: {
            description: 'Every document, as a reference',
            schema: async () => (await responses()).KnowledgeList,
          },
        },
        examples: [{ summary: 'All documents', status: 200 }],
      }),
      async (c) => {
        const { listKnowledge } = await import('./index')
        return c.json({ documents: await listKnowledge() }, 200, CACHE)
      }
    )
    .get(
      '/knowledge/:id',
      describe({
        operationId: 'getKnowledge',
        summary: 'One knowledge document, with its Markdown',
        tag: 'SEO',
        params: { id: DocumentId },
        responses: {
          200: {
            description: 'The document',
            schema: async () => (await responses()).KnowledgeDocument,
          },
        },
        examples: [
          { summary: 'A document', params: { id: 'ai-search-helpful-content' }, status: 200 },
          { summary: 'No such document', params: { id: 'no-such-document' }, status: 404 },
        ],
      }),
      validator('param', (value: unknown) => {
        const result = v.safeParse(DocumentParams, value)
        if (!result.success) throw errors.invalidInput(toFieldIssues(result.issues))
        return result.output
      }),
      async (c) => {
        const { getKnowledgeDoc } = await import('./index')
        const doc = await getKnowledgeDoc(c.req.valid('param').id)
        if (!doc) throw errors.notFound('This knowledge document')
        return c.json(doc, 200, CACHE)
      }
    )
