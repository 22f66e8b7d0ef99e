/**
 * @module api/access-key
 * The studio access key a user types in when the server sets `API_KEYS` (capabilities say
 * `authRequired`). It is the user's own credential for this server, kept in sessionStorage so it
 * ends with the tab, and sent as `Authorization: Bearer`. The client never holds a model key.
 */
import { ref } from 'vue'

const STORAGE_KEY = 'ais.accessKey'

export const accessKey = ref<string>(read())

function read(): string {
  try {
    return globalThis.sessionStorage?.getItem(STORAGE_KEY) ?? ''
  } catch {
    return ''
  }
}

export function setAccessKey(value: string): void {
  accessKey.value = value.trim()
  try {
    if (accessKey.value) globalThis.sessionStorage?.setItem(STORAGE_KEY, accessKey.value)
    else globalThis.sessionStorage?.removeItem(STORAGE_KEY)
  } catch {
    // Kept in memory for this page only.
  }
}

export const authHeaders = (): Record<string, string> =>
  accessKey.value ? { Authorization: `Bearer ${accessKey.value}` } : {}
