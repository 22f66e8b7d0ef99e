/**
 * @module stores/seo-agent
 * The chat agent of the SEO workspace (Pinia setup store): sends what the user wrote with the
 * recent chat to `/api/seo/agent-action` and carries the answer out. "Go to step" moves the
 * workspace there; "re-run step" runs that step again with the user's directions and moves
 * there; anything else is a reply in the chat. Moving goes through the navigator the page
 * registers (the router), so this store stays free of it.
 */
import { defineStore } from 'pinia'
import { SEO_STEPS, type SeoStepId, stepByNumber } from '../../../server/features/seo/steps'
import { type AgentAnswer, seoApi } from '../api/seo'
import { useRequest } from '../composables/useRequest'
import { currentLocale } from '../i18n'
import { useSeoProjectStore } from './seo-project'
import { useSeoWritingStore } from './seo-writing'

/** Turns of the chat sent along, newest last (the server accepts at most 20). */
export const HISTORY_TURNS = 10

export type Navigator = (step: SeoStepId) => unknown

export const useSeoAgentStore = defineStore('seo-agent', () => {
  const project = useSeoProjectStore()
  const writing = useSeoWritingStore()
  let navigate: Navigator = () => undefined

  const reply = useRequest((signal, userText: string) => {
    const chat = project.document?.chat ?? []
    const history = chat
      .filter((entry) => !entry.action)
      .slice(-HISTORY_TURNS - 1, -1)
      .map((entry) => ({ role: entry.role, text: entry.text.slice(0, 4000) }))
    return seoApi.agentAction(
      {
        userText,
        currentStep: Math.max(1, project.currentStep),
        chatHistory: history,
        uiLanguage: currentLocale(),
      },
      signal
    )
  })

  function setNavigator(next: Navigator): void {
    navigate = next
  }

  /** Re-runs one step with the user's directions (each step takes what its endpoint accepts). */
  async function rerun(step: number, instructions: string): Promise<boolean> {
    const text = instructions.trim() || undefined
    switch (step) {
      case 1:
        return project.runDiagnosis(text)
      case 2:
        return project.runCompetitors(text)
      case 3:
        return project.runAnalysis()
      case 4:
        return project.runSolutions(text)
      case 5: {
        const chosen = project.document?.chosenSolutionId
        return chosen ? project.runBrief(chosen, text) : false
      }
      case 6:
        return writing.write(text)
      case 7:
        return writing.runMetadata()
      default:
        return false
    }
  }

  let lastText = ''

  /** Carries out the agent's answer; resolves with it (undefined when the call failed). */
  async function ask(userText: string): Promise<AgentAnswer | undefined> {
    const text = userText.trim()
    if (!text || !project.document) return undefined
    project.say('user', text)
    return answer(text)
  }

  /** Asks again what the last message asked (after a failure), and carries the answer out. */
  const retry = () => (lastText ? answer(lastText) : Promise.resolve(undefined))

  async function answer(text: string): Promise<AgentAnswer | undefined> {
    lastText = text
    const result = await reply.execute(text)
    if (!result) return undefined
    if (result.action === 'answer_question') {
      project.say('agent', result.text)
      return result
    }
    const target = stepByNumber(result.step) ?? SEO_STEPS[0]
    project.say('agent', `${result.action}:${target.id}`, true)
    await navigate(target.id)
    if (result.action === 'rerun_step') await rerun(target.step, result.instructions)
    return result
  }

  return { reply, ask, retry, rerun, setNavigator }
})
