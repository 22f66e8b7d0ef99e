/**
 * @module stores/seo-brand-check
 * The brand check of an article's illustrations (Pinia setup store): each image in the article
 * is checked once against the brand the project writes for (when that profile names a brand or
 * has brand colours). "Fix it" edits the image with the issues' fixes and puts the new image in
 * the article in its place: the article is saved as a new version, so the one with the original
 * image stays in its history. With a threshold set, an illustration made in this tab that scores
 * below it is fixed once by itself, never its fix.
 */
import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { checkBrand } from '../api/brand'
import { imageApi } from '../api/image'
import { fixInstruction, profileKeyOf } from '../features/brand-guard/check-view'
import { articleImages, replaceImage } from '../features/seo/article/article-images'
import { useBrandGuardStore } from './brand-guard'
import { useSeoProjectStore } from './seo-project'
import { useSeoWritingStore } from './seo-writing'

export const useSeoBrandCheckStore = defineStore('seo-brand-check', () => {
  const guard = useBrandGuardStore()
  const project = useSeoProjectStore()
  const writing = useSeoWritingStore()
  const fixing = ref<string>()
  /** Illustrations made here (fixed automatically at most once), and the fixes themselves. */
  const made = new Set<string>()
  const fixes = new Set<string>()

  const profile = computed(() => {
    if (!project.document) return undefined
    const p = project.profile()
    return p.globalInfo.brand_name || p.globalInfo.kit?.colors.length ? p : undefined
  })
  const profileKey = computed(() => (profile.value ? profileKeyOf(profile.value) : undefined))
  const images = computed(() => articleImages(project.document?.article ?? ''))
  const keyOf = (mediaId: string) =>
    profileKey.value ? `image:${mediaId}|${profileKey.value}` : undefined
  const entryOf = (mediaId: string) => {
    const key = keyOf(mediaId)
    return key ? guard.entry(key) : undefined
  }

  async function check(mediaId: string, retry = false): Promise<void> {
    const key = keyOf(mediaId)
    const p = profile.value
    if (!key || !p) return
    const entry = await guard.run(key, () => checkBrand({ imageId: mediaId, profile: p }), {
      retry,
    })
    const score = entry.check?.score
    const threshold = guard.threshold
    if (!score || score.partial || score.value === null || threshold === null) return
    if (score.value < threshold && made.has(mediaId) && !fixes.has(mediaId)) {
      made.delete(mediaId)
      await fix(mediaId)
    }
  }

  /**
   * An edit of the image with the fixes, put in the article in its place. Fixes run one after
   * another (each saves a version of the article the previous one wrote), so a threshold that
   * fixes several illustrations fixes each; an image no longer in the article is not fixed.
   */
  let queue: Promise<void> = Promise.resolve()
  function fix(mediaId: string): Promise<void> {
    const run = queue.then(() => fixNow(mediaId))
    queue = run.catch(() => undefined)
    return run
  }

  async function fixNow(mediaId: string): Promise<void> {
    const issues = entryOf(mediaId)?.check?.issues
    if (!issues?.length || !images.value.some((i) => i.mediaId === mediaId)) return
    fixing.value = mediaId
    try {
      const result = await imageApi.generate({
        prompt: fixInstruction(issues),
        sourceImageId: mediaId,
      })
      fixes.add(result.image.id)
      const article = project.document?.article ?? ''
      await writing.saveBrandFix(replaceImage(article, mediaId, result.image.id))
    } finally {
      fixing.value = undefined
    }
  }

  // A new set of illustrations: those are the ones the threshold may fix.
  watch(
    () => writing.images.state,
    (result) => {
      for (const image of result?.images ?? []) made.add(image.media.id)
    }
  )
  watch(
    [images, profileKey],
    () => {
      for (const image of images.value) if (!entryOf(image.mediaId)) void check(image.mediaId)
    },
    { immediate: true }
  )

  return { images, profile, entryOf, check, fix, fixing }
})
