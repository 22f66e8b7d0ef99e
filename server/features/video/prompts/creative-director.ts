/**
 * @module video/prompts/creative-director
 * `creative-director`: decides, by function calling, what the user's message asks for: a new
 * video, an edit or an extension of one of their videos, or an answer. The function's schema is
 * built per request: edit and extend are offered only when the user has a video to change (and
 * edit only when a configured model edits by instruction), and the target must be one of the
 * jobs the client named, so the model cannot point at anything else.
 */
import * as v from 'valibot'
import { VIDEO_ROLES } from '../../../ai/models'
import type { AiGateway, FunctionSpec } from '../../../ai/types'
import { DATA_RULE, dataBlock, languageRule } from '../../../core/prompt-blocks'
import { requiredText, UiLanguage } from '../../../core/schema'
import type { StepContext } from '../../context'
import { ChatHistory, toTurns } from '../../seo/strategy/chat-history'
import { argsOf, unexpectedAnswer } from '../../seo/strategy/function-call'
import { JOB_ID } from '../job-ids'
import type { DirectorDecision } from '../responses'

export { DirectorDecision } from '../responses'

export const DIRECTOR_ACTIONS = [
  'NEW_VIDEO',
  'EDIT_VIDEO',
  'EXTEND_VIDEO',
  'ANSWER_QUESTION',
] as const
export type DirectorAction = (typeof DIRECTOR_ACTIONS)[number]
export const DIRECTOR_FUNCTION = 'video_creative_director_action'

const JobIdField = v.optional(v.pipe(v.string(), v.regex(JOB_ID, 'Must be a video job id')))

export const CreativeDirectorRequest = v.object({
  userPrompt: requiredText(4000),
  chatHistory: v.optional(ChatHistory, []),
  /** The video the user has selected, and the one made last. */
  selectedJobId: JobIdField,
  lastJobId: JobIdField,
  uiLanguage: UiLanguage,
})
export type CreativeDirectorRequest = v.InferOutput<typeof CreativeDirectorRequest>

const canEdit = (ai: AiGateway) =>
  VIDEO_ROLES.some((role) => ai.model(role).spec.video?.modes.includes('edit'))

const baseArgs = (actions: readonly DirectorAction[]) => ({
  action: v.pipe(v.picklist(actions), v.description('What the user wants.')),
  prompt: v.pipe(
    v.string(),
    v.trim(),
    v.minLength(1),
    v.maxLength(4000),
    v.description('The complete, refined video prompt; for ANSWER_QUESTION the answer itself.')
  ),
  reasoning: v.pipe(
    v.string(),
    v.trim(),
    v.maxLength(600),
    v.description('One or two sentences for the user.')
  ),
})

/** The function's arguments (a picklist needs a value: `none` when there is nothing to target). */
const argsSchema = (actions: readonly DirectorAction[], targets: readonly string[]) =>
  v.object({
    ...baseArgs(actions),
    targetJobId: v.optional(
      v.pipe(
        v.picklist(targets.length ? targets : ['none']),
        v.description('For EDIT_VIDEO and EXTEND_VIDEO: the video to change.')
      )
    ),
  })

export async function directVideo(
  ctx: StepContext,
  input: CreativeDirectorRequest
): Promise<DirectorDecision> {
  const targets = [
    ...new Set([input.selectedJobId, input.lastJobId].filter((t): t is string => Boolean(t))),
  ]
  const actions = DIRECTOR_ACTIONS.filter(
    (a) =>
      a === 'NEW_VIDEO' ||
      a === 'ANSWER_QUESTION' ||
      (targets.length > 0 && (a === 'EXTEND_VIDEO' || canEdit(ctx.ai)))
  )
  const schema = argsSchema(actions, targets)
  const fn: FunctionSpec = {
    name: DIRECTOR_FUNCTION,
    description: 'Decide the next step of the video studio for the user’s message.',
    parameters: schema,
  }
  const videos = [
    input.selectedJobId && `The user has selected video ${input.selectedJobId}.`,
    input.lastJobId && `The last video made is ${input.lastJobId}.`,
  ].filter(Boolean)
  const system = [
    'You are the creative director of a video studio. For every message, call the function once.',
    `Actions you may choose: ${actions.join(', ')}. Prefer changing a video the user is talking about (edit to change it, extend to continue it) over starting anew; answer questions directly.`,
    ...videos,
    languageRule({ ui: input.uiLanguage }),
    'Write the prompt in the language of the user’s message.',
    DATA_RULE,
  ].join('\n')
  const result = await ctx.ai.callFunction({
    system,
    history: toTurns(input.chatHistory),
    prompt: dataBlock('user_message', input.userPrompt),
    functions: [fn],
    mode: 'any',
    signal: ctx.signal,
  })
  const args = argsOf(result, DIRECTOR_FUNCTION, schema)
  if (!args) throw unexpectedAnswer()
  const changes = args.action === 'EDIT_VIDEO' || args.action === 'EXTEND_VIDEO'
  const target = targets.includes(args.targetJobId ?? '') ? args.targetJobId : undefined
  const targetJobId = changes ? (target ?? input.selectedJobId ?? input.lastJobId) : undefined
  return {
    action: args.action,
    prompt: args.prompt,
    reasoning: args.reasoning,
    ...(targetJobId ? { targetJobId } : {}),
  }
}
