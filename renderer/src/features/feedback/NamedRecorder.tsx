import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { AnswerInput, Question, Survey } from '@shared/domain';
import { useMembersStore } from '../members/store';
import { AnswerForm } from './AnswerForm';
import { feedbackError } from './labels';
import { FormFailure } from '../../components/FormFailure';
import { useFeedbackStore } from './store';

interface NamedRecorderProps {
  survey: Survey;
  questions: Question[];
}

/** The facilitator types each member's answers as the round goes; a member's answers can be corrected. */
export function NamedRecorder({ survey, questions }: NamedRecorderProps) {
  const { t } = useTranslation();
  const { readResponse, submit } = useFeedbackStore.getState();
  const { members, loaded, load } = useMembersStore();
  const [editing, setEditing] = useState<{ memberId: number; initial: AnswerInput[] | undefined } | null>(null);
  const [saved, setSaved] = useState('');
  const [failure, setFailure] = useState('');

  useEffect(() => {
    if (!loaded) void load();
  }, [loaded, load]);

  // Where focus goes when the view changes: into the form opened, or back to the member's button.
  const form = useRef<HTMLElement>(null);
  const buttons = useRef(new Map<number, HTMLButtonElement>());
  const focusTarget = useRef<{ to: 'form' | 'member'; memberId: number } | null>(null);
  useLayoutEffect(() => {
    const target = focusTarget.current;
    focusTarget.current = null;
    if (target?.to === 'form') form.current?.querySelector<HTMLElement>('input, textarea, select, button')?.focus();
    else if (target) buttons.current.get(target.memberId)?.focus();
  }, [editing]);
  // The round has just started (the start button is gone): the first member's button takes the
  // focus as it appears, unless the facilitator is already somewhere else.
  const firstShown = useRef(true);
  const buttonShown = (memberId: number, button: HTMLButtonElement | null) => {
    if (!button) return void buttons.current.delete(memberId);
    buttons.current.set(memberId, button);
    if (!firstShown.current) return;
    firstShown.current = false;
    if (document.activeElement === null || document.activeElement === document.body) button.focus();
  };
  const closeForm = (memberId: number) => {
    focusTarget.current = { to: 'member', memberId };
    setEditing(null);
  };

  const visible = members.filter((m) => m.leftOn === null || survey.respondedMemberIds.includes(m.id));
  const editingMember = members.find((m) => m.id === editing?.memberId);

  const open = async (memberId: number) => {
    setSaved('');
    setFailure('');
    try {
      const response = await readResponse(survey.id, memberId);
      focusTarget.current = { to: 'form', memberId };
      setEditing({ memberId, initial: response?.answers });
    } catch (error) {
      setFailure(feedbackError(t, error));
    }
  };

  if (editing && editingMember) {
    return (
      <section className="fb-named-form" aria-labelledby="fb-named-title" ref={form}>
        <h3 id="fb-named-title">{t('feedback.named.answersOf', { name: editingMember.name })}</h3>
        <AnswerForm
          key={editing.memberId}
          draftKey={`survey:${survey.id}:member:${editing.memberId}`}
          questions={questions}
          initial={editing.initial}
          submitLabel={t('feedback.named.save')}
          onCancel={() => closeForm(editing.memberId)}
          onSubmit={async (answers) => {
            await submit(survey.id, editing.memberId, answers);
            setSaved(t('feedback.named.saved', { name: editingMember.name }));
            closeForm(editing.memberId);
          }}
        />
      </section>
    );
  }

  return (
    <div className="fb-named">
      <p className="muted">{t('feedback.named.help')}</p>
      <ul className="fb-named-list">
        {visible.map((member) => {
          const answered = survey.respondedMemberIds.includes(member.id);
          return (
            <li key={member.id} className="fb-named-row">
              <span className="fb-named-name">{member.name}</span>
              <span className={`badge${answered ? ' fb-badge-ok' : ''}`}>
                {answered ? t('feedback.named.answered') : t('feedback.named.notYet')}
              </span>
              <Button
                className="button button--secondary"
                onPress={() => void open(member.id)}
                ref={(button) => buttonShown(member.id, button)}
              >
                {answered ? t('feedback.named.edit', { name: member.name }) : t('feedback.named.record', { name: member.name })}
              </Button>
            </li>
          );
        })}
      </ul>
      <p className="save-status save-status--saved" role="status">
        {saved}
      </p>
      <FormFailure message={failure} />
    </div>
  );
}
