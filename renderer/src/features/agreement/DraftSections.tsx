import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { GOAL_KINDS, MAX_MEETING_MINUTES, MIN_MEETING_MINUTES, Practicalities, type Agreement, type GoalKind } from '@shared/domain';
import { useAppStore } from '../../app/store';
import { FormRow, TextAreaInput, TextInput } from '../../components/fields';
import { useReadOnly } from '../../components/readOnly';
import { SaveStatus } from '../../components/SaveStatus';
import { useAutosavedForm } from '../../lib/useAutosave';
import { ProgrammeForm } from '../group/ProgrammeForm';
import { ItemList } from './ItemList';
import { useAgreementStore } from './store';

/** The parties: the programme (edited here or on the group page: one record) and the members. */
export function PartiesSection() {
  const { t } = useTranslation();
  const programme = useAppStore((s) => s.programme);
  const navigate = useAppStore((s) => s.navigate);
  const members = useAgreementStore((s) => s.members).filter((m) => m.leftOn === null);
  const readOnly = useReadOnly();
  return (
    <section className="agreement-section agreement-parties" aria-labelledby="agreement-parties-heading">
      <h2 id="agreement-parties-heading" className="agreement-section-title">
        {t('agreement.parties.title')}
      </h2>
      {programme && <ProgrammeForm programme={programme} />}
      <div className="card">
        <h3>{t('agreement.parties.members')}</h3>
        {members.length === 0 ? (
          <p className="empty-state">{t('agreement.parties.noMembers')}</p>
        ) : (
          <ul className="agreement-members">
            {members.map((member) => (
              <li key={member.id}>
                <span className="agreement-member-name">{member.name}</span>
                {member.role && <span className="muted"> · {member.role}</span>}
              </li>
            ))}
          </ul>
        )}
        {!readOnly && (
          <Button className="button button--quiet" onPress={() => navigate('group')}>
            {t('agreement.parties.editMembers')}
          </Button>
        )}
      </div>
    </section>
  );
}

/** The organisation's goals, the members' expectations and the group's own goals. */
export function GoalsSection({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const { addGoal, updateGoal, removeGoal, reorderGoals } = useAgreementStore.getState();
  return (
    <section className="card agreement-section" aria-labelledby="agreement-goals-heading">
      <h2 id="agreement-goals-heading">{t('agreement.goals.title')}</h2>
      <p className="muted">{t('agreement.goals.description')}</p>
      {GOAL_KINDS.map((kind: GoalKind) => (
        <section key={kind} className="agreement-goal-group" aria-labelledby={`goals-${kind}`}>
          <h3 id={`goals-${kind}`}>{t(`agreement.goals.kind_${kind}`)}</h3>
          <ItemList
            listId={`goals-${kind}`}
            itemKind="goal"
            items={agreement.goals.filter((goal) => goal.kind === kind)}
            itemLabel={(index) => t(`agreement.goals.item_${kind}`, { number: index + 1 })}
            newLabel={t(`agreement.goals.new_${kind}`)}
            addLabel={t('agreement.goals.add')}
            emptyText={t('agreement.goals.empty')}
            removedText={(text) => t('notices.goalRemoved', { text })}
            onUpdate={updateGoal}
            onAdd={(text) => addGoal(kind, text)}
            onRemove={removeGoal}
            onReorder={(ids) => reorderGoals(kind, ids)}
          />
        </section>
      ))}
    </section>
  );
}

export function RulesSection({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const { addRule, updateRule, removeRule, reorderRules } = useAgreementStore.getState();
  return (
    <section className="card agreement-section" aria-labelledby="agreement-rules-heading">
      <h2 id="agreement-rules-heading">{t('agreement.rules.title')}</h2>
      <p className="muted">{t('agreement.rules.description')}</p>
      <ItemList
        listId="rules"
        itemKind="rule"
        ordered
        items={agreement.rules}
        itemLabel={(index) => t('agreement.rules.item', { number: index + 1 })}
        newLabel={t('agreement.rules.new')}
        addLabel={t('agreement.rules.add')}
        emptyText={t('agreement.rules.empty')}
        removedText={(text) => t('notices.ruleRemoved', { text })}
        onUpdate={updateRule}
        onAdd={addRule}
        onRemove={removeRule}
        onReorder={reorderRules}
      />
    </section>
  );
}

const PracticalitiesForm = Practicalities.extend({
  meetingMinutes: z.union([
    z.literal(''),
    z
      .string()
      .trim()
      .regex(/^\d{1,3}$/, { error: 'invalidMeetingLength' })
      .refine((v) => Number(v) >= MIN_MEETING_MINUTES && Number(v) <= MAX_MEETING_MINUTES, { error: 'invalidMeetingLength' }),
  ]),
});
type PracticalitiesForm = z.infer<typeof PracticalitiesForm>;

export function PracticalitiesSection({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const savePracticalities = useAgreementStore((s) => s.savePracticalities);
  const p = agreement.practicalities;
  const { form, state, flush } = useAutosavedForm<PracticalitiesForm>({
    key: 'agreement:practicalities',
    schema: PracticalitiesForm,
    values: { ...p, meetingMinutes: p.meetingMinutes === null ? '' : String(p.meetingMinutes) },
    save: (values) => savePracticalities({ ...values, meetingMinutes: values.meetingMinutes === '' ? null : Number(values.meetingMinutes) }),
  });
  const label = (key: keyof Practicalities) => t(`agreement.practicalities.${key}`);
  return (
    <section className="card agreement-section" aria-labelledby="agreement-practicalities-heading">
      <header className="card-header">
        <div>
          <h2 id="agreement-practicalities-heading">{t('agreement.practicalities.title')}</h2>
          <p className="muted">{t('agreement.practicalities.description')}</p>
        </div>
        <SaveStatus state={state} />
      </header>
      <form className="fieldset" onBlur={() => void flush()} onSubmit={(e) => e.preventDefault()}>
        <FormRow>
          <TextInput control={form.control} name="duration" label={label('duration')} />
          <TextInput control={form.control} name="meetingFrequency" label={label('meetingFrequency')} />
          <TextInput
            control={form.control}
            name="meetingMinutes"
            label={label('meetingMinutes')}
            description={t('agreement.practicalities.meetingMinutesHint')}
          />
        </FormRow>
        <FormRow>
          <TextAreaInput control={form.control} name="workingTime" label={label('workingTime')} rows={2} />
          <TextAreaInput control={form.control} name="costs" label={label('costs')} rows={2} />
        </FormRow>
        <FormRow>
          <TextAreaInput control={form.control} name="contact" label={label('contact')} rows={2} />
          <TextAreaInput control={form.control} name="tasks" label={label('tasks')} rows={2} />
        </FormRow>
        <TextAreaInput control={form.control} name="confidentiality" label={label('confidentiality')} rows={3} />
      </form>
    </section>
  );
}
