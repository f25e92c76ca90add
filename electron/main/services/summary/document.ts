import type { Database } from 'better-sqlite3';
import { MEETING_FORMATS, MIN_ANSWERS_TO_REPORT, type Language, type MeetingFormat, type SummarySettings } from '@shared/domain';
import { formatChange, formatDate, formatMonth, formatNumber, formatPeriod, GLOSSARY, localeOf, lowerFirst } from '@shared/vocabulary';
import { shareableDb, type ShareableDb } from '../db/shareable';
import { shareableFeedback, type ShareableAggregate, type ShareableQuestion } from '../feedback/shareable';
import type { Block, ExportDocument } from '../export/model';
import { fill, SUMMARY_LABELS, type SummaryLabels } from './labels';
import { agreedGoals, continuationDecision, forwardedIdeas, heldMeetings, programmeFacts, themeCounts } from './sources';

/**
 * The management summary as one document model, built only from shareable sources: everything it
 * reads goes through the shareable handle (db/shareable.ts), which runs nothing but queries of the
 * `shareable_*` views. The preview, the PDF and the DOCX are all rendered from this, so the
 * preview is exactly what is exported.
 */
const when = (m: { plannedDate: string | null; plannedMonth: string | null }, language: Language) =>
  m.plannedDate ? formatDate(m.plannedDate, language) : m.plannedMonth ? formatMonth(m.plannedMonth, language) : '';
const mean = (value: number | null | undefined, language: Language) => (value === null || value === undefined ? '' : formatNumber(value, language));

/** The place, and the format in brackets; the format alone when no place was given. */
function placeText(m: { place: string; format: string | null }, language: Language): string {
  const format = (MEETING_FORMATS as readonly string[]).includes(m.format ?? '') ? GLOSSARY[language].format[m.format as MeetingFormat] : '';
  if (m.place && format) return `${m.place} (${lowerFirst(format, language)})`;
  return m.place || format;
}

const questionLabel = (q: ShareableQuestion, l: SummaryLabels) => {
  if (q.preset === 'goal') return l.goalMet(q.text);
  if (q.text) return q.text;
  return (q.preset && l.presets[q.preset]) || '';
};

function programmeBlocks(db: ShareableDb, l: SummaryLabels, language: Language): Block[] {
  const facts = programmeFacts(db);
  if (!facts) return [];
  const goals = agreedGoals(db);
  const blocks: Block[] = [
    { type: 'heading', text: l.programme },
    { type: 'field', label: l.programmeName, value: facts.name },
    ...(facts.organisation ? [{ type: 'field' as const, label: l.organisation, value: facts.organisation }] : []),
    { type: 'field', label: l.period, value: formatPeriod(facts.startDate, facts.endDate, language) },
    { type: 'field', label: l.facilitator, value: facts.facilitatorName },
    { type: 'field', label: l.members, value: String(facts.memberCount) },
  ];
  if (goals.length > 0) {
    blocks.push({ type: 'heading', text: l.goals, level: 2 });
    for (const kind of ['organisation', 'member', 'group'] as const) {
      const items = goals.filter((g) => g.kind === kind).map((g) => g.text);
      if (items.length > 0) blocks.push({ type: 'paragraph', text: l.goalKind[kind], tone: 'strong' }, { type: 'list', items });
    }
  }
  return blocks;
}

function meetingBlocks(db: ShareableDb, l: SummaryLabels, language: Language, names: boolean): Block[] {
  const meetings = heldMeetings(db, names);
  const blocks: Block[] = [{ type: 'heading', text: l.meetings }];
  if (meetings.length === 0) return [...blocks, { type: 'paragraph', text: l.noMeetings, tone: 'muted' }];
  blocks.push({ type: 'paragraph', text: names ? l.meetingsIntroNames : l.meetingsIntro, tone: 'muted' });
  blocks.push({
    type: 'table',
    columns: [
      { header: l.colNumber, width: 1 },
      { header: l.colDate, width: 3 },
      { header: l.colPlace, width: 4 },
      { header: l.colThemes, width: 6 },
      { header: l.colAttendance, width: names ? 6 : 2 },
    ],
    rows: meetings.map((m) => [
      String(m.number),
      when(m, language),
      placeText(m, language),
      m.themes.join(', '),
      fill(l.attendanceOf, { present: m.present, marked: m.marked }) + (m.presentNames ? `: ${m.presentNames.join(', ')}` : ''),
    ]),
  });
  return blocks;
}

