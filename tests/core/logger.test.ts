import { describe, expect, test } from 'bun:test'
import { createLogger, traceFields } from '../../server/core/logger'
import { buildTestApp } from '../support/app'

const capture = (options: Parameters<typeof createLogger>[0] = {}) => {
  const lines: string[] = []
  const log = createLogger({ format: 'json', ...options, write: (l) => lines.push(l) })
  return { log, lines, entries: () => lines.map((l) => JSON.parse(l)) }
}

describe('JSON lines for Cloud Logging', () => {
  test('one object per line with severity and message', () => {
    const { log, lines, entries } = capture()
    log.info('hello', { a: 1 })
    log.warn('careful')
    log.error('broken')
    expect(lines.every((l) => !l.includes('\n'))).toBe(true)
    expect(entries()).toEqual([
      { severity: 'INFO', message: 'hello', a: 1 },
      { severity: 'WARNING', message: 'careful' },
      { severity: 'ERROR', message: 'broken' },
    ])
  })

  test('levels below LOG_LEVEL are dropped', () => {
    const { log, entries } = capture({ level: 'warn' })
    log.debug('d')
    log.info('i')
    log.warn('w')
    expect(entries().map((e) => e.message)).toEqual(['w'])
  })

  test('child loggers carry their fields', () => {
    const { log, entries } = capture()
    log.child({ requestId: 'r1' }).child({ step: 'x' }).info('m')
    expect(entries()[0]).toEqual({ severity: 'INFO', message: 'm', requestId: 'r1', step: 'x' })
  })

  test('errors are serialised with name, message, stack and cause', () => {
    const { log, entries } = capture()
    log.error('failed', { err: new Error('outer', { cause: new TypeError('inner') }) })
    const err = entries()[0].err
    expect(err.name).toBe('Error')
    expect(err.message).toBe('outer')
    expect(err.stack).toContain('Error: outer')
    expect(err.cause.name).toBe('TypeError')
  })

  test('configured secrets are masked in every line', () => {
    const { log, lines } = capture({ secrets: ['AIzaSyFAKEKEY123456', undefined] })
    log.error('call failed', { url: 'https://x.example/?key=AIzaSyFAKEKEY123456' })
    expect(lines[0]).not.toContain('AIzaSyFAKEKEY123456')
    expect(lines[0]).toContain('[redacted]')
  })

  test('pretty format is one readable line', () => {
    const { log, lines } = capture({ format: 'pretty' })
    log.info('listening', { port: 8080 })
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} INFO +listening port=8080$/)
  })
})

describe('trace correlation', () => {
  test('X-Cloud-Trace-Context becomes the trace, span and sampled fields', () => {
    expect(traceFields('105445aa7843bc8bf206b12000100000/1;o=1', 'my-proj')).toEqual({
      'logging.googleapis.com/trace': 'projects/my-proj/traces/105445aa7843bc8bf206b12000100000',
      'logging.googleapis.com/spanId': '1',
      'logging.googleapis.com/trace_sampled': true,
    })
  })

  test('no project id or a malformed header: no trace field', () => {
    expect(traceFields('105445aa7843bc8bf206b12000100000/1', undefined)).toEqual({})
    expect(traceFields('not-a-trace', 'p')).toEqual({})
  })
})

describe('access log', () => {
  test('one line per request with httpRequest, request id and trace', async () => {
    const { app, logLines } = buildTestApp({
      env: { GOOGLE_CLOUD_PROJECT: 'proj-1' },
    })
    const res = await app.request('/api/capabilities?x=1', {
      headers: {
        'X-Cloud-Trace-Context': '0123456789abcdef0123456789abcdef/42;o=1',
        'User-Agent': 'test-agent',
      },
    })
    const entry = logLines.map((l) => JSON.parse(l)).find((e) => e.httpRequest)
    expect(entry).toMatchObject({
      severity: 'INFO',
      message: 'GET /api/capabilities 200',
      requestId: res.headers.get('X-Request-Id'),
      'logging.googleapis.com/trace': 'projects/proj-1/traces/0123456789abcdef0123456789abcdef',
      httpRequest: {
        requestMethod: 'GET',
        requestUrl: '/api/capabilities',
        status: 200,
        userAgent: 'test-agent',
      },
    })
    expect(entry.httpRequest.latency).toMatch(/^\d+\.\d+s$/)
  })

  test('health probes are logged at debug only', async () => {
    const { app, logLines } = buildTestApp()
    await app.request('/health')
    const entry = logLines
      .map((l) => JSON.parse(l))
      .find((e) => e.httpRequest?.requestUrl === '/health')
    expect(entry.severity).toBe('DEBUG')
  })
})

describe('stdout', () => {
  test('lines are written once per tick, in order, every one of them', async () => {
    const child = Bun.spawn(
      [
        process.execPath,
        '-e',
        `const { createLogger } = await import(${JSON.stringify(`${import.meta.dir}/../../server/core/logger.ts`)})
         const log = createLogger({ format: 'json' })
         for (let i = 0; i < 2000; i++) log.info('line ' + i)
         await Bun.sleep(5)
         log.warn('after a tick')`,
      ],
      { stdout: 'pipe', stderr: 'inherit' }
    )
    const lines = (await new Response(child.stdout).text()).trim().split('\n')
    expect(await child.exited).toBe(0)
    expect(lines).toHaveLength(2001)
    expect(lines.slice(0, 2000).map((l) => JSON.parse(l).message)).toEqual(
      Array.from({ length: 2000 }, (_, i) => `line ${i}`)
    )
    expect(JSON.parse(lines[2000] ?? '{}')).toMatchObject({ severity: 'WARNING' })
  })
})
