import type { AgreementLanguage, GoalKind, MeetingFormat, Practicalities, SectionKey } from '@shared/domain';
import { GLOSSARY, localeOf } from '@shared/vocabulary';

/**
 * The printed agreement's wording in both languages. These live in main (not in the renderer's
 * locale files) because the export and the comparison are produced here; the renderer only
 * shows what main wrote, so the screen and the paper always say the same thing. Domain terms
 * come from the glossary (shared/vocabulary), as the screens' do.
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

/** The agreement's own phrasing; every domain term comes from the glossary. */
function labelsFor(language: AgreementLanguage): AgreementLabels {
  const g = GLOSSARY[language];
  const fi = language === 'fi';
  return {
    locale: localeOf(language),
    title: g.core.agreement,
    draftMark: fi ? 'LUONNOS' : 'DRAFT',
    draftNotice: fi ? 'Luonnos: ryhmä ei ole vielä hyväksynyt tätä versiota yhdessä.' : 'Draft: this version has not yet been agreed by the group.',
    versionLine: (number, agreedOn) => (fi ? `Versio ${number}, hyväksytty ${agreedOn}` : `Version ${number}, agreed on ${agreedOn}`),
    versionNote: fi ? 'Muutokset' : 'Changes',
    sections: {
      parties: g.agreementSection.parties,
      organisationGoals: g.goalKind.organisation,
      memberGoals: g.goalKind.member,
      groupGoals: g.goalKind.group,
      rules: g.agreementSection.rules,
      practicalities: g.agreementSection.practicalities,
      plan: g.agreementSection.plan,
    },
    parties: {
      programme: g.core.programme,
      organisation: g.core.organisation,
      facilitator: g.core.facilitator,
      period: g.core.period,
      members: fi ? 'Ryhmän jäsenet' : 'Members of the group',
      member: g.core.member,
    },
    practicalities: g.practicality,
    minutes: (n) => (n % 60 === 0 ? `${n / 60} h` : n > 60 ? `${Math.floor(n / 60)} h ${n % 60} min` : `${n} min`),
    plan: fi
      ? { number: 'Nro', theme: 'Alustava teema', when: 'Ajankohta', place: 'Paikka tai muoto', meeting: (n) => `${n}. tapaaminen` }
      : { number: 'No.', theme: 'Provisional theme', when: 'When', place: 'Place or format', meeting: (n) => `Meeting ${n}` },
    formats: g.format,
    acceptance: fi ? 'Hyväksyminen' : 'Acceptance',
    signatureCaption: fi ? 'Päiväys ja allekirjoitus' : 'Date and signature',
    acceptedOn: (date) => (fi ? `Hyväksytty ${date}` : `Accepted on ${date}`),
    page: fi ? 'Sivu {page}/{pages}' : 'Page {page} of {pages}',
    fileStem: g.core.agreement,
    empty: '–',
  };
}

export const AGREEMENT_LABELS: Record<AgreementLanguage, AgreementLabels> = { fi: labelsFor('fi'), en: labelsFor('en') };
