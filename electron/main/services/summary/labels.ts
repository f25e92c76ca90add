import type { Language } from '@shared/domain';
import { fillTerm, GLOSSARY, SELF_CHECK_DIMENSIONS, type Glossary } from '@shared/vocabulary';

/**
 * The report's own words, in the language chosen for the export (independent of the UI's).
 * Every domain term (sections, formats, instruments, dimensions, answers, decisions) comes from
 * the glossary, so the summary calls a thing what the screens call it; what is left here is the
 * report's own phrasing.
 */
const phrases = {
  fi: {
    pageLabel: 'Sivu {page}/{pages}',
    members: 'Jäsenmäärä',
    goals: 'Tavoitteet',
    meetingsIntro: 'Pidetyt tapaamiset. Läsnäolo on lukumäärinä.',
    meetingsIntroNames: 'Pidetyt tapaamiset ja paikalla olleet.',
    noMeetings: 'Ei pidettyjä tapaamisia.',
    colNumber: 'Nro',
    colDate: 'Päivä',
    colPlace: 'Paikka',
    colAttendance: 'Läsnä',
    attendanceOf: '{present}/{marked}',
    themesIntro: 'Kuinka monessa tapaamisessa kukin teema oli esillä.',
    noThemes: 'Teemoja ei kirjattu.',
    colCount: 'Tapaamisia',
    ideasIntro: 'Asiat, jotka ryhmä päätti viedä johdolle, siinä muodossa kuin ryhmä ne muotoili.',
    noIdeas: 'Ryhmä ei vienyt asioita eteenpäin.',
    fromMeeting: 'tapaaminen {number}',
    feedbackIntro: 'Keskiarvot asteikolla 1–5. Mukana ovat vain tulokset, joissa on vähintään {min} vastausta.',
    noFeedback: 'Ei raportoitavia palautetuloksia (alle {min} vastausta).',
    colQuestion: 'Kysymys',
    colMean: 'Keskiarvo',
    colN: 'Vastauksia',
    selfCheck: (name: string) => `${name}: muutos alusta loppuun (asteikko 1–10)`,
    colStart: 'Alussa',
    colEnd: 'Lopussa',
    colChange: 'Muutos',
    finalEvaluation: 'Loppuarvioinnin tulokset',
    midpoint: 'Väliarviointi (tapaaminen {number})',
    quotes: 'Osallistujien sanoin',
    noEvaluation: 'Ei raportoitavia arviointituloksia (alle {min} vastausta).',
    decisionNone: 'Päätöstä ei ole kirjattu.',
    rationale: 'Perustelu',
    conclusions: 'Fasilitaattorin johtopäätökset ja suositus',
  },
  en: {
    pageLabel: 'Page {page} of {pages}',
    members: 'Number of members',
    goals: 'Goals',
    meetingsIntro: 'Meetings held. Attendance as counts.',
    meetingsIntroNames: 'Meetings held and who was present.',
    noMeetings: 'No meetings held.',
    colNumber: 'No.',
    colDate: 'Date',
    colPlace: 'Place',
    colAttendance: 'Present',
    attendanceOf: '{present}/{marked}',
    themesIntro: 'In how many meetings each theme came up.',
    noThemes: 'No themes were recorded.',
    colCount: 'Number of meetings',
    ideasIntro: 'What the group decided to pass on to management, in the group’s own wording.',
    noIdeas: 'The group forwarded no ideas.',
    fromMeeting: 'meeting {number}',
    feedbackIntro: 'Means on a scale of 1–5. Only results with at least {min} answers are included.',
    noFeedback: 'No feedback results to report (fewer than {min} answers).',
    colQuestion: 'Question',
    colMean: 'Mean',
    colN: 'Answers',
    selfCheck: (name: string) => `${name}: change from start to end (scale 1–10)`,
    colStart: 'Start',
    colEnd: 'End',
    colChange: 'Change',
    finalEvaluation: 'Results of the final evaluation',
    midpoint: 'Mid-point check (meeting {number})',
    quotes: 'In the participants’ words',
    noEvaluation: 'No evaluation results to report (fewer than {min} answers).',
    decisionNone: 'No decision has been recorded.',
    rationale: 'Rationale',
    conclusions: "The facilitator's conclusions and recommendation",
  },
};

/** A self-check item in a table: the question exactly, and what it covers. */
const selfCheckLabels = (g: Glossary) =>
  Object.fromEntries(SELF_CHECK_DIMENSIONS.map((d) => [d, `${g.selfCheck[d].question} (${g.selfCheck[d].about})`]));

function labelsFor(language: Language) {
  const g = GLOSSARY[language];
  const p = phrases[language];
  return {
    ...p,
    title: g.core.managementSummary,
    programme: g.summarySection.programme,
    programmeName: g.core.programme,
    organisation: g.core.organisation,
    period: g.core.period,
    facilitator: g.core.facilitator,
    goalKind: g.goalKind,
    meetings: g.summarySection.meetings,
    colThemes: g.core.themes,
    themes: g.summarySection.themes,
    colTheme: g.core.theme,
    ideas: g.summarySection.ideas,
    feedback: g.summarySection.feedback,
    chartTitle: g.trend,
    colMeeting: g.core.meeting,
    evaluation: g.summarySection.evaluation,
    selfCheck: p.selfCheck(g.instrument.selfcheck),
    decision: g.summarySection.decision,
    decisionLabel: g.core.decision,
    choice: { ...g.answer, ...g.continuation } as Record<string, string>,
    continuation: g.continuation,
    presets: { ...g.dimension, ...selfCheckLabels(g) } as Record<string, string>,
    /** A goal of the agreement as an evaluation item. */
    goalMet: (goal: string) => fillTerm(g.goalMet, { goal }),
  };
}

export const SUMMARY_LABELS = { fi: labelsFor('fi'), en: labelsFor('en') } as const;

export type SummaryLabels = (typeof SUMMARY_LABELS)[Language];

/** `{name}` placeholders, filled in. */
export const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? `{${key}}`));
