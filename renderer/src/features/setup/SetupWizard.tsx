import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ProgrammeFields, type MemberFields } from '@shared/domain';
import { call } from '../../api';
import { useAppStore } from '../../app/store';
import { applyFieldIssues, errorMessage } from '../../lib/errors';
import { ProgrammeFieldset } from '../group/ProgrammeFieldset';
import { AddMemberForm } from '../members/AddMemberForm';
import { LanguageSelect } from '../settings/LanguageSelect';
import { FormFailure } from '../../components/FormFailure';
import { RestoreFromFile } from '../storage/RestoreFromFile';

const EMPTY_PROGRAMME: ProgrammeFields = { name: '', organisation: '', facilitatorName: '', startDate: '', endDate: '' };

/** First start: the programme, then its members; both are saved together when the group is created. */
export function SetupWizard() {
  const { t } = useTranslation();
  const setProgramme = useAppStore((s) => s.setProgramme);
  const [step, setStep] = useState<1 | 2>(1);
  const [members, setMembers] = useState<MemberFields[]>([]);
  const [failure, setFailure] = useState('');
  const [creating, setCreating] = useState(false);
  const form = useForm({ resolver: zodResolver(ProgrammeFields), defaultValues: EMPTY_PROGRAMME });

  const toMembers = form.handleSubmit(() => setStep(2));

  const create = async () => {
    setFailure('');
    setCreating(true);
    try {
      const programme = await call('programme.setup', { programme: form.getValues(), members });
      setProgramme(programme);
    } catch (error) {
      if (applyFieldIssues(error, (path, value) => form.setError(String(path).replace(/^programme\./, '') as never, value))) {
        setStep(1);
      }
      setFailure(errorMessage(t, error));
    } finally {
      setCreating(false);
    }
  };

  return (
    <main className="setup">
      <div className="setup-top">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <LanguageSelect includeSystem={false} />
      </div>
      <div className="card setup-card">
        <p className="muted">{t('setup.stepOf', { step, total: 2 })}</p>
        <h1>{t('setup.title')}</h1>
        <p className="lead">{t('setup.intro')}</p>
        <ol className="steps" aria-label={t('setup.title')}>
          <li aria-current={step === 1 ? 'step' : undefined}>{t('setup.programmeStep')}</li>
          <li aria-current={step === 2 ? 'step' : undefined}>{t('setup.membersStep')}</li>
        </ol>

        {step === 1 ? (
          <form onSubmit={(event) => void toMembers(event)} aria-label={t('setup.programmeStep')}>
            <h2>{t('setup.programmeStep')}</h2>
            <ProgrammeFieldset control={form.control} />
            <div className="actions">
              <Button type="submit" className="button button--primary">
                {t('common.next')}
              </Button>
            </div>
          </form>
        ) : (
          <section aria-labelledby="setup-members-heading">
            <h2 id="setup-members-heading">{t('setup.membersStep')}</h2>
            <p className="muted">{t('setup.membersIntro')}</p>
            {members.length === 0 ? (
              <p className="empty-state">{t('setup.noMembersYet')}</p>
            ) : (
              <ul className="setup-members" aria-label={t('members.title')}>
                {members.map((member, index) => (
                  <li key={`${member.name}-${index}`}>
                    <span className="setup-member-name">{member.name}</span>
                    {member.role && <span className="muted"> · {member.role}</span>}
                    {member.email && <span className="muted"> · {member.email}</span>}
                    <Button
                      className="button button--quiet"
                      aria-label={t('setup.removeMember', { name: member.name })}
                      onPress={() => setMembers((list) => list.filter((_, i) => i !== index))}
                    >
                      {t('common.remove')}
                    </Button>
                  </li>
                ))}
              </ul>
            )}
            <AddMemberForm onAdd={async (member) => setMembers((list) => [...list, member])} />
            <FormFailure message={failure} />
            <div className="actions">
              <Button className="button button--secondary" onPress={() => setStep(1)}>
                {t('common.back')}
              </Button>
              <Button className="button button--primary" onPress={() => void create()} isDisabled={creating}>
                {creating ? t('setup.creating') : t('setup.create')}
              </Button>
            </div>
          </section>
        )}
      </div>
      {step === 1 && (
        <section className="card setup-card setup-restore" aria-labelledby="setup-restore-heading">
          <h2 id="setup-restore-heading">{t('setup.restoreTitle')}</h2>
          <p className="muted">{t('setup.restoreIntro')}</p>
          <RestoreFromFile />
        </section>
      )}
    </main>
  );
}
