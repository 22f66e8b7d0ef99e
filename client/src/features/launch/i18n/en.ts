/**
 * @module features/launch/i18n/en
 * Launch-page gallery messages in English; the type makes a missing or extra key a compile error.
 */
import type { zhCN } from './zh-CN'

export const en: Record<keyof typeof zhCN, string> = {
  'gallery.title': 'Inspiration',
  'gallery.lead': 'Pick a card to put its request in the box above, adjust it, then start.',
  'gallery.tabs': 'Inspiration by workflow',
  'gallery.tab.all': 'All',
  'gallery.tab.seo': 'SEO/GEO content',
  'gallery.tab.image': 'AI images',
  'gallery.tab.video': 'AI video',
  'gallery.brandScore': 'Brand {score}',
  'gallery.brandFix': 'Fix it for the brand',
  'gallery.chosen': 'In the box',
}
