/**
 * The Search Console discovery document (a copy of shared/reference/google-api/searchconsole.v1.json)
 * as the fake's rule book: which fields a `searchanalytics.query` body may carry and which enum
 * values each takes. A body that breaks them gets the refusal Google sends (400 with
 * `INVALID_ARGUMENT` and the message of its JSON parser or of the service's own checks).
 */
import discovery from './searchconsole.v1.json'

type Property = {
  type?: string
  enum?: string[]
  items?: { enum?: string[]; $ref?: string }
  $ref?: string
}
type Schema = { properties: Record<string, Property> }
const schemas = discovery.schemas as unknown as Record<string, Schema>

export const QUERY_SCHEMA = schemas.SearchAnalyticsQueryRequest as Schema
const GROUP_SCHEMA = schemas.ApiDimensionFilterGroup as Schema
const FILTER_SCHEMA = schemas.ApiDimensionFilter as Schema

export const DIMENSIONS = QUERY_SCHEMA.properties.dimensions?.items?.enum ?? []
export const SCOPES = Object.keys(discovery.auth.oauth2.scopes)

/** Google's answer to a body it cannot accept, or undefined when the body is valid. */
export function queryProblem(body: unknown): string | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    return 'Invalid JSON payload received.'
  const unknown = unknownField(body as Record<string, unknown>, QUERY_SCHEMA, '')
  if (unknown) return unknown
  const b = body as Record<string, unknown>
  const enumProblem =
    enumValue(
      b.aggregationType,
      QUERY_SCHEMA.properties.aggregationType?.enum,
      'aggregation_type'
    ) ??
    enumValue(b.dataState, QUERY_SCHEMA.properties.dataState?.enum, 'data_state') ??
    enumValue(b.searchType, QUERY_SCHEMA.properties.searchType?.enum, 'search_type') ??
    enumValue(b.type, QUERY_SCHEMA.properties.type?.enum, 'type')
  if (enumProblem) return enumProblem
  if (b.dimensions !== undefined) {
    if (!Array.isArray(b.dimensions)) return "Invalid value at 'dimensions'."
    for (const d of b.dimensions) {
      const problem = enumValue(d, DIMENSIONS, 'dimensions')
      if (problem) return problem
    }
  }
  for (const group of (b.dimensionFilterGroups as unknown[] | undefined) ?? []) {
    const g = group as Record<string, unknown>
    const unknownInGroup = unknownField(g, GROUP_SCHEMA, 'dimension_filter_groups[0].')
    if (unknownInGroup) return unknownInGroup
    for (const filter of (g.filters as unknown[] | undefined) ?? []) {
      const f = filter as Record<string, unknown>
      const problem =
        unknownField(f, FILTER_SCHEMA, 'dimension_filter_groups[0].filters[0].') ??
        enumValue(f.dimension, FILTER_SCHEMA.properties.dimension?.enum, 'dimension') ??
        enumValue(f.operator, FILTER_SCHEMA.properties.operator?.enum, 'operator')
      if (problem) return problem
    }
  }
  // The service's own checks (messages as the API words them).
  if (typeof b.startDate !== 'string' || typeof b.endDate !== 'string')
    return 'startDate field is required.'.replace(
      'startDate',
      typeof b.startDate !== 'string' ? 'startDate' : 'endDate'
    )
  if (!isDate(b.startDate) || !isDate(b.endDate))
    return 'Could not parse date, expected format is YYYY-MM-DD.'
  if (b.endDate < b.startDate) return 'The end date must be on or after the start date.'
  if (
    b.rowLimit !== undefined &&
    (!Number.isInteger(b.rowLimit) || (b.rowLimit as number) < 1 || (b.rowLimit as number) > 25_000)
  )
    return 'rowLimit must be between 1 and 25000.'
  if (b.startRow !== undefined && (!Number.isInteger(b.startRow) || (b.startRow as number) < 0))
    return 'startRow must be a non-negative number.'
  return undefined
}

function unknownField(
  body: Record<string, unknown>,
  schema: Schema,
  path: string
): string | undefined {
  for (const key of Object.keys(body)) {
    if (!(key in schema.properties))
      return `Invalid JSON payload received. Unknown name "${key}" at '${path || 'request'}': Cannot find field.`
  }
  return undefined
}

/** Enum names are matched regardless of case, as the service does for these legacy fields. */
function enumValue(
  value: unknown,
  allowed: string[] | undefined,
  field: string
): string | undefined {
  if (value === undefined) return undefined
  if (typeof value === 'string' && allowed?.some((a) => a === value.toUpperCase())) return undefined
  return `Invalid value at '${field}', "${String(value)}"`
}

const isDate = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`))
