import { useState, type FormEvent } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { FormFailure } from '../../components/FormFailure';
import { issueAt, storageFailure } from './errors';
import { PassphraseField } from './PassphraseField';
import { useStorageStore } from './store';

/** "Export everything": one file, encrypted with a passphrase the facilitator chooses. */
export function ExportAll() {
  const { t } = useTranslation();
  const exportAll = useStorageStore((s) => s.exportAll);
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState({ passphrase: '', repeat: '' });
  const [failure, setFailure] = useState('');
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure('');
    setDone('');
    if (passphrase !== repeat) return setErrors({ passphrase: '', repeat: 'passphrasesDiffer' });
    setBusy(true);
    try {
      const result = await exportAll(passphrase);
      setErrors({ passphrase: '', repeat: '' });
      if (result.delivery !== 'cancelled') setDone(t('storage.export.done', { where: result.where }));
      setPassphrase('');
      setRepeat('');
    } catch (error) {
      const field = issueAt(error, 'passphrase');
      setErrors({ passphrase: field, repeat: '' });
      if (!field) setFailure(storageFailure(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} aria-label={t('storage.export.title')} className="storage-form">
      <PassphraseField label={t('storage.passphrase.new')} description={t('storage.passphrase.hint')} value={passphrase} onChange={setPassphrase} error={errors.passphrase} isNew />
      <PassphraseField label={t('storage.passphrase.repeat')} value={repeat} onChange={setRepeat} error={errors.repeat} isNew />
      <FormFailure message={failure} />
      {done && (
        <p className="notice" role="status">
          {done}
        </p>
      )}
      <div className="actions">
        <Button type="submit" className="button button--primary" isDisabled={busy}>
          {busy ? t('storage.export.working') : t('storage.export.run')}
        </Button>
      </div>
    </form>
  );
}
