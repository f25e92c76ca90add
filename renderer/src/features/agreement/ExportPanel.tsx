import { useState } from 'react';
import { Button, Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Agreement, AgreementExportFormat, AgreementLanguage } from '@shared/domain';
import { formatDate } from '@shared/vocabulary';
import { useAppStore } from '../../app/store';
import { errorMessage } from '../../lib/errors';
import { deliver } from '../../lib/download';
import { ExportProgress } from '../../components/ExportProgress';
import { FormFailure } from '../../components/FormFailure';
import { useAgreementStore } from './store';

const DRAFT = 'draft';

/** Print the agreed version (or the draft, marked as a draft) as PDF or Word, in either language. */
export function ExportPanel({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const uiLanguage = useAppStore((s) => s.language);
  const latest = agreement.versions.at(-1);
  const [which, setWhich] = useState(latest ? String(latest.number) : DRAFT);
  const [language, setLanguage] = useState<AgreementLanguage>(uiLanguage);
  const [format, setFormat] = useState<AgreementExportFormat>('pdf');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState('');
  const [failure, setFailure] = useState('');
  const exportFile = useAgreementStore((s) => s.exportFile);

  const run = async () => {
    setBusy(true);
    setResult('');
    setFailure('');
    try {
      const file = await exportFile({ version: which === DRAFT ? null : Number(which), language, format });
      const { delivery, where } = deliver(file);
      if (delivery === 'download') setResult(t('agreement.export.downloaded', { file: where }));
      if (delivery === 'saved') setResult(t('agreement.export.saved', { path: where }));
    } catch (error) {
      setFailure(errorMessage(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card card--narrow" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('agreement.export.title')}</h2>
      <p className="muted">{t('agreement.export.description')}</p>
      <div className="export-options">
        <RadioGroup className="radio-group" value={which} onChange={setWhich}>
          <Label className="field-label">{t('agreement.export.which')}</Label>
          {[...agreement.versions].reverse().map((version) => (
            <Radio key={version.id} value={String(version.number)} className="radio">
              {t('agreement.compare.version', { number: version.number, date: formatDate(version.agreedOn, uiLanguage) })}
            </Radio>
          ))}
          <Radio value={DRAFT} className="radio">
            {t('agreement.export.draft')}
          </Radio>
        </RadioGroup>
        <RadioGroup className="radio-group" value={language} onChange={(value) => setLanguage(value as AgreementLanguage)}>
          <Label className="field-label">{t('agreement.export.language')}</Label>
          <Radio value="fi" className="radio">
            {t('agreement.export.lang_fi')}
          </Radio>
          <Radio value="en" className="radio">
            {t('agreement.export.lang_en')}
          </Radio>
        </RadioGroup>
        <RadioGroup className="radio-group" value={format} onChange={(value) => setFormat(value as AgreementExportFormat)}>
          <Label className="field-label">{t('agreement.export.format')}</Label>
          <Radio value="pdf" className="radio">
            {t('agreement.export.pdf')}
          </Radio>
          <Radio value="docx" className="radio">
            {t('agreement.export.docx')}
          </Radio>
        </RadioGroup>
      </div>
      {which === DRAFT && (
        <p className="notice" role="note">
          {t('agreement.export.draftWarning')}
        </p>
      )}
      <p className="muted">{t('agreement.export.privacy')}</p>
      <div className="actions actions--start">
        <Button className="button button--primary" onPress={() => void run()} isDisabled={busy}>
          {t('agreement.export.run')}
        </Button>
      </div>
      {busy && <ExportProgress />}
      <p role="status" className="save-status save-status--saved">
        {result}
      </p>
      <FormFailure message={failure} />
    </section>
  );
}
