/**
 * @module features/saved/i18n/en
 * Saved-work messages in English; the type makes a missing or extra key a compile error.
 */
import type { zhCN } from './zh-CN'

export const en: Record<keyof typeof zhCN, string> = {
  'saved.status.idle': 'Not saved yet',
  'saved.status.saving': 'Saving…',
  'saved.status.saved': 'Saved to the server · {time}',
  'saved.status.savedNow': 'Saved to the server',
  'saved.status.offline':
    'The server cannot be reached: the draft is kept on this device and saved when it is back',
  'saved.status.conflict': 'This was changed elsewhere: choose which version to keep',
  'saved.status.error': 'Not saved: {reason}',
  'saved.status.retry': 'Try again now',
  'saved.conflict.title': 'A newer version was saved elsewhere',
  'saved.conflict.body':
    'While you were editing, another window or device saved a newer version of “{title}”. Your changes are not saved yet, so nothing was overwritten.',
  'saved.conflict.gone': 'While you were editing, “{title}” was deleted elsewhere.',
  'saved.conflict.theirs': 'Reload theirs',
  'saved.conflict.theirsHint': 'Drops the changes not saved from this device.',
  'saved.conflict.mine': 'Keep mine',
  'saved.conflict.mineHint': 'Saves your version over the one on the server.',
  'saved.list.projects': 'Saved projects',
  'saved.list.profiles': 'Saved brand profiles',
  'saved.list.series': 'Saved image series',
  'saved.list.campaigns': 'Saved campaigns',
  'saved.list.empty': 'Nothing saved yet.',
  'saved.list.loading': 'Loading the list…',
  'saved.list.updated': 'Updated {time}',
  'saved.list.open': 'Open',
  'saved.list.current': 'Open now',
  'saved.list.delete': 'Delete',
  'saved.list.more': 'Load more',
  'saved.delete.title': 'Delete “{title}”?',
  'saved.delete.body':
    'It is deleted from the server and can no longer be opened on any device. This cannot be undone.',
  'saved.delete.confirm': 'Delete',
  'saved.delete.done': '“{title}” was deleted.',
  'saved.notFound': 'This saved item could not be found (it may have been deleted).',
}
