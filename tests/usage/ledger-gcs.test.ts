import { afterAll } from 'bun:test'
import { startFakeGcs } from '../support/fake-gcs'
import { ledgerContract } from './ledger-contract'
import { gcsSite } from './support'

const gcs = await startFakeGcs()
afterAll(() => gcs.stop())

ledgerContract('Cloud Storage (real library, fake JSON API)', gcsSite(gcs))
