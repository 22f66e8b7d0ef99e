/**
 * Real Application Default Credentials for Vertex AI tests: an `external_account` credentials
 * file, as workload identity federation writes it, whose `token_url` is the fake Gemini's STS
 * endpoint. google-auth-library reads the file, reads the subject token from disk, exchanges it
 * over HTTP and sends the access token it gets, exactly as on Cloud Run. (A service-account file
 * would not do: the Node library posts its JWT to Google's fixed token URL.)
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FakeGemini } from './fake-gemini'

export interface VertexCredentials {
  /** The credentials file (`GOOGLE_APPLICATION_CREDENTIALS` or `googleAuthOptions.keyFilename`). */
  keyFilename: string
  googleAuthOptions: { keyFilename: string; scopes: string[] }
}

export function writeVertexCredentials(
  fake: Pick<FakeGemini, 'tokenUrl' | 'trustSubjectToken'>
): VertexCredentials {
  const dir = mkdtempSync(join(tmpdir(), 'ais-adc-'))
  const subjectToken = `subject-${crypto.randomUUID()}`
  const tokenFile = join(dir, 'subject-token')
  writeFileSync(tokenFile, subjectToken)
  fake.trustSubjectToken(subjectToken)
  const keyFilename = join(dir, 'credentials.json')
  writeFileSync(
    keyFilename,
    JSON.stringify({
      type: 'external_account',
      audience:
        '//iam.googleapis.com/projects/123456/locations/global/workloadIdentityPools/ais-tests/providers/fake',
      subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
      token_url: fake.tokenUrl,
      credential_source: { file: tokenFile },
    })
  )
  return {
    keyFilename,
    googleAuthOptions: { keyFilename, scopes: ['https://www.googleapis.com/auth/cloud-platform'] },
  }
}
