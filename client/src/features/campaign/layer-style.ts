/**
 * @module features/campaign/layer-style
 * A layer's CSS at a display scale, from the document's fractions (the export's geometry:
 * position and width as fractions of the visual, font size as a fraction of its width), in the
 * bundled font.
 */
import type { FormatSpec } from '../../../../server/features/campaigns/formats'
import type { Layer } from '../../../../server/features/library/schemas/campaign'
import { EDITOR_FONT } from './font'

export function layerStyle(layer: Layer, spec: FormatSpec, scale: number): Record<string, string> {
  const px = (value: number) => `${(value * scale).toFixed(2)}px`
  return {
    left: px(layer.x * spec.width),
    top: px(layer.y * spec.height),
    width: px(layer.width * spec.width),
    fontSize: px(layer.size * spec.width),
    color: layer.color,
    textAlign: layer.align,
    fontFamily: `"${EDITOR_FONT}", sans-serif`,
    ...(layer.kind === 'cta' && layer.background ? { background: layer.background } : {}),
  }
}
