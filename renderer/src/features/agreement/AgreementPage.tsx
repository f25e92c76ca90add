import { useEffect, useState } from 'react';
import { Button, Label, Radio, RadioGroup, Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Agreement } from '@shared/domain';
import { formatDate } from '@shared/vocabulary';
import { useAppStore } from '../../app/store';
import { errorMessage } from '../../lib/errors';
import { ComparePanel } from './ComparePanel';
import { GoalsSection, PartiesSection, PracticalitiesSection, RulesSection } from './DraftSections';
import { ExportPanel } from './ExportPanel';
import { PlanEditor } from './PlanEditor';
import { useAgreementStore } from './store';
import { VersionsPanel } from './VersionsPanel';
import './agreement.css';
import { FormFailure } from '../../components/FormFailure';
import { useReadOnly } from '../../components/readOnly';

/** The mentoring agreement: the draft, its agreed versions, comparison, acceptance and printing. */
export function AgreementPage() {
  const { t } = useTranslation();
  const { loaded, agreement, load } = useAgreementStore();
  const [failure, setFailure] = useState('');
  useEffect(() => {
    load().catch((error: unknown) => setFailure(errorMessage(t, error)));
  }, [load, t]);

  return (
    <div className="page agreement-page">
      <header className="agreement-header">
        <div>
          <h1 className="page-title">{t('agreement.title')}</h1>
          <p className="muted">{t('agreement.intro')}</p>
        </div>
        {agreement && <DraftState agreement={agreement} />}
      </header>
      <FormFailure message={failure} />
      {loaded && !agreement && <StartCard />}
      {agreement && <AgreementTabs agreement={agreement} />}
    </div>
  );
}

function DraftState({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const latest = agreement.versions.at(-1);
  const text = !latest
    ? t('agreement.state.noVersion')
    : agreement.draftDiffers
      ? t('agreement.state.differs', { number: latest.number })
      : t('agreement.state.same', { number: latest.number, date: formatDate(latest.agreedOn, language) });
  return (
    <p className={`draft-state${agreement.draftDiffers ? ' draft-state--differs' : ''}`} role="status" data-draft-differs={agreement.draftDiffers}>
      {text}
    </p>
  );
}

function StartCard() {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const start = useAgreementStore((s) => s.start);
  const [choice, setChoice] = useState<string>(language);
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const readOnly = useReadOnly();
  const run = async () => {
    setBusy(true);
    setFailure('');
    try {
      await start({ template: choice === 'empty' ? null : (choice as 'fi' | 'en') });
    } catch (error) {
      setFailure(errorMessage(t, error));
    } finally {
      setBusy(false);
    }
  };
  if (readOnly) return <p className="empty-state">{t('closed.noAgreement')}</p>;
  return (
    <section className="card card--narrow" aria-labelledby="agreement-start-heading">
      <h2 id="agreement-start-heading">{t('agreement.start.title')}</h2>
      <p>{t('agreement.start.description')}</p>
      <RadioGroup className="radio-group" value={choice} onChange={setChoice}>
        <Label className="field-label">{t('agreement.start.choose')}</Label>
        <Radio value="fi" className="radio">
          {t('agreement.start.templateFi')}
        </Radio>
        <Radio value="en" className="radio">
          {t('agreement.start.templateEn')}
        </Radio>
        <Radio value="empty" className="radio">
          {t('agreement.start.empty')}
        </Radio>
      </RadioGroup>
      <p className="muted">{t('agreement.start.planNote')}</p>
      <div className="actions actions--start">
        <Button className="button button--primary" onPress={() => void run()} isDisabled={busy}>
          {t('agreement.start.run')}
        </Button>
      </div>
      <FormFailure message={failure} />
    </section>
  );
}

function AgreementTabs({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  return (
    <Tabs className="agreement-tabs">
      <TabList className="ag-tablist" aria-label={t('agreement.tabs.label')}>
        <Tab id="draft" className="ag-tab">
          {t('agreement.tabs.draft')}
        </Tab>
        <Tab id="versions" className="ag-tab">
          {t('agreement.tabs.versions')}
        </Tab>
        <Tab id="compare" className="ag-tab">
          {t('agreement.tabs.compare')}
        </Tab>
        <Tab id="export" className="ag-tab">
          {t('agreement.tabs.export')}
        </Tab>
      </TabList>
      <TabPanel id="draft" className="ag-tabpanel">
        <div className="page">
          <PartiesSection />
          <GoalsSection agreement={agreement} />
          <RulesSection agreement={agreement} />
          <PracticalitiesSection agreement={agreement} />
          <PlanEditor />
        </div>
      </TabPanel>
      <TabPanel id="versions" className="ag-tabpanel">
        <VersionsPanel agreement={agreement} />
      </TabPanel>
      <TabPanel id="compare" className="ag-tabpanel">
        <ComparePanel agreement={agreement} />
      </TabPanel>
      <TabPanel id="export" className="ag-tabpanel">
        <ExportPanel agreement={agreement} />
      </TabPanel>
    </Tabs>
  );
}