function themeBlocks(db: ShareableDb, l: SummaryLabels): Block[] {
  const themes = themeCounts(db);
  if (themes.length === 0) return [{ type: 'heading', text: l.themes }, { type: 'paragraph', text: l.noThemes, tone: 'muted' }];
  return [
    { type: 'heading', text: l.themes },
    { type: 'paragraph', text: l.themesIntro, tone: 'muted' },
    {
      type: 'table',
      columns: [
        { header: l.colTheme, width: 6 },
        { header: l.colCount, width: 2 },
      ],
      rows: themes.map((t) => [t.name, String(t.meetings)]),
    },
  ];
}

function ideaBlocks(db: ShareableDb, l: SummaryLabels): Block[] {
  const ideas = forwardedIdeas(db);
  if (ideas.length === 0) return [{ type: 'heading', text: l.ideas }, { type: 'paragraph', text: l.noIdeas, tone: 'muted' }];
  return [
    { type: 'heading', text: l.ideas },
    { type: 'paragraph', text: l.ideasIntro, tone: 'muted' },
    { type: 'list', items: ideas.map((i) => `${i.text} (${fill(l.fromMeeting, { number: i.meetingNumber })})`) },
  ];
}

const aggregateValue = (a: ShareableAggregate, l: SummaryLabels, language: Language) => {
  if (a.scale) return mean(a.scale.mean, language);
  if (a.choice) {
    return a.choice.counts
      .filter((c) => c.count > 0)
      .map((c) => `${(l.choice as Record<string, string>)[c.option] ?? c.option} ${c.count}`)
      .join(', ');
  }
  return '';
};

function feedbackBlocks(feedback: ReturnType<typeof shareableFeedback>, l: SummaryLabels, language: Language): Block[] {
  const rounds = feedback.aggregates.filter((a) => a.instrument === 'round');
  const head: Block[] = [{ type: 'heading', text: l.feedback }];
  if (rounds.length === 0) return [...head, { type: 'paragraph', text: fill(l.noFeedback, { min: MIN_ANSWERS_TO_REPORT }), tone: 'muted' }];
  const numbers = [...new Set(rounds.map((a) => a.meetingNumber ?? 0))].sort((a, b) => a - b);
  // The first aggregate of each meeting and preset, looked up rather than searched for (999 meetings).
  const first = new Map<string, ShareableAggregate>();
  for (const a of rounds) if (!first.has(`${a.meetingNumber}|${a.question.preset}`)) first.set(`${a.meetingNumber}|${a.question.preset}`, a);
  const series = (['usefulness', 'dialogue'] as const).map((preset) => ({
    label: l.presets[preset] ?? preset,
    values: numbers.map((n) => first.get(`${n}|${preset}`)?.scale?.mean ?? null),
  }));
  return [
    ...head,
    { type: 'paragraph', text: fill(l.feedbackIntro, { min: MIN_ANSWERS_TO_REPORT }), tone: 'muted' },
    { type: 'chart', title: l.chartTitle, categories: numbers.map(String), series, min: 1, max: 5 },
    {
      type: 'table',
      columns: [
        { header: l.colMeeting, width: 2 },
        { header: l.colQuestion, width: 6 },
        { header: l.colMean, width: 2 },
        { header: l.colN, width: 2 },
      ],
      rows: rounds.map((a) => [String(a.meetingNumber ?? ''), questionLabel(a.question, l), aggregateValue(a, l, language), String(a.n)]),
    },
  ];
}

