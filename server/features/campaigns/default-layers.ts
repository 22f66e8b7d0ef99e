/**
 * @module campaigns/default-layers
 * The layers a new visual starts with: the headline near the top, the call to action as a
 * button near the bottom, the logo in a corner when the kit has one (the headline kept clear of
 * it); in the kit's heading font and colours. Placed per format (a wide visual keeps its text on the left half). Pure.
 */
import type { BrandKit } from '../brand/profile'
import type { CampaignLanguage, Layer, MarketPlan, VisualFormat } from '../library/schemas/campaign'

type Plans = Partial<Record<CampaignLanguage, MarketPlan>>

const texts = (plans: Plans, pick: (plan: MarketPlan) => string) =>
  Object.fromEntries(
    Object.entries(plans).flatMap(([language, plan]) =>
      plan ? [[language, pick(plan).slice(0, 300)]] : []
    )
  )

/** Dark text on a light button, white on a dark one (relative luminance, WCAG). */
export function textOn(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.18 ? '#111111' : '#ffffff'
}

export function defaultLayers(format: VisualFormat, plans: Plans, kit?: BrandKit): Layer[] {
  const wide = format === '1.91:1'
  const tall = format === '9:16'
  const colour = (role: string) => kit?.colors.find((c) => c.role === role)?.hex
  const font = kit?.fonts.find((f) => f.role === 'heading')?.family ?? kit?.fonts[0]?.family
  const button = colour('accent') ?? colour('primary') ?? '#1f6f5c'
  const layers: Layer[] = [
    {
      id: 'headline',
      kind: 'headline',
      x: 0.07,
      y: tall ? 0.12 : 0.08,
      // Clear of the logo's corner when there is one (it starts at 0.78 across).
      width: wide ? 0.5 : kit?.logo ? 0.68 : 0.86,
      size: wide ? 0.045 : 0.075,
      color: '#ffffff',
      align: 'left',
      text: texts(plans, (p) => p.headlines[p.headline] ?? p.headlines[0] ?? ''),
      ...(font ? { font } : {}),
      hidden: false,
    },
    {
      id: 'cta',
      kind: 'cta',
      x: 0.07,
      y: wide ? 0.72 : tall ? 0.8 : 0.82,
      width: wide ? 0.3 : 0.5,
      size: wide ? 0.028 : 0.045,
      color: textOn(button),
      background: button,
      align: 'center',
      text: texts(plans, (p) => p.cta),
      ...(font ? { font } : {}),
      hidden: false,
    },
  ]
  if (kit?.logo) {
    layers.push({
      id: 'logo',
      kind: 'logo',
      x: wide ? 0.86 : 0.78,
      y: wide ? 0.08 : 0.05,
      width: wide ? 0.1 : 0.15,
      size: 0.07,
      color: '#ffffff',
      align: 'left',
      text: {},
      mediaId: kit.logo.mediaId,
      hidden: false,
    })
  }
  return layers
}
