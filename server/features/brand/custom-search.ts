/**
 * @module brand/custom-search
 * When Google Custom Search may be asked for brand images: only while GCP_CSE_API_KEY and
 * GCP_CSE_ID are set, and not after the JSON API closes (it is closed to new customers and ends
 * on 2027-01-01). Kept apart from the search itself so `/api/capabilities` can say so without
 * loading it.
 */
import type { Config } from '../../config'

/** The day the Custom Search JSON API stops answering. */
export const CUSTOM_SEARCH_ENDS_ON = '2027-01-01'

export function customSearchAvailable(config: Pick<Config, 'cse'>, now: Date): boolean {
  return Boolean(config.cse) && now < new Date(`${CUSTOM_SEARCH_ENDS_ON}T00:00:00Z`)
}
