/**
 * @module i18n/server-codes/notices.zh-CN
 * 服务器附在结果旁的说明（跳过的页面、采用的默认值、未使用的品牌素材）。`{reason}` 由原因表填入。
 */
import type { noticesEn } from './notices.en'

export const noticesZhCN: Record<keyof typeof noticesEn, string> = {
  'notice.read_via_jina': '该页面通过 Jina Reader 读取，因为{reason}。',
  'notice.limited_information': '品牌档案所依据的信息有限：{reason}。',
  'notice.page_skipped': '已跳过页面 {url}：{reason}。',
  'notice.only_first_page': '只读取到了网站的第一个页面，品牌档案仅以此为依据。',
  'notice.stylesheet_skipped': '已跳过样式表 {url}：{reason}。',
  'notice.logo_skipped': '已跳过标志 {url}：{reason}。',
  'notice.image_skipped': '已跳过图片 {url}：{reason}。',
  'notice.image_search_failed': '图片搜索失败，仅包含页面本身的图片。',
  'notice.language_not_declared':
    '网站没有声明其语言，项目暂用“{language}”。如有需要，请在品牌档案中修改。',
  'notice.region_not_declared':
    '网站没有声明其地区，项目暂用“{region}”。如有需要，请在品牌档案中修改。',
  'notice.competitor_listed_twice': '{url} 被列出了两次，只分析一次。',
  'notice.top_article_off_site': '为 {url} 推荐的热门文章不在该网站上，已略去。',
  'notice.kit_has_no_logo': '品牌素材中没有标志',
  'notice.logo_not_usable': '标志不是 PNG、JPEG 或 WebP 图片',
}
