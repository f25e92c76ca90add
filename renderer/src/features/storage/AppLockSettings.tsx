import { useState, type FormEvent } from 'react';
import { Button, Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { IDLE_MINUTES } from '@shared/domain';
import { FormFailure } from '../../components/FormFailure';
import { issueAt, storageFailure } from './errors';
import { PassphraseField } from './PassphraseField';
import { useStorageStore } from './store';

const NEVER = 'start';

/** The optional app lock: a passphrase at start and after the chosen idle time. */
export function AppLockSettings() {
  const { t } = useTranslation();
  const status = useStorageStore((s) => s.status);
  const setAppLock = useStorageStore((s) => s.setAppLock);
  const [current, setCurrent] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [idle, setIdle] = useState<string>(String(status?.appLock.idleMinutes ?? 10));
  const [errors, setErrors] = useState({ currentPassphrase: '', passphrase: '', repeat: '' });
  const [failure, setFailure] = useState('');
  const [message, setMessage] = useState('');
  if (!status) return null;
  const on = status.appLock.on || status.protection === 'passphrase';

  const save = async (turnOff: boolean) => {
    setFailure('');
    setMessage('');
    if (!turnOff && passphrase !== repeat) return setErrors({ currentPassphrase: '', passphrase: '', repeat: 'passphrasesDiffer' });
    try {
      await setAppLock({
        passphrase: turnOff ? null : passphrase,
        idleMinutes: turnOff || idle === NEVER ? null : Number(idle),
        ...(on ? { currentPassphrase: current } : {}),
      });
      setErrors({ currentPassphrase: '', passphrase: '', repeat: '' });
      setCurrent('');
      setPassphrase('');
      setRepeat('');
      setMessage(t(turnOff ? 'storage.lock.turnedOff' : 'storage.lock.saved'));
    } catch (error) {
      const next = { currentPassphrase: issueAt(error, 'currentPassphrase'), passphrase: issueAt(error, 'passphrase'), repeat: '' };
      setErrors(next);
      if (!next.currentPassphrase && !next.passphrase) setFailure(storageFailure(t, error));
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(false);
  };

  return (
    <form onSubmit={submit} aria-label={t('storage.lock.title')} className="storage-form">
      <p className="muted" data-testid="app-lock-state">
        {t(status.protection === 'passphrase' && !status.appLock.on ? 'storage.lock.required' : on ? 'storage.lock.isOn' : 'storage.lock.isOff')}
      </p>
      {on && <PassphraseField label={t('storage.lock.current')} value={current} onChange={setCurrent} error={errors.currentPassphrase} />}
      <PassphraseField
        label={t(on ? 'storage.lock.newPassphrase' : 'storage.passphrase.new')}
        description={t('storage.passphrase.hint')}
        value={passphrase}
        onChange={setPassphrase}
        error={errors.passphrase}
        isNew
      />
      <PassphraseField label={t('storage.passphrase.repeat')} value={repeat} onChange={setRepeat} error={errors.repeat} isNew />
      <RadioGroup className="radio-group" value={idle} onChange={setIdle}>
        <Label className="field-label">{t('storage.lock.idle')}</Label>
        <Radio value={NEVER} className="radio">
          {t('storage.lock.onlyAtStart')}
        </Radio>
        {IDLE_MINUTES.map((minutes) => (
          <Radio key={minutes} value={String(minutes)} className="radio">
            {t('storage.lock.minutes', { count: minutes })}
          </Radio>
        ))}
      </RadioGroup>
      <p className="notice">{t('storage.lock.forgotten')}</p>
      <FormFailure message={failure} />
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      <div className="actions">
        <Button type="submit" className="button button--primary">
          {t(on ? 'storage.lock.change' : 'storage.lock.turnOn')}
        </Button>
        {on && status.appLock.canTurnOff && (
          <Button className="button button--secondary" onPress={() => void save(true)}>
            {t('storage.lock.turnOff')}
          </Button>
        )}
      </div>
    </form>
  );
}
