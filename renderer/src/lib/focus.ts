/**
 * Moves focus to the first text field inside `container` now. react-hook-form's `setFocus` waits
 * for a timer, and a busy machine runs key presses before timers: what was typed right after a
 * shortcut went nowhere. `atEnd` puts the caret after the text, so typing goes on where it ends.
 */
export function focusFirstField(container: Element | null, atEnd = false): void {
  const field = container?.querySelector<HTMLInputElement | HTMLTextAreaElement>('textarea, input[type="text"], input:not([type])');
  if (!field) return;
  field.focus();
  if (atEnd) field.setSelectionRange(field.value.length, field.value.length);
}
