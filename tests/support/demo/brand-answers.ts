/**
 * The demo model's brand judgement (the brand check's judged half): no lettering and nothing
 * ruled out in the demo's pictures; the logo is judged missing when the asset should show it
 * (demo pictures never carry one), not applicable otherwise. Reasons and fixes in English, as
 * the check asks.
 */
import type { RecordedRequest, Reply } from '../fake-gemini'

const finding = (verdict: 'pass' | 'fail' | 'not_applicable', reason: string, fix = '') => ({
  verdict,
  reason,
  fix,
})

export const isBrandJudgement = (keys: readonly string[]) =>
  keys.includes('forbidden') && keys.includes('typography') && keys.includes('logo')

export function brandJudgementReply(r: RecordedRequest, keys: readonly string[]): Reply {
  const wantsLogo = r.promptText.includes('This asset should show the brand logo.')
  const logo = wantsLogo
    ? finding(
        'fail',
        'The brand logo does not appear anywhere in the asset.',
        'Add the brand logo, unaltered, in the lower right corner.'
      )
    : finding('not_applicable', 'A scene like this does not need the logo, and none is shown.')
  return {
    json: {
      logo,
      typography: finding('not_applicable', 'There is no lettering in the asset.'),
      voice: finding('not_applicable', 'There is no visible text to judge.'),
      forbidden: finding('pass', 'Nothing the brand rules out is shown.'),
      ...(keys.includes('textRegions') ? { textRegions: [] } : {}),
    },
  }
}
