/** @module seo/knowledge/ids Document ids: kebab-case, equal to the file name. */
export const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
