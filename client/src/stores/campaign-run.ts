/**
 * @module stores/campaign-run
 * Making the open campaign's parts (Pinia setup store): the plan per market, the posts of every
 * network and language, the key visual and each size re-composed from it, and regenerating one
 * post or one visual. Each task is busy under its own key (`plan`, `post:x:en`, `visual:4:5`…)
 * with its own error; answers go into the campaign through its store, so they are autosaved.
 */
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type {
  CampaignDocument,
  CampaignLanguage,
  NetworkId,
  VisualFormat,
} from '../../../server/features/library/schemas/campaign'
import { VISUAL_FORMATS } from '../../../server/features/library/schemas/campaign'
import { campaignApi } from '../api/campaign'
import { type ApiError, toApiError } from '../api/errors'
import { currentLocale } from '../i18n'
import { useCampaignStore } from './campaign'

export const useCampaignRunStore = defineStore('campaign-run', () => {
  const campaign = useCampaignStore()
  const busy = ref<Record<string, boolean>>({})
  const errors = shallowRef<Record<string, ApiError | undefined>>({})

  async function task<T>(key: string, run: () => Promise<T>): Promise<T | undefined> {
    busy.value = { ...busy.value, [key]: true }
    errors.value = { ...errors.value, [key]: undefined }
    try {
      return await run()
    } catch (error) {
      errors.value = { ...errors.value, [key]: toApiError(error) }
      return undefined
    } finally {
      busy.value = { ...busy.value, [key]: false }
    }
  }

  const doc = (): CampaignDocument => {
    if (!campaign.document) throw new Error('no campaign is open')
    return campaign.document
  }
  const base = async () => {
    const profile = await campaign.profile()
    return { source: doc().source, ...(profile ? { profile } : {}) }
  }

  const makePlan = () =>
    task('plan', async () => {
      const { plans } = await campaignApi.plan({
        ...(await base()),
        languages: doc().languages,
        uiLanguage: currentLocale(),
      })
      campaign.update((d) => ({ ...d, plans }))
    })

  /** Posts for the board, or only the cells named. */
  const writePosts = (only?: { network: NetworkId; language: CampaignLanguage }[]) =>
    task(
      only?.length === 1 ? `post:${only[0]?.network}:${only[0]?.language}` : 'posts',
      async () => {
        const d = doc()
        const { posts } = await campaignApi.posts({
          ...(await base()),
          languages: d.languages,
          networks: d.networks,
          plans: d.plans,
          ...(d.source.url ? { link: d.source.url } : {}),
          ...(only ? { only } : {}),
          uiLanguage: currentLocale(),
        })
        campaign.update((current) => ({
          ...current,
          posts: [...current.posts.filter((p) => !posts.some((n) => n.id === p.id)), ...posts].sort(
            (a, b) => a.id.localeCompare(b.id)
          ),
        }))
      }
    )

  const makeKeyVisual = () =>
    task('key-visual', async () => {
      const made = await campaignApi.keyVisual({ ...(await base()), plans: doc().plans })
      campaign.update((d) => ({ ...d, keyVisual: { image: made.image, prompt: made.prompt } }))
    })

  const recompose = (formats: readonly VisualFormat[] = VISUAL_FORMATS) =>
    task(formats.length === 1 ? `visual:${formats[0]}` : 'visuals', async () => {
      const key = doc().keyVisual
      if (!key) return
      const { visuals } = await campaignApi.recompose({
        ...(await base()),
        keyVisual: key.image.id,
        prompt: key.prompt,
        formats: [...formats],
        plans: doc().plans,
      })
      campaign.update((d) => ({
        ...d,
        visuals: VISUAL_FORMATS.flatMap((f) => {
          const made = visuals.find((v) => v.format === f)
          const kept = d.visuals.find((v) => v.format === f)
          // A regenerated size keeps the layers the user edited.
          if (made) return [kept ? { ...made, layers: kept.layers } : made]
          return kept ? [kept] : []
        }),
      }))
    })

  /** The whole campaign: plan, then posts and the key visual side by side, then every size. */
  async function generateAll(): Promise<void> {
    if (!Object.keys(doc().plans).length) await makePlan()
    if (errors.value.plan) return
    await Promise.all([writePosts(), makeKeyVisual()])
    if (doc().keyVisual) await recompose()
  }

  const isBusy = (key: string) => Boolean(busy.value[key])
  const anyBusy = () => Object.values(busy.value).some(Boolean)

  return {
    busy,
    errors,
    isBusy,
    anyBusy,
    makePlan,
    writePosts,
    makeKeyVisual,
    recompose,
    generateAll,
  }
})
