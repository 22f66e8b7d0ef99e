/**
 * @module features/video/labels
 * Display names of the video model roles, in the current language (a role the studio has no
 * name for shows its id).
 */
import type { VideoMessageKey } from './i18n'

const ROLE_KEYS: Record<string, VideoMessageKey> = {
  video: 'video.role.video',
  veo: 'video.role.veo',
  veoFast: 'video.role.veoFast',
}

export const roleLabel = (t: (key: VideoMessageKey) => string, role: string): string => {
  const key = ROLE_KEYS[role]
  return key ? t(key) : role
}
