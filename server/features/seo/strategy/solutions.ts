/**
 * @module seo/strategy/solutions
 * `solution-board`: exactly three distinct content strategies for the project, built on the
 * diagnosis, the competitor analysis and the knowledge base (JSON mode). Strategy wording is
 * for the user (uiLanguage); content examples are for readers (the project's language).
 */
import * as v from 'valibot'
import {
  DATA_RULE,
  dataBlock,
  instructionsBlock,
  languageRule,
  sections,
  uiLanguageName,
} from '../../../core/prompt-blocks'
import { UiLanguage } from '../../../core/schema'
import { projectFor } from '../../brand/profile'
import type { StepContext } from '../../context'
import {
  CompetitorAnalysisReport,
  Competitors,
  reviewedCompetitor,
  SearchEvidence,
  SeoDiagnosisReport,
  type SolutionOption,
  UserInstructions,
} from '../schemas'
import { ProfileWithProject } from './inputs'
import { retrieveKnowledge } from './knowledge'
import { list, prose } from './output'
import { SiteUrl } from './site-url'

export { SolutionBoardResponse } from '../responses'

export const SolutionBoardRequest = v.object({
  url: SiteUrl,
  profile: ProfileWithProject,
  competitors: v.optional(Competitors, []),
  analysisReport: v.optional(CompetitorAnalysisReport),
  seoReport: v.optional(SeoDiagnosisReport),
  /** The site's own Search Console rows; each strategy then cites the rows it acts on. */
  searchConsole: v.optional(SearchEvidence),
  userInstructions: UserInstructions,
  uiLanguage: UiLanguage,
})
export type SolutionBoardRequest = v.InferOutput<typeof SolutionBoardRequest>

const solutionEntries = {
  strategyName: prose(120, 'A short, specific name for the strategy.'),
  seoGoal: prose(600, 'The measurable search goal it pursues.'),
  coreConcept: prose(1500, 'The content concept and how it wins.'),
  contentExamples: list(
    prose(300, 'A concrete article title.'),
    2,
    5,
    'Example article titles, written for readers.'
  ),
  strategicReason: prose(1500, 'Why this fits the site and its competitive situation.'),
}

const solutionsList = <S extends v.GenericSchema>(item: S) =>
  list(item, 3, 3, 'Exactly three clearly different strategies.')

export const SolutionBoardOutput = v.object({ solutions: solutionsList(v.object(solutionEntries)) })

/** With Search Console rows, each strategy names the rows it acts on (their ids, an enum). */
export const evidenceOutput = (ids: readonly [string, ...string[]]) =>
  v.object({
    solutions: solutionsList(
      v.object({
        ...solutionEntries,
        evidence: list(
          v.picklist(ids),
          1,
          5,
          'Ids of the Search Console rows this strategy acts on (quick wins to push, competing pages to merge, gaps to fill).'
        ),
      })
    ),
  })

function withIds(evidence: SearchEvidence | undefined) {
  const ids = [...new Set(evidence?.rows.map((r) => r.id))]
  const [first, ...rest] = ids
  return evidence && first ? { ...evidence, ids: [first, ...rest] as const } : undefined
}

const SYSTEM = [
  'You are a content-SEO strategist. You turn a diagnosis and a competitor analysis into three clearly different content strategies a brand can act on.',
  'Take inspiration from three archetypes (one that attracts broad traffic, one that helps readers decide, one that moves them to buy) but never use archetype names such as "Traffic Magnet", "Decision Engine" or "Conversion Accelerator" in your answer.',
  DATA_RULE,
].join('\n')

export async function buildSolutionBoard(ctx: StepContext, input: SolutionBoardRequest) {
  const project = projectFor(input.profile, input.url)
  const brand = input.profile.globalInfo
  const language = project?.target_language ?? 'English'
  const evidence = withIds(input.searchConsole)
  const competitors = input.analysisReport?.competitors.length
    ? input.analysisReport.competitors
    : input.competitors
  const knowledge = await retrieveKnowledge({
    industry: brand.brand_industry,
    topic: [
      'content strategy search intent content types',
      ...(project?.target_keywords ?? []),
    ].join(' '),
  })
  const prompt = sections(
    'Propose three content strategies for this site:',
    dataBlock('site', input.url),
    dataBlock('profile', {
      brand_name: brand.brand_name,
      brand_industry: brand.brand_industry,
      brand_voice: brand.brand_voice,
      target_region: project?.target_region,
      target_language: project?.target_language,
      target_keywords: project?.target_keywords,
      preferred_solution_focus: project?.preferred_solution_focus,
      negative_keywords: brand.negative_keywords_global,
    }),
    input.seoReport && dataBlock('diagnosis', input.seoReport),
    input.analysisReport && dataBlock('landscape', input.analysisReport.competitiveLandscape),
    competitors.length > 0 && dataBlock('competitors', competitors.map(reviewedCompetitor)),
    `Each strategy must serve readers in ${project?.target_region ?? 'the target market'} and respect the brand voice; never use the negative keywords.`,
    evidence && searchConsoleBlock(evidence),
    knowledge.block,
    instructionsBlock(input.userInstructions),
    languageRule({ ui: input.uiLanguage, content: language }),
    `So: strategyName, seoGoal, coreConcept and strategicReason in ${uiLanguageName(input.uiLanguage)}; contentExamples in ${language}.`
  )
  if (!evidence) {
    const { data } = await ctx.ai.json({
      system: SYSTEM,
      prompt,
      schema: SolutionBoardOutput,
      signal: ctx.signal,
    })
    const solutions: SolutionOption[] = data.solutions.map((s, i) => ({ id: `sol-${i + 1}`, ...s }))
    return { solutions, knowledge: knowledge.refs }
  }
  const byId = new Map(evidence.rows.map((r) => [r.id, r]))
  const { data } = await ctx.ai.json({
    system: SYSTEM,
    prompt,
    schema: evidenceOutput(evidence.ids),
    signal: ctx.signal,
  })
  const solutions: SolutionOption[] = data.solutions.map(({ evidence: ids, ...s }, i) => ({
    id: `sol-${i + 1}`,
    ...s,
    evidence: [...new Set(ids)].flatMap((id) => byId.get(id) ?? []),
  }))
  return { solutions, knowledge: knowledge.refs }
}

/** The rows, by id, with what each kind means for a strategy. */
function searchConsoleBlock(evidence: SearchEvidence & { ids: readonly string[] }) {
  return sections(
    `The site's own Google Search Console data (property ${evidence.property}, ${evidence.startDate} to ${evidence.endDate}): what it already ranks for. Build the strategies on it: quick wins (positions 4-20 with many impressions) to push onto page one, cannibalisation (several of its pages competing for one query) to merge or tell apart, gaps (queries with impressions and no page of their own) to fill. Each strategy lists in "evidence" the ids of the rows it acts on.`,
    dataBlock('search_console', evidence.rows)
  )
}
