/**
 * @module ids
 * Id rules several features share, with no imports (the browser and route guards use them).
 */

/** Client-chosen document ids (so a client can create with `PUT`): a safe storage key segment. */
export const DOCUMENT_ID = /^[a-z0-9][a-z0-9-]{0,63}$/
