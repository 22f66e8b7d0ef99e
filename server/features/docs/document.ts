/**
 * @module docs/document
 * The API's OpenAPI document: the route tables walked by `core/openapi/build`, the guide as its
 * description, and the studios as tags. Loaded on the first request for it.
 */
import { version } from '../../../package.json'
import { buildDocument, type RouteEntry } from '../../core/openapi/build'
import type { ConvertOptions } from '../../core/openapi/json-schema'
import guide from './guide.md' with { type: 'text' }

export const TAGS = [
  { name: 'Brand', description: 'Brand analysis: a profile, kit and assets read from a website.' },
  {
    name: 'SEO',
    description: 'The SEO content workflow, from diagnosis to metadata, and its knowledge base.',
  },
  {
    name: 'Image',
    description: 'The image studio: prompts, design plans, generation, editing, upscaling.',
  },
  {
    name: 'Video',
    description: 'The video studio: prompt tools and durable, idempotent video jobs.',
  },
  {
    name: 'Campaigns',
    description:
      'Campaign packs: posts per network and language within each network’s limits, visuals in every size with editable layers, one ZIP.',
  },
  {
    name: 'Saved work',
    description: 'Brand profiles, SEO projects and image series kept on the server, with ETags.',
  },
  { name: 'Media', description: 'Stored images and videos by id: immutable, with byte ranges.' },
  {
    name: 'Usage',
    description: "AI spend per workspace, priced call by call, against the workspace's budget.",
  },
  { name: 'System', description: 'What this deployment can do, and this reference.' },
]

export const apiDocument = (routes: readonly RouteEntry[], options: ConvertOptions = {}) =>
  buildDocument(routes, {
    ...options,
    title: 'AIS Studio API',
    version,
    description: guide,
    tags: TAGS,
  })
