/**
 * @module seo/strategy/agent
 * `agent-action`: the chat sidebar decides, by function calling, whether the user wants to go
 * back to a step, re-run a step with new directions, or just get an answer (a text reply).
 * Only steps the workflow has reached can be targeted: the function's step range is bounded by
 * the current step, so the gateway rejects anything else.
 */
import * as v from 'valibot'
import type { FunctionSpec } from '../../../ai/types'
import { DATA_RULE, dataBlock, languageRule } from '../../../core/prompt-blocks'
import { requiredText, UiLanguage } from '../../../core/schema'
import type { StepContext } from '../../context'
import { SEO_STEPS, stepByNumber } from '../steps'
import { ChatHistory, toTurns } from './chat-history'
import { argsOf, unexpectedAnswer } from './function-call'

export { AgentActionResponse } from '../responses'

/** The workflow's steps as the agent names them (one source with the client's stepper). */
export const WORKFLOW_STEPS = SEO_STEPS

export const AgentActionRequest = v.object({
  userText: requiredText(4000),
  currentStep: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(WORKFLOW_STEPS.length)),
  chatHistory: v.optional(ChatHistory, []),
  uiLanguage: UiLanguage,
})
export type AgentActionRequest = v.InferOutput<typeof AgentActionRequest>

export type AgentAction =
  | { action: 'go_to_step'; step: number; stepName: string }
  | { action: 'rerun_step'; step: number; stepName: string; instructions: string }
  | { action: 'answer_question'; text: string }

const reachedStep = (currentStep: number) =>
  v.pipe(
    v.number(),
    v.integer(),
    v.minValue(1),
    v.maxValue(currentStep),
    v.description(`A step number from 1 to ${currentStep}.`)
  )

const GoToArgs = (currentStep: number) => v.object({ step: reachedStep(currentStep) })
const RerunArgs = (currentStep: number) =>
  v.object({
    step: reachedStep(currentStep),
    instructions: v.pipe(
      v.string(),
      v.trim(),
      v.maxLength(2000),
      v.description(
        "The user's new directions for that step, written as an instruction (empty if none)."
      )
    ),
  })

/** What the workspace does with each call: moving never loses work, a re-run marks later steps. */
export const GO_TO_STEP_DESCRIPTION =
  'Open an earlier step of the workflow so the user can review or change it. Nothing is lost: the results of every step are kept.'
export const RERUN_STEP_DESCRIPTION =
  'Produce the result of a step again, taking the user directions into account (e.g. other competitors, a different strategy, a rewritten article). The later steps keep their results, marked as out of date until they are run again.'

/** Function declarations per current step, built once each (their JSON Schema is cached). */
const toolsByStep = new Map<number, ReturnType<typeof toolsFor>>()
function toolsFor(currentStep: number) {
  const goTo = GoToArgs(currentStep)
  const rerun = RerunArgs(currentStep)
  const functions: FunctionSpec[] = [
    {
      name: 'go_to_step',
      description: GO_TO_STEP_DESCRIPTION,
      parameters: goTo,
    },
    {
      name: 'rerun_step',
      description: RERUN_STEP_DESCRIPTION,
      parameters: rerun,
    },
  ]
  return { goTo, rerun, functions }
}

function systemFor(currentStep: number, ui: AgentActionRequest['uiLanguage']): string {
  const steps = WORKFLOW_STEPS.map(
    (s) => `${s.step}. ${s.name}: ${s.does}${s.step === currentStep ? ' (current step)' : ''}`
  ).join('\n')
  return [
    'You are the assistant of an SEO content workflow with these steps:',
    steps,
    `The user is at step ${currentStep}; only steps 1 to ${currentStep} exist so far.`,
    'If the user wants to go back to a step, call go_to_step. If the user wants a step redone or changed, call rerun_step with their directions. For questions and anything else, answer directly in text, briefly and helpfully, without calling a function.',
    languageRule({ ui }),
    DATA_RULE,
  ].join('\n')
}

export async function decideAgentAction(
  ctx: StepContext,
  input: AgentActionRequest
): Promise<AgentAction> {
  let tools = toolsByStep.get(input.currentStep)
  if (!tools) {
    tools = toolsFor(input.currentStep)
    toolsByStep.set(input.currentStep, tools)
  }
  const result = await ctx.ai.callFunction({
    system: systemFor(input.currentStep, input.uiLanguage),
    history: toTurns(input.chatHistory),
    prompt: dataBlock('user_message', input.userText),
    functions: tools.functions,
    mode: 'auto',
    signal: ctx.signal,
  })
  const goTo = argsOf(result, 'go_to_step', tools.goTo)
  if (goTo) return { action: 'go_to_step', step: goTo.step, stepName: stepName(goTo.step) }
  const rerun = argsOf(result, 'rerun_step', tools.rerun)
  if (rerun) {
    return {
      action: 'rerun_step',
      step: rerun.step,
      stepName: stepName(rerun.step),
      instructions: rerun.instructions,
    }
  }
  const text = result.text.trim()
  if (!text) throw unexpectedAnswer()
  return { action: 'answer_question', text }
}

const stepName = (step: number) => stepByNumber(step)?.name ?? String(step)
