/**
 * @module seo/search-console/property
 * A Search Console property as the API names it: a domain property (`sc-domain:example.com`) or
 * a URL-prefix property (`https://www.example.com/`, with its trailing slash). Pure valibot
 * (shared with the browser and the saved project).
 */
import * as v from 'valibot'

const DOMAIN =
  /^sc-domain:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i
const URL_PREFIX = /^https?:\/\/[^\s/?#]+(?:\/[^\s?#]*)?\/$/i

export const isProperty = (value: string) => DOMAIN.test(value) || URL_PREFIX.test(value)

export const Property = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(300),
  v.check(
    isProperty,
    'Must be a Search Console property: sc-domain:example.com or https://www.example.com/'
  )
)
