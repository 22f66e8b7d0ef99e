/**
 * @module seo/wordpress/publish
 * `wordpress/publish`: the article as a draft on the connected WordPress site. The illustrations
 * are uploaded first (`/wp/v2/media`, with their alt text) and the article's links pointed at the
 * uploaded copies; then the post (`/wp/v2/posts`, `status: draft`) with title, slug, the meta
 * description as excerpt, the first image as featured image, and categories and tags (created
 * when missing). Publishing the same project again updates its draft instead of adding another;
 * a post already published on the site is not overwritten (409).
 */
import * as v from 'valibot'
import { AppError } from '../../../core/errors'
import { requiredText, text, textList } from '../../../core/schema'
import { extensionFor } from '../../../storage/keys'
import { loadMedia } from '../../../storage/media'
import { Article, ProjectId } from '../schemas'
import { connectedApi } from './connection'
import { mediaIdsIn, postHtml } from './content'
import type { WordPressContext } from './context'
import { loadPostRecord, type PostRecord, savePostRecord, type UploadedImage } from './records'
import type { WordPressApi } from './rest'
import { ensureTerms, type Term } from './terms'

export { PublishedDraftResponse } from './responses'

export const WordPressPublishRequest = v.object({
  /** The saved SEO project the article belongs to: one draft per project and site. */
  projectId: ProjectId,
  article: Article,
  title: requiredText(400),
  slug: v.optional(v.pipe(text(200), v.regex(/^[a-z0-9-]*$/, 'Must be a lowercase URL slug')), ''),
  /** The meta description; WordPress shows it as the excerpt. */
  excerpt: v.optional(text(1000), ''),
  categories: v.optional(textList(10, 100), []),
  tags: v.optional(textList(20, 100), []),
})
export type WordPressPublishRequest = v.InferOutput<typeof WordPressPublishRequest>

export interface PublishedDraft {
  postId: number
  status: string
  /** False on the first publish, true when an existing draft was updated. */
  updated: boolean
  slug: string
  /** The post's link (a preview link while it is a draft). */
  link: string
  /** Where it will live once published (its permalink with the slug), for tracking. */
  pageUrl: string
  editUrl: string
  featuredMedia: number
  images: { mediaId: string; attachmentId: number; url: string; alt: string }[]
  categories: Term[]
  tags: Term[]
}

interface WpPost {
  id: number
  status: string
  slug: string
  link: string
  permalink_template?: string
  generated_slug?: string
  featured_media: number
}

interface WpMedia {
  id: number
  source_url: string
}

export async function publishToWordPress(
  ctx: WordPressContext,
  input: WordPressPublishRequest
): Promise<PublishedDraft> {
  const api = await connectedApi(ctx)
  const previous = await loadPostRecord(ctx.store, ctx.workspace, input.projectId, api.siteUrl)
  const existing = previous ? await currentPost(api, previous.postId) : undefined
  if (existing?.status === 'publish') {
    throw new AppError(
      409,
      'wordpress_already_published',
      `This article is already published on ${api.siteUrl} (${existing.link}); edit it there.`,
      { details: { site: api.siteUrl, postId: existing.id, link: existing.link } }
    )
  }

  const images = await uploadImages(ctx, api, input, previous?.media ?? {})
  const [categories, tags] = [
    await ensureTerms(api, 'categories', input.categories),
    await ensureTerms(api, 'tags', input.tags),
  ]
  const urls = new Map(images.map((i) => [i.mediaId, i.url]))
  const featuredMedia = images[0]?.attachmentId ?? 0
  const fields = {
    title: input.title,
    content: postHtml(input.article, urls),
    excerpt: input.excerpt,
    ...(input.slug ? { slug: input.slug } : {}),
    featured_media: featuredMedia,
    ...(categories.length ? { categories: categories.map((c) => c.id) } : {}),
    tags: tags.map((t) => t.id),
  }
  const post = existing
    ? await api.json<WpPost>('POST', `/wp/v2/posts/${existing.id}`, {
        body: fields,
        query: { context: 'edit' },
      })
    : await api.json<WpPost>('POST', '/wp/v2/posts', {
        body: { ...fields, status: 'draft' },
        query: { context: 'edit' },
      })

  const record: PostRecord = {
    siteUrl: api.siteUrl,
    postId: post.id,
    media: Object.fromEntries(images.map((i) => [i.mediaId, { id: i.attachmentId, url: i.url }])),
  }
  await savePostRecord(ctx.store, ctx.workspace, input.projectId, record)
  ctx.log.info('Article published to WordPress as a draft', {
    site: api.siteUrl,
    postId: post.id,
    updated: Boolean(existing),
    images: images.length,
  })
  return {
    postId: post.id,
    status: post.status,
    updated: Boolean(existing),
    slug: post.slug || post.generated_slug || input.slug,
    link: post.link,
    pageUrl: permalinkOf(post, input.slug),
    editUrl: `${api.siteUrl}/wp-admin/post.php?post=${post.id}&action=edit`,
    featuredMedia: post.featured_media,
    images,
    categories,
    tags,
  }
}

/** The post as it is now, or undefined when it was deleted (or trashed) on the site. */
async function currentPost(api: WordPressApi, id: number): Promise<WpPost | undefined> {
  const post = await api.json<WpPost | undefined>('GET', `/wp/v2/posts/${id}`, {
    query: { context: 'edit' },
    allow: [404, 410],
  })
  return post && post.status !== 'trash' ? post : undefined
}

/** Each image once: a copy uploaded by an earlier publish is used again if it is still there. */
async function uploadImages(
  ctx: WordPressContext,
  api: WordPressApi,
  input: WordPressPublishRequest,
  uploaded: Record<string, UploadedImage>
): Promise<PublishedDraft['images']> {
  const out: PublishedDraft['images'] = []
  for (const [index, { id, alt }] of mediaIdsIn(input.article).entries()) {
    const known = uploaded[id]
    const still = known
      ? await api.json<WpMedia | undefined>('GET', `/wp/v2/media/${known.id}`, {
          allow: [404, 410],
        })
      : undefined
    if (known && still) {
      out.push({ mediaId: id, attachmentId: still.id, url: still.source_url, alt })
      continue
    }
    const { bytes, mimeType } = await loadMedia(ctx.store, id)
    const base = input.slug || 'article-image'
    const media = await api.upload<WpMedia>(
      {
        bytes: new Uint8Array(bytes),
        mimeType,
        fileName: `${base}-${index + 1}.${extensionFor(mimeType)}`,
      },
      { alt_text: alt, title: alt || input.title }
    )
    out.push({ mediaId: id, attachmentId: media.id, url: media.source_url, alt })
  }
  return out
}

/** `permalink_template` with the slug in it (`…/%postname%/`), else the link WordPress gave. */
function permalinkOf(post: WpPost, slug: string): string {
  const name = post.slug || post.generated_slug || slug
  const template = post.permalink_template
  if (template && name && /%(?:post|page)name%/.test(template)) {
    return template.replace(/%(?:post|page)name%/, name)
  }
  return post.link
}
