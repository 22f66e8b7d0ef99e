/**
 * @module i18n/server-codes/errors.zh-CN
 * 请求失败时的标题（问题出在哪里）和提示（该怎么做；每个错误代码用哪一条见 rules.ts），
 * 以及请求字段可能违反的规则。
 */
import type { errorsEn } from './errors.en'

export const errorsZhCN: Record<keyof typeof errorsEn, string> = {
  'error.reason': '原因：{reason}。',
  'error.cause.input': '输入有误',
  'error.cause.site': '无法读取该网站',
  'error.cause.aiSetup': 'AI 服务尚未配置',
  'error.cause.aiRefused': 'AI 服务拒绝了请求',
  'error.cause.aiFailed': 'AI 服务出错',
  'error.cause.aiTimeout': 'AI 服务响应超时',
  'error.cause.limit': '请求过于频繁',
  'error.cause.storage': '存储出错',
  'error.cause.searchConsole': '无法读取 Search Console',
  'error.cause.wordpress': 'WordPress 未接受请求',
  'error.cause.setup': '此服务器尚未设置',
  'error.cause.access': '需要访问密钥',
  'error.cause.forbidden': '此密钥无权访问',
  'error.cause.budget': 'AI 预算不足',
  'error.cause.missing': '找不到',
  'error.cause.conflict': '内容已变更或尚未就绪',
  'error.cause.mode': '当前模式不可用',
  'error.cause.aiOutage': 'Gemini 当前出现故障',
  'error.cause.restarting': '服务器正在重启',
  'error.cause.server': '请求未完成',
  'error.cause.network': '无法连接服务器',

  'error.why.input': '服务器未接受这次提交的内容。请检查输入；如果反复出现，请刷新页面。',
  'error.why.fields': '请修改下面列出的字段后再提交。',
  'error.why.tooLarge': '提交的内容太大了，请缩短后再提交。',
  'error.why.imageTooLarge': '图片太大了，请换一张更小的图片。',
  'error.why.imageType': '请使用 PNG、JPEG 或 WebP 格式的图片。',
  'error.why.siteDns': '网址中的域名不存在。请检查网址是否拼写有误后重新提交；原样重试不会有帮助。',
  'error.why.siteTls':
    '该网站的 HTTPS 证书无效或已过期，因此没有读取。请检查网址，或请网站所有者修复证书。',
  'error.why.siteUnreachable': '该网站拒绝或中断了连接，可能暂时无法访问。请稍后重试，或检查网址。',
  'error.why.siteTimeout': '该网站响应太慢。请稍后重试。',
  'error.why.siteBlocked':
    '该网站不允许自动读取（人机验证、需要登录或拒绝访问）。请输入该网站的其他页面，或手动填写品牌档案。',
  'error.why.siteNotHtml': '该网址是一个文件（如 PDF 或图片），不是网页。请输入网页的地址。',
  'error.why.sitePageMissing': '网站表示该页面不存在。请检查网址，或输入网站首页。',
  'error.why.siteUnreadable': '该页面没有可用的内容。请尝试网站首页或其他页面。',
  'error.why.urlNotAllowed':
    '无法读取该地址（内网或内部地址、特殊端口或协议）。请输入公开的 http(s) 网站地址。',
  'error.why.aiSetup':
    '此服务器尚未设置 AI 生成。请联系管理员添加 Gemini API 密钥或 Vertex AI 项目；在此之前重试不会有帮助。',
  'error.why.setup':
    '此服务器尚未设置这项功能（缺少 {variable}）。请联系管理员；在此之前重试不会有帮助。',
  'error.why.scCredentials':
    '服务器没有可用于读取 Search Console 的 Google 凭据。请联系管理员为其配置服务账号。',
  'error.why.scApiDisabled':
    '此服务器的 Google Cloud 项目尚未启用 Search Console API。请联系管理员启用。',
  'error.why.scForbidden':
    '服务器的账号无权读取 {property}。请在 Search Console 中将其添加为该资源的用户（设置 → 用户和权限），然后重试。',
  'error.why.scQuota': '该资源的 Search Console 配额暂时用完了，请稍后再试。',
  'error.why.scFailed': 'Search Console 出错或无法访问，请稍后重试。',
  'error.why.wpNotConnected': '请先连接 WordPress 网站：网站地址、用户名和应用程序密码。',
  'error.why.wpReconnect': '已保存的 WordPress 密码无法再读取，请重新连接该网站。',
  'error.why.wpPublished': '这篇文章已在网站上发布，请在网站上编辑。',
  'error.why.wpNotFound':
    '该地址没有响应的 WordPress REST API。请检查 WordPress 连接中的网站地址。',
  'error.why.wpUnauthorized': 'WordPress 拒绝了用户名或应用程序密码。请在 WordPress 连接中检查。',
  'error.why.wpForbidden': '该 WordPress 用户无权执行此操作。请使用可以发布文章的账号。',
  'error.why.wpFailed': 'WordPress 返回了错误，请稍后重试。',
  'error.why.aiCredentials': 'AI 服务拒绝了此服务器的凭据。请联系管理员检查 API 密钥或服务账号。',
  'error.why.aiModel': 'AI 服务不认识所配置的模型。请联系管理员检查模型设置。',
  'error.why.aiRejected': 'AI 服务认为请求无效。请先修改输入（缩短文字、换一张图片）再提交。',
  'error.why.aiBlocked': 'AI 服务因安全过滤而拒绝回答。请换一种说法或使用其他图片。',
  'error.why.aiFailed': 'AI 服务暂时出错或返回了无法使用的结果，请重试。',
  'error.why.aiCut': '回答在完成之前中断了，没有当作完整结果保存。请重试。',
  'error.why.aiTimeout': 'AI 服务没有及时回答，请重试。',
  'error.why.aiQuota': 'AI 服务的配额暂时用完了，请稍候再试。',
  'error.why.noCompetitors':
    'AI 没有找到可用的竞争对手网站。请手动添加竞争对手，或换一种说明后重试。',
  'error.why.imagesLost': '修改后的文章丢失了部分图片，因此保留了原文未作更改。请重试。',
  'error.why.rateLimited': '此服务器限制每分钟的请求数量，请稍候再试。',
  'error.why.storage': '服务器读写已保存的内容时出错。请重试；如果一直失败，请联系管理员检查存储。',
  'error.why.storageBusy': '有人正在修改同一项内容，请稍后重试。',
  'error.why.storedUnreadable': '无法读取一份已保存的文档，它可能已损坏。请联系管理员。',
  'error.why.access': '此服务器需要访问密钥：请在页面顶部输入管理员提供的密钥。',
  'error.why.missing': '请求的内容不存在或已被删除。',
  'error.why.conflict': '该内容已在别处被修改或已存在。请重新加载后再修改。',
  'error.why.notReady': '尚未就绪，请等待完成。',
  'error.why.mode': '此功能在当前服务器模式下不可用。',
  'error.why.aiOutage': '在 Gemini 恢复之前，请求会立即失败而不是一直等待；请稍后重试。',
  'error.why.restarting': '服务器在处理时重启了。没有保存任何半成品；请重试，将由另一个实例回答。',
  'error.why.videoTooLarge':
    '没有配置 Cloud Storage 存储桶时，这段视频太大，无法发送给 AI 服务；请联系管理员配置存储桶。',
  'error.why.server': '服务器出了点问题，请稍后重试。',
  'error.why.forbidden':
    '此访问密钥只能查看自己的工作区。如需查看其他工作区，请向管理员索取管理员密钥。',
  'error.why.budgetDay':
    '本工作区今日的 AI 预算不足以完成此请求（预算 {budget}，剩余 {remaining}），未向 AI 服务发送任何内容。预算将于 {resetsAt} 重置。',
  'error.why.budgetMonth':
    '本工作区本月的 AI 预算不足以完成此请求（预算 {budget}，剩余 {remaining}），未向 AI 服务发送任何内容。预算将于 {resetsAt} 重置。',
  'error.why.network': '请检查网络连接，然后重试。',
  'error.why.badResponse': '服务器返回了无法识别的响应（HTTP {status}）。',

  'field.required': '必填',
  'field.not_empty': '不能为空',
  'field.min_chars': '至少需要 {min} 个字符',
  'field.max_chars': '最多 {max} 个字符',
  'field.min_items': '至少需要 {min} 项',
  'field.max_items': '最多 {max} 项',
  'field.min_value': '不能小于 {min}',
  'field.max_value': '不能大于 {max}',
  'field.integer': '必须是整数',
  'field.url': '必须是有效的网址，例如 https://example.com',
  'field.format': '格式不正确',
  'field.one_of': '必须是以下之一：{options}',
  'field.wrong_type': '类型不正确（应为 {expected}）',
  'field.unknown_field': '未知字段：请去掉它',
  'field.own_site': '这是你自己的网站，不是竞争对手',
  'field.image_type': '必须是 PNG、JPEG 或 WebP 图片',
}
