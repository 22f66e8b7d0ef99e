/**
 * @module brand-guard/kmeans
 * Dominant colours by k-means in CIELAB, with no randomness: the opaque pixels are counted by
 * exact colour, the first centre is the most frequent colour, each next one the colour whose
 * count times squared distance to the chosen centres is largest (k-means++ with its draw
 * replaced by the maximum), then Lloyd's iterations until no colour changes cluster. Ties go to
 * the lower colour value and the lower centre, so the same pixels always give the same answer.
 */
import type { RgbaImage } from '../../media/pixels'
import { type Lab, labDistance2, rgbToLab } from './lab'

export interface ColorPoint {
  /** `0xRRGGBB`. */
  rgb: number
  lab: Lab
  count: number
}

export interface Cluster {
  lab: Lab
  /** Pixels in the cluster. */
  count: number
}

const MAX_ITERATIONS = 50
const OPAQUE = 128

/** The opaque pixels counted by exact colour, in ascending colour order, with their Lab. */
export function colorPoints(image: RgbaImage): { points: ColorPoint[]; total: number } {
  const counts = new Map<number, number>()
  const { data } = image
  let total = 0
  for (let i = 0; i < data.length; i += 4) {
    if ((data[i + 3] ?? 0) < OPAQUE) continue
    const key = ((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0)
    counts.set(key, (counts.get(key) ?? 0) + 1)
    total++
  }
  const points = [...counts]
    .sort((a, b) => a[0] - b[0])
    .map(([rgb, count]) => ({
      rgb,
      count,
      lab: rgbToLab((rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255),
    }))
  return { points, total }
}

function seeds(points: readonly ColorPoint[], k: number): Lab[] {
  let first = points[0] as ColorPoint
  for (const p of points) if (p.count > first.count) first = p
  const centres = [first.lab]
  const nearest = points.map((p) => labDistance2(p.lab, first.lab))
  while (centres.length < k) {
    let best = -1
    let bestWeight = 0
    points.forEach((p, i) => {
      const weight = p.count * (nearest[i] ?? 0)
      if (weight > bestWeight) {
        best = i
        bestWeight = weight
      }
    })
    // Every colour already sits on a centre: fewer distinct colours than clusters.
    if (best < 0) break
    const lab = (points[best] as ColorPoint).lab
    centres.push(lab)
    points.forEach((p, i) => {
      nearest[i] = Math.min(nearest[i] ?? 0, labDistance2(p.lab, lab))
    })
  }
  return centres
}

function closest(lab: Lab, centres: readonly Lab[]): number {
  let best = 0
  let bestDistance = Number.POSITIVE_INFINITY
  centres.forEach((c, i) => {
    const d = labDistance2(lab, c)
    if (d < bestDistance) {
      best = i
      bestDistance = d
    }
  })
  return best
}

/** Each cluster's weighted mean (a cluster left empty keeps its centre). */
function means(points: readonly ColorPoint[], assignment: readonly number[], centres: Lab[]) {
  const sums = centres.map(() => ({ n: 0, l: 0, a: 0, b: 0 }))
  points.forEach((p, i) => {
    const sum = sums[assignment[i] ?? 0]
    if (!sum) return
    sum.n += p.count
    sum.l += p.lab.l * p.count
    sum.a += p.lab.a * p.count
    sum.b += p.lab.b * p.count
  })
  return centres.map((centre, c) => {
    const s = sums[c]
    return s?.n ? { l: s.l / s.n, a: s.a / s.n, b: s.b / s.n } : centre
  })
}

/** Up to `k` clusters of the weighted colours, largest first (empty ones dropped). */
export function kMeans(points: readonly ColorPoint[], k: number): Cluster[] {
  if (!points.length || k < 1) return []
  let centres = seeds(points, k)
  let assignment = points.map((p) => closest(p.lab, centres))
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    centres = means(points, assignment, centres)
    const next = points.map((p) => closest(p.lab, centres))
    const moved = next.some((c, i) => c !== assignment[i])
    assignment = next
    if (!moved) break
  }
  const counts = centres.map(() => 0)
  assignment.forEach((c, i) => {
    counts[c] = (counts[c] ?? 0) + (points[i] as ColorPoint).count
  })
  return centres
    .map((lab, c) => ({ lab, count: counts[c] ?? 0 }))
    .filter((c) => c.count > 0)
    .sort((x, y) => y.count - x.count || y.lab.l - x.lab.l)
}
