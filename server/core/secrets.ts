/**
 * @module secrets
 * Encryption at rest for credentials the app stores (a WordPress application password): AES-GCM
 * with a 256-bit key from `SECRETS_KEY` (Secret Manager in production), a random 96-bit nonce per
 * sealing, and the record's purpose as additional data, so a sealed value copied into another
 * workspace's record does not open there. WebCrypto is built into Bun: nothing to load.
 */

export interface Sealed {
  /** Format version. */
  v: 1
  /** Nonce, base64. */
  iv: string
  /** Ciphertext with its 16-byte tag, base64. */
  data: string
}

export interface SecretBox {
  seal(plain: string, context: string): Promise<Sealed>
  /** @throws {Error} when the value was sealed with another key or for another context. */
  open(sealed: Sealed, context: string): Promise<string>
}

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')
const fromBase64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'))
const utf8 = new TextEncoder()

/** A box for `keyBase64` (32 bytes, as `SECRETS_KEY` holds them). */
export function createSecretBox(keyBase64: string): SecretBox {
  const raw = fromBase64(keyBase64)
  if (raw.length !== 32) throw new Error('The secrets key must be 32 bytes.')
  const key = crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt'])
  return {
    async seal(plain, context) {
      const iv = crypto.getRandomValues(new Uint8Array(12))
      const data = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: utf8.encode(context) },
        await key,
        utf8.encode(plain)
      )
      return { v: 1, iv: toBase64(iv), data: toBase64(new Uint8Array(data)) }
    },
    async open(sealed, context) {
      const plain = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: fromBase64(sealed.iv), additionalData: utf8.encode(context) },
        await key,
        fromBase64(sealed.data)
      )
      return new TextDecoder().decode(plain)
    },
  }
}
