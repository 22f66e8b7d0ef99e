/**
 * @module seo/knowledge/markdown
 * Markdown files imported as text (`import doc from './docs/x.md' with { type: 'text' }`), which
 * Bun inlines into the bundle and the compiled binary.
 */
declare module '*.md' {
  const text: string
  export default text
}
