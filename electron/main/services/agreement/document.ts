import { GOAL_KINDS, PRACTICALITY_KEYS, type AgreementLanguage, type AgreementSnapshot, type AgreementVersion } from '@shared/domain';
import type { Block, ExportDocument } from '../export/model';
import { formatDate, formatPeriod } from '@shared/vocabulary';
import { AGREEMENT_LABELS, GOAL_SECTION } from './labels';
import { planPlace, planWhen, practicalityText } from './sections';

/**
 * The printable agreement: every section of one snapshot, then a signature line per member.
 * `version` is the agreed version printed, or `null` for the draft, which is marked as a draft
 * on every page. Only the snapshot is read: nothing unsaved or confidential can get in.
 */
export function agreementDocument(
  snapshot: AgreementSnapshot,
  version: AgreementVersion | null,
  language: AgreementLanguage,
): ExportDocument {
  const labels = AGREEMENT_LABELS[language];
  const { parties } = snapshot;
  const blocks: Block[] = [{ type: 'title', text: labels.title }, { type: 'subtitle', text: parties.programmeName }];
  const versionText = version ? labels.versionLine(version.number, formatDate(version.agreedOn, language)) : labels.draftMark;
  if (version) {
    blocks.push({ type: 'paragraph', text: versionText, tone: 'strong' });
    if (version.note) blocks.push({ type: 'field', label: labels.versionNote, value: version.note });
  } else {
    blocks.push({ type: 'notice', text: labels.draftNotice });
  }

  blocks.push({ type: 'heading', text: labels.sections.parties });
  blocks.push({ type: 'field', label: labels.parties.programme, value: parties.programmeName });
  if (parties.organisation) blocks.push({ type: 'field', label: labels.parties.organisation, value: parties.organisation });
  blocks.push({ type: 'field', label: labels.parties.facilitator, value: parties.facilitatorName });
  blocks.push({
    type: 'field',
    label: labels.parties.period,
    value: formatPeriod(parties.startDate, parties.endDate, language),
  });
  blocks.push({ type: 'paragraph', text: `${labels.parties.members}:`, tone: 'strong' });
  blocks.push({ type: 'list', items: parties.members.map((member) => member.name) });

  for (const kind of GOAL_KINDS) {
    const goals = snapshot.goals.filter((goal) => goal.kind === kind);
    if (goals.length === 0) continue;
    blocks.push({ type: 'heading', text: labels.sections[GOAL_SECTION[kind]] });
    blocks.push({ type: 'list', items: goals.map((goal) => goal.text) });
  }

  if (snapshot.rules.length > 0) {
    blocks.push({ type: 'heading', text: labels.sections.rules });
    blocks.push({ type: 'list', ordered: true, items: snapshot.rules.map((rule) => rule.text) });
  }

  const practicalities = PRACTICALITY_KEYS.map((key) => ({
    label: labels.practicalities[key],
    value: practicalityText(key, snapshot.practicalities[key], language),
  })).filter((field) => field.value !== '');
  if (practicalities.length > 0) {
    blocks.push({ type: 'heading', text: labels.sections.practicalities });
    for (const field of practicalities) blocks.push({ type: 'field', ...field });
  }

  if (snapshot.plan.length > 0) {
    blocks.push({ type: 'heading', text: labels.sections.plan });
    blocks.push({
      type: 'table',
      columns: [
        { header: labels.plan.number, width: 0.7 },
        { header: labels.plan.when, width: 2 },
        { header: labels.plan.place, width: 2.6 },
        { header: labels.plan.theme, width: 4.2 },
      ],
      rows: snapshot.plan.map((row) => [
        String(row.number),
        planWhen(row, language) || labels.empty,
        planPlace(row, language) || labels.empty,
        row.plannedTheme || labels.empty,
      ]),
    });
  }

  blocks.push({ type: 'heading', text: labels.acceptance });
  const accepted = new Map((version?.acceptances ?? []).map((a) => [a.memberId, a.acceptedOn]));
  blocks.push({
    type: 'signatures',
    caption: labels.signatureCaption,
    people: [
      ...parties.members.map((member) => {
        const on = accepted.get(member.id);
        return on ? { name: member.name, note: labels.acceptedOn(formatDate(on, language)) } : { name: member.name };
      }),
      { name: `${parties.facilitatorName} (${labels.parties.facilitator.toLowerCase()})` },
    ],
  });

  return {
    title: `${labels.title} – ${parties.programmeName}`,
    language: labels.locale,
    blocks,
    pageLabel: labels.page,
    runningHead: `${labels.title} · ${parties.programmeName} · ${versionText}`,
    ...(version ? {} : { watermark: labels.draftMark }),
  };
}
