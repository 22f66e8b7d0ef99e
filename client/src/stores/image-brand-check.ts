/**
 * @module stores/image-brand-check
 * The brand check in the image studio (Pinia setup store): while a brand profile is chosen, every
 * image on the canvas is checked once against it (the shared `brand-guard` store keys checks by
 * image and profile, so re-renders and reopened panels ask nothing again), and each item keeps
 * its result in the saved series. "Fix it" edits the image with the issues' fixes, so the fixed
 * version hangs below the original in the edit tree. With a threshold set, an image made in this
 * tab that scores below it is fixed once by itself; a fix is never fixed again automatically.
 */
import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { checkBrand } from '../api/brand'
import { fixInstruction, keptSummary, profileKeyOf } from '../features/brand-guard/check-view'
import type { CanvasItem } from '../features/image/canvas/items'
import { mimeTypeOfId } from '../features/image/download'
import { type GuardEntry, useBrandGuardStore } from './brand-guard'
import { useImageBrandStore } from './image-brand'
import { useImageSeriesStore } from './image-series'
import { useImageStudioStore } from './image-studio'

export const useImageBrandCheckStore = defineStore('image-brand-check', () => {
  const guard = useBrandGuardStore()
  const brand = useImageBrandStore()
  const series = useImageSeriesStore()
  const studio = useImageStudioStore()
  /** Images made before this are never fixed automatically (they were not made here). */
  const since = new Date().toISOString()
  /** Media made by a fix, and items already fixed automatically: never fixed by themselves again. */
  const fixes = new Set<string>()
  const autoFixed = new Set<string>()
  const fixing = ref<string>()
  /** The last automatic fix (its source and its result), for the note the toolbar shows. */
  const lastAuto = ref<{ itemIds: string[]; score: number; threshold: number }>()

  const profileKey = computed(() => (brand.profile ? profileKeyOf(brand.profile) : undefined))
  const keyOf = (mediaId: string) =>
    profileKey.value ? `image:${mediaId}|${profileKey.value}` : undefined

  const entryOf = (mediaId: string): GuardEntry | undefined => {
    const key = keyOf(mediaId)
    return key ? guard.entry(key) : undefined
  }

  async function check(item: CanvasItem, retry = false): Promise<void> {
    const key = keyOf(item.mediaId)
    const profile = brand.profile
    const profileId = brand.profileId
    if (!key || !profile) return
    const entry = await guard.run(key, () => checkBrand({ imageId: item.mediaId, profile }), {
      retry,
    })
    if (entry.state !== 'done' || !entry.check || profileKey.value !== key.split('|')[1]) return
    series.annotate(item.mediaId, { brandCheck: keptSummary(entry.check, profileId) })
    await maybeFix(item, entry.check.score)
  }

  /** The threshold's one automatic fix of an image made here. */
  async function maybeFix(item: CanvasItem, score: { value: number | null; partial: boolean }) {
    const threshold = guard.threshold
    if (threshold === null || score.value === null || score.partial || score.value >= threshold)
      return
    if (item.createdAt < since || fixes.has(item.mediaId) || autoFixed.has(item.id)) return
    autoFixed.add(item.id)
    const made = await fix(item)
    lastAuto.value = {
      itemIds: [item.id, ...(made ? [made.id] : [])],
      score: score.value,
      threshold,
    }
  }

  /**
   * An edit of `item` with its issues' fixes: a new version below it in the edit tree. Fixes run
   * one after another, so a threshold meeting two images at once fixes both.
   */
  let queue: Promise<unknown> = Promise.resolve()
  function fix(item: CanvasItem): Promise<CanvasItem | undefined> {
    const run = queue.then(() => fixNow(item))
    queue = run.catch(() => undefined)
    return run
  }

  async function fixNow(item: CanvasItem): Promise<CanvasItem | undefined> {
    const check = entryOf(item.mediaId)?.check
    if (!check?.issues.length) return undefined
    fixing.value = item.id
    try {
      const made = await studio.edit(item, fixInstruction(check.issues), [])
      if (made) fixes.add(made.mediaId)
      return made
    } finally {
      fixing.value = undefined
    }
  }

  /**
   * An image from elsewhere (an inspiration card) placed on the open series and fixed: the
   * original and its fix side by side in the edit tree.
   */
  async function fixIncoming(mediaId: string, prompt: string): Promise<void> {
    const item = series.place(
      { id: mediaId, url: `/media/${mediaId}`, mimeType: mimeTypeOfId(mediaId), size: 0 },
      { prompt }
    )
    await check(item)
    await fix(item)
  }

  // Every image on the canvas, once per brand version, while a profile is chosen.
  watch(
    [() => series.items, profileKey],
    () => {
      if (!profileKey.value) return
      for (const item of series.items) {
        const entry = entryOf(item.mediaId)
        if (!entry) void check(item)
        else if (entry.check && !item.brandCheck) {
          // An undo brought back an item without its kept result.
          series.annotate(item.mediaId, { brandCheck: keptSummary(entry.check, brand.profileId) })
        }
      }
    },
    { immediate: true }
  )

  return { entryOf, check, fix, fixIncoming, fixing, lastAuto, fixes }
})
