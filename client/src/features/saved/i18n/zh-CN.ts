/**
 * @module features/saved/i18n/zh-CN
 * Saved-work messages in Simplified Chinese: the source of the keys (English must match).
 */
export const zhCN = {
  'saved.status.idle': '尚未保存',
  'saved.status.saving': '正在保存…',
  'saved.status.saved': '已保存到服务器 · {time}',
  'saved.status.savedNow': '已保存到服务器',
  'saved.status.offline': '服务器暂时无法访问：草稿已保存在本设备，恢复连接后会自动保存',
  'saved.status.conflict': '此内容已在别处更新，请选择保留哪个版本',
  'saved.status.error': '未能保存：{reason}',
  'saved.status.retry': '立即重试',
  'saved.conflict.title': '别处保存了更新的版本',
  'saved.conflict.body':
    '在你编辑期间，另一个窗口或设备保存了「{title}」的更新版本。为避免覆盖，你的修改尚未保存。',
  'saved.conflict.gone': '在你编辑期间，「{title}」已在别处被删除。',
  'saved.conflict.theirs': '载入对方的版本',
  'saved.conflict.theirsHint': '放弃本设备上未保存的修改。',
  'saved.conflict.mine': '保留我的版本',
  'saved.conflict.mineHint': '用你的版本覆盖服务器上的版本。',
  'saved.list.projects': '已保存的项目',
  'saved.list.profiles': '已保存的品牌档案',
  'saved.list.series': '已保存的图片系列',
  'saved.list.campaigns': '已保存的推广活动',
  'saved.list.empty': '还没有保存的内容。',
  'saved.list.loading': '正在载入列表…',
  'saved.list.updated': '更新于 {time}',
  'saved.list.open': '打开',
  'saved.list.current': '正在编辑',
  'saved.list.delete': '删除',
  'saved.list.more': '载入更多',
  'saved.delete.title': '删除「{title}」？',
  'saved.delete.body': '它会从服务器上删除，所有设备上都将无法再打开。此操作无法撤销。',
  'saved.delete.confirm': '删除',
  'saved.delete.done': '已删除「{title}」。',
  'saved.notFound': '找不到这个已保存的内容（可能已被删除）。',
} satisfies Record<string, string>
