/**
 * @module seo/steps
 * The seven steps of the SEO content workflow: one list for the chat agent (which names them to
 * the model) and the client's stepper and routes (which import this module's values), so the two
 * can never disagree. Pure data: no imports, safe for the browser bundle.
 */

export const SEO_STEPS = [
  { id: 'diagnosis', step: 1, name: 'Diagnosis', does: 'content-SEO diagnosis of the site' },
  {
    id: 'competitors',
    step: 2,
    name: 'Competitors',
    does: 'find and confirm the competitor sites',
  },
  {
    id: 'analysis',
    step: 3,
    name: 'Analysis',
    does: 'analyse the competitors and the competitive landscape',
  },
  { id: 'strategy', step: 4, name: 'Solutions', does: 'three content strategies to choose from' },
  { id: 'brief', step: 5, name: 'Brief', does: 'the content brief for the chosen strategy' },
  {
    id: 'editing',
    step: 6,
    name: 'Editing',
    does: 'research, outline, article writing, polishing, images and the pre-flight check',
  },
  {
    id: 'publish',
    step: 7,
    name: 'Publish',
    does: 'SEO title, description and export of the article',
  },
] as const

export type SeoStep = (typeof SEO_STEPS)[number]
export type SeoStepId = SeoStep['id']
export type SeoStepNumber = SeoStep['step']

export const SEO_STEP_COUNT = SEO_STEPS.length

export const isSeoStepId = (value: unknown): value is SeoStepId =>
  SEO_STEPS.some((s) => s.id === value)

/** The step with this number, or undefined outside 1..7. */
export const stepByNumber = (step: number): SeoStep | undefined =>
  SEO_STEPS.find((s) => s.step === step)

/** The step with this id, or undefined for an unknown id. */
export const stepById = (id: string): SeoStep | undefined => SEO_STEPS.find((s) => s.id === id)
