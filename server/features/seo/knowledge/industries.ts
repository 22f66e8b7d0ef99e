/**
 * @module seo/knowledge/industries
 * The industry tags documents are filed under, and the mapping from a project's free-text industry
 * ("Specialty coffee e-commerce", "跨境电商") to those tags, so retrieval can favour the right notes.
 */

export const INDUSTRY_TAGS = [
  'all',
  'ecommerce',
  'saas',
  'b2b',
  'local-services',
  'healthcare',
  'finance',
  'travel',
  'hospitality',
  'food-beverage',
  'fashion',
  'education',
] as const

export type IndustryTag = (typeof INDUSTRY_TAGS)[number]

/**
 * Synonyms per tag, `|`-separated. Latin-script words and phrases match as whole words (plural
 * endings allowed); Chinese terms match as substrings, since Chinese has no spaces between words.
 * Some terms belong to several tags on purpose: a dental clinic is both healthcare and local.
 */
const SYNONYMS: Record<Exclude<IndustryTag, 'all'>, { words: string; chinese: string }> = {
  ecommerce: {
    words:
      'ecommerce|online store|online shop|webshop|eshop|dtc|d2c|direct to consumer|marketplace|' +
      'shopify|woocommerce|amazon seller|retail|retailer|cross border',
    chinese: '电商|电子商务|网店|商城|独立站|零售|淘宝|天猫|京东|拼多多',
  },
  saas: {
    words: 'saas|software|app|cloud|platform|api|plugin|crm|erp|devtool',
    chinese: '软件|云服务|应用程序|小程序|系统开发',
  },
  b2b: {
    words:
      'b2b|enterprise|wholesale|manufacturing|manufacturer|industrial|supplier|distributor|' +
      'logistics|agency|consulting|consultancy|professional services',
    chinese: '企业服务|外贸|工业|制造|批发|供应商|工厂|采购|物流',
  },
  'local-services': {
    words:
      'local|near me|home services|plumber|plumbing|electrician|hvac|roofing|roofer|landscaping|' +
      'cleaning|cleaner|locksmith|moving company|contractor|repair|salon|barber|spa|gym|dentist|' +
      'dental|clinic|law firm|lawyer|attorney|realtor|real estate agent|restaurant|cafe|café|bakery',
    chinese:
      '本地|同城|家政|维修|装修|门店|律所|律师|美容院|理发|诊所|牙科|餐厅|餐馆|咖啡馆|咖啡店',
  },
  healthcare: {
    words:
      'health|healthcare|medical|medicine|clinic|hospital|doctor|dentist|dental|pharmacy|pharma|' +
      'wellness|supplement|nutrition|therapy|therapist|telehealth|medtech|biotech|physiotherapy',
    chinese: '医疗|健康|医院|诊所|药|保健|牙科|医美|养生|心理',
  },
  finance: {
    words:
      'finance|financial|fintech|bank|banking|insurance|insurer|loan|lending|mortgage|credit|' +
      'investing|investment|wealth|crypto|accounting|accountant|tax|payments|pension|retirement|' +
      'trading',
    chinese: '金融|银行|保险|理财|贷款|投资|基金|证券|财务|会计|税务|信用卡|支付',
  },
  travel: {
    words:
      'travel|tourism|tour|tour operator|hotel|hostel|resort|airline|flight|cruise|vacation|' +
      'holiday|destination|trip|itinerary|vacation rental',
    chinese: '旅游|旅行|酒店|民宿|机票|景区|出行|度假',
  },
  hospitality: {
    words: 'hospitality|hotel|hostel|resort|inn|guesthouse|lodge|bed and breakfast',
    chinese: '酒店|民宿|餐饮|度假村|宾馆',
  },
  'food-beverage': {
    words:
      'food|beverage|drink|coffee|tea|restaurant|cafe|café|bakery|wine|beer|brewery|spirits|' +
      'recipe|snack|grocery|chocolate|catering|meal kit|juice',
    chinese: '餐饮|咖啡|茶|食品|饮料|饮品|餐厅|烘焙|零食|美食|菜谱|食谱|葡萄酒|啤酒|白酒',
  },
  fashion: {
    words:
      'fashion|apparel|clothing|clothes|shoe|footwear|jewelry|jewellery|beauty|cosmetics|' +
      'skincare|makeup|handbag|streetwear|eyewear',
    chinese: '服装|时尚|服饰|鞋|珠宝|美妆|护肤|箱包|女装|男装',
  },
  education: {
    words:
      'education|edtech|school|university|college|course|elearning|e learning|tutoring|training|' +
      'academy|bootcamp',
    chinese: '教育|培训|课程|学校|留学|在线学习',
  },
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

// Whole words only, so "app" does not match "apparel" nor "tea" match "team".
const wordPattern = (words: string[]) =>
  new RegExp(`(?<![a-z0-9])(?:${words.map(escapeRegExp).join('|')})(?:s|es)?(?![a-z0-9])`)

const MATCHERS = Object.entries(SYNONYMS).map(([tag, synonyms]) => ({
  tag: tag as IndustryTag,
  words: wordPattern([...synonyms.words.split('|'), tag.replace('-', ' ')]),
  chinese: synonyms.chinese.split('|'),
}))

/** Lowercased, width-folded, punctuation as spaces; "E-Commerce" becomes "ecommerce". */
function normalizeIndustryText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\be[\s-]?commerce\b/g, 'ecommerce')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** The industry tags a free-text industry belongs to (never `all`); empty when none fit. */
export function industryTagsFor(industry: string | undefined): IndustryTag[] {
  if (!industry) return []
  const text = normalizeIndustryText(industry)
  if (!text) return []
  return MATCHERS.filter(
    (m) => m.words.test(text) || m.chinese.some((term) => text.includes(term))
  ).map((m) => m.tag)
}
