/**
 * @module docs/page
 * The reference page at `/api/docs`: an empty shell, Scalar's script and a small start script
 * (no inline script, so the app's CSP holds). Scalar's own fonts are off: it uses the system's.
 */

export const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>AIS Studio API reference</title>
  </head>
  <body>
    <main id="api-reference" aria-label="API reference"></main>
    <script src="/api/docs/scalar.js"></script>
    <script src="/api/docs/start.js"></script>
  </body>
</html>
`

const CONFIGURATION = {
  url: '/api/openapi.json',
  withDefaultFonts: false,
  hideClientButton: false,
  // Nothing leaves this server: no proxy, no telemetry, no search of Scalar's registry.
  proxyUrl: '',
  telemetry: false,
  agent: { disabled: true },
  mcp: { disabled: true },
  showDeveloperTools: 'never',
  defaultHttpClient: { targetKey: 'shell', clientKey: 'curl' },
}

export const START_SCRIPT = `Scalar.createApiReference('#api-reference', ${JSON.stringify(CONFIGURATION)})\n`
