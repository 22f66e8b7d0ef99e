/**
 * @module seo/knowledge/query-expansion
 * The documents are written in English while the UI and many projects speak Chinese. A small table
 * adds the English terms for common Chinese SEO vocabulary to a query, so "标题和元描述怎么写"
 * finds the metadata guide. Chinese words stay in the query too (the Baidu guide uses some).
 */

const CHINESE_TO_ENGLISH: readonly (readonly [readonly string[], string])[] = [
  [['标题'], 'title tag'],
  [['元描述', '描述标签', '摘要'], 'meta description'],
  [['元数据', '元标签'], 'metadata'],
  [['网址', '链接结构', '固定链接'], 'url slug'],
  [['内链', '内部链接', '站内链接'], 'internal linking anchor text'],
  [['锚文本'], 'anchor text'],
  [['外链', '反向链接'], 'links backlinks'],
  [['关键词', '关键字'], 'keyword research'],
  [['长尾'], 'long tail keywords'],
  [['主题集群', '话题集群', '内容集群'], 'topic clusters'],
  [['搜索意图', '用户意图', '意图'], 'search intent'],
  [['内容类型', '内容形式'], 'content types'],
  [['可读性', '易读'], 'readability'],
  [['图片', '配图', '图像'], 'images'],
  [['替代文本'], 'alt text'],
  [['结构化数据'], 'structured data'],
  [['技术seo', '抓取', '爬虫'], 'crawling technical'],
  [['收录', '索引'], 'indexing'],
  [['站点地图'], 'sitemap'],
  [['速度', '加载'], 'page speed core web vitals'],
  [['移动端', '手机'], 'mobile'],
  [['本地', '地图'], 'local'],
  [['评论', '评价', '口碑'], 'reviews'],
  [['百度'], 'baidu china'],
  [['中国市场', '国内市场'], 'china baidu'],
  [['产品页', '商品页', '详情页'], 'product pages'],
  [['分类页', '类目', '品类'], 'category pages'],
  [['电商', '网店', '独立站'], 'ecommerce'],
  [['医疗', '健康', '医学'], 'medical health ymyl'],
  [['金融', '理财', '财务'], 'finance ymyl'],
  [['信任', '可信', '权威', '专业性', '经验'], 'eeat trust expertise experience authority'],
  [['作者'], 'author authorship'],
  [['旅游', '旅行'], 'travel'],
  [['酒店', '民宿'], 'hotel hospitality'],
  [['餐饮', '餐厅', '菜单'], 'restaurant menu food'],
  [['食谱', '菜谱'], 'recipe'],
  [['咖啡'], 'coffee'],
  [['软件'], 'saas software'],
  [['企业', '外贸'], 'b2b'],
  [['竞争对手', '竞品'], 'competitors comparison'],
  [['人工智能', 'ai搜索', 'ai 搜索', '生成式'], 'ai search'],
  [['原创', '有用内容', '内容质量'], 'helpful content quality'],
  [['页面优化', '站内优化'], 'on-page'],
  [['标题层级', '小标题'], 'headings'],
  [['更新', '时效'], 'freshness updated'],
]

// Only Chinese keys: Latin keys would match inside English words ("alt" in "alternatives").
/** The query plus English equivalents of the Chinese SEO terms it contains. */
export function expandQuery(query: string): string {
  const text = query.normalize('NFKC').toLowerCase()
  const extra = CHINESE_TO_ENGLISH.filter(([terms]) => terms.some((t) => text.includes(t))).map(
    ([, english]) => english
  )
  return extra.length ? `${query} ${extra.join(' ')}` : query
}
