import type { AgreementLanguage } from '@shared/domain';

/** The meeting brief's own words, in the language chosen for it. */
export const BRIEF_STEPS = ['checkin', 'theme', 'actions', 'ideas', 'feedback', 'next'] as const;
export type BriefStep = (typeof BRIEF_STEPS)[number];

export interface BriefLabels {
  title: (number: number) => string;
  watermark: string;
  notice: string;
  when: string;
  place: string;
  length: string;
  theme: string;
  noTheme: string;
  minutes: (n: number) => string;
  steps: string;
  stepColumn: string;
  minutesColumn: string;
  stepNames: Record<BriefStep, string>;
  rules: string;
  noRules: string;
  checkin: string;
  closing: string;
  noPrompts: string;
  carried: string;
  noCarried: string;
  actionColumn: string;
  ownerColumn: string;
  dueColumn: string;
  fromColumn: string;
  wholeGroup: string;
  noDue: string;
  tasks: (number: number) => string;
  noTasks: string;
  absent: string;
  noAbsent: string;
  pageLabel: string;
  fileStem: (number: number) => string;
}

export const BRIEF_LABELS: Record<AgreementLanguage, BriefLabels> = {
  fi: {
    title: (n) => `Muistilista: tapaaminen ${n}`,
    watermark: 'LUOTTAMUKSELLINEN',
    notice: 'Luottamuksellinen: vain fasilitaattorin käyttöön. Sisältää ryhmän sopimia toimia; ei koskaan osa johdon yhteenvetoa.',
    when: 'Aika',
    place: 'Paikka',
    length: 'Suunniteltu kesto',
    theme: 'Teema',
    noTheme: 'Teemaa ei ole vielä sovittu.',
    minutes: (n) => `${n} min`,
    steps: 'Tapaamisen kulku',
    stepColumn: 'Vaihe',
    minutesColumn: 'Noin',
    stepNames: {
      checkin: 'Alkukierros',
      theme: 'Teema ja ajankohtaiset asiat',
      actions: 'Sovitut toimet ja välitehtävät',
      ideas: 'Eteenpäin vietävät asiat',
      feedback: 'Palautekierros',
      next: 'Seuraava tapaaminen',
    },
    rules: 'Pelisäännöt',
    noRules: 'Pelisääntöjä ei ole vielä kirjattu sopimukseen.',
    checkin: 'Kysymyksiä alkukierrokselle',
    closing: 'Kysymyksiä loppukierrokselle',
    noPrompts: 'Ei valittuja kysymyksiä.',
    carried: 'Aiemmista tapaamisista avoimet toimet',
    noCarried: 'Ei avoimia toimia aiemmista tapaamisista.',
    actionColumn: 'Toimi',
    ownerColumn: 'Vastuu',
    dueColumn: 'Määräpäivä',
    fromColumn: 'Sovittu',
    wholeGroup: 'Koko ryhmä',
    noDue: '–',
    tasks: (n) => `Välitehtävät tapaamisesta ${n}`,
    noTasks: 'Ei välitehtäviä edellisestä tapaamisesta.',
    absent: 'Poissaolosta ilmoittaneet',
    noAbsent: 'Kukaan ei ole ilmoittanut poissaolosta.',
    pageLabel: 'Sivu {page}/{pages}',
    fileStem: (n) => `muistilista-tapaaminen-${n}`,
  },
  en: {
    title: (n) => `Brief: meeting ${n}`,
    watermark: 'CONFIDENTIAL',
    notice: 'Confidential: for the facilitator only. Holds actions the group agreed; never part of the management summary.',
    when: 'When',
    place: 'Place',
    length: 'Planned length',
    theme: 'Theme',
    noTheme: 'No theme agreed yet.',
    minutes: (n) => `${n} min`,
    steps: 'How the meeting runs',
    stepColumn: 'Step',
    minutesColumn: 'About',
    stepNames: {
      checkin: 'Check-in round',
      theme: 'The theme and what is burning',
      actions: 'Agreed actions and between-meeting tasks',
      ideas: 'Ideas to forward',
      feedback: 'Feedback round',
      next: 'Next meeting',
    },
    rules: 'Ground rules',
    noRules: 'No ground rules in the agreement yet.',
    checkin: 'Prompts for the check-in round',
    closing: 'Prompts for the closing round',
    noPrompts: 'No prompts chosen.',
    carried: 'Open actions from earlier meetings',
    noCarried: 'No open actions from earlier meetings.',
    actionColumn: 'Action',
    ownerColumn: 'Owner',
    dueColumn: 'Due',
    fromColumn: 'Agreed',
    wholeGroup: 'The whole group',
    noDue: '–',
    tasks: (n) => `Between-meeting tasks from meeting ${n}`,
    noTasks: 'No between-meeting tasks from the previous meeting.',
    absent: 'Said they will be away',
    noAbsent: 'Nobody has said they will be away.',
    pageLabel: 'Page {page} of {pages}',
    fileStem: (n) => `brief-meeting-${n}`,
  },
};
