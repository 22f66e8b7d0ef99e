/**
 * @module scripts/container/tally
 * The container test's record: checks (printed as they pass or fail, counted for CI's
 * "N passed, N failed") and figures (printed as a table at the end).
 */

export interface Tally {
  check(ok: boolean, what: string): boolean
  figure(name: string, value: string): void
  readonly failures: readonly string[]
  readonly passed: number
  report(): string
}

export function createTally(): Tally {
  const failures: string[] = []
  const figures: [string, string][] = []
  let passed = 0
  return {
    check(ok, what) {
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`)
      if (ok) passed++
      else failures.push(what)
      return ok
    },
    figure: (name, value) => figures.push([name, value]),
    failures,
    get passed() {
      return passed
    },
    report() {
      return [
        '| figure | value |',
        '|---|---|',
        ...figures.map(([name, value]) => `| ${name} | ${value} |`),
        '',
        ...(failures.length ? ['failed:', ...failures.map((f) => `  ${f}`), ''] : []),
        `container: ${passed} passed, ${failures.length} failed`,
      ].join('\n')
    },
  }
}
