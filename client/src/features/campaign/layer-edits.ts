/**
 * @module features/campaign/layer-edits
 * Changes to one visual's layers as plain functions: move by a fraction (kept on the visual),
 * set a field, set the text of one language. Pure.
 */
import type {
  CampaignDocument,
  CampaignLanguage,
  Layer,
  VisualFormat,
} from '../../../../server/features/library/schemas/campaign'

const clamp = (value: number, min: number, max: number) =>
  Math.min(max, Math.max(min, Math.round(value * 10_000) / 10_000))

export function changeLayer(
  doc: CampaignDocument,
  format: VisualFormat,
  layerId: string,
  change: (layer: Layer) => Layer
): CampaignDocument {
  return {
    ...doc,
    visuals: doc.visuals.map((v) =>
      v.format === format
        ? { ...v, layers: v.layers.map((l) => (l.id === layerId ? change(l) : l)) }
        : v
    ),
  }
}

/** Moved by `dx`, `dy` (fractions of the visual), never off the visual. */
export const moveLayer = (layer: Layer, dx: number, dy: number): Layer => ({
  ...layer,
  x: clamp(layer.x + dx, 0, Math.max(0, 1 - Math.min(layer.width, 1))),
  y: clamp(layer.y + dy, 0, 0.98),
})

export const setText = (layer: Layer, language: CampaignLanguage, text: string): Layer => ({
  ...layer,
  text: { ...layer.text, [language]: text.slice(0, 300) },
})
