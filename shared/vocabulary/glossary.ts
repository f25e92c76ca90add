import type { ActionStatus, Continuation, GoalKind, Instrument, Language, MeetingFormat, MeetingStatus, SummarySection } from '../domain';

/**
 * The product's vocabulary: every domain term, once per language. The screens read it as
 * i18next's `term.*` keys (renderer/src/app/i18n.ts merges it in; locale files point at it with
 * `$t(term.…)`), and the PDF and DOCX labels (services' `labels.ts`) are built from it, so a
 * term is spelled the same on every screen and in every document. `test/shared/glossary.test.ts`
 * fails when a text anywhere uses another name for a concept defined here.
 *
 * Terms are written as they stand alone (a label, a column, an option): capitalised. Running text
 * inflects them (Finnish) and is free, but it may not use the names listed in `AVOID`.
 */
export interface Glossary {
  /** The parts of the programme and the things the facilitator records. */
  core: {
    app: string;
    programme: string;
    pilot: string;
    group: string;
    member: string;
    members: string;
    facilitator: string;
    organisation: string;
    /** The programme's dates, start to end. */
    period: string;
    management: string;
    agreement: string;
    groundRules: string;
    meeting: string;
    meetings: string;
    meetingPlan: string;
    meetingMode: string;
    theme: string;
    themes: string;
    attendance: string;
    notes: string;
    action: string;
    actions: string;
    task: string;
    tasks: string;
    idea: string;
    ideas: string;
    ideasForwarded: string;
    feedback: string;
    decision: string;
    managementSummary: string;
    confidential: string;
    shareable: string;
    /** Issue 12's additions, named here first so that their screens and documents share the words. */
    calendarFile: string;
    meetingBrief: string;
    reflectionPrompts: string;
    midpointCheck: string;
    warningSigns: string;
    tentative: string;
  };
  format: Record<MeetingFormat, string>;
  meetingStatus: Record<MeetingStatus, string>;
  actionStatus: Record<ActionStatus, string>;
  instrument: Record<Instrument, string>;
  /** The four questions of the well-being self-check, exactly, and what each one covers. */
  selfCheck: Record<SelfCheckDimension, { question: string; about: string }>;
  /** Short names of the preset questions, for charts, tables and the summary. */
  dimension: Record<Preset, string>;
  /** The chart of the rounds' two scale questions (usefulness, discussion and atmosphere) over the meetings. */
  trend: string;
  /** The preset questions as a respondent reads them. */
  question: Record<Exclude<Preset, 'goal'>, string>;
  /** A goal of the agreement as an evaluation item: `{{goal}}` is the goal's text. */
  goalMet: string;
  /** Options of the choice questions. */
  answer: Record<'yes' | 'maybe' | 'no' | 'partly' | 'right' | 'tooOften' | 'tooRarely', string>;
  continuation: Record<Continuation, string>;
  goalKind: Record<GoalKind, string>;
  agreementSection: Record<'parties' | 'rules' | 'practicalities' | 'plan', string>;
  practicality: Record<
    'duration' | 'meetingFrequency' | 'meetingMinutes' | 'workingTime' | 'costs' | 'contact' | 'tasks' | 'confidentiality',
    string
  >;
  summarySection: Record<SummarySection, string>;
  /** When a meeting is: its month while the day is still open, or nothing yet. */
  when: { dayOpen: string; monthOnly: string; none: string };
  /** Steps of a meeting (meeting mode). */
  step: Record<'checkin' | 'theme' | 'actions' | 'ideas' | 'feedback' | 'next', string>;
}

export const SELF_CHECK_DIMENSIONS = ['know', 'can', 'able', 'want'] as const;
export type SelfCheckDimension = (typeof SELF_CHECK_DIMENSIONS)[number];

/** Preset questions (0004's `feedback_question.preset`) and the goal items. */
export const PRESETS = [
  'usefulness',
  'dialogue',
  'keep',
  'change',
  ...SELF_CHECK_DIMENSIONS,
  'wellbeing',
  'peerLearning',
  'atmosphere',
  'again',
  'continuation',
  'learned',
  'changedWork',
  'mostValuable',
  // the mid-point check (issue 12)
  'goalsRight',
  'rhythmRight',
  'helpedSoFar',
  'shouldChange',
  'goal',
] as const;
export type Preset = (typeof PRESETS)[number];