function evaluationBlocks(feedback: ReturnType<typeof shareableFeedback>, l: SummaryLabels, language: Language): Block[] {
  const blocks: Block[] = [{ type: 'heading', text: l.evaluation }];
  const evaluation = feedback.aggregates.filter((a) => a.instrument === 'evaluation');
  const midpoint = feedback.aggregates.filter((a) => a.instrument === 'midpoint');
  const quotes = feedback.quotes.filter((q) => q.instrument === 'evaluation' || q.instrument === 'round' || q.instrument === 'midpoint');
  if (feedback.selfCheckChanges.length > 0) {
    blocks.push({ type: 'heading', text: l.selfCheck, level: 2 });
    blocks.push({
      type: 'table',
      columns: [
        { header: l.colQuestion, width: 6 },
        { header: l.colStart, width: 2 },
        { header: l.colEnd, width: 2 },
        { header: l.colChange, width: 2 },
      ],
      rows: feedback.selfCheckChanges.map((c) => [
        questionLabel(c.question, l),
        `${mean(c.startMean, language)} (n = ${c.startN})`,
        `${mean(c.endMean, language)} (n = ${c.endN})`,
        formatChange(c.change, language),
      ]),
    });
  }
  // The mid-point check's aggregates, under the same minimum-answers rule (feedback/shareable.ts).
  if (midpoint.length > 0) {
    blocks.push({ type: 'heading', text: fill(l.midpoint, { number: midpoint[0]!.meetingNumber ?? '' }), level: 2 });
    blocks.push({
      type: 'table',
      columns: [
        { header: l.colQuestion, width: 6 },
        { header: l.colMean, width: 3 },
        { header: l.colN, width: 2 },
      ],
      rows: midpoint.map((a) => [questionLabel(a.question, l), aggregateValue(a, l, language), String(a.n)]),
    });
  }
  if (evaluation.length > 0) {
    blocks.push({ type: 'heading', text: l.finalEvaluation, level: 2 });
    blocks.push({
      type: 'table',
      columns: [
        { header: l.colQuestion, width: 6 },
        { header: l.colMean, width: 3 },
        { header: l.colN, width: 2 },
      ],
      rows: evaluation.map((a) => [questionLabel(a.question, l), aggregateValue(a, l, language), String(a.n)]),
    });
  }
  if (quotes.length > 0) {
    blocks.push({ type: 'heading', text: l.quotes, level: 2 });
    blocks.push({ type: 'list', items: quotes.map((q) => `”${q.text}”`) });
  }
  if (blocks.length === 1) blocks.push({ type: 'paragraph', text: fill(l.noEvaluation, { min: MIN_ANSWERS_TO_REPORT }), tone: 'muted' });
  return blocks;
}

function decisionBlocks(db: ShareableDb, l: SummaryLabels, conclusions: string): Block[] {
  const decision = continuationDecision(db);
  const blocks: Block[] = [
    { type: 'heading', text: l.decision },
    { type: 'field', label: l.decisionLabel, value: decision.decision ? l.continuation[decision.decision] : l.decisionNone },
  ];
  if (decision.rationale) blocks.push({ type: 'field', label: l.rationale, value: decision.rationale });
  if (conclusions.trim()) {
    blocks.push({ type: 'heading', text: l.conclusions, level: 2 });
    for (const paragraph of conclusions.split(/\n{2,}/)) blocks.push({ type: 'paragraph', text: paragraph.trim() });
  }
  return blocks;
}

export function summaryDocument(store: Database, settings: SummarySettings): ExportDocument {
  const db = shareableDb(store);
  const language = settings.language;
  const l = SUMMARY_LABELS[language];
  const facts = programmeFacts(db);
  const feedback = settings.sections.feedback || settings.sections.evaluation ? shareableFeedback(db) : null;
  const { sections } = settings;
  const blocks: Block[] = [
    { type: 'title', text: l.title },
    ...(facts ? [{ type: 'subtitle' as const, text: facts.name }] : []),
    ...(sections.programme ? programmeBlocks(db, l, language) : []),
    ...(sections.meetings ? meetingBlocks(db, l, language, settings.attendanceNames) : []),
    ...(sections.themes ? themeBlocks(db, l) : []),
    ...(sections.ideas ? ideaBlocks(db, l) : []),
    ...(sections.feedback && feedback ? feedbackBlocks(feedback, l, language) : []),
    ...(sections.evaluation && feedback ? evaluationBlocks(feedback, l, language) : []),
    ...(sections.decision ? decisionBlocks(db, l, settings.conclusions) : []),
  ];
  return {
    title: facts ? `${l.title} – ${facts.name}` : l.title,
    language: localeOf(language),
    blocks,
    pageLabel: l.pageLabel,
    runningHead: facts ? `${facts.name} · ${l.title}` : l.title,
  };
}
