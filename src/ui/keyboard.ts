/** Input types where keys type text (and Backspace, Ctrl+Z, letters belong to the field, not the app). */
const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'time', 'datetime-local', 'month', 'week']);

/**
 * Whether a key press is typing into a field: the app's shortcuts (undo, delete a point, the loupe) then
 * leave it to the field. Sliders, buttons and checkboxes are not fields for this purpose.
 */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type);
}
