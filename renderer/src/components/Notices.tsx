import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/errors';
import { UNDO_SECONDS, useNotices, type Notice } from '../lib/notices';

/** Where "removed – Undo" notices appear; a landmark, so it can be found with the keyboard. */
export function Notices() {
  const { t } = useTranslation();
  const notices = useNotices((s) => s.notices);
  return (
    <section className="notices" aria-label={t('notices.label')}>
      {notices.map((notice) => (
        <NoticeItem key={notice.id} notice={notice} />
      ))}
    </section>
  );
}

function NoticeItem({ notice }: { notice: Notice }) {
  const { t } = useTranslation();
  const dismiss = useNotices((s) => s.dismiss);
  const undoButton = useRef<HTMLButtonElement>(null);
  const [held, setHeld] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');

  // Gone after a while, unless the user is on it.
  useEffect(() => {
    if (held || busy) return;
    const timer = setTimeout(() => dismiss(notice.id), UNDO_SECONDS * 1000);
    return () => clearTimeout(timer);
  }, [held, busy, dismiss, notice.id]);

  // The removed item took the focus with it: give it to Undo, so the keyboard is not lost.
  useEffect(() => {
    const timer = setTimeout(() => {
      if (!document.activeElement || document.activeElement === document.body) undoButton.current?.focus();
    }, 0);
    return () => clearTimeout(timer);
  }, []);

  const undo = async () => {
    setBusy(true);
    setFailure('');
    try {
      await notice.undo();
      dismiss(notice.id);
    } catch (error) {
      setFailure(t('notices.undoFailed', { message: errorMessage(t, error) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      className="toast"
      onPointerEnter={() => setHeld(true)}
      onPointerLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') dismiss(notice.id);
      }}
    >
      <p className="toast-message" role="status">
        {failure || notice.message}
      </p>
      <Button ref={undoButton} className="button button--secondary toast-undo" onPress={() => void undo()} isDisabled={busy}>
        {t('notices.undo')}
      </Button>
      <Button className="toast-close" aria-label={t('notices.close')} onPress={() => dismiss(notice.id)}>
        ×
      </Button>
    </div>
  );
}
