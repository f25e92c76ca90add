import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { Button, Form } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { requiredText, type MeetingDetail } from '@shared/domain';
import { TextInput } from '../../../components/fields';
import { applyFieldIssues, errorMessage } from '../../../lib/errors';
import { offerUndo } from '../../../lib/notices';
import { useKeptDraft } from '../../../lib/useAutosave';
import { FormFailure } from '../../../components/FormFailure';
import { focusFirstField } from '../../../lib/focus';
import { useMeetingsStore } from '../store';

const ThemeName = z.object({ name: requiredText(120) });

export interface ThemesHandle {
  focus: () => void;
}

/** Themes discussed: reusable tags. The planned theme and earlier themes are one press away. */
export function Themes({ detail, handle }: { detail: MeetingDetail; handle?: Ref<ThemesHandle> }) {
  const { t } = useTranslation();
  const known = useMeetingsStore((s) => s.themes);
  const { loadThemes, addTheme, removeTheme } = useMeetingsStore.getState();
  const [failure, setFailure] = useState('');
  const form = useForm({ resolver: zodResolver(ThemeName), defaultValues: { name: '' } });
  const added = useKeptDraft(form, `meeting:${detail.id}:new-theme`);
  const adder = useRef<HTMLFormElement>(null);
  useImperativeHandle(handle, () => ({ focus: () => focusFirstField(adder.current) }), []);

  useEffect(() => {
    loadThemes().catch(() => undefined);
  }, [loadThemes]);

  const add = async (name: string) => {
    setFailure('');
    try {
      await addTheme(detail.id, name);
      return true;
    } catch (error) {
      if (!applyFieldIssues(error, form.setError)) setFailure(errorMessage(t, error));
      return false;
    }
  };
  const submit = form.handleSubmit(async ({ name }) => {
    if (await add(name)) {
      form.reset({ name: '' });
      added();
      setTimeout(() => form.setFocus('name'), 0);
    }
  });
  const remove = async (themeId: number, name: string) => {
    setFailure('');
    try {
      offerUndo(t('notices.themeRemoved', { text: name }), await removeTheme(detail.id, themeId));
    } catch (error) {
      setFailure(errorMessage(t, error));
    }
  };

  const here = new Set(detail.themes.map((theme) => theme.name.toLocaleLowerCase()));
  const planned = detail.plannedTheme.trim();
  const suggestions = known.filter((theme) => !here.has(theme.name.toLocaleLowerCase())).slice(0, 8);

  return (
    <section className="card meeting-card" aria-labelledby={`themes-${detail.id}`}>
      <h2 id={`themes-${detail.id}`}>{t('meetings.themes')}</h2>
      <p className="muted">{t('meetings.themesHint')}</p>
      {detail.themes.length === 0 ? (
        <p className="empty-state">{t('meetings.noThemes')}</p>
      ) : (
        <ul className="chips" aria-label={t('meetings.themesDiscussed')}>
          {detail.themes.map((theme) => (
            <li key={theme.id} className="chip">
              {theme.name}
              <Button className="chip-remove" aria-label={t('meetings.removeTheme', { theme: theme.name })} onPress={() => void remove(theme.id, theme.name)}>
                ×
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className="theme-suggestions">
        {planned && !here.has(planned.toLocaleLowerCase()) && (
          <Button className="button button--secondary" onPress={() => void add(planned)}>
            {t('meetings.addPlannedTheme', { theme: planned })}
          </Button>
        )}
        {suggestions.map((theme) => (
          <Button key={theme.id} className="chip chip--suggestion" onPress={() => void add(theme.name)}>
            + {theme.name}
          </Button>
        ))}
      </div>
      <Form ref={adder} className="item-add" aria-label={t('meetings.addTheme')} validationBehavior="aria" onSubmit={(event) => void submit(event)}>
        <TextInput control={form.control} name="name" label={t('meetings.themeName')} isRequired />
        <Button type="submit" className="button button--secondary item-add-button">
          {t('meetings.addTheme')}
        </Button>
      </Form>
      <FormFailure message={failure} />
    </section>
  );
}
