import type { ComponentType } from 'react';
import { AgreementPage } from '../features/agreement/AgreementPage';
import { FeedbackPage } from '../features/feedback/FeedbackPage';
import { GroupPage } from '../features/group/GroupPage';
import { ActionsPage } from '../features/meetings/ActionsPage';
import { MeetingsPage } from '../features/meetings/MeetingsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { SummaryPage } from '../features/summary/SummaryPage';

/**
 * The app's sections, in navigation order. A feature appears here only when it works end to end.
 * `labelKey` is an i18n key; `Page` renders the section's content.
 */
export interface SectionDef {
  id: string;
  labelKey: string;
  Page: ComponentType;
}

export const SECTIONS: SectionDef[] = [
  { id: 'group', labelKey: 'nav.group', Page: GroupPage },
  { id: 'agreement', labelKey: 'agreement.nav', Page: AgreementPage },
  { id: 'meetings', labelKey: 'meetings.nav', Page: MeetingsPage },
  { id: 'actions', labelKey: 'meetings.actionsNav', Page: ActionsPage },
  { id: 'feedback', labelKey: 'feedback.nav', Page: FeedbackPage },
  { id: 'summary', labelKey: 'summary.nav', Page: SummaryPage },
  { id: 'settings', labelKey: 'nav.settings', Page: SettingsPage },
];
