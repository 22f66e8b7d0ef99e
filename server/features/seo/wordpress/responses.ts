/**
 * @module seo/wordpress/responses
 * What the WordPress routes answer, as valibot schemas (the API document is read from them and
 * the tests hold every answer to them). A connection never carries the password.
 */
import * as v from 'valibot'

export const WordPressConnectionResponse = v.object({
  connected: v.boolean(),
  siteUrl: v.optional(v.string()),
  username: v.optional(v.string()),
  displayName: v.optional(v.string()),
  savedAt: v.optional(v.string()),
})

const Term = v.object({ id: v.number(), name: v.string() })

export const PublishedDraftResponse = v.object({
  postId: v.number(),
  status: v.string(),
  updated: v.boolean(),
  slug: v.string(),
  link: v.string(),
  pageUrl: v.pipe(
    v.string(),
    v.description('Where the article will live once published (tracked in Search Console)')
  ),
  editUrl: v.string(),
  featuredMedia: v.number(),
  images: v.array(
    v.object({ mediaId: v.string(), attachmentId: v.number(), url: v.string(), alt: v.string() })
  ),
  categories: v.array(Term),
  tags: v.array(Term),
})
