/**
 * @module i18n/server-codes/reasons.zh-CN
 * 页面、文件或地址无法读取或使用的原因（服务器的原因代码）。
 */
import type { reasonsEn } from './reasons.en'

export const reasonsZhCN: Record<keyof typeof reasonsEn, string> = {
  'reason.host_not_found': '域名无法解析',
  'reason.tls_failed': '其 TLS 证书无法验证',
  'reason.connection_refused': '连接被拒绝',
  'reason.connection_closed': '连接被关闭',
  'reason.host_unreachable': '主机无法访问',
  'reason.connection_failed': '连接失败',
  'reason.timed_out': '{seconds} 秒内没有完整的响应',
  'reason.wrong_type': '返回的内容类型是 {type}，需要 {expected}',
  'reason.no_type': '返回的内容没有声明类型，需要 {expected}',
  'reason.too_large': '返回的内容超过 {size}',
  'reason.too_many_redirects': '网站重定向超过 {max} 次',
  'reason.bad_redirect': '网站重定向到了无效的地址',
  'reason.not_http': '只能读取 http 和 https 地址',
  'reason.has_credentials': '不接受包含用户名或密码的地址',
  'reason.port_not_allowed': '不允许使用端口 {port}',
  'reason.no_host': '地址中没有主机名',
  'reason.internal_host': '该主机名属于内部服务',
  'reason.address_not_public': '该地址不是公网地址',
  'reason.resolves_not_public': '该域名指向的不是公网地址',
  'reason.url_too_long': '地址过长',
  'reason.invalid_url': '不是有效的地址',
  'reason.http_status': '网站返回 HTTP {status}',
  'reason.http_401': '网站返回 HTTP {status}（需要登录）',
  'reason.http_403': '网站返回 HTTP {status}（拒绝访问）',
  'reason.http_404': '网站返回 HTTP {status}（页面不存在）',
  'reason.http_410': '网站返回 HTTP {status}（页面已删除）',
  'reason.http_429': '网站返回 HTTP {status}（请求过多）',
  'reason.bot_check': '网站显示了人机验证或拒绝访问页面，而不是正文内容',
  'reason.not_found_page': '该地址显示的是“页面不存在”页面',
  'reason.no_text': '页面几乎没有可读文字（可能需要 JavaScript 才能显示内容）',
  'reason.little_text': '页面上的文字很少',
  'reason.off_site': '它重定向到了其他网站',
  'reason.out_of_time': '读取更多页面的时间已用完',
  'reason.unreadable': '无法读取',
  'reason.not_stored': '无法保存',
  'reason.not_image': '内容不是 PNG、JPEG、GIF、WebP、AVIF、ICO 或 SVG 图片',
}
