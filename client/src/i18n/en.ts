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

  'common.copy': 'Copy',
  'common.copied': 'Copied',
  'common.copyFailed': 'Could not copy; select the text instead',
  'common.close': 'Close',
  'common.cancel': 'Cancel',
  'common.save': 'Save',
  'common.remove': 'Remove',
  'common.add': 'Add',
  'common.loading': 'Working…',
  'common.stop': 'Stop',

  'nav.label': 'Main',
  'nav.launch': 'Home',
  'nav.seo': 'SEO content',
  'nav.image': 'AI images',
  'nav.video': 'AI video',
  'nav.usage': 'AI usage',
  'nav.brand': 'Brand profile',
  'brand.title': 'Brand profile',
  'lang.label': 'Language',

  'banner.aiNone':
    'AI is not configured on this server: set a Gemini API key (or a Vertex AI project) in the server environment and restart it. Until then the AI features are unavailable.',
  'banner.capabilitiesFailed': 'Could not read what this server can do: {message}',
  'banner.aiFailing':
    'Gemini is failing right now. AI requests fail at once until it recovers; try again in {seconds} s.',
  'banner.demo':
    'Demo mode: every AI answer here comes from a scripted demo model, not from Gemini. Use it to try the workflow.',
  'banner.demoSite':
    'Brand analysis needs a reachable website: the demo serves a sample site at {url}.',
  'banner.modelsSubstituted':
    'Google no longer serves some of the models this server was set up with; others stand in until it is updated:',
  'banner.modelSubstituted': '{role}: {to} instead of {from}',
  'banner.modelsUnserved':
    'Google does not serve a model this server was set to use, so its features fail until the setting is changed:',
  'banner.modelUnserved': '{role}: {model}',
  'models.role.fast': 'quick tasks',
  'models.role.text': 'analysis',
  'models.role.writing': 'writing',
  'models.role.image': 'images',
  'models.role.imagePro': 'best-quality images',
  'models.role.imageLite': 'thumbnails',
  'models.role.video': 'video (Gemini Omni)',
  'models.role.veo': 'video (Veo)',
  'models.role.veoFast': 'fast video (Veo)',
  'models.role.upscale': 'upscaling',
  'models.role.segment': 'background removal',
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
  'launch.example.demo': 'Analyse the content SEO of the demo sample site {url}',
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
  'launch.card.video':
    'Videos from text, a first frame, first and last frames or reference images, with Gemini Omni or Veo 3.1.',

  'seo.title': 'SEO content workflow',
  'seo.lead':
    'Enter a website: AIS Studio first diagnoses its content SEO, then works with you through competitor analysis, a content strategy and an article ready to publish.',

  'image.title': 'AI image studio',
  'image.lead':
    'Describe the picture you want: a creative director decides whether to create or edit, can enhance the prompt or suggest design directions, then generates, upscales or removes the background.',
  'image.current': 'Current description: {prompt}',
  'image.none': 'No description yet.',

  'video.title': 'AI video studio',

  'studio.soon':
    'The interactive studio for this is coming soon; your description is kept in the address so you can come back to it.',

  'notFound.title': 'Page not found',
  'notFound.body': 'There is no page at {path}.',
  'notFound.home': 'Back to the home page',

  'error.requestId': 'Request ID: {id}',
  'error.retryAfter': 'Try again in {seconds} s.',
  'error.retry': 'Try again',
  'error.retryIn': 'Retry possible in {seconds} s',
  'error.details': 'Server says: {message}',
  'error.field': 'Field {field}: {message}',

  'campaign.title': 'Campaign',
  'nav.campaign': 'Campaign',
  'launch.card.campaign':
    'Turn an article or a request into posts for each network, visuals in every size and both languages, in one file.',
  'seo.publish.campaign': 'Make a campaign from this article',
}
