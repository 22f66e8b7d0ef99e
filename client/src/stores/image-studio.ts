/**
 * @module stores/image-studio
 * What the image studio does (Pinia setup store): a chat turn asks the creative director, then
 * edits the image it names (continuing that image's conversation on the server by its id), makes
 * a new one (after prompt cards or design plans when those are switched on), or answers; the
 * toolbar edits, regenerates (a candidate for the staging strip), upscales and cuts out the
 * selected image. Results land on the canvas of the open series; every request runs as an
 * operation with its own error and retry.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import {
  type DirectorDecision,
  type GenerateBody,
  type GenerateResult,
  imageApi,
  type MediaRef,
} from '../api/image'
import type { CanvasItem } from '../features/image/canvas/items'
import { imageMessages } from '../features/image/i18n'
import { keepSupported, type ModelChoice } from '../features/image/model-choice'
import { createOperations } from '../features/image/operations'
import type { Attachment } from '../features/image/uploads'
import { currentLocale, type MessageParams } from '../i18n'
import { translateIn } from '../i18n/translate'
import { useImageBrandStore } from './image-brand'
import { useImageSeriesStore } from './image-series'

/** A title in the current language (derived images are named by what made them). */
const titleFor = (key: 'image.title.upscaled' | 'image.title.cutout', params?: MessageParams) =>
  translateIn(imageMessages, currentLocale(), key, params)

/** Chat entries the creative director reads (the server reads at most 8). */
export const DIRECTOR_HISTORY = 8

