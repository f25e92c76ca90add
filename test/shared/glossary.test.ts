import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { i18n as I18n } from 'i18next';
import { SUMMARY_SECTIONS, type Language, type SummaryDocument } from '@shared/domain';
import { AVOID, GLOSSARY, lowerFirst, SELF_CHECK_DIMENSIONS } from '@shared/vocabulary';
import { createI18n } from '../../renderer/src/app/i18n';
import { AGREEMENT_LABELS } from '../../electron/main/services/agreement/labels';
import { agreementDocument } from '../../electron/main/services/agreement/document';
import { snapshotOf } from '../../electron/main/services/agreement/service';
import { SUMMARY_LABELS } from '../../electron/main/services/summary/labels';
import { backendCaller, buildLeakFixture, must } from '../services/summary-fixture';
import { createTestBackend, makeTempDir, openStoreFile, removeTempDirs, type TestBackend } from '../services/helpers';

/**
 * One vocabulary: every domain term is defined once per language (shared/vocabulary/glossary.ts),
 * and the screens, the PDF and the DOCX all take it from there. This fails when a term is spelled
 * differently in two places: a screen and a document, two screens, or two parts of a document.
 */
type Tree = { [key: string]: unknown };
const LANGUAGES: Language[] = ['fi', 'en'];

const leaves = (tree: unknown, path = ''): { path: string; text: string }[] => {
  if (typeof tree === 'string') return [{ path, text: tree }];
  if (typeof tree === 'function') {
    const out = (tree as (...a: unknown[]) => unknown)(2, '1.9.2026');
    return typeof out === 'string' ? [{ path, text: out }] : [];
  }
  if (tree && typeof tree === 'object') return Object.entries(tree as Tree).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [];
};

const localeLeaves = (language: Language) =>
  readdirSync(resolve('renderer/src/locales', language)).flatMap((file) =>
    leaves(JSON.parse(readFileSync(resolve('renderer/src/locales', language, file), 'utf8'))).map((l) => ({ ...l, path: `${file}:${l.path}` })),
  );

const documentTexts = (document: SummaryDocument): string[] =>
  document.blocks.flatMap((block) => {
    switch (block.type) {
      case 'title':
      case 'subtitle':
      case 'heading':
      case 'paragraph':
      case 'notice':
        return [block.text];
      case 'field':
        return [block.label, block.value];
      case 'list':
        return block.items;
      case 'table':
        return [...block.columns.map((c) => c.header), ...block.rows.flat()];
      case 'signatures':
        return [block.caption, ...block.people.flatMap((p) => [p.name, p.note ?? ''])];
      case 'chart':
        return [block.title, ...block.series.map((s) => s.label)];
    }
  });

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const uses = (text: string, name: string) => new RegExp(`(^|[^\\p{L}])${escape(name)}`, 'iu').test(text);

let backend: TestBackend;
const documents: Record<Language, { summary: SummaryDocument; agreement: SummaryDocument }> = {} as never;
const i18n: Record<Language, I18n> = { fi: createI18n('fi'), en: createI18n('en') };

beforeAll(async () => {
  backend = createTestBackend(makeTempDir());
  await buildLeakFixture(backendCaller(backend), 4);
  // A planned meeting with a format and no place: its format stands in the place column.
  must(backend, 'plan.add', { plannedDate: null, plannedMonth: '2026-06', plannedTheme: 'Kävely', place: '', format: 'walking' });
  const store = openStoreFile(backend.databasePath, { readonly: true });
  for (const language of LANGUAGES) {
    const settings = must<Record<string, unknown>>(backend, 'summary.settings');
    must(backend, 'summary.saveSettings', { ...settings, language });
    documents[language] = {
      summary: must<SummaryDocument>(backend, 'summary.preview'),
      agreement: agreementDocument(snapshotOf(store, null), null, language),
    };
  }
  store.close();
}, 60_000);

afterAll(() => {
  backend.close();
  removeTempDirs();
});

