import { afterAll, expect, test } from 'bun:test'
import { startFakeGcs } from '../support/fake-gcs'
import { libraryContract } from './library-contract'
import { brandProfile, create, etagOf, gcsStore, get, json, libraryApp, update } from './support'

const gcs = await startFakeGcs()
afterAll(() => gcs.stop())

libraryContract('Cloud Storage (real library, fake JSON API)', () => gcsStore(gcs))

test('a save whose upload took effect but lost its answer is a success, not a 412', async () => {
  const { app } = libraryApp(gcsStore(gcs))
  const created = await create(app, 'brand-profiles/a', brandProfile('A'))
  gcs.fail({
    status: 503,
    afterCommit: true,
    when: (r) =>
      r.kind === 'upload-multipart' && r.object === 'library/default/brand-profiles/a.json',
  })
  const res = await update(app, 'brand-profiles/a', brandProfile('B'), etagOf(created))
  expect(res.status).toBe(200)
  const read = await get(app, 'brand-profiles/a')
  expect((await json(read)).document.title).toBe('B')
  expect(etagOf(read)).toBe(etagOf(res))
})
