/**
 * @module docs/page
 * The reference page at `/api/docs`: an empty shell, a small start script and Scalar's script,
 * all from this server (no inline script, so the app's CSP holds; the one inline style sets the
 * system fonts). The start script runs first:
 * it tells the zod inside Scalar to skip its `Function('')` probe (which the CSP would refuse
 * and report), and mounts the reference once Scalar has loaded. Scalar's own fonts, its AI
 * agent, proxy and telemetry are off: nothing leaves this server.
 */

// Scalar's theme names its web fonts on several elements (the API client's too): the system's
// fonts win everywhere from the first paint, so no font is ever fetched.
const SYSTEM_FONTS =
  '* { --scalar-font: system-ui, -apple-system, "Segoe UI", sans-serif !important; --scalar-font-code: ui-monospace, "SFMono-Regular", Menlo, monospace !important; }'

export const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="icon" href="data:," />
    <style>${SYSTEM_FONTS}</style>
    <title>AIS Studio API reference</title>
  </head>
  <body>
    <main id="api-reference" aria-label="API reference"></main>
    <script src="/api/docs/start.js"></script>
    <script src="/api/docs/scalar.js"></script>
  </body>
</html>
`

const CONFIGURATION = {
  url: '/api/openapi.json',
  withDefaultFonts: false,
  proxyUrl: '',
  telemetry: false,
  agent: { disabled: true },
  mcp: { disabled: true },
  showDeveloperTools: 'never',
  defaultHttpClient: { targetKey: 'shell', clientKey: 'curl' },
}

export const START_SCRIPT = `globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true })
document.addEventListener('DOMContentLoaded', function () {
  Scalar.createApiReference('#api-reference', ${JSON.stringify(CONFIGURATION)})
})
`
