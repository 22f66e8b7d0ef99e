/**
 * @module brand/json-ld
 * The brand facts a page declares in JSON-LD (`<script type="application/ld+json">`): the
 * organisation's logo and `sameAs` profiles, the country of its address and the currencies of
 * its offers. Nested objects and `@graph` lists are walked, bounded in size and depth; a script
 * that is not JSON is skipped.
 */

export interface JsonLdFacts {
  logos: string[]
  sameAs: string[]
  countries: string[]
  currencies: string[]
}

const MAX_SCRIPT = 256 * 1024
const MAX_SCRIPTS = 10
const MAX_DEPTH = 8
const MAX_NODES = 2000
const MAX_EACH = 30

// Types whose `logo` and `sameAs` are the brand's own (schema.org Organization and common
// subtypes, LocalBusiness and its shops, Brand).
const ORGANIZATION = new Set([
  'organization',
  'corporation',
  'localbusiness',
  'store',
  'onlinestore',
  'onlinebusiness',
  'brand',
  'newsmediaorganization',
  'educationalorganization',
  'ngo',
  'restaurant',
  'foodestablishment',
  'professionalservice',
  'medicalorganization',
  'sportsorganization',
  'airline',
])

type Node = Record<string, unknown>

export function readJsonLd(scripts: readonly string[], baseUrl: string): JsonLdFacts {
  const facts: JsonLdFacts = { logos: [], sameAs: [], countries: [], currencies: [] }
  let nodes = 0
  const visit = (value: unknown, depth: number): void => {
    if (depth > MAX_DEPTH || nodes >= MAX_NODES || value === null || typeof value !== 'object') {
      return
    }
    nodes++
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1)
      return
    }
    const node = value as Node
    if (isOrganization(node)) {
      for (const logo of asList(node.logo)) add(facts.logos, urlOf(logo, baseUrl))
      for (const link of asList(node.sameAs)) add(facts.sameAs, urlOf(link, baseUrl))
    }
    for (const address of asList(node.address)) add(facts.countries, countryOf(address))
    for (const key of ['priceCurrency', 'currenciesAccepted']) {
      for (const code of asList(node[key])) {
        if (typeof code === 'string') for (const c of code.split(/[\s,]+/)) add(facts.currencies, c)
      }
    }
    for (const child of Object.values(node)) visit(child, depth + 1)
  }
  for (const script of scripts.slice(0, MAX_SCRIPTS)) {
    if (script.length > MAX_SCRIPT) continue
    try {
      visit(JSON.parse(script), 0)
    } catch {
      // Not JSON (a template placeholder, a trailing comma): nothing to read.
    }
  }
  return facts
}

function isOrganization(node: Node): boolean {
  return asList(node['@type']).some(
    (type) =>
      typeof type === 'string' && ORGANIZATION.has(type.replace(/^.*[/:]/, '').toLowerCase())
  )
}

const asList = (value: unknown): unknown[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value]

function add(list: string[], value: string | undefined): void {
  if (value && list.length < MAX_EACH && !list.includes(value)) list.push(value)
}

/** A string value, or the first of `fields` an object value has (JSON-LD allows both). */
function stringOrField(value: unknown, ...fields: string[]): unknown {
  if (typeof value === 'string') return value
  if (!value || typeof value !== 'object') return undefined
  return fields.map((f) => (value as Node)[f]).find((v) => v !== undefined)
}

/** A URL string, or an ImageObject's `url`/`contentUrl`, made absolute (http(s) only). */
function urlOf(value: unknown, baseUrl: string): string | undefined {
  const raw = stringOrField(value, 'url', 'contentUrl')
  if (typeof raw !== 'string' || raw.length > 2048) return undefined
  try {
    const url = new URL(raw.trim(), baseUrl)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined
  } catch {
    return undefined
  }
}

/** `addressCountry` as a code (`GB`) or a Country object with one. */
function countryOf(address: unknown): string | undefined {
  if (!address || typeof address !== 'object') return undefined
  const code = stringOrField((address as Node).addressCountry, 'identifier', 'name')
  return typeof code === 'string' ? code.trim() : undefined
}