const fi: Glossary = {
  core: {
    app: 'Vertaistuki',
    programme: 'Ohjelma',
    pilot: 'Pilotti',
    group: 'Ryhmä',
    member: 'Jäsen',
    members: 'Jäsenet',
    facilitator: 'Fasilitaattori',
    organisation: 'Organisaatio',
    period: 'Ohjelman ajanjakso',
    management: 'Johto',
    agreement: 'Mentorointisopimus',
    groundRules: 'Pelisäännöt',
    meeting: 'Tapaaminen',
    meetings: 'Tapaamiset',
    meetingPlan: 'Tapaamissuunnitelma',
    meetingMode: 'Tapaamistila',
    theme: 'Teema',
    themes: 'Teemat',
    attendance: 'Läsnäolo',
    notes: 'Muistiinpanot',
    action: 'Sovittu toimi',
    actions: 'Sovitut toimet',
    task: 'Välitehtävä',
    tasks: 'Välitehtävät',
    idea: 'Eteenpäin vietävä asia',
    ideas: 'Eteenpäin vietävät asiat',
    ideasForwarded: 'Eteenpäin viedyt asiat',
    feedback: 'Palaute',
    decision: 'Päätös jatkosta',
    managementSummary: 'Yhteenveto johdolle',
    confidential: 'Luottamuksellinen',
    shareable: 'Jaettava',
    calendarFile: 'Kalenteritiedosto',
    meetingBrief: 'Tapaamisen valmistelumuistio',
    reflectionPrompts: 'Pohdintakysymykset',
    midpointCheck: 'Väliarviointi',
    warningSigns: 'Varoitusmerkit',
    tentative: 'Alustava',
  },
  format: {
    office: 'Kokoushuone',
    cafe: 'Kahvila',
    walking: 'Kävelytapaaminen',
    lunch: 'Lounastapaaminen',
    remote: 'Etätapaaminen',
    other: 'Muu',
  },
  meetingStatus: { planned: 'Suunniteltu', held: 'Pidetty', cancelled: 'Peruttu' },
  actionStatus: { open: 'Avoin', done: 'Tehty', dropped: 'Jätetty pois' },
  instrument: { round: 'Palautekierros', selfcheck: 'Hyvinvoinnin itsearviointi', evaluation: 'Loppuarviointi', midpoint: 'Väliarviointi' },
  selfCheck: {
    know: { question: 'Tiedänkö?', about: 'tavoitteet ja tulossa olevat muutokset' },
    can: { question: 'Osaanko?', about: 'tiedot ja taidot' },
    able: { question: 'Kykenenkö?', about: 'työkyky, kuormitus ja palautuminen' },
    want: { question: 'Haluanko?', about: 'motivaatio' },
  },
  dimension: {
    usefulness: 'Hyödyllisyys',
    dialogue: 'Keskustelu ja ilmapiiri',
    keep: 'Mikä kannattaa säilyttää',
    change: 'Mitä kannattaa muuttaa',
    know: 'Tiedänkö?',
    can: 'Osaanko?',
    able: 'Kykenenkö?',
    want: 'Haluanko?',
    wellbeing: 'Tuki työhyvinvoinnille',
    peerLearning: 'Oppiminen kollegoilta',
    atmosphere: 'Ilmapiiri ja luottamus',
    again: 'Osallistuisi uudelleen',
    continuation: 'Miten jatketaan',
    learned: 'Mitä opittiin',
    changedWork: 'Mikä muuttui työssä',
    mostValuable: 'Arvokkainta',
    goalsRight: 'Tavoitteet yhä oikeat',
    rhythmRight: 'Tapaamistahti',
    helpedSoFar: 'Hyöty tähän mennessä',
    shouldChange: 'Mitä muuttaa',
    goal: 'Tavoite toteutui',
  },
  trend: 'Hyödyllisyys, keskustelu ja ilmapiiri tapaamisittain',
  question: {
    usefulness: 'Tapaaminen oli minulle hyödyllinen.',
    dialogue: 'Keskustelu oli avointa ja ilmapiiri hyvä.',
    keep: 'Yksi asia, joka kannattaa säilyttää',
    change: 'Yksi asia, jonka muuttaisin',
    know: 'Tiedänkö? Tunnen tavoitteeni ja tiedän, mitä muutoksia työssäni on tulossa.',
    can: 'Osaanko? Minulla on työssäni tarvittavat tiedot ja taidot.',
    able: 'Kykenenkö? Työkykyni riittää, työmääräni on kohtuullinen ja ehdin palautua.',
    want: 'Haluanko? Olen motivoitunut työhöni.',
    wellbeing: 'Ohjelma tuki työhyvinvointiani.',
    peerLearning: 'Opin ohjelmassa kollegoiltani.',
    atmosphere: 'Ryhmän ilmapiiri oli hyvä ja luottamuksellinen.',
    again: 'Osallistuisitko uudelleen?',
    continuation: 'Miten ryhmän pitäisi jatkaa?',
    learned: 'Mitä opit?',
    changedWork: 'Mikä muuttui työssäsi tai ajattelussasi?',
    mostValuable: 'Mikä oli erityisen arvokasta?',
    goalsRight: 'Ovatko ryhmän tavoitteet yhä oikeat?',
    rhythmRight: 'Sopiiko tapaamisten tahti?',
    helpedSoFar: 'Kuinka paljon ryhmästä on ollut tähän mennessä hyötyä? (1–5)',
    shouldChange: 'Mitä tapaamisissa kannattaisi muuttaa?',
  },
  goalMet: 'Tavoite ”{{goal}}” toteutui.',
  // answers to "Osallistuisitko uudelleen?": a Finn answers with the verb ("En"), not "Ei"
  answer: { yes: 'Kyllä', maybe: 'Ehkä', no: 'En', partly: 'Osittain', right: 'Sopiva', tooOften: 'Liian tiheä', tooRarely: 'Liian harva' },
  continuation: { regular: 'Jatketaan säännöllisin tapaamisin', informal: 'Jatketaan vapaamuotoisesti', stop: 'Lopetetaan tähän' },
  goalKind: { organisation: 'Organisaation tavoitteet', member: 'Osallistujien odotukset', group: 'Ryhmän omat tavoitteet' },
  agreementSection: {
    parties: 'Osapuolet',
    rules: 'Pelisäännöt',
    practicalities: 'Käytännön järjestelyt',
    plan: 'Alustava tapaamissuunnitelma',
  },
  practicality: {
    duration: 'Kesto',
    meetingFrequency: 'Tapaamistiheys',
    meetingMinutes: 'Tapaamisen pituus',
    workingTime: 'Työaika',
    costs: 'Kustannukset',
    contact: 'Yhteydenpito tapaamisten välillä',
    tasks: 'Välitehtävät ja oppimispäiväkirja',
    confidentiality: 'Luottamuksellisuus',
  },
  summarySection: {
    programme: 'Ohjelma ja tavoitteet',
    meetings: 'Tapaamiset',
    themes: 'Teemat',
    ideas: 'Eteenpäin viedyt asiat',
    feedback: 'Palaute tapaamisista',
    evaluation: 'Loppuarviointi ja hyvinvoinnin itsearviointi',
    decision: 'Jatko ja suositus',
  },
  when: { dayOpen: 'päivä sopimatta', monthOnly: '{{month}} (päivä sopimatta)', none: 'Ajankohta sopimatta' },
  step: {
    checkin: 'Alkukierros',
    theme: 'Teema',
    actions: 'Toimet ja välitehtävät',
    ideas: 'Eteenpäin vietävät asiat',
    feedback: 'Palautekierros',
    next: 'Seuraava tapaaminen',
  },
};