export const useImageStudioStore = defineStore('image-studio', () => {
  const series = useImageSeriesStore()
  const brand = useImageBrandStore()
  const ops = createOperations()
  const choice = ref<ModelChoice>({ model: 'banana' })
  const enhanceFirst = ref(false)
  const designFirst = ref(false)
  const attachments = ref<Attachment[]>([])

  const say = (text: string, extra: Partial<Parameters<typeof series.addMessage>[0]> = {}) =>
    series.addMessage({ role: 'assistant', text, imageIds: [], ...extra })

  /** The reference uploads, consumed by the request that sends them. */
  function takeAttachments(): NonNullable<GenerateBody['images']> {
    const taken = attachments.value.map((a) => ({ data: a.data, mimeType: a.mimeType }))
    for (const a of attachments.value) URL.revokeObjectURL(a.preview)
    attachments.value = []
    return taken
  }

  function requestOptions(
    explicitRatio: boolean
  ): Pick<GenerateBody, 'model' | 'aspectRatio' | 'imageSize' | 'brand'> {
    const { model, aspectRatio, imageSize } = choice.value
    const body = brand.body()
    return {
      model,
      ...(aspectRatio && explicitRatio ? { aspectRatio } : {}),
      ...(imageSize ? { imageSize } : {}),
      ...(body ? { brand: body } : {}),
    }
  }

  const generated = (result: GenerateResult) => ({
    kind: 'result' as const,
    imageIds: [result.image.id],
    detail: {
      op: 'generate' as const,
      model: result.model,
      continued: result.continued,
      brandApplied: result.brandApplied,
      brandSkipped: result.brandSkipped,
    },
  })

  async function nameSeries(prompt: string): Promise<void> {
    if (series.title.trim() || series.items.length !== 1 || !prompt.trim()) return
    const answer = await imageApi.summarize(prompt.slice(0, 8000)).catch(() => undefined)
    if (answer && !series.title.trim()) series.rename(answer.title)
  }

  /** A new image from `prompt` (with the attached references), placed in a new column. */
  async function create(
    prompt: string,
    images = takeAttachments()
  ): Promise<CanvasItem | undefined> {
    const body: GenerateBody = { prompt, images, ...requestOptions(true) }
    let item: CanvasItem | undefined
    await ops.run('image.op.generating', (signal) => imageApi.generate(body, signal), {
      apply: (result) => {
        item = series.place(result.image, { prompt })
        say(result.text, generated(result))
        void nameSeries(prompt)
      },
    })
    return item
  }

  /** An edit of `item` by instruction: the server continues the conversation that made it. */
  async function edit(
    item: CanvasItem,
    instruction: string,
    images = takeAttachments()
  ): Promise<CanvasItem | undefined> {
    const body: GenerateBody = {
      prompt: instruction,
      sourceImageId: item.mediaId,
      images,
      ...requestOptions(false),
    }
    let made: CanvasItem | undefined
    await ops.run('image.op.editing', (signal) => imageApi.generate(body, signal), {
      itemId: item.id,
      apply: (result) => {
        const source = series.byId(item.id)
        made = series.place(result.image, {
          prompt: instruction,
          ...(source ? { parentId: source.id } : {}),
        })
        say(result.text, generated(result))
      },
    })
    return made
  }

  /** Another take of `item` (its edit made again, or its prompt rendered again) for the strip. */
  async function regenerate(item: CanvasItem): Promise<void> {
    if (!item.prompt.trim()) return
    const parent = item.parentId ? series.byId(item.parentId) : undefined
    const body: GenerateBody = {
      prompt: item.prompt,
      ...(parent ? { sourceImageId: parent.mediaId } : {}),
      ...requestOptions(!parent),
    }
    await ops.run('image.op.regenerating', (signal) => imageApi.generate(body, signal), {
      itemId: item.id,
      apply: (result) => series.stage(result.image, body.prompt, item.id),
    })
  }

  /** A derived image (an upscale, a cut-out) below its source, when the source is still there. */
  function placeDerived(item: CanvasItem, image: MediaRef, title: string) {
    const source = series.byId(item.id)
    series.place(image, { title, ...(source ? { parentId: source.id } : {}) })
  }

  async function upscale(item: CanvasItem, factor: number): Promise<void> {
    await ops.run(
      'image.op.upscaling',
      (signal) => imageApi.upscale(item.mediaId, factor, signal),
      {
        itemId: item.id,
        apply: (result) => {
          const to = { width: result.image.width ?? 0, height: result.image.height ?? 0 }
          placeDerived(item, result.image, titleFor('image.title.upscaled', { factor, ...to }))
          say('', {
            kind: 'result',
            imageIds: [result.image.id],
            detail: {
              op: 'upscale',
              method: result.method,
              model: result.model,
              factor: result.factor,
              from: result.source,
              to,
            },
          })
        },
      }
    )
  }

  async function removeBackground(item: CanvasItem): Promise<void> {
    await ops.run(
      'image.op.cuttingOut',
      (signal) => imageApi.removeBackground(item.mediaId, signal),
      {
        itemId: item.id,
        apply: (result) => {
          placeDerived(item, result.image, titleFor('image.title.cutout'))
          say('', {
            kind: 'result',
            imageIds: [result.image.id],
            detail: { op: 'cutout', method: result.method, model: result.model },
          })
        },
      }
    )
  }

  /** Three fuller prompts for `prompt`, as cards in the chat. */
  async function offerOptions(prompt: string): Promise<void> {
    const body = brand.body()
    await ops.run(
      'image.op.enhancing',
      (signal) =>
        imageApi.enhance(
          { prompt: prompt.slice(0, 4000), ...(body ? { brand: body } : {}) },
          signal
        ),
      { apply: (result) => say('', { options: { prompt, items: result.options } }) }
    )
  }

  /** Researched design plans for `topic`, each with a reference image as it arrives. */
  async function offerPlans(topic: string): Promise<void> {
    const body = brand.body()
    await ops.run(
      'image.op.planning',
      (signal) =>
        imageApi.designPlan(
          { topic: topic.slice(0, 2000), ...(body ? { brand: body } : {}) },
          signal
        ),
      {
        apply: async (result) => {
          const messageId = say('', {
            plans: {
              topic,
              items: result.plans,
              references: result.plans.map(() => undefined),
              sources: result.sources,
              searchEntryPoints: result.searchEntryPoints ?? [],
            },
          })
          await Promise.all(
            result.plans.map(async (plan, index) => {
              const made = await imageApi
                .referenceImage(plan.referenceImagePrompt.slice(0, 8000), choice.value.model)
                .catch(() => undefined)
              setReference(messageId, index, made?.image ?? null)
            })
          )
        },
      }
    )
  }

  function setReference(messageId: string, index: number, image: MediaRef | null) {
    series.updateMessage(messageId, (m) =>
      m.plans
        ? {
            ...m,
            plans: {
              ...m.plans,
              references: m.plans.references.map((r, i) => (i === index ? image : r)),
            },
          }
        : m
    )
  }

  /** A new creation, through the cards the user switched on. */
  async function startCreation(prompt: string): Promise<void> {
    if (designFirst.value) return offerPlans(prompt)
    if (enhanceFirst.value) return offerOptions(prompt)
    await create(prompt)
  }

  async function chooseOption(messageId: string, index: number): Promise<void> {
    const message = series.chat.find((m) => m.id === messageId)
    const option = message?.options?.items[index]
    if (!message?.options || !option || message.options.chosen !== undefined) return
    series.updateMessage(messageId, (m) =>
      m.options ? { ...m, options: { ...m.options, chosen: index } } : m
    )
    await create(option.fullPrompt)
  }

  async function choosePlan(messageId: string, index: number): Promise<void> {
    const message = series.chat.find((m) => m.id === messageId)
    const plan = message?.plans?.items[index]
    if (!message?.plans || !plan || message.plans.chosen !== undefined) return
    series.updateMessage(messageId, (m) =>
      m.plans ? { ...m, plans: { ...m.plans, chosen: index } } : m
    )
    if (enhanceFirst.value) await offerOptions(plan.prompt)
    else await create(plan.prompt)
  }

  function directorHistory() {
    return series.chat
      .filter((m) => m.text.trim() || m.imageIds.length)
      .slice(-DIRECTOR_HISTORY)
      .map((m) => ({ role: m.role, text: m.text.slice(0, 4000), imageIds: m.imageIds.slice(0, 4) }))
  }

  /** One chat turn: the creative director decides, the studio carries it out. */
  async function send(text: string): Promise<void> {
    const prompt = text.trim().slice(0, 4000)
    if (!prompt) return
    const selected = series.selected
    const last = series.items.at(-1)
    const history = directorHistory()
    series.addMessage({ role: 'user', text: prompt, imageIds: selected ? [selected.mediaId] : [] })
    await ops.run(
      'image.op.thinking',
      (signal) =>
        imageApi.direct(
          {
            prompt,
            ...(selected ? { selectedImageId: selected.mediaId } : {}),
            ...(last ? { lastGeneratedImageId: last.mediaId } : {}),
            history,
            uiLanguage: currentLocale(),
          },
          signal
        ),
      { apply: (decision) => carryOut(decision, selected) }
    )
  }

  /** What the creative director decided, done. */
  async function carryOut(decision: DirectorDecision, selected: CanvasItem | undefined) {
    if (decision.action === 'ANSWER_QUESTION') {
      say(decision.prompt, { kind: 'answer' })
      return
    }
    say(decision.reasoning, { kind: 'reasoning' })
    if (decision.action === 'EDIT_IMAGE') {
      // The selected image when it is the one named (or none is), else the newest with that id.
      const current = selected ? series.byId(selected.id) : undefined
      const named = [...series.items].reverse().find((i) => i.mediaId === decision.targetImageId)
      const target =
        current && (!decision.targetImageId || current.mediaId === decision.targetImageId)
          ? current
          : (named ?? current)
      if (target) {
        await edit(target, decision.prompt)
        return
      }
    }
    await startCreation(decision.prompt)
  }

  function setChoice(next: ModelChoice, models: Parameters<typeof keepSupported>[1]): void {
    choice.value = keepSupported(next, models)
  }

  /** The series changes: nothing in flight for the old one lands on the new one. */
  function reset(): void {
    ops.abortAll()
    for (const a of attachments.value) URL.revokeObjectURL(a.preview)
    attachments.value = []
  }

  return {
    ops,
    choice,
    enhanceFirst,
    designFirst,
    attachments,
    send,
    create,
    edit,
    regenerate,
    upscale,
    removeBackground,
    chooseOption,
    choosePlan,
    setChoice,
    reset,
  }
})
