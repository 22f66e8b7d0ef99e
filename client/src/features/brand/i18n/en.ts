/**
 * @module features/brand/i18n/en
 * Brand editor messages in English; the type makes a missing or extra key a compile error.
 */
import type { zhCN } from './zh-CN'

export const en: Record<keyof typeof zhCN, string> = {
  'brand.analyse.label': 'Website address',
  'brand.analyse.submit': 'Analyse my site',
  'brand.analyse.busy': 'Analysing…',
  'brand.analyse.hint':
    'AIS Studio reads the home page of this site, fills in the brand details below and collects its logos and images. What you already filled in stays unless the site says otherwise.',
  'brand.analyse.done': 'Done: the brand details were updated.',
  'brand.autosave':
    'Changes are saved to the server automatically, so every device and browser of your workspace sees them.',
  'brand.newProfile': 'New profile',
  'brand.identity': 'Brand',
  'brand.name': 'Brand name',
  'brand.industry': 'Industry',
  'brand.voice': 'Brand voice',
  'brand.tone': 'Tone',
  'brand.style': 'Style',
  'brand.values': 'Values',
  'brand.negative': 'Words never to use (in any content)',
  'brand.negativeHint': 'Press Enter or a comma to add; articles, briefs and checks avoid them.',
  'brand.tagHint': 'Press Enter or a comma to add.',
  'brand.textProfile': 'Written brand profile (Markdown)',
  'brand.projects': 'Projects',
  'brand.noProjects': 'No projects yet. Analysing a site or starting an SEO project adds one.',
  'brand.project': 'Project {n}',
  'brand.projectUrl': 'Website address',
  'brand.region': 'Target region',
  'brand.language': 'Content language',
  'brand.keywords': 'Target keywords',
  'brand.focus': 'Preferred strategy focus',
  'brand.history': 'Keywords already used',
  'brand.historyHint':
    'The main keyword of each published article is added, so new briefs pick others.',
  'brand.addProject': 'Add a project',
  'brand.removeProject': 'Remove this project',
  'brand.assets': 'Brand assets',
  'brand.assetsEmpty':
    'No assets yet. After a site analysis, the logos and images found appear here.',
  'brand.logos': 'Logos',
  'brand.images': 'Images',
  'brand.assetAlt': 'Brand asset from {source}',
  'brand.assetSource': 'Source',
  'brand.export': 'Export JSON',
  'brand.import': 'Import JSON',
  'brand.importInvalid': 'This file is not a valid brand profile and was not imported:',
  'brand.importNotJson': 'The file is not JSON.',
  'brand.imported': 'Brand profile imported.',
}
