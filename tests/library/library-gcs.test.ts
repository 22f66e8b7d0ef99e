import { afterAll } from 'bun:test'
import { startFakeGcs } from '../support/fake-gcs'
import { libraryContract } from './library-contract'
import { gcsStore } from './support'

const gcs = await startFakeGcs()
afterAll(() => gcs.stop())

libraryContract('Cloud Storage (real library, fake JSON API)', () => gcsStore(gcs))
