import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { isoDate, VersionSave, type Agreement, type AgreementVersion, type Member } from '@shared/domain';
import { formatDate, todayIso } from '@shared/vocabulary';
import { useAppStore } from '../../app/store';
import { DateInputField, TextInput } from '../../components/fields';
import { applyFieldIssues, errorMessage, toApiError } from '../../lib/errors';
import { offerUndo } from '../../lib/notices';
import { useAgreementStore } from './store';
import { FormFailure } from '../../components/FormFailure';
import { useReadOnly } from '../../components/readOnly';

/** "Save as agreed version", the list of versions and, per version, who accepted it and when. */
export function VersionsPanel({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const versions = [...agreement.versions].reverse();
  const readOnly = useReadOnly();
  return (
    <div className="page agreement-versions">
      {!readOnly && <SaveVersionForm agreement={agreement} />}
      {versions.length === 0 ? (
        <p className="empty-state">{t('agreement.versions.none')}</p>
      ) : (
        versions.map((version) => <VersionCard key={version.id} version={version} latest={version === versions[0]} />)
      )}
    </div>
  );
}

function SaveVersionForm({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const saveVersion = useAgreementStore((s) => s.saveVersion);
  const [saved, setSaved] = useState<number | null>(null);
  const [failure, setFailure] = useState('');
  const form = useForm<VersionSave>({ resolver: zodResolver(VersionSave), defaultValues: { agreedOn: todayIso(), note: '' } });
  const latest = agreement.versions.at(-1);
  // A version records a change the group agreed on: with nothing changed there is nothing to save.
  const unchanged = latest !== undefined && !agreement.draftDiffers;
  const submit = form.handleSubmit(async (values) => {
    setFailure('');
    setSaved(null);
    try {
      const version = await saveVersion(values);
      setSaved(version.number);
      form.reset({ agreedOn: values.agreedOn, note: '' });
    } catch (error) {
      if (toApiError(error).issues.some((issue) => issue.message === 'versionUnchanged')) setFailure(t('validation.versionUnchanged'));
      else if (!applyFieldIssues(error, form.setError)) setFailure(errorMessage(t, error));
    }
  });
  return (
    <section className="card" aria-labelledby="save-version-heading">
      <h2 id="save-version-heading">{t('agreement.versions.saveTitle')}</h2>
      <p className="muted">{t('agreement.versions.saveDescription')}</p>
      {unchanged && (
        <p className="notice" role="note" id="save-version-unchanged">
          {t('agreement.versions.sameAsLatest', { number: latest.number })}
        </p>
      )}
      <form className="fieldset" noValidate onSubmit={(e) => void submit(e)}>
        <div className="version-form-row">
          <DateInputField control={form.control} name="agreedOn" label={t('agreement.versions.agreedOn')} isRequired />
          <TextInput control={form.control} name="note" label={t('agreement.versions.note')} description={t('agreement.versions.noteHint')} />
        </div>
        <div>
          <Button type="submit" className="button button--primary" isDisabled={unchanged} aria-describedby={unchanged ? 'save-version-unchanged' : undefined}>
            {t('agreement.versions.save')}
          </Button>
        </div>
        <p role="status" className="save-status save-status--saved">
          {saved !== null ? t('agreement.versions.savedAs', { number: saved }) : ''}
        </p>
        <FormFailure message={failure} />
      </form>
    </section>
  );
}

function VersionCard({ version, latest }: { version: AgreementVersion; latest: boolean }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const members = useAgreementStore((s) => s.members);
  const accepted = new Map(version.acceptances.map((a) => [a.memberId, a.acceptedOn]));
  // everyone still in the group, plus anyone who accepted before leaving
  const shown = members.filter((m) => m.leftOn === null || accepted.has(m.id));
  return (
    <section className="card version-card" aria-labelledby={`version-${version.number}`} data-version={version.number}>
      <header className="card-header">
        <div>
          <h2 id={`version-${version.number}`}>
            {t('agreement.versions.title', { number: version.number })}
            {latest && <span className="badge version-latest">{t('agreement.versions.latest')}</span>}
          </h2>
          <p className="muted">
            {t('agreement.versions.agreedOnText', { date: formatDate(version.agreedOn, language) })}
            {version.note && <> · {version.note}</>}
          </p>
        </div>
        <p className="count-pill">{t('agreement.acceptance.count', { accepted: version.acceptances.length, total: shown.length })}</p>
      </header>
      <h3 className="visually-hidden">{t('agreement.acceptance.title')}</h3>
      <ul className="acceptance-list">
        {shown.map((member) => (
          <AcceptanceRow key={member.id} version={version} member={member} acceptedOn={accepted.get(member.id) ?? null} />
        ))}
      </ul>
    </section>
  );
}

const AcceptanceForm = z.object({ acceptedOn: isoDate });
type AcceptanceForm = z.infer<typeof AcceptanceForm>;

function AcceptanceRow({ version, member, acceptedOn }: { version: AgreementVersion; member: Member; acceptedOn: string | null }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const setAcceptance = useAgreementStore((s) => s.setAcceptance);
  const readOnly = useReadOnly();
  const [failure, setFailure] = useState('');
  const form = useForm<AcceptanceForm>({
    resolver: zodResolver(AcceptanceForm),
    // Members accept the version when it is agreed, usually in the same meeting: its date is the likely day.
    defaultValues: { acceptedOn: version.agreedOn },
  });
  const set = async (value: string | null) => {
    setFailure('');
    try {
      const undo = await setAcceptance(version.id, member.id, value);
      if (value === null) offerUndo(t('notices.acceptanceRemoved', { name: member.name }), undo);
    } catch (error) {
      if (!applyFieldIssues(error, form.setError)) setFailure(errorMessage(t, error));
    }
  };
  const submit = form.handleSubmit(({ acceptedOn: value }) => set(value));
  return (
    <li className="acceptance-row" data-member={member.name}>
      <span className="acceptance-name">{member.name}</span>
      {acceptedOn ? (
        <>
          <span className="acceptance-status acceptance-status--yes">
            <span aria-hidden="true">✓ </span>
            {t('agreement.acceptance.acceptedOn', { date: formatDate(acceptedOn, language) })}
          </span>
          {!readOnly && (
            <Button className="button button--quiet" onPress={() => void set(null)} aria-label={t('agreement.acceptance.undoFor', { name: member.name })}>
              {t('agreement.acceptance.undo')}
            </Button>
          )}
        </>
      ) : (
        <>
          <span className="acceptance-status">{t('agreement.acceptance.notYet')}</span>
          {!readOnly && <form className="acceptance-form" noValidate onSubmit={(e) => void submit(e)} aria-label={t('agreement.acceptance.formFor', { name: member.name })}>
            <DateInputField control={form.control} name="acceptedOn" label={t('agreement.acceptance.date')} isRequired />
            <Button type="submit" className="button button--secondary" aria-label={t('agreement.acceptance.recordFor', { name: member.name })}>
              {t('agreement.acceptance.record')}
            </Button>
          </form>}
        </>
      )}
      <FormFailure message={failure} />
    </li>
  );
}
