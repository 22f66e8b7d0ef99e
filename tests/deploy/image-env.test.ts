import { describe, expect, test } from 'bun:test'
import { dockerfileEnv, imageJscEnv } from '../../bench/image-env'

describe('the image runtime settings the benches use', () => {
  test('are read from the last stage, continuation lines joined and comments skipped', () => {
    const dockerfile = [
      'FROM builder AS build',
      'ENV BUILD_ONLY=1',
      'FROM runtime',
      '# ENV COMMENTED=1',
      'ENV A=1 \\',
      '    # a comment inside the instruction',
      '    B="two words" \\',
      '    C=3',
      'USER 65532:65532',
    ].join('\n')
    expect(dockerfileEnv(dockerfile)).toEqual({ A: '1', B: 'two words', C: '3' })
  })

  test('the real Dockerfile runs the server without the background FTL tier', () => {
    expect(imageJscEnv()).toEqual({ BUN_JSC_useFTLJIT: '0' })
  })
})
