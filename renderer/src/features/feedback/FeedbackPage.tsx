import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { MidpointTab } from '../midpoint/MidpointTab';
import { EvaluationTab } from './EvaluationTab';
import { RoundsTab } from './RoundsTab';
import { SelfCheckTab } from './SelfCheckTab';
import './feedback.css';

/** Feedback rounds, the well-being self-check and the final evaluation of the pilot. */
export function FeedbackPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <div>
        <h1 className="page-title">{t('feedback.title')}</h1>
        <p className="muted fb-page-intro">{t('feedback.intro')}</p>
      </div>
      <Tabs className="fb-tabs">
        <TabList className="fb-tablist" aria-label={t('feedback.title')}>
          <Tab id="rounds" className="fb-tabitem">
            {t('feedback.tabs.rounds')}
          </Tab>
          <Tab id="selfcheck" className="fb-tabitem">
            {t('feedback.tabs.selfcheck')}
          </Tab>
          <Tab id="midpoint" className="fb-tabitem">
            {t('midpoint.tab')}
          </Tab>
          <Tab id="evaluation" className="fb-tabitem">
            {t('feedback.tabs.evaluation')}
          </Tab>
        </TabList>
        <TabPanel id="rounds" className="fb-tabpanel">
          <RoundsTab />
        </TabPanel>
        <TabPanel id="selfcheck" className="fb-tabpanel">
          <SelfCheckTab />
        </TabPanel>
        <TabPanel id="midpoint" className="fb-tabpanel">
          <MidpointTab />
        </TabPanel>
        <TabPanel id="evaluation" className="fb-tabpanel">
          <EvaluationTab />
        </TabPanel>
      </Tabs>
    </div>
  );
}