const en: Glossary = {
  core: {
    app: 'Vertaistuki',
    programme: 'Programme',
    pilot: 'Pilot',
    group: 'Group',
    member: 'Member',
    members: 'Members',
    facilitator: 'Facilitator',
    organisation: 'Organisation',
    period: 'Programme period',
    management: 'Management',
    agreement: 'Mentoring agreement',
    groundRules: 'Ground rules',
    meeting: 'Meeting',
    meetings: 'Meetings',
    meetingPlan: 'Meeting plan',
    meetingMode: 'Meeting mode',
    theme: 'Theme',
    themes: 'Themes',
    attendance: 'Attendance',
    notes: 'Notes',
    action: 'Agreed action',
    actions: 'Agreed actions',
    task: 'Between-meeting task',
    tasks: 'Between-meeting tasks',
    idea: 'Idea to forward',
    ideas: 'Ideas to forward',
    ideasForwarded: 'Ideas forwarded',
    feedback: 'Feedback',
    decision: 'Decision on continuation',
    managementSummary: 'Management summary',
    confidential: 'Confidential',
    shareable: 'Shareable',
    calendarFile: 'Calendar file',
    meetingBrief: 'Meeting brief',
    reflectionPrompts: 'Reflection prompts',
    midpointCheck: 'Mid-point check',
    warningSigns: 'Warning signs',
    tentative: 'Tentative',
  },
  format: {
    office: 'Meeting room',
    cafe: 'Café',
    walking: 'Walking meeting',
    lunch: 'Lunch meeting',
    remote: 'Remote meeting',
    other: 'Other',
  },
  meetingStatus: { planned: 'Planned', held: 'Held', cancelled: 'Cancelled' },
  actionStatus: { open: 'Open', done: 'Done', dropped: 'Dropped' },
  instrument: { round: 'Feedback round', selfcheck: 'Well-being self-check', evaluation: 'Final evaluation', midpoint: 'Mid-point check' },
  selfCheck: {
    know: { question: 'Do I know?', about: 'goals and coming changes' },
    can: { question: 'Can I?', about: 'knowledge and skills' },
    able: { question: 'Am I able?', about: 'work ability, load and recovery' },
    want: { question: 'Do I want?', about: 'motivation' },
  },
  dimension: {
    usefulness: 'Usefulness',
    dialogue: 'Discussion and atmosphere',
    keep: 'What to keep',
    change: 'What to change',
    know: 'Do I know?',
    can: 'Can I?',
    able: 'Am I able?',
    want: 'Do I want?',
    wellbeing: 'Support for well-being at work',
    peerLearning: 'Learning from colleagues',
    atmosphere: 'Atmosphere and trust',
    again: 'Would take part again',
    continuation: 'How to continue',
    learned: 'What was learned',
    changedWork: 'What changed at work',
    mostValuable: 'Most valuable',
    goalsRight: 'Goals still right',
    rhythmRight: 'Meeting rhythm',
    helpedSoFar: 'Useful so far',
    shouldChange: 'What to change',
    goal: 'Goal met',
  },
  trend: 'Usefulness, discussion and atmosphere by meeting',
  question: {
    usefulness: 'The meeting was useful to me.',
    dialogue: 'The discussion was open and the atmosphere good.',
    keep: 'One thing we should keep',
    change: 'One thing I would change',
    know: 'Do I know? I know my goals and the changes coming in my work.',
    can: 'Can I? I have the knowledge and skills my work needs.',
    able: 'Am I able? My work ability holds, my workload is reasonable and I have time to recover.',
    want: 'Do I want? I am motivated in my work.',
    wellbeing: 'The programme supported my well-being at work.',
    peerLearning: 'In the programme I learned from my colleagues.',
    atmosphere: 'The group had a good atmosphere of trust.',
    again: 'Would you take part again?',
    continuation: 'How should the group go on?',
    learned: 'What did you learn?',
    changedWork: 'What changed in your work or your thinking?',
    mostValuable: 'What was most valuable?',
    goalsRight: "Are the group's goals still the right ones?",
    rhythmRight: 'Does the meeting rhythm suit?',
    helpedSoFar: 'How useful has the group been so far? (1–5)',
    shouldChange: 'What should change in the meetings?',
  },
  goalMet: 'The goal “{{goal}}” was met.',
  answer: { yes: 'Yes', maybe: 'Maybe', no: 'No', partly: 'Partly', right: 'About right', tooOften: 'Too often', tooRarely: 'Too rarely' },
  continuation: { regular: 'Continue with regular meetings', informal: 'Continue informally', stop: 'Stop here' },
  goalKind: { organisation: 'The organisation’s goals', member: 'Members’ expectations', group: 'The group’s own goals' },
  agreementSection: {
    parties: 'Parties',
    rules: 'Ground rules',
    practicalities: 'Practicalities',
    plan: 'Provisional meeting plan',
  },
  practicality: {
    duration: 'Duration',
    meetingFrequency: 'Meeting frequency',
    meetingMinutes: 'Meeting length',
    workingTime: 'Working time',
    costs: 'Costs',
    contact: 'Contact between meetings',
    tasks: 'Between-meeting tasks and learning diary',
    confidentiality: 'Confidentiality',
  },
  summarySection: {
    programme: 'Programme and goals',
    meetings: 'Meetings',
    themes: 'Themes',
    ideas: 'Ideas forwarded',
    feedback: 'Feedback on the meetings',
    evaluation: 'Final evaluation and well-being self-check',
    decision: 'Continuation and recommendation',
  },
  when: { dayOpen: 'day to be agreed', monthOnly: '{{month}} (day to be agreed)', none: 'Date to be agreed' },
  step: {
    checkin: 'Check-in round',
    theme: 'Theme',
    actions: 'Actions and tasks',
    ideas: 'Ideas to forward',
    feedback: 'Feedback round',
    next: 'Next meeting',
  },
};

