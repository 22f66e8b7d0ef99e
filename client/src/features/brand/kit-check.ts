/**
 * @module features/brand/kit-check
 * The brand kit checked with the server's own `BrandKit` schema (valibot, loaded with the brand
 * chunk), so what the editor accepts is what every request and save accepts: the problems by
 * field path (`colors.0.hex`), empty when the kit is valid.
 */
import { type Ref, ref, watch } from 'vue'
import type { BrandKit } from '../../stores/brand-document'

export type KitIssues = Record<string, string>

export async function checkKit(kit: unknown): Promise<KitIssues> {
  const [v, { BrandKit }] = await Promise.all([
    import('valibot'),
    import('../../../../server/features/brand/profile'),
  ])
  const parsed = v.safeParse(BrandKit, kit)
  if (parsed.success) return {}
  const issues: KitIssues = {}
  for (const issue of parsed.issues) {
    const path = v.getDotPath(issue) ?? ''
    issues[path] ??= issue.message
  }
  return issues
}

/** The kit's problems, kept up to date as it is edited. */
export function useKitIssues(kit: () => BrandKit | undefined): Ref<KitIssues> {
  const issues = ref<KitIssues>({})
  watch(
    kit,
    async (value) => {
      issues.value = value ? await checkKit(value) : {}
    },
    { deep: true, immediate: true }
  )
  return issues
}

/** An empty kit to edit (every list empty, nothing measured yet). */
export const emptyKit = (): BrandKit => ({ colors: [], fonts: [], social: [] })
