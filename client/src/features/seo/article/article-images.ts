/**
 * @module features/seo/article/article-images
 * The illustrations of an article (Markdown images served from this server's `/media/`), and
 * the article with one of them replaced by another (a fixed version), everywhere it appears.
 */

const IMAGE = /!\[([^\]]*)\]\(\/media\/([a-f0-9]{64}\.[a-z0-9]{2,5})\)/g

export interface ArticleImage {
  mediaId: string
  alt: string
}

/** Each distinct `/media/` image of the article, in order. */
export function articleImages(markdown: string): ArticleImage[] {
  const seen = new Set<string>()
  const out: ArticleImage[] = []
  for (const m of markdown.matchAll(IMAGE)) {
    const mediaId = m[2] as string
    if (seen.has(mediaId)) continue
    seen.add(mediaId)
    out.push({ mediaId, alt: m[1] ?? '' })
  }
  return out
}

/** `markdown` with every `/media/<from>` image pointing at `/media/<to>` instead. */
export const replaceImage = (markdown: string, from: string, to: string) =>
  markdown.replaceAll(`](/media/${from})`, `](/media/${to})`)
