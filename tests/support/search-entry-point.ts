/**
 * A search-suggestion snippet shaped like the ones Google sends in
 * `searchEntryPoint.renderedContent`: a stylesheet for light and dark schemes, the multi-colour
 * "G" as inline SVG path data, and one chip per query linking through a long redirect token.
 * Several kilobytes of markup, no embedded image data: what saved work must accept as it is.
 */

const scheme = (mode: 'light' | 'dark', bg: string, chip: string, text: string) => `
@media (prefers-color-scheme: ${mode}) {
  .container { background-color: ${bg}; box-shadow: 0 0 0 1px #0000000f; }
  .headline-label { color: ${text}; }
  .chip { background-color: ${chip}; border-color: #d2d2d2; color: #5e5e5e; text-decoration: none; }
  .chip:hover { background-color: #f2f2f2; }
  .chip:focus { background-color: #f2f2f2; }
  .chip:active { background-color: #d8d8d8; border-color: #b6b6b6; }
  .logo-${mode === 'light' ? 'dark' : 'light'} { display: none; }
  .gradient { background: linear-gradient(90deg, ${bg} 15%, ${bg}00 100%); }
}`

const STYLE = `<style>
.container { align-items: center; border-radius: 8px; display: flex; font-family: Google Sans, Roboto, sans-serif; font-size: 14px; line-height: 20px; padding: 8px 12px; }
.chip { display: inline-block; border: solid 1px; border-radius: 16px; min-width: 14px; padding: 5px 16px; text-align: center; user-select: none; margin: 0 8px; -webkit-tap-highlight-color: transparent; }
.carousel { overflow: auto; scrollbar-width: none; white-space: nowrap; margin-right: -12px; }
.headline { display: flex; margin-right: 4px; }
.gradient-container { position: relative; }
.gradient { position: absolute; transform: translate(3px, -9px); height: 36px; width: 9px; }
${scheme('light', '#fafafa', '#ffffff', '#1f1f1f')}
${scheme('dark', '#1f1f1f', '#2c2c2c', '#fff')}
</style>`

const logo = (
  mode: 'light' | 'dark'
) => `<svg class="logo-${mode}" width="18" height="18" viewBox="9 9 35 35" fill="none" xmlns="http://www.w3.org/2000/svg">
<path fill-rule="evenodd" clip-rule="evenodd" d="M42.8622 27.0064C42.8622 25.7839 42.7525 24.6084 42.5487 23.4799H26.3109V30.1568H35.5897C35.1821 32.3041 33.9596 34.1222 32.1258 35.3448V39.6864H37.7213C40.9814 36.677 42.8622 32.2571 42.8622 27.0064V27.0064Z" fill="#4285F4"/>
<path fill-rule="evenodd" clip-rule="evenodd" d="M26.3109 43.8555C30.9659 43.8555 34.8687 42.3195 37.7213 39.6863L32.1258 35.3447C30.5898 36.3792 28.6306 37.0061 26.3109 37.0061C21.8282 37.0061 18.0195 33.9811 16.6559 29.906H10.9194V34.3573C13.7563 39.9841 19.5712 43.8555 26.3109 43.8555V43.8555Z" fill="#34A853"/>
<path fill-rule="evenodd" clip-rule="evenodd" d="M16.6559 29.8904C16.3111 28.8559 16.1074 27.7588 16.1074 26.6146C16.1074 25.4704 16.3111 24.3733 16.6559 23.3388V18.8875H10.9194C9.74388 21.2072 9.06992 23.8247 9.06992 26.6146C9.06992 29.4045 9.74388 32.022 10.9194 34.3417L15.3864 30.8621L16.6559 29.8904V29.8904Z" fill="#FBBC05"/>
<path fill-rule="evenodd" clip-rule="evenodd" d="M26.3109 16.2386C28.85 16.2386 31.107 17.1164 32.9095 18.8091L37.8466 13.8719C34.853 11.082 30.9659 9.3736 26.3109 9.3736C19.5712 9.3736 13.7563 13.245 10.9194 18.8875L16.6559 23.3388C18.0195 19.2636 21.8282 16.2386 26.3109 16.2386V16.2386Z" fill="#EA4335"/>
</svg>`

/** A redirect token as long as Google's, in the base64url alphabet. */
const token = (query: string) =>
  Buffer.from(`${query}|${'grounding-redirect-token-'.repeat(12)}`).toString('base64url')

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

export function realisticSearchSuggestions(queries: readonly string[]): string {
  const chips = queries
    .map(
      (q) =>
        `<a class="chip" href="https://vertexaisearch.cloud.google.com/grounding-api-redirect/${token(q)}">${escapeHtml(q)}</a>`
    )
    .join('\n')
  return `${STYLE}
<div class="container">
  <div class="headline">${logo('light')}${logo('dark')}<div class="gradient-container"><div class="gradient"></div></div></div>
  <div class="carousel">
${chips}
  </div>
</div>
`
}
