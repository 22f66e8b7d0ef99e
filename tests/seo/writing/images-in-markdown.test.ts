import { describe, expect, test } from 'bun:test'
import {
  createTokenRestorer,
  escapeAlt,
  findImages,
  imageMarkdown,
  protectImages,
  restoreImages,
  stripImages,
} from '../../../server/features/seo/writing/images-in-markdown'
import { insertBlock } from '../../../server/features/seo/writing/markdown'
import { illustratedArticle } from './support'

describe('finding and stripping images', () => {
  test('finds Markdown images (with titles and escaped brackets) and HTML img tags', () => {
    const md =
      'A ![a \\] b](/media/x.png "t") B <img src="/y.png" alt="why"> C ![](https://e.example/z.jpg)'
    expect(findImages(md).map(({ alt, url }) => ({ alt, url }))).toEqual([
      { alt: 'a ] b', url: '/media/x.png' },
      { alt: 'why', url: '/y.png' },
      { alt: '', url: 'https://e.example/z.jpg' },
    ])
  })

  test('stripImages removes them and the blank lines they leave', () => {
    expect(stripImages(illustratedArticle(1))).not.toContain('![')
    expect(stripImages('a\n\n![x](/m.png)\n\nb')).toBe('a\n\nb')
  })
})

describe('alt text escaping', () => {
  test('brackets, quotes, angle brackets and newlines cannot break out', () => {
    const alt = 'Cup] (javascript:alert(1)) [x\n"onerror="alert(2)" <b>'
    const md = imageMarkdown(alt, '/media/a.png')
    expect(md).toBe('![Cup) (javascript:alert(1)) (x onerror=alert(2) b](/media/a.png)')
    const [image] = findImages(md)
    expect(image!.url).toBe('/media/a.png')
    expect(image!.markdown).toBe(md)
    expect(escapeAlt(escapeAlt(alt))).toBe(escapeAlt(alt))
  })
})

describe('protecting images through a rewrite', () => {
  const article = illustratedArticle(4)

  test('replaces every image by a token; no image data or URL is left', () => {
    const { text, images } = protectImages(article)
    expect(images.map((i) => i.token)).toEqual(['[[IMAGE_1]]', '[[IMAGE_2]]'])
    expect(text).not.toContain('data:image')
    expect(text).not.toContain('/media/abc.png')
    expect(images[0]).toMatchObject({ anchor: 'Ausrüstung', skip: 0 })
    expect(images[1]).toMatchObject({ anchor: 'Extraktion', skip: 0 })
  })

  test('restores tokens, also when the model escaped or reformatted them', () => {
    const { text, images } = protectImages(article)
    const rewritten = text
      .replace('[[IMAGE_1]]', '\\[\\[IMAGE_1\\]\\]')
      .replace('[[IMAGE_2]]', '[[ image 2 ]]')
    const { article: restored, reinserted } = restoreImages(rewritten, images)
    expect(restored).toBe(article)
    expect(reinserted).toBe(0)
  })

  test('duplicated and unknown tokens are dropped; each image appears once', () => {
    const { text, images } = protectImages(article)
    const { article: restored } = restoreImages(`${text}\n\n[[IMAGE_1]] [[IMAGE_7]]`, images)
    expect(restored.split('/media/abc.png').length - 1).toBe(1)
    expect(restored).not.toContain('IMAGE_')
  })

  test('images the model dropped go back under their original heading', () => {
    const { text, images } = protectImages(article)
    const dropped = text
      .replace('[[IMAGE_2]]\n\n', '')
      .replace('Extraktion von 25', 'Extraktion von 20')
    const { article: restored, reinserted } = restoreImages(dropped, images)
    expect(reinserted).toBe(1)
    expect(restored).toContain(`## Extraktion\n\n${images[1]!.markdown}\n\nEine Extraktion von 20`)
  })

  test('when the heading is gone too, the image stays at about the same place', () => {
    const { text, images } = protectImages(article)
    const renamed = text.replace('[[IMAGE_2]]\n\n', '').replace('## Extraktion', '## Brühen')
    const { article: restored } = restoreImages(renamed, images)
    const at = restored.indexOf('data:image')
    expect(at).toBeGreaterThan(restored.indexOf('## Brühen'))
    expect(at).toBeLessThan(restored.indexOf('Eine Extraktion'))
  })
})

describe('restoring tokens in a stream', () => {
  test('a token split across chunks is held, then replaced whole', () => {
    const { images } = protectImages('x ![a](/media/a.png) y')
    const restorer = createTokenRestorer(images)
    const out = [
      restorer.push('Hello [[IMA'),
      restorer.push('GE_1]] world ['),
      restorer.push('link](u)'),
      restorer.flush(),
    ]
    expect(out.join('')).toBe('Hello ![a](/media/a.png) world [link](u)')
    expect(out[0]).toBe('Hello ')
  })
})

describe('insertBlock', () => {
  const md = '# T\n\nIntro one.\n\nIntro two.\n\n## A\n\nA1\n\n## B\n\nB1'
  test('after the first paragraph when no heading is named (a leading H1 is skipped)', () => {
    expect(insertBlock(md, 'X', { skip: 1 })).toBe(
      '# T\n\nIntro one.\n\nX\n\nIntro two.\n\n## A\n\nA1\n\n## B\n\nB1'
    )
  })
  test('right after a heading, and undefined for an unknown heading', () => {
    expect(insertBlock(md, 'X', { heading: 'B', skip: 0 })).toBe(
      '# T\n\nIntro one.\n\nIntro two.\n\n## A\n\nA1\n\n## B\n\nX\n\nB1'
    )
    expect(insertBlock(md, 'X', { heading: 'Nope', skip: 0 })).toBeUndefined()
  })
})
