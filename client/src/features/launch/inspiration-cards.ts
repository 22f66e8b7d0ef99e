/**
 * @module features/launch/inspiration-cards
 * The launch page's inspiration gallery: ideas by workflow (SEO and GEO content, images, video),
 * each a request to try (in the user's language) and the English prompt of its thumbnail. The
 * thumbnail prompt is the same in every language, so each card is one cached image on the server
 * (`/api/image/inspiration`), never fetched from another site.
 */

export type InspirationCategory = 'seo' | 'image' | 'video'

export interface InspirationCard {
  id: string
  category: InspirationCategory
  /** The request a click puts in the prompt box, by language. */
  request: { 'zh-CN': string; en: string }
  /** What the thumbnail shows (English, the cache key of the card's image). */
  thumbnail: string
}

export const THUMBNAIL_RATIO = '4:3'

export const INSPIRATION_CARDS: readonly InspirationCard[] = [
  {
    id: 'seo-coffee',
    category: 'seo',
    request: {
      en: 'Write an SEO article about pour-over brewing for my coffee shop site www.example-coffee.com',
      'zh-CN': '为我的咖啡店网站 www.example-coffee.com 写一篇关于手冲咖啡的 SEO 文章',
    },
    thumbnail:
      'A flat editorial illustration of a laptop showing a blog article about pour-over coffee, a coffee cup beside it, soft pastel colours',
  },
  {
    id: 'seo-skincare',
    category: 'seo',
    request: {
      en: 'Find the content gaps between my skincare store www.example-skin.com and its competitors',
      'zh-CN': '找出我的护肤品店 www.example-skin.com 与竞争对手之间的内容差距',
    },
    thumbnail:
      'A flat illustration of two website cards side by side with charts comparing them, skincare bottles, clean mint and white palette',
  },
  {
    id: 'geo-running',
    category: 'seo',
    request: {
      en: 'Plan a guide on choosing running shoes that AI answers can cite, for www.example-run.com',
      'zh-CN': '为 www.example-run.com 规划一篇能被 AI 搜索引用的跑鞋选购指南',
    },
    thumbnail:
      'A flat illustration of a running shoe beside a chat bubble citing a guide, energetic orange and navy palette',
  },
  {
    id: 'image-poster',
    category: 'image',
    request: {
      en: 'Create a poster image of a coffee shop at dawn, warm light, minimal typography',
      'zh-CN': '生成一张清晨咖啡馆的海报图片，暖色光线，极简排版',
    },
    thumbnail: 'A minimal poster of a small coffee shop at dawn, warm golden light, calm street',
  },
  {
    id: 'image-product',
    category: 'image',
    request: {
      en: 'Create a product photo of a ceramic mug on a linen table in soft morning light',
      'zh-CN': '生成一张陶瓷杯放在亚麻桌布上的产品图，柔和的晨光',
    },
    thumbnail:
      'A product photo of a handmade ceramic mug on a linen tablecloth, soft morning light',
  },
  {
    id: 'image-banner',
    category: 'image',
    request: {
      en: 'Create a social media banner image for a summer sale with bold colour blocks',
      'zh-CN': '生成一张夏季促销的社交媒体横幅图片，大胆的色块设计',
    },
    thumbnail: 'A bold graphic summer sale banner with flat colour blocks, sun and waves shapes',
  },
  {
    id: 'video-waves',
    category: 'video',
    request: {
      en: 'Make a six-second video of waves at dusk for a travel ad',
      'zh-CN': '制作一段六秒的黄昏海浪视频，用于旅行广告',
    },
    thumbnail: 'A cinematic still of waves rolling onto a beach at dusk, pink and violet sky',
  },
  {
    id: 'video-latte',
    category: 'video',
    request: {
      en: 'Make a slow-motion video of latte art being poured',
      'zh-CN': '制作一段慢动作拉花咖啡的视频',
    },
    thumbnail:
      'A close-up still of milk being poured into espresso making latte art, shallow focus',
  },
  {
    id: 'video-watch',
    category: 'video',
    request: {
      en: 'Make a product reveal video of a smartwatch turning on a pedestal',
      'zh-CN': '制作一段智能手表在展台上旋转亮相的产品视频',
    },
    thumbnail:
      'A studio still of a smartwatch on a round pedestal, dramatic rim light, dark background',
  },
]

export const CATEGORIES: readonly ('all' | InspirationCategory)[] = ['all', 'seo', 'image', 'video']

export const cardsIn = (category: 'all' | InspirationCategory) =>
  category === 'all' ? INSPIRATION_CARDS : INSPIRATION_CARDS.filter((c) => c.category === category)
