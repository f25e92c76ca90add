import { useState, type FormEvent } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { StorageStatus } from '@shared/domain';
import { useAppStore } from '../../app/store';
import { FormFailure } from '../../components/FormFailure';
import { issueAt, storageFailure } from './errors';
import { PassphraseField } from './PassphraseField';
import { useStorageStore } from './store';

/**
 * Before the data opens: the app lock's passphrase, or — on a computer with no keyring to keep the
 * key — the passphrase that protects the data, chosen on the first start. Says why, and says
 * honestly that without the passphrase the data cannot be opened.
 */
export function UnlockScreen({ status }: { status: StorageStatus }) {
  const { t } = useTranslation();
  const unlock = useStorageStore((s) => s.unlock);
  const choose = useStorageStore((s) => s.choosePassphrase);
  const reload = useAppStore((s) => s.load);
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState({ passphrase: '', repeat: '' });
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const choosing = status.state === 'choosePassphrase';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure('');
    if (choosing && passphrase !== repeat) {
      setErrors({ passphrase: '', repeat: 'passphrasesDiffer' });
      return;
    }
    setBusy(true);
    try {
      await (choosing ? choose(passphrase) : unlock(passphrase));
      await reload();
    } catch (error) {
      const field = issueAt(error, 'passphrase');
      setErrors({ passphrase: field, repeat: '' });
      if (!field) setFailure(storageFailure(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="centered">
      <div className="card card--narrow">
        <h1>{t(choosing ? 'storage.unlock.chooseTitle' : 'storage.unlock.title')}</h1>
        <p className="lead">{t(`storage.unlock.reason_${status.reason ?? 'appLock'}`)}</p>
        <form onSubmit={(event) => void submit(event)} aria-label={t(choosing ? 'storage.unlock.chooseTitle' : 'storage.unlock.title')}>
          <PassphraseField
            label={t(choosing ? 'storage.passphrase.new' : 'storage.passphrase.label')}
            value={passphrase}
            onChange={setPassphrase}
            error={errors.passphrase}
            autoFocus
            isNew={choosing}
            {...(choosing ? { description: t('storage.passphrase.hint') } : {})}
          />
          {choosing && <PassphraseField label={t('storage.passphrase.repeat')} value={repeat} onChange={setRepeat} error={errors.repeat} isNew />}
          <p className="notice">{t('storage.unlock.forgotten')}</p>
          <FormFailure message={failure} />
          <div className="actions">
            <Button type="submit" className="button button--primary" isDisabled={busy}>
              {t(choosing ? 'storage.unlock.choose' : 'storage.unlock.open')}
            </Button>
          </div>
        </form>
      </div>
    </main>
  );
}
