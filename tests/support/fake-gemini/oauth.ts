/**
 * The token side of Application Default Credentials: an STS token-exchange endpoint (what an
 * `external_account` credentials file's `token_url` names) that issues access tokens, and the
 * check that Vertex AI requests carry one of them.
 */

export interface TokenAuthority {
  /** Subject tokens the credentials files carry; only these are exchanged. */
  readonly subjectTokens: Set<string>
  readonly issued: Set<string>
  exchange(request: Request): Promise<Response>
  isIssued(authorization: string | undefined): boolean
}

export function createTokenAuthority(): TokenAuthority {
  const subjectTokens = new Set<string>()
  const issued = new Set<string>()
  return {
    subjectTokens,
    issued,
    async exchange(request) {
      const form = new URLSearchParams(await request.text())
      const subject = form.get('subject_token') ?? ''
      if (
        form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:token-exchange' ||
        !subjectTokens.has(subject)
      ) {
        return Response.json(
          { error: 'invalid_grant', error_description: 'The subject token is invalid.' },
          { status: 400 }
        )
      }
      const token = `ya29.fake-${crypto.randomUUID()}`
      issued.add(token)
      return Response.json({
        access_token: token,
        issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
        token_type: 'Bearer',
        expires_in: 3600,
      })
    },
    isIssued(authorization) {
      const token = authorization?.match(/^Bearer\s+(.+)$/i)?.[1]
      return Boolean(token && issued.has(token))
    },
  }
}
