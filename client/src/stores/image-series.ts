/**
 * @module stores/image-series
 * The open image series (Pinia setup store): its canvas items with undo and redo, the
 * selection, the staging strip and the chat. Title and items are saved to the library
 * (`image-series`, autosaved with its ETag through document-sync, conflicts asked); the chat and
 * the waiting candidates are kept on this device beside it. A new series is created on the
 * server with its first image.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { MediaRef } from '../api/image'
import {
  canRedo,
  canUndo,
  emptyHistory,
  type History,
  record,
  redo as redoStep,
  undo as undoStep,
} from '../features/image/canvas/history'
import {
  addImage,
  type CanvasItem,
  moveItems,
  type NewImage,
  newItemId,
  removeItems,
} from '../features/image/canvas/items'
import { clickSelect, pruneSelection, single } from '../features/image/canvas/selection'
import {
  asExtras,
  type Candidate,
  type ChatMessage,
  emptyExtras,
  newSeriesId,
  type SeriesExtras,
  toDocument,
} from '../features/image/series-document'
import { currentLocale } from '../i18n'
import { createDocumentSync } from './document-sync'
import { persistence, plain, rememberOpen } from './persistence'

const KIND = 'image-series'
const extrasKey = (id: string) => `local:${KIND}/${id}`
const UNTITLED = { 'zh-CN': '未命名图片系列', en: 'Untitled image series' } as const

export const useImageSeriesStore = defineStore('image-series', () => {
  const id = ref<string>()
  const title = ref('')
  const items = shallowRef<CanvasItem[]>([])
  const selection = shallowRef<string[]>([])
  const history = shallowRef<History<CanvasItem[]>>(emptyHistory())
  const extras = shallowRef<SeriesExtras>(emptyExtras())
  /** Pixel sizes of the images seen (from their media refs, or read when they load). */
  const natural = shallowRef<Record<string, { width: number; height: number }>>({})
  /** Whether the series exists on the server yet (it is created with its first image). */
  const created = ref(false)
  const sync = createDocumentSync(KIND)

  const selected = computed(() => {
    const one = single(selection.value)
    return one ? items.value.find((i) => i.id === one) : undefined
  })
  const byId = (itemId: string) => items.value.find((i) => i.id === itemId)

  function save(): void {
    if (!id.value || !created.value) return
    sync.schedule(toDocument(title.value, items.value, UNTITLED[currentLocale()]))
  }

  function keepExtras(): void {
    if (id.value) void persistence().device.set(extrasKey(id.value), plain(extras.value))
  }

  /** The canvas becomes `next`; recorded for undo unless `recordIt` is false. */
  function change(next: CanvasItem[], recordIt = true): void {
    if (recordIt) history.value = record(history.value, items.value)
    items.value = next
    selection.value = pruneSelection(selection.value, next)
    if (next.length && !created.value) {
      created.value = true
      if (id.value) rememberOpen(KIND, id.value)
    }
    save()
  }

  function noteSize(media: Pick<MediaRef, 'id' | 'width' | 'height'>): void {
    if (!media.width || !media.height) return
    natural.value = { ...natural.value, [media.id]: { width: media.width, height: media.height } }
  }

  /** Places a new image where it belongs, selects it and answers its item. */
  function place(media: MediaRef, details: Omit<NewImage, 'mediaId' | 'width' | 'height'>) {
    ensureId()
    noteSize(media)
    const itemId = newItemId()
    change(addImage(items.value, { ...details, mediaId: media.id, ...sizeOf(media) }, itemId))
    selection.value = [itemId]
    return byId(itemId) as CanvasItem
  }

  const sizeOf = (media: Pick<MediaRef, 'width' | 'height'>) => ({
    ...(media.width ? { width: media.width } : {}),
    ...(media.height ? { height: media.height } : {}),
  })

  // Moving: the drag changes positions live; the whole drag is one step to undo.
  let moveStart: CanvasItem[] | undefined
  function beginMove(): void {
    moveStart = items.value
  }
  function moveLive(ids: readonly string[], dx: number, dy: number): void {
    items.value = moveItems(items.value, ids, dx, dy)
  }
  function endMove(): void {
    const before = moveStart
    moveStart = undefined
    if (!before || before === items.value) return
    const moved = items.value.some((item, i) => item.x !== before[i]?.x || item.y !== before[i]?.y)
    if (!moved) return
    history.value = record(history.value, before)
    save()
  }
  /** One keyboard or toolbar move of the selection: its own undo step. */
  function moveBy(ids: readonly string[], dx: number, dy: number): void {
    if (ids.length) change(moveItems(items.value, ids, dx, dy))
  }

  /** Every item showing `mediaId` gets `patch` (facts about the image, not an undoable edit). */
  function annotate(mediaId: string, patch: Partial<Pick<CanvasItem, 'brandCheck'>>): void {
    if (!items.value.some((i) => i.mediaId === mediaId)) return
    items.value = items.value.map((i) => (i.mediaId === mediaId ? { ...i, ...patch } : i))
    save()
  }

  function remove(ids: readonly string[]): void {
    if (ids.length) change(removeItems(items.value, ids))
  }

  function undo(): void {
    const step = undoStep(history.value, items.value)
    if (!step) return
    history.value = step.history
    change(step.state, false)
  }

  function redo(): void {
    const step = redoStep(history.value, items.value)
    if (!step) return
    history.value = step.history
    change(step.state, false)
  }

  function select(itemId: string, additive = false): void {
    selection.value = clickSelect(selection.value, itemId, additive)
  }
  function setSelection(ids: string[]): void {
    selection.value = pruneSelection(ids, items.value)
  }

  function rename(next: string): void {
    title.value = next.slice(0, 200)
    save()
  }

  function addMessage(message: Omit<ChatMessage, 'id'>): string {
    ensureId()
    const messageId = newItemId()
    extras.value = { ...extras.value, chat: [...extras.value.chat, { ...message, id: messageId }] }
    keepExtras()
    return messageId
  }
  function updateMessage(messageId: string, change: (m: ChatMessage) => ChatMessage): void {
    extras.value = {
      ...extras.value,
      chat: extras.value.chat.map((m) => (m.id === messageId ? change(m) : m)),
    }
    keepExtras()
  }

  /** A new image waits in the staging strip. */
  function stage(media: MediaRef, prompt: string, sourceItemId?: string): void {
    ensureId()
    noteSize(media)
    const candidate: Candidate = {
      id: newItemId(),
      media,
      prompt,
      ...(sourceItemId ? { sourceItemId } : {}),
      createdAt: new Date().toISOString(),
    }
    extras.value = { ...extras.value, staged: [...extras.value.staged, candidate] }
    keepExtras()
  }
  function dropCandidate(candidateId: string): Candidate | undefined {
    const candidate = extras.value.staged.find((c) => c.id === candidateId)
    extras.value = {
      ...extras.value,
      staged: extras.value.staged.filter((c) => c.id !== candidateId),
    }
    keepExtras()
    return candidate
  }
  /** Keeps a candidate: placed on the canvas (beside its source's chain) and off the strip. */
  function keep(candidateId: string): CanvasItem | undefined {
    const candidate = dropCandidate(candidateId)
    if (!candidate) return undefined
    const source = candidate.sourceItemId ? byId(candidate.sourceItemId) : undefined
    return place(candidate.media, {
      prompt: candidate.prompt,
      ...(source?.parentId ? { parentId: source.parentId } : {}),
    })
  }

  function reset(nextId: string | undefined): void {
    id.value = nextId
    title.value = ''
    items.value = []
    selection.value = []
    history.value = emptyHistory()
    extras.value = emptyExtras()
    created.value = false
  }

  /** The open series keeps what it has; without one, a new id is given to what arrives. */
  function ensureId(): void {
    if (id.value) return
    id.value = newSeriesId()
    sync.attach(id.value)
  }

  /** A new, empty series (created on the server with its first image). */
  function startNew(seriesId = newSeriesId()): string {
    reset(seriesId)
    sync.attach(seriesId)
    return seriesId
  }

  function show(document: { title: string; items: CanvasItem[] }) {
    title.value = document.title
    items.value = document.items
    created.value = true
  }

  /** Opens saved series `seriesId`; resolves false when it exists nowhere. */
  async function open(seriesId: string): Promise<boolean> {
    if (id.value === seriesId && created.value) return true
    const absent = !(await onServer(seriesId).catch(() => true))
    const saved = await sync.open(seriesId, absent)
    if (!saved) return false
    reset(seriesId)
    show(saved)
    extras.value = asExtras(await persistence().device.get(extrasKey(seriesId)))
    rememberOpen(KIND, seriesId)
    return true
  }

  /** Whether the server has `seriesId` (from the listing, so nothing missing is asked for). */
  async function onServer(seriesId: string): Promise<boolean> {
    const page = await persistence().library.list(KIND)
    return page.items.some((item) => item.id === seriesId) || Boolean(page.nextCursor)
  }

  /** The conflict answer: their version shown, or mine saved over it. */
  async function resolveConflict(choice: 'theirs' | 'mine'): Promise<void> {
    const theirs = await sync.resolve(choice)
    if (choice !== 'theirs') return
    if (theirs) {
      history.value = emptyHistory()
      show(theirs)
      selection.value = pruneSelection(selection.value, items.value)
    } else startNew()
  }

  /** Forgets the open series (after it was deleted, or to start another). */
  function close(): void {
    sync.detach()
    reset(undefined)
    rememberOpen(KIND, undefined)
  }

  globalThis.addEventListener?.('pagehide', () => sync.keepPendingDraft())

  return {
    id,
    title,
    items,
    selection,
    selected,
    created,
    natural,
    chat: computed(() => extras.value.chat),
    staged: computed(() => extras.value.staged),
    canUndo: computed(() => canUndo(history.value)),
    canRedo: computed(() => canRedo(history.value)),
    saveStatus: sync.status,
    saveError: sync.error,
    conflict: sync.conflict,
    savedAt: sync.savedAt,
    retrySave: sync.flush,
    flush: sync.flush,
    byId,
    noteSize,
    place,
    beginMove,
    moveLive,
    endMove,
    moveBy,
    annotate,
    remove,
    undo,
    redo,
    select,
    setSelection,
    rename,
    addMessage,
    updateMessage,
    stage,
    discard: dropCandidate,
    keep,
    startNew,
    open,
    resolveConflict,
    close,
  }
})
