import type { AgreementLanguage, GoalKind, MeetingFormat, Practicalities, SectionKey } from '@shared/domain';

/**
 * The printed agreement's wording in both languages. These live in main (not in the renderer's
 * locale files) because the export and the comparison are produced here; the renderer only
 * shows what main wrote, so the screen and the paper always say the same thing.
 */
export interface AgreementLabels {
  locale: string;
  title: string;
  draftMark: string;
  draftNotice: string;
  versionLine: (number: number, agreedOn: string) => string;
  versionNote: string;
  sections: Record<SectionKey, string>;
  parties: { programme: string; organisation: string; facilitator: string; period: string; members: string; member: string };
  practicalities: Record<keyof Practicalities, string>;
  minutes: (n: number) => string;
  plan: { number: string; theme: string; when: string; place: string; meeting: (n: number) => string };
  formats: Record<MeetingFormat, string>;
  acceptance: string;
  signatureCaption: string;
  acceptedOn: (date: string) => string;
  page: string;
  fileStem: string;
  empty: string;
}

export const GOAL_SECTION: Record<GoalKind, SectionKey> = {
  organisation: 'organisationGoals',
  member: 'memberGoals',
  group: 'groupGoals',
};

const fi: AgreementLabels = {
  locale: 'fi-FI',
  title: 'Mentorointisopimus',
  draftMark: 'LUONNOS',
  draftNotice: 'Luonnos: tätä versiota ei ole vielä hyväksytty yhdessä.',
  versionLine: (number, agreedOn) => `Versio ${number}, hyväksytty ${agreedOn}`,
  versionNote: 'Muutokset',
  sections: {
    parties: 'Osapuolet',
    organisationGoals: 'Organisaation tavoitteet',
    memberGoals: 'Osallistujien odotukset',
    groupGoals: 'Ryhmän omat tavoitteet',
    rules: 'Pelisäännöt',
    practicalities: 'Käytännön järjestelyt',
    plan: 'Alustava tapaamissuunnitelma',
  },
  parties: {
    programme: 'Ohjelma',
    organisation: 'Organisaatio',
    facilitator: 'Fasilitaattori',
    period: 'Ohjelman kesto',
    members: 'Ryhmän jäsenet',
    member: 'Jäsen',
  },
  practicalities: {
    duration: 'Kesto',
    meetingFrequency: 'Tapaamistiheys',
    meetingMinutes: 'Tapaamisen pituus',
    workingTime: 'Työaika',
    costs: 'Kustannukset',
    contact: 'Yhteydenpito tapaamisten välillä',
    tasks: 'Välitehtävät ja oppimispäiväkirja',
    confidentiality: 'Luottamuksellisuus',
  },
  minutes: (n) => (n % 60 === 0 ? `${n / 60} h` : n > 60 ? `${Math.floor(n / 60)} h ${n % 60} min` : `${n} min`),
  plan: { number: 'Nro', theme: 'Alustava teema', when: 'Aika', place: 'Paikka tai muoto', meeting: (n) => `${n}. tapaaminen` },
  formats: {
    office: 'toimiston tila',
    cafe: 'kahvila',
    walking: 'kävelytapaaminen',
    lunch: 'lounastapaaminen',
    remote: 'etätapaaminen',
    other: 'muu',
  },
  acceptance: 'Hyväksyminen',
  signatureCaption: 'Päiväys ja allekirjoitus',
  acceptedOn: (date) => `Hyväksytty ${date}`,
  page: 'Sivu {page}/{pages}',
  fileStem: 'Mentorointisopimus',
  empty: '–',
};

const en: AgreementLabels = {
  locale: 'en-GB',
  title: 'Mentoring agreement',
  draftMark: 'DRAFT',
  draftNotice: 'Draft: this version has not yet been agreed by the group.',
  versionLine: (number, agreedOn) => `Version ${number}, agreed on ${agreedOn}`,
  versionNote: 'Changes',
  sections: {
    parties: 'Parties',
    organisationGoals: 'The organisation’s goals',
    memberGoals: 'Members’ expectations',
    groupGoals: 'The group’s own goals',
    rules: 'Ground rules',
    practicalities: 'Practicalities',
    plan: 'Provisional meeting plan',
  },
  parties: {
    programme: 'Programme',
    organisation: 'Organisation',
    facilitator: 'Facilitator',
    period: 'Programme period',
    members: 'Members of the group',
    member: 'Member',
  },
  practicalities: {
    duration: 'Duration',
    meetingFrequency: 'Meeting frequency',
    meetingMinutes: 'Meeting length',
    workingTime: 'Working time',
    costs: 'Costs',
    contact: 'Contact between meetings',
    tasks: 'Between-meeting tasks and learning diary',
    confidentiality: 'Confidentiality',
  },
  minutes: (n) => (n % 60 === 0 ? `${n / 60} h` : n > 60 ? `${Math.floor(n / 60)} h ${n % 60} min` : `${n} min`),
  plan: { number: 'No.', theme: 'Provisional theme', when: 'When', place: 'Place or format', meeting: (n) => `Meeting ${n}` },
  formats: {
    office: 'office room',
    cafe: 'café',
    walking: 'walking meeting',
    lunch: 'lunch meeting',
    remote: 'remote',
    other: 'other',
  },
  acceptance: 'Acceptance',
  signatureCaption: 'Date and signature',
  acceptedOn: (date) => `Accepted on ${date}`,
  page: 'Page {page} of {pages}',
  fileStem: 'Mentoring-agreement',
  empty: '–',
};

export const AGREEMENT_LABELS: Record<AgreementLanguage, AgreementLabels> = { fi, en };

/** `2026-09-01` → `1.9.2026` (fi) or `1 September 2026` (en), as the renderer writes dates. */
export function formatDay(iso: string, language: AgreementLanguage): string {
  const [year, month, day] = iso.split('-').map(Number);
  if (!year || !month || !day) return iso;
  const options: Intl.DateTimeFormatOptions =
    language === 'fi' ? { day: 'numeric', month: 'numeric', year: 'numeric' } : { day: 'numeric', month: 'long', year: 'numeric' };
  return new Intl.DateTimeFormat(AGREEMENT_LABELS[language].locale, { ...options, timeZone: 'UTC' }).format(Date.UTC(year, month - 1, day));
}

/** `2026-09` → `syyskuu 2026` / `September 2026`. */
export function formatMonth(iso: string, language: AgreementLanguage): string {
  const [year, month] = iso.split('-').map(Number);
  if (!year || !month) return iso;
  return new Intl.DateTimeFormat(AGREEMENT_LABELS[language].locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(year, month - 1, 1),
  );
}
