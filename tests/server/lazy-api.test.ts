/**
 * Cold start: building the app and answering the first request evaluate nothing of the API; the
 * API is loaded in the background once that first answer is out, or by the first API request.
 */
import { expect, test } from 'bun:test'
import { loadingAround, runFresh } from '../support/fresh-process'

const API_MODULES = ['server/api.ts', 'features/seo/routes.ts', 'features/video/routes.ts']

test('the app is built and answers /health and / without evaluating the API', async () => {
  const seen = await loadingAround({ watched: API_MODULES, path: '/' })
  expect(seen.built).toEqual([])
  expect(seen.atStart).toEqual([])
})

test('a first API request loads the API and is answered', async () => {
  const seen = await loadingAround({
    watched: API_MODULES,
    first: '/api/capabilities',
    path: '/api/capabilities',
  })
  expect(seen.built).toEqual([])
  expect(seen.atStart).toEqual(API_MODULES)
  expect(seen.status).toBe(200)
})

test('after the first answer the API loads in the background, before any API request', async () => {
  const seen = await runFresh<{ right: boolean; idle: boolean }>(`
    const loaded = () => Object.keys(require.cache).some((k) => k.endsWith('server/api.ts'))
    const { loadConfig } = await import(process.env.ROOT + '/server/config.ts')
    const { createDeps } = await import(process.env.ROOT + '/server/deps.ts')
    const { createApp } = await import(process.env.ROOT + '/server/app.ts')
    const app = createApp(createDeps(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'error', DATA_DIR: '/tmp/ais-unused' })))
    await app.request('/health')
    const right = loaded()
    for (let i = 0; i < 100 && !loaded(); i++) await Bun.sleep(10)
    console.log(JSON.stringify({ right, idle: loaded() }))
  `)
  expect(seen.right).toBe(false)
  expect(seen.idle).toBe(true)
})
