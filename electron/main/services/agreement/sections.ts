import {
  GOAL_KINDS,
  PRACTICALITY_KEYS,
  SECTION_KEYS,
  type AgreementLanguage,
  type AgreementSnapshot,
  type Practicalities,
  type SectionKey,
  type SnapshotPlanRow,
} from '@shared/domain';
import { formatDate, formatMonth, formatPeriod, lowerFirst } from '@shared/vocabulary';
import { AGREEMENT_LABELS, GOAL_SECTION } from './labels';

/** One line of a section: `key` identifies the same item across versions (an id or a field). */
export interface SectionLine {
  key: string;
  text: string;
}

export function practicalityText(key: keyof Practicalities, value: Practicalities[keyof Practicalities], language: AgreementLanguage) {
  if (value === null || value === '') return '';
  return typeof value === 'number' ? AGREEMENT_LABELS[language].minutes(value) : value;
}

export function planWhen(row: Pick<SnapshotPlanRow, 'plannedDate' | 'plannedMonth'>, language: AgreementLanguage): string {
  if (row.plannedDate) return formatDate(row.plannedDate, language);
  if (row.plannedMonth) return formatMonth(row.plannedMonth, language);
  return '';
}

/**
 * "Kahvila Aalto (kahvila)", "Kävelytapaaminen" (a table cell), or the free text alone.
 * `inline`: the format alone within a line of text reads in lower case ("… · kävelytapaaminen · …").
 */
export function planPlace(row: Pick<SnapshotPlanRow, 'place' | 'format'>, language: AgreementLanguage, inline = false): string {
  const format = row.format ? AGREEMENT_LABELS[language].formats[row.format] : '';
  if (row.place && format) return `${row.place} (${lowerFirst(format, language)})`;
  if (row.place) return row.place;
  return inline ? lowerFirst(format, language) : format;
}

/** Every section of a snapshot as lines of text, in the printed order and wording. */
export function sectionLines(snapshot: AgreementSnapshot, language: AgreementLanguage): Record<SectionKey, SectionLine[]> {
  const labels = AGREEMENT_LABELS[language];
  const { parties } = snapshot;
  const lines = Object.fromEntries(SECTION_KEYS.map((key) => [key, [] as SectionLine[]])) as Record<SectionKey, SectionLine[]>;
  lines.parties.push(
    { key: 'programme', text: `${labels.parties.programme}: ${parties.programmeName}` },
    ...(parties.organisation ? [{ key: 'organisation', text: `${labels.parties.organisation}: ${parties.organisation}` }] : []),
    { key: 'facilitator', text: `${labels.parties.facilitator}: ${parties.facilitatorName}` },
    {
      key: 'period',
      text: `${labels.parties.period}: ${formatPeriod(parties.startDate, parties.endDate, language)}`,
    },
    ...parties.members.map((member) => ({ key: `member:${member.id}`, text: `${labels.parties.member}: ${member.name}` })),
  );
  for (const kind of GOAL_KINDS) {
    lines[GOAL_SECTION[kind]] = snapshot.goals.filter((goal) => goal.kind === kind).map((goal) => ({ key: `goal:${goal.id}`, text: goal.text }));
  }
  lines.rules = snapshot.rules.map((rule) => ({ key: `rule:${rule.id}`, text: rule.text }));
  lines.practicalities = PRACTICALITY_KEYS.flatMap((key) => {
    const text = practicalityText(key, snapshot.practicalities[key], language);
    return text ? [{ key, text: `${labels.practicalities[key]}: ${text}` }] : [];
  });
  lines.plan = snapshot.plan.map((row) => ({
    key: `meeting:${row.id}`,
    text: [labels.plan.meeting(row.number), planWhen(row, language), planPlace(row, language, true), row.plannedTheme]
      .filter((part) => part !== '')
      .join(' · '),
  }));
  return lines;
}
