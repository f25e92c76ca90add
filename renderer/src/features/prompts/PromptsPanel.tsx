import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { MAX_PROMPT_LENGTH, PROMPT_BANK, PROMPT_MOMENTS, PROMPT_PHASES, promptText, type PromptMoment } from '@shared/domain';
import { useAppStore } from '../../app/store';
import { TextInput } from '../../components/fields';
import { FormFailure } from '../../components/FormFailure';
import { applyFieldIssues, errorMessage } from '../../lib/errors';
import { useAutosavedForm } from '../../lib/useAutosave';
import { SaveStatus } from '../../components/SaveStatus';
import { offerUndo } from '../../lib/notices';
import { usePromptsStore } from './store';
import './prompts.css';

/** The facilitator picks reflection prompts for the meeting's check-in and closing rounds, from the bank or their own. */
export function PromptsPanel({ meetingId }: { meetingId: number }) {
  const { t } = useTranslation();
  const load = usePromptsStore((s) => s.load);
  const [failure, setFailure] = useState('');
  useEffect(() => {
    load(meetingId).catch((error: unknown) => setFailure(errorMessage(t, error)));
  }, [load, meetingId, t]);
  return (
    <section className="card meeting-card" aria-labelledby={`prompts-${meetingId}`}>
      <h2 id={`prompts-${meetingId}`}>{t('prompts.title')}</h2>
      <p className="muted">{t('prompts.hint')}</p>
      <FormFailure message={failure} />
      {PROMPT_MOMENTS.map((moment) => (
        <MomentPrompts key={moment} meetingId={meetingId} moment={moment} />
      ))}
    </section>
  );
}

function MomentPrompts({ meetingId, moment }: { meetingId: number; moment: PromptMoment }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const { prompts, add, remove } = usePromptsStore();
  const chosen = prompts.filter((p) => p.meetingId === meetingId && p.moment === moment);
  const taken = new Set(chosen.map((p) => p.bankKey));
  const [bankKey, setBankKey] = useState('');
  const [failure, setFailure] = useState('');
  const selectId = useId();

  const run = async (action: () => Promise<void>) => {
    setFailure('');
    try {
      await action();
    } catch (error) {
      setFailure(errorMessage(t, error));
    }
  };
  const addFromBank = () =>
    run(async () => {
      if (!bankKey) return;
      await add(meetingId, moment, { bankKey });
      setBankKey('');
    });
  const drop = (id: number, text: string) =>
    run(async () => {
      const undo = await remove(id);
      offerUndo(t('prompts.removed', { text }), undo);
    });

  return (
    <div className="prompt-moment">
      <h3 className="subheading">{t(`prompts.moment_${moment}`)}</h3>
      {chosen.length === 0 ? (
        <p className="muted">{t('prompts.none')}</p>
      ) : (
        <ol className="prompt-list" aria-label={t(`prompts.moment_${moment}`)}>
          {chosen.map((p) => {
            const text = promptText(p, language);
            return (
              <li key={p.id}>
                {p.bankKey === null ? <OwnPromptWording id={p.id} text={p.text} index={chosen.indexOf(p) + 1} moment={moment} /> : <span>{text}</span>}{' '}
                <Button className="button button--quiet" aria-label={t('prompts.remove', { text })} onPress={() => void drop(p.id, text)}>
                  {t('prompts.removeShort')}
                </Button>
              </li>
            );
          })}
        </ol>
      )}
      <div className="form-row prompt-row">
        <div className="field">
          <label className="field-label" htmlFor={selectId}>
            {t(`prompts.fromBank_${moment}`)}
          </label>
          <select id={selectId} className="input" value={bankKey} onChange={(event) => setBankKey(event.target.value)}>
            <option value="">{t('prompts.choose')}</option>
            {PROMPT_PHASES.map((phase) => (
              <optgroup key={phase} label={t(`prompts.phase_${phase}`)}>
                {PROMPT_BANK.filter((b) => b.phase === phase && !taken.has(b.key)).map((b) => (
                  <option key={b.key} value={b.key}>
                    {b[language]}
                    {b.moment === moment ? '' : ` (${t(`prompts.fits_${b.moment}`)})`}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <Button className="button button--secondary" isDisabled={!bankKey} onPress={() => void addFromBank()}>
          {t(`prompts.addBank_${moment}`)}
        </Button>
      </div>
      <OwnPromptForm meetingId={meetingId} moment={moment} />
      <FormFailure message={failure} />
    </div>
  );
}

const OwnPrompt = z.object({ text: z.string().trim().min(1, 'required').max(MAX_PROMPT_LENGTH, 'tooLong') });

/** The wording of the facilitator's own prompt, saved as it is typed. */
function OwnPromptWording({ id, text, index, moment }: { id: number; text: string; index: number; moment: PromptMoment }) {
  const { t } = useTranslation();
  const update = usePromptsStore((s) => s.update);
  const { form, state, flush } = useAutosavedForm({
    key: `prompt:${id}`,
    schema: OwnPrompt,
    values: { text },
    save: (values) => update(id, values.text),
  });
  return (
    <form className="prompt-wording" onBlur={() => void flush()} onSubmit={(event) => event.preventDefault()}>
      <TextInput control={form.control} name="text" label={t(`prompts.wording_${moment}`, { number: index })} isRequired />
      <SaveStatus state={state} />
    </form>
  );
}

/** The facilitator's own prompt, added with Enter or the button. */
function OwnPromptForm({ meetingId, moment }: { meetingId: number; moment: PromptMoment }) {
  const { t } = useTranslation();
  const add = usePromptsStore((s) => s.add);
  const [failure, setFailure] = useState('');
  const form = useForm({ resolver: zodResolver(OwnPrompt), defaultValues: { text: '' } });
  const submit = form.handleSubmit(async ({ text }) => {
    setFailure('');
    try {
      await add(meetingId, moment, { text });
      form.reset({ text: '' });
      setTimeout(() => form.setFocus('text'), 0);
    } catch (error) {
      if (!applyFieldIssues(error, form.setError)) setFailure(errorMessage(t, error));
    }
  });
  return (
    <Form
      className="form-row prompt-row"
      aria-label={t(`prompts.own_${moment}`)}
      validationBehavior="aria"
      onSubmit={(event) => {
        if (form.formState.isSubmitting) event.preventDefault();
        else void submit(event);
      }}
    >
      <TextInput control={form.control} name="text" label={t(`prompts.own_${moment}`)} />
      <Button type="submit" className="button button--secondary">
        {t('prompts.addOwn')}
      </Button>
      <FormFailure message={failure} />
    </Form>
  );
}

/** In meeting mode: the prompts chosen for this round, in large type, read-only. */
export function LivePrompts({ meetingId, moment }: { meetingId: number; moment: PromptMoment }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const { prompts, load } = usePromptsStore();
  useEffect(() => {
    void load(meetingId).catch(() => undefined);
  }, [load, meetingId]);
  const chosen = prompts.filter((p) => p.meetingId === meetingId && p.moment === moment);
  if (chosen.length === 0) return null;
  return (
    <section className="card live-prompts" aria-label={t(`prompts.moment_${moment}`)}>
      <h2>{t(`prompts.moment_${moment}`)}</h2>
      <ol className="live-prompt-list">
        {chosen.map((p) => (
          <li key={p.id}>{promptText(p, language)}</li>
        ))}
      </ol>
    </section>
  );
}
