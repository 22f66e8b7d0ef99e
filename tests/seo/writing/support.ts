import { brief, profile } from '../fixtures'

export { brief, profile }

/** Tiny PNG-like bytes (the gateway and store only care about bytes and type). */
export const pngBytes = (seed: string) =>
  new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, ...new TextEncoder().encode(seed)])

/** A base64 data-URI image of about `kb` kilobytes, like the original embedded in articles. */
export const dataUriImage = (alt: string, kb: number) =>
  `![${alt}](data:image/png;base64,${Buffer.alloc(kb * 768, 7).toString('base64')})`

export const germanArticle = [
  '# Espresso zu Hause: der komplette Leitfaden',
  '',
  'Espresso zu Hause gelingt mit der richtigen Ausrüstung und etwas Übung. Dieser Leitfaden zeigt, worauf es ankommt.',
  '',
  '## Ausrüstung',
  '',
  'Eine gute Espressomaschine und eine Mühle sind die Basis. Achte auf stabile Temperatur und genug Druck.',
  '',
  '## Bohnen und Mahlgrad',
  '',
  'Frisch geröstete Bohnen und der passende Mahlgrad entscheiden über den Geschmack. Stelle den Mahlgrad in kleinen Schritten ein.',
  '',
  '## Extraktion',
  '',
  'Eine Extraktion von 25 bis 30 Sekunden ist ein guter Startpunkt. Probiere und passe danach an.',
].join('\n')

/** The German article with two images: a media URL and an imported base64 one. */
export const illustratedArticle = (kb = 64) =>
  germanArticle
    .replace(
      '## Ausrüstung\n\n',
      '## Ausrüstung\n\n![Siebträgermaschine in einer Küche](/media/abc.png)\n\n'
    )
    .replace(
      '## Extraktion\n\n',
      `## Extraktion\n\n${dataUriImage('Espresso läuft in die Tasse', kb)}\n\n`
    )

export { systemText } from '../../support/fake-gemini'

export interface SseFrame {
  event: string
  data: any
}

export async function readSse(res: Response): Promise<SseFrame[]> {
  const text = await res.text()
  return text
    .split('\n\n')
    .filter((frame) => frame.trim())
    .map((frame) => ({
      event: frame.match(/^event: (.*)$/m)?.[1] ?? '',
      data: JSON.parse(frame.match(/^data: (.*)$/m)?.[1] ?? 'null'),
    }))
}

export const SSE = { Accept: 'text/event-stream' }
