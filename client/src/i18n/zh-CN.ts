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

  'nav.label': '主导航',
  'nav.launch': '首页',
  'nav.seo': 'SEO 内容',
  'nav.image': 'AI 图片',
  'nav.video': 'AI 视频',
  'lang.label': '语言',

  'banner.aiNone':
    '此服务器尚未配置 AI：请在服务器环境中设置 Gemini API 密钥（或 Vertex AI 项目）并重启服务。在此之前，AI 功能不可用。',
  'banner.capabilitiesFailed': '无法读取此服务器的能力：{message}',
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
  'launch.example.image': '生成一张清晨咖啡馆的产品海报图片',
  'launch.example.video': '制作一段新款跑鞋在城市夜跑的短视频',
  'launch.needUrl': '要开始 SEO 分析，请输入完整的网站地址（例如 https://www.example.com）。',
  'launch.other':
    '这看起来不是 SEO、图片或视频请求。AI 的理解是：“{query}”。请换个说法，或从下面的工作流开始。',
  'launch.workflows': '工作流',
  'launch.card.seo': '从网站诊断到竞品、策略、大纲、成文与元数据的完整内容 SEO 流程。',
  'launch.card.image': '创意总监、提示词优化、设计灵感，生成与编辑图片。',
  'launch.card.video': '使用 Veo 从文字、参考图或首尾帧生成视频。',

  'workflow.inputHeading': '起点',
  'workflow.update': '更新',
  'workflow.building': '此工作流的交互步骤正在建设中；上面的输入就是它的起点。',
  'workflow.aiNeeded': '此工作流需要 AI；当前服务器未配置 AI。',
  'workflow.stepsHeading': '工作流步骤',

  'seo.title': 'SEO 内容工作流',
  'seo.lead':
    '输入一个网站，AIS Studio 会先诊断它的内容 SEO，再和你一起完成竞品分析、内容策略与一篇可发布的文章。',
  'seo.urlLabel': '网站地址',
  'seo.urlPlaceholder': 'https://www.example.com',
  'seo.current': '当前网站：{url}',
  'seo.none': '尚未选择网站。',
  'seo.step.diagnosis': '网站内容 SEO 诊断',
  'seo.step.competitors': '竞品搜索与分析',
  'seo.step.strategy': '内容策略看板',
  'seo.step.brief': '内容简报',
  'seo.step.research': '网络研究与大纲',
  'seo.step.article': '撰写、润色与配图',
  'seo.step.qa': '发布前检查、自动修正与元数据',

  'image.title': 'AI 图片工作室',
  'image.lead':
    '描述你想要的画面：创意总监会决定新建还是编辑，可以先优化提示词或获取设计灵感，再生成、放大或去除背景。',
  'image.promptLabel': '图片描述',
  'image.current': '当前描述：{prompt}',
  'image.none': '尚未输入描述。',

  'video.title': 'AI 视频工作室',
  'video.lead':
    '描述一段视频，或提供参考图、首尾帧：Veo 会在后台生成，任务可以随时查看、下载或删除。',
  'video.promptLabel': '视频描述',
  'video.current': '当前描述：{prompt}',
  'video.none': '尚未输入描述。',

  'notFound.title': '找不到页面',
  'notFound.body': '地址 {path} 没有对应的页面。',
  'notFound.home': '返回首页',

  'error.title': '请求未完成',
  'error.requestId': '请求 ID：{id}',
  'error.retryAfter': '请在 {seconds} 秒后重试。',
  'error.network': '无法连接服务器，请检查网络后重试。',
  'error.badResponse': '服务器返回了无法识别的响应（HTTP {status}）。',
  'error.status.400': '输入有误',
  'error.status.401': '需要访问密钥',
  'error.status.429': '请求过于频繁',
  'error.status.502': 'AI 服务出错',
  'error.status.503': '服务未配置',
  'error.status.504': 'AI 服务超时',
} satisfies Record<string, string>

export type MessageKey = keyof typeof zhCN
