/**
 * @module composables/useModalDialog
 * A `<dialog ref="dialog">` that is open as a modal exactly while `isOpen()` is true: shown with
 * `showModal()` (focus trap, Escape, inert page) once it is rendered, closed when the state says so.
 */
import { nextTick, useTemplateRef, watch } from 'vue'

export function useModalDialog(isOpen: () => boolean, onOpen?: () => void) {
  const dialog = useTemplateRef<HTMLDialogElement>('dialog')
  watch(
    isOpen,
    async (open) => {
      await nextTick()
      const element = dialog.value
      if (!element) return
      if (open && !element.open) {
        onOpen?.()
        element.showModal()
      }
      if (!open && element.open) element.close()
    },
    { immediate: true }
  )
  return dialog
}
