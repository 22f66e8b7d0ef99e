/**
 * @module features/launch/i18n/zh-CN
 * Launch-page gallery messages in Simplified Chinese: the source of the keys (English must match).
 */
export const zhCN = {
  'gallery.title': '灵感发现',
  'gallery.lead': '点一张卡片，把它的需求放进上面的输入框，修改后再开始。',
  'gallery.tabs': '灵感分类',
  'gallery.tab.all': '全部',
  'gallery.tab.seo': 'SEO/GEO 内容',
  'gallery.tab.image': 'AI 图片',
  'gallery.tab.video': 'AI 视频',
  'gallery.brandScore': '品牌 {score}',
  'gallery.brandFix': '按品牌修正',
  'gallery.chosen': '已放入输入框',
} satisfies Record<string, string>
