/**
 * @module router
 * History-mode routes; every page is its own lazy chunk so the first load carries only the shell.
 * `/seo/:step` takes the step ids of server/features/seo/steps.ts (the agent's too).
 * `/image/:seriesId` names a saved image series, `/campaign/:campaignId` a saved campaign (the
 * library's id rule); `/campaign?project=<id>` starts one from a saved SEO project.
 * `meta.titleKey` names the message used for the document title.
 */
import { createRouter, createWebHistory } from 'vue-router'
import { SEO_STEPS } from '../../server/features/seo/steps'
import type { MessageKey } from './i18n'

declare module 'vue-router' {
  interface RouteMeta {
    titleKey?: MessageKey
  }
}

const stepPattern = SEO_STEPS.map((s) => s.id).join('|')

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    {
      path: '/',
      name: 'launch',
      component: () => import('./pages/LaunchPage.vue'),
      meta: { titleKey: 'nav.launch' },
    },
    { path: '/seo', redirect: (to) => ({ path: '/seo/diagnosis', query: to.query }) },
    {
      path: `/seo/:step(${stepPattern})`,
      name: 'seo',
      component: () => import('./pages/SeoPage.vue'),
      meta: { titleKey: 'seo.title' },
    },
    {
      path: '/brand',
      name: 'brand',
      component: () => import('./pages/BrandPage.vue'),
      meta: { titleKey: 'brand.title' },
    },
    {
      path: '/image/:seriesId([a-z0-9][a-z0-9-]{0,63})?',
      name: 'image',
      component: () => import('./pages/ImagePage.vue'),
      meta: { titleKey: 'image.title' },
    },
    {
      path: '/video',
      name: 'video',
      component: () => import('./pages/VideoPage.vue'),
      meta: { titleKey: 'video.title' },
    },
    {
      path: '/usage',
      name: 'usage',
      component: () => import('./pages/UsagePage.vue'),
      meta: { titleKey: 'nav.usage' },
    },
    {
      path: '/campaign/:campaignId([a-z0-9][a-z0-9-]{0,63})?',
      name: 'campaign',
      component: () => import('./pages/CampaignPage.vue'),
      meta: { titleKey: 'campaign.title' },
    },
    {
      path: '/:pathMatch(.*)*',
      name: 'not-found',
      component: () => import('./pages/NotFoundPage.vue'),
      meta: { titleKey: 'notFound.title' },
    },
  ],
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
})
