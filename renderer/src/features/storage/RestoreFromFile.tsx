import { useId, useState, type FormEvent } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { EXPORT_EXTENSION } from '@shared/domain';
import { useAppStore } from '../../app/store';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormFailure } from '../../components/FormFailure';
import { issueAt, storageFailure } from './errors';
import { PassphraseField } from './PassphraseField';
import { useStorageStore } from './store';
import './storage.css';

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

/** "Restore from file": reads a `.vertaistuki` export back; over existing data it asks first. */
export function RestoreFromFile() {
  const { t } = useTranslation();
  const importFile = useStorageStore((s) => s.importFile);
  const reload = useAppStore((s) => s.load);
  const hasGroup = useAppStore((s) => s.programme !== null);
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState({ file: '', passphrase: '' });
  const [failure, setFailure] = useState('');
  const [done, setDone] = useState('');
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setAsking(false);
    if (!file) return;
    setBusy(true);
    setFailure('');
    try {
      const result = await importFile(await base64Of(file), passphrase, hasGroup);
      setDone(t('storage.import.done', { name: result.programmeName ?? '' }));
      setPassphrase('');
      await reload();
    } catch (error) {
      const next = { file: issueAt(error, 'file'), passphrase: issueAt(error, 'passphrase') };
      setErrors(next);
      if (!next.file && !next.passphrase) setFailure(storageFailure(t, error));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    if (!file) return setErrors({ file: 'chooseFile', passphrase: '' });
    if (!passphrase) return setErrors({ file: '', passphrase: 'required' });
    setErrors({ file: '', passphrase: '' });
    if (hasGroup) setAsking(true);
    else void run();
  };

  return (
    <form onSubmit={submit} aria-label={t('storage.import.title')} className="storage-form">
      <div className="field">
        <label className="field-label" htmlFor={inputId}>
          {t('storage.import.file')}
        </label>
        <input
          id={inputId}
          type="file"
          accept={EXPORT_EXTENSION}
          className="input"
          aria-invalid={errors.file !== ''}
          aria-describedby={errors.file ? `${inputId}-error` : undefined}
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
        {errors.file && (
          <p className="field-error" id={`${inputId}-error`}>
            {t(`validation.${errors.file}`)}
          </p>
        )}
      </div>
      <PassphraseField label={t('storage.import.passphrase')} value={passphrase} onChange={setPassphrase} error={errors.passphrase} />
      <FormFailure message={failure} />
      {done && (
        <p className="notice" role="status">
          {done}
        </p>
      )}
      <div className="actions">
        <Button type="submit" className="button button--secondary" isDisabled={busy}>
          {busy ? t('storage.import.working') : t('storage.import.run')}
        </Button>
      </div>
      <ConfirmDialog
        isOpen={asking}
        title={t('storage.import.confirmTitle')}
        confirmLabel={t('storage.import.confirm')}
        onConfirm={() => void run()}
        onCancel={() => setAsking(false)}
      >
        <p>{t('storage.import.confirmBody')}</p>
      </ConfirmDialog>
    </form>
  );
}
