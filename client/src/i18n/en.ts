/**
 * @module i18n/en
 * English messages; the type makes a missing or extra key a compile error.
 */
import type { MessageKey } from './zh-CN'

export const en: Record<MessageKey, string> = {
  'app.name': 'AIS Studio',
  'app.tagline': 'AI growth studio',
  'app.skip': 'Skip to main content',
  'app.loading': 'Loading…',

  'nav.label': 'Main',
  'nav.launch': 'Home',
  'nav.seo': 'SEO content',
  'nav.image': 'AI images',
  'nav.video': 'AI video',
  'lang.label': 'Language',

  'banner.aiNone':
    'AI is not configured on this server: set a Gemini API key (or a Vertex AI project) in the server environment and restart it. Until then the AI features are unavailable.',
  'banner.capabilitiesFailed': 'Could not read what this server can do: {message}',
  'auth.note':
    "This server's API requires an access key. Enter the key your administrator gave you; it is kept in this tab only.",
  'auth.label': 'Access key',
  'auth.save': 'Save',
  'auth.clear': 'Clear',
  'auth.saved': 'Access key saved for this tab.',

  'launch.title': 'What do you want to grow today?',
  'launch.lead':
    'Enter a website or describe your idea: AIS Studio works out whether you need SEO content, an image or a video, and opens that workflow.',
  'launch.inputLabel': 'Your request',
  'launch.placeholder': 'e.g. Analyse the content SEO of https://www.example.com',
  'launch.hint': 'Press Enter to submit, Shift+Enter for a new line.',
  'launch.submit': 'Start',
  'launch.submitting': 'Working it out…',
  'launch.examples': 'Try an example',
  'launch.example.seo': 'Analyse the content SEO of https://www.example.com',
  'launch.example.image': 'Generate a product poster image of a coffee shop at dawn',
  'launch.example.video': 'Make a short video of new running shoes on a night run through the city',
  'launch.needUrl':
    'To start an SEO analysis, enter the full website address (for example https://www.example.com).',
  'launch.other':
    'This does not look like an SEO, image or video request. The AI understood: “{query}”. Try rephrasing it, or start from one of the workflows below.',
  'launch.workflows': 'Workflows',
  'launch.card.seo':
    'The whole content SEO flow: site diagnosis, competitors, strategy, outline, article and metadata.',
  'launch.card.image':
    'A creative director, prompt enhancement and design inspiration to generate and edit images.',
  'launch.card.video': 'Veo videos from text, a reference image, or first and last frames.',

  'workflow.inputHeading': 'Starting point',
  'workflow.update': 'Update',
  'workflow.building':
    'The interactive steps of this workflow are being built; the input above is where it starts.',
  'workflow.aiNeeded': 'This workflow needs AI, which is not configured on this server.',
  'workflow.stepsHeading': 'Workflow steps',

  'seo.title': 'SEO content workflow',
  'seo.lead':
    'Enter a website: AIS Studio first diagnoses its content SEO, then works with you through competitor analysis, a content strategy and an article ready to publish.',
  'seo.urlLabel': 'Website address',
  'seo.urlPlaceholder': 'https://www.example.com',
  'seo.current': 'Current website: {url}',
  'seo.none': 'No website chosen yet.',
  'seo.step.diagnosis': 'Content SEO diagnosis of the site',
  'seo.step.competitors': 'Competitor search and analysis',
  'seo.step.strategy': 'Content strategy board',
  'seo.step.brief': 'Content brief',
  'seo.step.research': 'Web research and outline',
  'seo.step.article': 'Writing, polishing and illustrations',
  'seo.step.qa': 'Pre-flight checks, auto-fix and metadata',

  'image.title': 'AI image studio',
  'image.lead':
    'Describe the picture you want: a creative director decides whether to create or edit, can enhance the prompt or suggest design directions, then generates, upscales or removes the background.',
  'image.promptLabel': 'Image description',
  'image.current': 'Current description: {prompt}',
  'image.none': 'No description yet.',

  'video.title': 'AI video studio',
  'video.lead':
    'Describe a video, or give a reference image or first and last frames: Veo renders it in the background as a job you can check, download or delete at any time.',
  'video.promptLabel': 'Video description',
  'video.current': 'Current description: {prompt}',
  'video.none': 'No description yet.',

  'notFound.title': 'Page not found',
  'notFound.body': 'There is no page at {path}.',
  'notFound.home': 'Back to the home page',

  'error.title': 'The request did not complete',
  'error.requestId': 'Request ID: {id}',
  'error.retryAfter': 'Try again in {seconds} s.',
  'error.network': 'Could not reach the server. Check your connection and try again.',
  'error.badResponse': 'The server sent an answer that could not be read (HTTP {status}).',
  'error.status.400': 'Invalid input',
  'error.status.401': 'Access key required',
  'error.status.429': 'Too many requests',
  'error.status.502': 'The AI service failed',
  'error.status.503': 'Not configured',
  'error.status.504': 'The AI service timed out',
}
