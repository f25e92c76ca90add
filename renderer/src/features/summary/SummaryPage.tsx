import { useEffect, useState } from 'react';
import { Button, Checkbox, Label, Radio, RadioGroup, Switch } from 'react-aria-components';
import { useController, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  LANGUAGES,
  SUMMARY_SECTIONS,
  SummarySettings,
  type ExportLogEntry,
  type SummarySection,
} from '@shared/domain';
import { formatDateTime } from '@shared/vocabulary';
import { useAppStore } from '../../app/store';
import { TextAreaInput } from '../../components/fields';
import { SaveStatus } from '../../components/SaveStatus';
import { deliver } from '../../lib/download';
import { errorMessage } from '../../lib/errors';
import { useAutosavedForm } from '../../lib/useAutosave';
import { CloseProgramme } from './CloseProgramme';
import { ClosedArchive } from './ClosedArchive';
import { DocumentPreview } from './DocumentPreview';
import { useSummaryStore } from './store';
import './summary.css';
import { ExportProgress } from '../../components/ExportProgress';
import { FormFailure } from '../../components/FormFailure';

/** The summary builder: choose sections, write conclusions, see the document, export it. */
export function SummaryPage() {
  const { t } = useTranslation();
  const { settings, preview, log, archive, load } = useSummaryStore();
  const [failure, setFailure] = useState('');

  useEffect(() => {
    load().catch((error: unknown) => setFailure(errorMessage(t, error)));
  }, [load, t]);

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1 className="page-title">{t('summary.title')}</h1>
          <p className="muted">{t('summary.intro')}</p>
        </div>
      </header>
      <FormFailure message={failure} />
      <div className="summary-layout">
        <div className="summary-side">
          {archive?.archivedAt && <ClosedArchive archivedAt={archive.archivedAt} wipedAt={archive.wipedAt} />}
          {settings && !archive?.archivedAt && <SettingsForm settings={settings} />}
          <ExportPanel />
          <ExportLog log={log} />
          {archive && !archive.archivedAt && <CloseProgramme canClose={log.length > 0} />}
        </div>
        <section className="card summary-preview" aria-labelledby="preview-heading">
          <h2 id="preview-heading">{t('summary.preview')}</h2>
          <p className="muted">{t('summary.previewHint')}</p>
          {preview && <DocumentPreview document={preview} />}
        </section>
      </div>
    </div>
  );
}

function SettingsForm({ settings }: { settings: SummarySettings }) {
  const { t } = useTranslation();
  const saveSettings = useSummaryStore((s) => s.saveSettings);
  const { form, state, flush } = useAutosavedForm<SummarySettings>({
    key: 'summary:settings',
    schema: SummarySettings,
    values: settings,
    save: saveSettings,
    delay: 300,
  });
  return (
    <section className="card" aria-labelledby="contents-heading">
      <header className="card-header">
        <h2 id="contents-heading">{t('summary.contents')}</h2>
        <SaveStatus state={state} />
      </header>
      <form className="fieldset" onBlur={() => void flush()} onSubmit={(e) => e.preventDefault()}>
        <fieldset className="checkbox-list">
          <legend className="visually-hidden">{t('summary.contents')}</legend>
          {SUMMARY_SECTIONS.map((section) => (
            <SectionToggle key={section} control={form.control} section={section} />
          ))}
        </fieldset>
        <NamesSwitch control={form.control} />
        <LanguageChoice control={form.control} />
        <TextAreaInput
          control={form.control}
          name="conclusions"
          label={t('summary.conclusions')}
          description={t('summary.conclusionsHint')}
          rows={6}
        />
      </form>
    </section>
  );
}

function SectionToggle({ control, section }: { control: Control<SummarySettings>; section: SummarySection }) {
  const { t } = useTranslation();
  const { field } = useController({ control, name: `sections.${section}` });
  return (
    <Checkbox className="checkbox" isSelected={field.value} onChange={field.onChange}>
      <span className="checkbox-box" aria-hidden="true">
        ✓
      </span>
      {t(`summary.section_${section}`)}
    </Checkbox>
  );
}

function NamesSwitch({ control }: { control: Control<SummarySettings> }) {
  const { t } = useTranslation();
  const { field } = useController({ control, name: 'attendanceNames' });
  return (
    <div>
      <Switch className="switch" isSelected={field.value} onChange={field.onChange}>
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
        {t('summary.attendanceNames')}
      </Switch>
      <p className="field-description">{t('summary.attendanceNamesHint')}</p>
    </div>
  );
}

function LanguageChoice({ control }: { control: Control<SummarySettings> }) {
  const { t } = useTranslation();
  const { field } = useController({ control, name: 'language' });
  return (
    <RadioGroup className="radio-group" orientation="horizontal" value={field.value} onChange={field.onChange}>
      <Label className="field-label">{t('summary.language')}</Label>
      {LANGUAGES.map((language) => (
        <Radio key={language} value={language} className="radio" lang={language}>
          {t(`language.${language}`)}
        </Radio>
      ))}
    </RadioGroup>
  );
}

function ExportPanel() {
  const { t } = useTranslation();
  const exportSummary = useSummaryStore((s) => s.exportSummary);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState('');
  const [failure, setFailure] = useState('');
  const run = async (format: 'pdf' | 'docx') => {
    setBusy(true);
    setResult('');
    setFailure('');
    try {
      const { delivery, where } = deliver(await exportSummary(format));
      if (delivery === 'download') setResult(t('summary.downloaded', { file: where }));
      if (delivery === 'saved') setResult(t('summary.saved', { path: where }));
    } catch (error) {
      setFailure(errorMessage(t, error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-label={t('summary.exportPdf')}>
      <div className="summary-export-buttons">
        <Button className="button button--primary" onPress={() => void run('pdf')} isDisabled={busy}>
          {busy ? t('summary.exporting') : t('summary.exportPdf')}
        </Button>
        <Button className="button button--secondary" onPress={() => void run('docx')} isDisabled={busy}>
          {t('summary.exportDocx')}
        </Button>
      </div>
      {busy && <ExportProgress />}
      <p role="status" className="muted summary-export-result">
        {result}
      </p>
      <FormFailure message={failure} />
    </section>
  );
}

function ExportLog({ log }: { log: ExportLogEntry[] }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  return (
    <section className="card" aria-labelledby="log-heading">
      <h2 id="log-heading">{t('summary.log')}</h2>
      <p className="muted">{t('summary.logHint')}</p>
      {log.length === 0 ? (
        <p className="empty-state">{t('summary.logEmpty')}</p>
      ) : (
        // A narrow column scrolls the table sideways: the keyboard can reach it (focusable, named).
        <div className="summary-log-wrap" role="group" aria-labelledby="log-heading" tabIndex={0}>
        <table className="table summary-log">
          <thead>
            <tr>
              <th scope="col">{t('summary.logWhen')}</th>
              <th scope="col">{t('summary.logFile')}</th>
              <th scope="col">{t('summary.logSections')}</th>
              <th scope="col">{t('summary.logNames')}</th>
            </tr>
          </thead>
          <tbody>
            {log.map((entry) => (
              <tr key={entry.id}>
                <td>{formatDateTime(entry.exportedAt, language)}</td>
                <td>
                  {entry.format.toUpperCase()}, {t(`language.${entry.language}`)}
                </td>
                <td>{entry.sections.length}</td>
                <td>{entry.attendanceNames ? t('summary.yes') : t('summary.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </section>
  );
}
