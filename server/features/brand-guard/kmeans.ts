/**
 * @module brand-guard/kmeans
 * Dominant colours by k-means in CIELAB, with no randomness: the opaque pixels are counted by
 * exact colour, the first centre is the most frequent colour, each next one the colour whose
 * count times squared distance to the chosen centres is largest (k-means++ with its draw
 * replaced by the maximum), then Lloyd's iterations until no colour changes cluster. Ties go to
 * the lower colour value and the lower centre, so the same pixels always give the same answer.
 */
import type { RgbaImage } from '../../media/pixels'
import { type Lab, rgbToLab } from './lab'

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

/** The weighted points as flat arrays: Lab triples and counts (the loops below are hot). */
function flat(points: readonly ColorPoint[]) {
  const lab = new Float64Array(points.length * 3)
  const count = new Float64Array(points.length)
  points.forEach((p, i) => {
    lab[i * 3] = p.lab.l
    lab[i * 3 + 1] = p.lab.a
    lab[i * 3 + 2] = p.lab.b
    count[i] = p.count
  })
  return { lab, count, n: points.length }
}
type Flat = ReturnType<typeof flat>

const dist2 = (lab: Float64Array, i: number, c: Float64Array, j: number) => {
  const dl = (lab[i * 3] ?? 0) - (c[j * 3] ?? 0)
  const da = (lab[i * 3 + 1] ?? 0) - (c[j * 3 + 1] ?? 0)
  const db = (lab[i * 3 + 2] ?? 0) - (c[j * 3 + 2] ?? 0)
  return dl * dl + da * da + db * db
}

/** k-means++ with the draw replaced by the maximum: deterministic seeds. */
function seeds({ lab, count, n }: Flat, k: number): Float64Array {
  const centres = new Float64Array(k * 3)
  let first = 0
  for (let i = 1; i < n; i++) if ((count[i] ?? 0) > (count[first] ?? 0)) first = i
  centres.set(lab.subarray(first * 3, first * 3 + 3), 0)
  const nearest = new Float64Array(n)
  for (let i = 0; i < n; i++) nearest[i] = dist2(lab, i, centres, 0)
  let chosen = 1
  while (chosen < k) {
    let best = -1
    let bestWeight = 0
    for (let i = 0; i < n; i++) {
      const weight = (count[i] ?? 0) * (nearest[i] ?? 0)
      if (weight > bestWeight) {
        best = i
        bestWeight = weight
      }
    }
    // Every colour already sits on a centre: fewer distinct colours than clusters.
    if (best < 0) break
    centres.set(lab.subarray(best * 3, best * 3 + 3), chosen * 3)
    for (let i = 0; i < n; i++)
      nearest[i] = Math.min(nearest[i] ?? 0, dist2(lab, i, centres, chosen))
    chosen++
  }
  return centres.slice(0, chosen * 3)
}

/** Assigns each point its closest centre (the lower index on a tie); true when any moved. */
function assign({ lab, n }: Flat, centres: Float64Array, assignment: Int32Array): boolean {
  const k = centres.length / 3
  let moved = false
  for (let i = 0; i < n; i++) {
    let best = 0
    let bestDistance = Number.POSITIVE_INFINITY
    for (let j = 0; j < k; j++) {
      const d = dist2(lab, i, centres, j)
      if (d < bestDistance) {
        best = j
        bestDistance = d
      }
    }
    if (assignment[i] !== best) {
      assignment[i] = best
      moved = true
    }
  }
  return moved
}

/** Each cluster's weighted mean (a cluster left empty keeps its centre); the clusters' weights. */
function update({ lab, count, n }: Flat, centres: Float64Array, assignment: Int32Array) {
  const k = centres.length / 3
  const sums = new Float64Array(k * 3)
  const weights = new Float64Array(k)
  for (let i = 0; i < n; i++) {
    const c = assignment[i] ?? 0
    const w = count[i] ?? 0
    weights[c] = (weights[c] ?? 0) + w
    for (let d = 0; d < 3; d++) sums[c * 3 + d] = (sums[c * 3 + d] ?? 0) + (lab[i * 3 + d] ?? 0) * w
  }
  for (let c = 0; c < k; c++) {
    const w = weights[c] ?? 0
    if (w > 0) for (let d = 0; d < 3; d++) centres[c * 3 + d] = (sums[c * 3 + d] ?? 0) / w
  }
  return weights
}

/** Up to `k` clusters of the weighted colours, largest first (empty ones dropped). */
export function kMeans(points: readonly ColorPoint[], k: number): Cluster[] {
  if (!points.length || k < 1) return []
  const data = flat(points)
  const centres = seeds(data, k)
  const assignment = new Int32Array(data.n).fill(-1)
  assign(data, centres, assignment)
  let weights = update(data, centres, assignment)
  for (let iteration = 1; iteration < MAX_ITERATIONS; iteration++) {
    if (!assign(data, centres, assignment)) break
    weights = update(data, centres, assignment)
  }
  return Array.from(weights, (count, c) => ({
    lab: { l: centres[c * 3] ?? 0, a: centres[c * 3 + 1] ?? 0, b: centres[c * 3 + 2] ?? 0 },
    count,
  }))
    .filter((c) => c.count > 0)
    .sort((x, y) => y.count - x.count || y.lab.l - x.lab.l)
}