export const GLOSSARY: Record<Language, Glossary> = { fi, en };

/**
 * Names that other screens or documents once used for a concept above. No text of the product may
 * use them, in any inflected form (each is matched as the start of a word, case-insensitively).
 */
export const AVOID: Record<Language, Record<string, string>> = {
  fi: {
    kävelykokou: 'format.walking',
    kävelypalaver: 'format.walking',
    'toimiston tila': 'format.office',
    'toimiston huone': 'format.office',
    etänä: 'format.remote',
    hyvinvointikysel: 'instrument.selfcheck',
    hyvinvointikartoit: 'instrument.selfcheck',
    kartoitu: 'instrument.selfcheck',
    jaksanko: 'selfCheck.able',
    'tiedän:': 'selfCheck.know',
    'osaan:': 'selfCheck.can',
    'jaksan:': 'selfCheck.able',
    'haluan:': 'selfCheck.want',
    'dialogi ja ilmapiiri': 'dimension.dialogue',
    'hyödyllisyys ja dialogi': 'dimension.dialogue',
    'kollegoilta oppiminen': 'dimension.peerLearning',
    'päivä auki': 'when.dayOpen',
    'päivä avoinna': 'when.dayOpen',
    'ei päivää': 'when.none',
    'ryhmän eteenpäin viemät': 'core.ideasForwarded',
    'säännölliset tapaamiset': 'continuation.regular',
    'vapaamuotoinen yhteydenpito': 'continuation.informal',
    'vapaamuotoisesti yhteyttä pitäen': 'continuation.informal',
    'ohjelma päättyy': 'continuation.stop',
    'tämä tavoite toteutui': 'goalMet',
    'organisaation tavoite:': 'goalKind.organisation',
  },
  en: {
    'office room': 'format.office',
    'well-being survey': 'instrument.selfcheck',
    'wellbeing survey': 'instrument.selfcheck',
    'dialogue and atmosphere': 'dimension.dialogue',
    'usefulness and dialogue': 'dimension.dialogue',
    'day open': 'when.dayOpen',
    'date open': 'when.dayOpen',
    'informally, keeping in touch': 'continuation.informal',
    'this goal was met': 'goalMet',
    'i know:': 'selfCheck.know',
    'i can:': 'selfCheck.can',
    'i am able:': 'selfCheck.able',
    'i want:': 'selfCheck.want',
  },
};

/** `{{name}}` placeholders, filled in (the same syntax as i18next, so one text serves both). */
export const fillTerm = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? `{{${key}}}`));

/** A term inside running text or in brackets: "(kävelytapaaminen)". */
export const lowerFirst = (term: string, language: Language): string =>
  term.charAt(0).toLocaleLowerCase(language === 'fi' ? 'fi-FI' : 'en-GB') + term.slice(1);