describe.each(LANGUAGES)('one vocabulary (%s)', (language) => {
  const glossary = GLOSSARY[language];
  const t = (key: string, options: Record<string, unknown> = {}) => i18n[language].t(key, options);

  it('no text of the product uses another name for a term of the glossary', () => {
    const texts = [
      ...localeLeaves(language),
      ...leaves(SUMMARY_LABELS[language]).map((l) => ({ ...l, path: `summary/labels:${l.path}` })),
      ...leaves(AGREEMENT_LABELS[language]).map((l) => ({ ...l, path: `agreement/labels:${l.path}` })),
      ...documentTexts(documents[language].summary).map((text) => ({ path: 'summary document', text })),
      ...documentTexts(documents[language].agreement).map((text) => ({ path: 'agreement document', text })),
    ];
    const found = texts.flatMap(({ path, text }) =>
      Object.entries(AVOID[language])
        .filter(([name]) => uses(text, name))
        .map(([name, term]) => `${path}: "${text}" says "${name}" (the glossary's ${term} is "${leaves(glossary).find((l) => l.path === term)?.text}")`),
    );
    expect(found).toEqual([]);
  });

  it('screens take a term from the glossary (`$t(term.…)`) instead of keeping a copy of it', () => {
    const terms = new Map(leaves(glossary).map((l) => [l.text.toLocaleLowerCase(), l.path]));
    const copies = localeLeaves(language)
      .filter(({ text }) => terms.has(text.toLocaleLowerCase()))
      .map(({ path, text }) => `${path}: "${text}" copies term.${terms.get(text.toLocaleLowerCase())}`);
    expect(copies).toEqual([]);
  });

  it('the documents’ labels are built from the glossary, not written out again', () => {
    const terms = new Set(leaves(glossary).map((l) => l.text.toLocaleLowerCase()));
    const copies = ['summary', 'agreement'].flatMap((feature) => {
      const source = readFileSync(resolve(`electron/main/services/${feature}/labels.ts`), 'utf8');
      return [...source.matchAll(/'((?:[^'\\]|\\.)+)'/g)].map((m) => m[1]!).filter((literal) => !LANGUAGES.includes(literal as Language) && terms.has(literal.toLocaleLowerCase())); // 'en' is a language code, not the answer "En"
    });
    expect(copies).toEqual([]);
  });

  it('the self-check asks exactly the four questions, on screen and in the summary', () => {
    const questions = SELF_CHECK_DIMENSIONS.map((d) => glossary.selfCheck[d].question);
    if (language === 'fi') expect(questions).toEqual(['Tiedänkö?', 'Osaanko?', 'Kykenenkö?', 'Haluanko?']);
    else expect(questions).toEqual(['Do I know?', 'Can I?', 'Am I able?', 'Do I want?']);
    expect(SELF_CHECK_DIMENSIONS.map((d) => t(`feedback.short.${d}`))).toEqual(questions);
    for (const d of SELF_CHECK_DIMENSIONS) expect(t(`feedback.preset.${d}`).startsWith(`${glossary.selfCheck[d].question} `)).toBe(true);
    const table = documents[language].summary.blocks.find((b) => b.type === 'table' && b.rows.some((r) => questions.some((q) => r[0]!.startsWith(q))));
    expect(table && table.type === 'table' ? table.rows.map((r) => r[0]!.split(' (')[0]) : []).toEqual(questions);
  });

  it('a summary section is called the same on the summary page and in the document', () => {
    const headings = documents[language].summary.blocks.filter((b) => b.type === 'heading' && (b.level ?? 1) === 1).map((b) => (b as { text: string }).text);
    expect(headings).toEqual(SUMMARY_SECTIONS.map((s) => t(`summary.section_${s}`)));
    expect(headings).toEqual(SUMMARY_SECTIONS.map((s) => glossary.summarySection[s]));
  });

  it('feedback dimensions, answers and the decision read the same on screen and in the summary', () => {
    const { blocks } = documents[language].summary;
    const chart = blocks.find((b) => b.type === 'chart');
    expect(chart && chart.type === 'chart' ? chart.series.map((s) => s.label) : []).toEqual([t('feedback.short.usefulness'), t('feedback.short.dialogue')]);
    expect(chart && chart.type === 'chart' ? chart.title : '').toBe(t('feedback.trend.title'));
    const decision = blocks.find((b) => b.type === 'field' && b.label === SUMMARY_LABELS[language].decisionLabel);
    expect(decision && decision.type === 'field' ? decision.value : '').toBe(t('feedback.option.regular'));
    const cells = blocks.flatMap((b) => (b.type === 'table' ? b.rows.flat() : []));
    expect(cells).toContain(`${t('feedback.option.yes')} 3, ${t('feedback.option.maybe')} 1`);
    expect(cells).toContain(t('feedback.option.regular') + ' 4');
  });

  it('a meeting format reads the same on the meetings page, in the agreement and in both documents', () => {
    const plan = documents[language].agreement.blocks.find((b) => b.type === 'table');
    const placeCells = plan && plan.type === 'table' ? plan.rows.map((r) => r[2]!) : [];
    for (const format of ['office', 'walking'] as const) {
      const term = glossary.format[format];
      expect(t(`meetings.format_${format}`)).toBe(term);
      expect(t(`agreement.plan.format_${format}`)).toBe(term);
      expect(placeCells.some((cell) => cell === term || cell.endsWith(`(${lowerFirst(term, language)})`))).toBe(true);
    }
    expect(AGREEMENT_LABELS[language].sections.plan).toBe(t('agreement.sections.plan'));
    // The summary's meetings had a format and no place: "Paikka" shows the format.
    const meetings = documents[language].summary.blocks.find((b) => b.type === 'table' && b.columns[2]?.header === SUMMARY_LABELS[language].colPlace);
    const places = meetings && meetings.type === 'table' ? meetings.rows.map((r) => r[2]) : [];
    expect(places).toEqual(['office', 'cafe', 'walking', 'lunch'].map((f) => glossary.format[f as 'office']));
  });
});

describe('the Finnish fixes of issue 11', () => {
  const t = (key: string, options: Record<string, unknown> = {}) => i18n.fi.t(key, options);
  it('agrees in number and case, and says things once', () => {
    expect(t('agreement.acceptance.count', { accepted: 6, total: 6 })).toBe('Hyväksyneet 6/6');
    // a heading above several goals is plural, on screen and in both documents
    expect(t('agreement.goals.kind_organisation')).toBe('Organisaation tavoitteet');
    for (const document of Object.values(documents.fi)) {
      const texts = documentTexts(document);
      expect(texts).not.toContain('Organisaation tavoite');
      expect(texts.filter((text) => /:\s[^:]*:\s/.test(text) && /toteutui/.test(text))).toEqual([]);
    }
    // a goal as an evaluation item: no "label: goal: …" double colon
    expect(t('feedback.goalItem', { goal: 'Työhyvinvointia esimiehelle: tukea arkeen' })).toBe('Tavoite ”Työhyvinvointia esimiehelle: tukea arkeen” toteutui.');
    expect(t('feedback.decision.help')).not.toMatch(/kirjoitettu johdon yhteenvetoa varten/);
    expect(t('feedback.decision.help')).toMatch(/yhteenvetoon/);
  });
});
