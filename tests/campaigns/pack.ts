/**
 * Reading a campaign pack in tests: the ZIP's files (fflate), a strict RFC 4180 CSV parser, and a
 * saved campaign with stored visuals and checked posts to export.
 */
import { unzipSync } from 'fflate'
import { defaultLayers } from '../../server/features/campaigns/default-layers'
import { FORMATS } from '../../server/features/campaigns/formats'
import { checkPost } from '../../server/features/campaigns/post-check'
import type { CampaignDocument } from '../../server/features/library/schemas/campaign'
import { encodePng } from '../../server/media/encode'
import { saveMedia } from '../../server/storage/media'
import type { BlobStore } from '../../server/storage/types'
import { PLAN, PLAN_ZH, SOURCE } from './support'

export const unzip = (bytes: Uint8Array) => unzipSync(bytes)

/** RFC 4180: quoted fields with doubled quotes, CRLF records; throws on anything else. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let i = 0
  while (i < text.length) {
    if (text[i] !== '"') throw new Error(`unquoted field at ${i}`)
    let field = ''
    i++
    for (;;) {
      if (i >= text.length) throw new Error('unterminated field')
      if (text[i] === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        i++
        break
      }
      field += text[i++]
    }
    row.push(field)
    if (text[i] === ',') i++
    else if (text.startsWith('\r\n', i)) {
      rows.push(row)
      row = []
      i += 2
    } else throw new Error(`bad separator at ${i}`)
  }
  return rows
}

/** A plain base image of the format's export size, stored. */
async function baseImage(store: BlobStore, format: keyof typeof FORMATS) {
  const { width, height } = FORMATS[format]
  const data = new Uint8Array(width * height * 4)
  for (let p = 0; p < data.length; p += 4) data.set([40, 70, 110, 255], p)
  return saveMedia(store, await encodePng({ width, height, data }), 'image/png')
}

const postOf = (
  network: 'x' | 'linkedin' | 'xiaohongshu',
  language: 'en' | 'zh-CN',
  body: string
) => {
  const base = {
    id: `${network}-${language}`,
    network,
    language,
    hooks:
      language === 'en'
        ? ['Brew café coffee at home.', 'Flat coffee? Fix it.']
        : ['在家冲出好咖啡', '手冲发苦？'],
    hook: 0 as const,
    title: 0 as const,
    body,
    hashtags: language === 'en' ? ['coffee'] : ['手冲咖啡'],
    ...(network === 'xiaohongshu' ? { titles: ['在家冲好咖啡', '手冲发苦的原因'] } : {}),
  }
  return { ...base, check: checkPost(base, network === 'xiaohongshu' ? undefined : SOURCE.url) }
}

export async function sampleCampaign(store: BlobStore): Promise<CampaignDocument> {
  const formats = ['1:1', '4:5', '9:16', '1.91:1'] as const
  const plans = {
    en: { ...PLAN, headline: 0 as const },
    'zh-CN': { ...PLAN_ZH, headline: 0 as const },
  }
  const visuals = await Promise.all(
    formats.map(async (format) => ({
      format,
      image: await baseImage(store, format),
      modelRatio: format === '1.91:1' ? '16:9' : format,
      layers: defaultLayers(format, plans),
    }))
  )
  return {
    title: 'Pour over campaign',
    source: SOURCE,
    languages: ['en', 'zh-CN'],
    networks: ['x', 'linkedin', 'xiaohongshu'],
    plans,
    posts: [
      postOf('x', 'en', `Ratio, grind and water decide the cup. ${SOURCE.url}`),
      postOf('linkedin', 'en', 'Ratio, grind and water decide the cup.'),
      postOf('xiaohongshu', 'zh-CN', '比例、研磨度和水温决定了一杯咖啡的大部分风味。'),
    ],
    visuals,
  }
}
