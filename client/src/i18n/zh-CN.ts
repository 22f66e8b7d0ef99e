/**
 * @module i18n/zh-CN
 * Simplified Chinese messages: the default language and the source of the message keys
 * (every other table must provide the same keys).
 */
export const zhCN = {
  'app.name': 'AIS Studio',
  'app.tagline': 'AI 增长工作室',
  'app.skip': '跳到主要内容',
  'app.loading': '加载中…',

  'common.copy': '复制',
  'common.copied': '已复制',
  'common.copyFailed': '无法复制，请手动选择文本',
  'common.close': '关闭',
  'common.cancel': '取消',
  'common.save': '保存',
  'common.remove': '删除',
  'common.add': '添加',
  'common.loading': '正在处理…',
  'common.stop': '停止',

  'nav.label': '主导航',
  'nav.launch': '首页',
  'nav.seo': 'SEO 内容',
  'nav.image': 'AI 图片',
  'nav.video': 'AI 视频',
  'nav.usage': 'AI 用量',
  'nav.brand': '品牌档案',
  'brand.title': '品牌档案',
  'lang.label': '语言',

  'banner.aiNone':
    '此服务器尚未配置 AI：请在服务器环境中设置 Gemini API 密钥（或 Vertex AI 项目）并重启服务。在此之前，AI 功能不可用。',
  'banner.capabilitiesFailed': '无法读取此服务器的能力：{message}',
  'banner.aiFailing':
    'Gemini 当前出现故障。在它恢复之前，AI 请求会立即失败；请在 {seconds} 秒后重试。',
  'banner.demo':
    '演示模式：这里的所有 AI 回答都来自脚本化的演示模型，不是真实的 Gemini 结果，仅用于体验界面流程。',
  'banner.demoSite': '品牌分析需要能访问到的网站：演示提供了示例网站 {url}。',
  'banner.modelsSubstituted':
    'Google 已不再提供此服务器配置的部分模型；在更新配置之前，由以下模型代替：',
  'banner.modelSubstituted': '{role}：使用 {to} 代替 {from}',
  'banner.modelsUnserved': 'Google 不提供此服务器配置使用的模型，相关功能在修改配置之前无法使用：',
  'banner.modelUnserved': '{role}：{model}',
  'models.role.fast': '快速任务',
  'models.role.text': '分析',
  'models.role.writing': '写作',
  'models.role.image': '图片',
  'models.role.imagePro': '高品质图片',
  'models.role.imageLite': '缩略图',
  'models.role.video': '视频（Gemini Omni）',
  'models.role.veo': '视频（Veo）',
  'models.role.veoFast': '快速视频（Veo）',
  'models.role.upscale': '放大',
  'models.role.segment': '去除背景',
  'auth.note': '此服务器的 API 需要访问密钥。请输入管理员提供的密钥，它只保存在当前标签页中。',
  'auth.label': '访问密钥',
  'auth.save': '保存',
  'auth.clear': '清除',
  'auth.saved': '访问密钥已保存在当前标签页。',

  'launch.title': '今天想做什么增长？',
  'launch.lead':
    '输入网站地址或描述你的想法：AIS Studio 会判断你需要 SEO 内容、AI 图片还是 AI 视频，并打开对应的工作流。',
  'launch.inputLabel': '你的需求',
  'launch.placeholder': '例如：为 https://www.example.com 做内容 SEO 分析',
  'launch.hint': '按 Enter 提交，Shift+Enter 换行。',
  'launch.submit': '开始',
  'launch.submitting': '分析中…',
  'launch.examples': '试试这些示例',
  'launch.example.seo': '为 https://www.example.com 做内容 SEO 分析',
  'launch.example.demo': '分析演示示例网站 {url} 的内容 SEO',
  'launch.example.image': '生成一张清晨咖啡馆的产品海报图片',
  'launch.example.video': '制作一段新款跑鞋在城市夜跑的短视频',
  'launch.needUrl': '要开始 SEO 分析，请输入完整的网站地址（例如 https://www.example.com）。',
  'launch.other':
    '这看起来不是 SEO、图片或视频请求。AI 的理解是：“{query}”。请换个说法，或从下面的工作流开始。',
  'launch.workflows': '工作流',
  'launch.card.seo': '从网站诊断到竞品、策略、大纲、成文与元数据的完整内容 SEO 流程。',
  'launch.card.image': '创意总监、提示词优化、设计灵感，生成与编辑图片。',
  'launch.card.video': '用 Gemini Omni 或 Veo 3.1，从文字、首帧、首尾帧或参考图生成视频。',

  'seo.title': 'SEO 内容工作流',
  'seo.lead':
    '输入一个网站，AIS Studio 会先诊断它的内容 SEO，再和你一起完成竞品分析、内容策略与一篇可发布的文章。',

  'image.title': 'AI 图片工作室',
  'image.lead':
    '描述你想要的画面：创意总监会决定新建还是编辑，可以先优化提示词或获取设计灵感，再生成、放大或去除背景。',
  'image.current': '当前描述：{prompt}',
  'image.none': '尚未输入描述。',

  'video.title': 'AI 视频工作室',

  'studio.soon': '这个工作室的交互界面即将上线；你的描述已保存在地址中，可以随时回来。',

  'notFound.title': '找不到页面',
  'notFound.body': '地址 {path} 没有对应的页面。',
  'notFound.home': '返回首页',

  'error.requestId': '请求 ID：{id}',
  'error.retryAfter': '请在 {seconds} 秒后重试。',
  'error.retry': '重试',
  'error.retryIn': '{seconds} 秒后可重试',
  'error.details': '服务器说明：{message}',
  'error.field': '字段 {field}：{message}',

  'campaign.title': '推广活动',
  'nav.campaign': '推广活动',
  'launch.card.campaign': '把文章或一句需求变成各平台帖子、各尺寸图片和中英文版本，一个文件导出。',
  'seo.publish.campaign': '用这篇文章做推广活动',
} satisfies Record<string, string>

export type MessageKey = keyof typeof zhCN
