/**
 * @module image/creative-director
 * `POST /api/image/creative-director`: from the user's message, a bounded chat history (images
 * by media id) and the selected image (sent to the model), the model decides by a real function
 * call whether to edit an image, create a new one, or answer. Only images the request names can
 * be targeted: the function's `targetImageId` is an enum of them, and editing is offered only
 * when there is an image to edit.
 */
import * as v from 'valibot'
import type { Part, Turn } from '../../ai/types'
import { errors } from '../../core/errors'
import { DATA_RULE, dataBlock, languageRule, sections } from '../../core/prompt-blocks'
import { requiredText, text, UiLanguage } from '../../core/schema'
import type { StepContext } from '../context'
import { loadStoredImage } from './inputs'
import { ACTIONS, type CreativeDecision } from './responses'
import { MediaId } from './schemas'

export { ACTIONS, CreativeDecision } from './responses'
export type CreativeAction = (typeof ACTIONS)[number]
export const FUNCTION_NAME = 'creative_director_action'
/** History entries sent to the model (the latest ones). */
export const MAX_HISTORY = 8

const HistoryEntry = v.object({
  role: v.picklist(['user', 'assistant']),
  text: v.optional(text(4_000), ''),
  imageIds: v.optional(v.pipe(v.array(MediaId), v.maxLength(4)), []),
})

export const CreativeDirectorRequest = v.object({
  prompt: requiredText(4_000),
  selectedImageId: v.optional(MediaId),
  lastGeneratedImageId: v.optional(MediaId),
  history: v.optional(v.pipe(v.array(HistoryEntry), v.maxLength(50)), []),
  uiLanguage: UiLanguage,
})
export type CreativeDirectorRequest = v.InferOutput<typeof CreativeDirectorRequest>

/** The function's parameters for the images this request names. */
export function actionSchema(imageIds: readonly string[]) {
  const actions = imageIds.length ? ACTIONS : ACTIONS.filter((a) => a !== 'EDIT_IMAGE')
  const base = {
    action: v.pipe(v.picklist(actions), v.description('What to do with the request.')),
    prompt: v.pipe(
      requiredText(4_000),
      v.description(
        'For EDIT_IMAGE and NEW_CREATION: a complete, concrete image prompt in the language of the user. For ANSWER_QUESTION: the answer itself.'
      )
    ),
    reasoning: v.pipe(
      requiredText(500),
      v.description('One short sentence for the user saying what you will do and why.')
    ),
  }
  if (!imageIds.length) return v.object(base)
  return v.object({
    ...base,
    targetImageId: v.optional(
      v.pipe(v.picklist(imageIds), v.description('For EDIT_IMAGE: the id of the image to edit.'))
    ),
  })
}

const SYSTEM = (ui: CreativeDirectorRequest['uiLanguage']) =>
  sections(
    'You are the creative director of an image studio. Decide what the user wants with their latest message and call creative_director_action once.',
    [
      '- EDIT_IMAGE: change an existing image (the selected one unless the user names another). Editing takes priority when an image is selected or the message follows up on the last image ("make it warmer", "remove the text").',
      '- NEW_CREATION: make a new image from scratch.',
      '- ANSWER_QUESTION: the user asks something or chats; answer in prompt.',
      'Images are named by id as [image <id>]; only those ids exist.',
    ].join('\n'),
    DATA_RULE,
    languageRule({ ui })
  )

const imageTag = (id: string) => `[image ${id}]`

function historyTurns(history: CreativeDirectorRequest['history']): Turn[] {
  return history.slice(-MAX_HISTORY).flatMap((entry): Turn[] => {
    const content = [entry.text, ...entry.imageIds.map(imageTag)].filter(Boolean).join('\n')
    return content ? [{ role: entry.role === 'user' ? 'user' : 'model', text: content }] : []
  })
}

/** Every image the request names, the selected one first. */
const knownImages = (input: CreativeDirectorRequest) => [
  ...new Set(
    [
      input.selectedImageId,
      input.lastGeneratedImageId,
      ...input.history.slice(-MAX_HISTORY).flatMap((h) => h.imageIds),
    ].filter((id): id is string => Boolean(id))
  ),
]

export async function directCreative(
  ctx: StepContext,
  input: CreativeDirectorRequest
): Promise<CreativeDecision> {
  const imageIds = knownImages(input)
  const parameters = actionSchema(imageIds)
  const prompt: Part[] = []
  if (input.selectedImageId) {
    const selected = await loadStoredImage(ctx.store, input.selectedImageId, 'selectedImageId')
    prompt.push({ inlineData: { data: selected.data, mimeType: selected.mimeType } })
  }
  prompt.push({
    text: sections(
      input.selectedImageId && `Selected image: ${imageTag(input.selectedImageId)} (attached).`,
      input.lastGeneratedImageId &&
        `Last generated image: ${imageTag(input.lastGeneratedImageId)}.`,
      `The user's message:\n${dataBlock('user_message', input.prompt)}`
    ),
  })
  const result = await ctx.ai.callFunction({
    model: 'text',
    system: SYSTEM(input.uiLanguage),
    history: historyTurns(input.history),
    prompt,
    functions: [
      {
        name: FUNCTION_NAME,
        description: 'Record the decision for the user’s latest message.',
        parameters,
      },
    ],
    mode: 'any',
    signal: ctx.signal,
  })
  const parsed =
    result.call?.name === FUNCTION_NAME ? v.safeParse(parameters, result.call.args) : undefined
  if (!parsed?.success) {
    throw errors.upstream('ai_invalid_output', 'The AI service answered in an unexpected format.')
  }
  const args: CreativeDecision = parsed.output
  const decision: CreativeDecision = {
    action: args.action,
    prompt: args.prompt,
    reasoning: args.reasoning,
  }
  if (args.action === 'EDIT_IMAGE') {
    // The selected image is the one to edit unless the model named another known one.
    decision.targetImageId = args.targetImageId ?? imageIds[0]
  }
  return decision
}
