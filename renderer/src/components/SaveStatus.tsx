import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/errors';
import type { SaveState } from '../lib/useAutosave';

/** A quiet, always-present indicator of whether what is on screen is safely stored. */
export function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  const text = (() => {
    switch (state.kind) {
      case 'idle':
        return '';
      case 'pending':
        return t('save.pending');
      case 'saving':
        return t('save.saving');
      case 'saved':
        return t('save.saved');
      case 'invalid':
        return t('save.invalid');
      case 'failed':
        return t('save.failed', { message: errorMessage(t, state.error) });
    }
  })();
  return (
    <p className={`save-status save-status--${state.kind}`} role="status" aria-live="polite" data-save-state={state.kind}>
      {state.kind === 'saved' && <span aria-hidden="true">✓ </span>}
      {text}
    </p>
  );
}
