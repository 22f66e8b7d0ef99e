/**
 * @module seo/knowledge/documents
 * Every knowledge document, imported as text so Bun inlines it into the server bundle and the
 * compiled binary: nothing is read from disk at run time. The order here is the order of the
 * `GET /api/seo/knowledge` list. A new document needs a line here (a test checks the folder).
 */

import aiSearchHelpfulContent from './docs/ai-search-helpful-content.md' with { type: 'text' }
import baiduChinaSeo from './docs/baidu-china-seo.md' with { type: 'text' }
import ecommerceSeo from './docs/ecommerce-seo.md' with { type: 'text' }
import eeat from './docs/eeat.md' with { type: 'text' }
import foodBeverageSeo from './docs/food-beverage-seo.md' with { type: 'text' }
import imagesAltText from './docs/images-alt-text.md' with { type: 'text' }
import internalLinking from './docs/internal-linking.md' with { type: 'text' }
import keywordResearchTopicClusters from './docs/keyword-research-topic-clusters.md' with {
  type: 'text',
}
import localServicesSeo from './docs/local-services-seo.md' with { type: 'text' }
import onPageSeo from './docs/on-page-seo.md' with { type: 'text' }
import readability from './docs/readability.md' with { type: 'text' }
import saasB2bSeo from './docs/saas-b2b-seo.md' with { type: 'text' }
import searchIntentContentTypes from './docs/search-intent-content-types.md' with { type: 'text' }
import technicalSeoBasics from './docs/technical-seo-basics.md' with { type: 'text' }
import titlesMetaDescriptionsSlugs from './docs/titles-meta-descriptions-slugs.md' with {
  type: 'text',
}
import travelHospitalitySeo from './docs/travel-hospitality-seo.md' with { type: 'text' }
import ymylHealthFinance from './docs/ymyl-health-finance.md' with { type: 'text' }

export interface KnowledgeSource {
  /** The file name without `.md`; must equal the document's `id`. */
  file: string
  text: string
}

export const KNOWLEDGE_SOURCES: readonly KnowledgeSource[] = [
  { file: 'eeat', text: eeat },
  { file: 'on-page-seo', text: onPageSeo },
  { file: 'search-intent-content-types', text: searchIntentContentTypes },
  { file: 'internal-linking', text: internalLinking },
  { file: 'titles-meta-descriptions-slugs', text: titlesMetaDescriptionsSlugs },
  { file: 'readability', text: readability },
  { file: 'keyword-research-topic-clusters', text: keywordResearchTopicClusters },
  { file: 'images-alt-text', text: imagesAltText },
  { file: 'technical-seo-basics', text: technicalSeoBasics },
  { file: 'ai-search-helpful-content', text: aiSearchHelpfulContent },
  { file: 'ecommerce-seo', text: ecommerceSeo },
  { file: 'saas-b2b-seo', text: saasB2bSeo },
  { file: 'local-services-seo', text: localServicesSeo },
  { file: 'ymyl-health-finance', text: ymylHealthFinance },
  { file: 'travel-hospitality-seo', text: travelHospitalitySeo },
  { file: 'food-beverage-seo', text: foodBeverageSeo },
  { file: 'baidu-china-seo', text: baiduChinaSeo },
]
