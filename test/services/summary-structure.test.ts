import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Database } from 'better-sqlite3';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_SECTIONS_ON } from '@shared/domain';
import { closeDatabase, openDatabase } from '../../electron/main/services/db/connection';
import { loadMigrations } from '../../electron/main/services/db/migrate';
import { NotShareableError, probeFor, refusalOf, shareableDb } from '../../electron/main/services/db/shareable';
import { summaryDocument } from '../../electron/main/services/summary/document';
import { createTestBackend, MIGRATIONS_DIR, makeTempDir, removeTempDirs, testKeyFor } from './helpers';
import { backendCaller, buildLeakFixture, mustAsync } from './summary-fixture';

/**
 * Confidentiality by construction, checked on the code itself. Every SQL text in the summary's
 * folder and in the feedback door is prepared against a probe database that holds only the
 * `shareable_*` views (plus, outside the read model, the summary's own tables): SQLite's own
 * parser decides what a statement names, so a table in any quoting style, schema-qualified, in a
 * subquery or a CTE cannot slip past. SQL may not be built from pieces there, and what the read
 * model prepares at run time is checked the same way.
 */
const SERVICES = resolve('electron/main/services');
const SUMMARY_FILES = readdirSync(join(SERVICES, 'summary'))
  .filter((file) => file.endsWith('.ts'))
  .map((file) => `summary/${file}`);
const READ_MODEL = ['summary/document.ts', 'summary/sources.ts', 'feedback/shareable.ts'];
const CHECKED = [...new Set([...SUMMARY_FILES, ...READ_MODEL])];
/** The summary's own tables: its settings, the export log (no content) and the frozen summary. */
const SUMMARY_OWN = ['summary_settings', 'export_log', 'summary_archive'];

const STATEMENT = /^\s*(?:select|with|insert|update|delete|replace|pragma|vacuum|attach|create|drop|values)\b/i;

interface Literal {
  file: string;
  text: string;
  /** A template literal with ${…}: SQL built from pieces, which no static check can see through. */
  dynamic: boolean;
}

/** Every string that reads as SQL, in any literal style ('…', "…", `…`), found by the TypeScript parser. */
export function sqlLiterals(file: string, source: string): Literal[] {
  const found: Literal[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (STATEMENT.test(node.text)) found.push({ file, text: node.text, dynamic: false });
    } else if (ts.isTemplateExpression(node)) {
      const text = [node.head.text, ...node.templateSpans.map((span) => `\${…}${span.literal.text}`)].join('');
      if (STATEMENT.test(text)) found.push({ file, text, dynamic: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true));
  return found;
}

/** Every module a file imports or re-exports, statically or at run time (`import()`, `require`), found by the TypeScript parser. */
export function importsOf(source: string): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) {
      const [target] = node.arguments;
      found.push(target && ts.isStringLiteralLike(target) ? target.text : '(computed)');
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile('x.ts', source, ts.ScriptTarget.Latest, true));
  return found;
}

/** Service folders that hold no member's material of their own; the summary may use them. */
const INFRASTRUCTURE = ['db', 'export', 'storage', 'closing'];
const DOOR = 'feedback/shareable';

/** The imports of a file in the services that reach another feature's folder by any path other than the feedback door. */
export function featureImports(file: string, source: string): string[] {
  return importsOf(source).filter((spec) => {
    if (spec === '(computed)') return true; // no static check can see where it leads
    if (!spec.startsWith('.')) return false; // packages and @shared
    const target = relative(SERVICES, resolve(SERVICES, dirname(file), spec)).replace(/\.ts$/, '');
    const [folder, ...rest] = target.split(sep);
    if (rest.length === 0 || folder === 'summary' || INFRASTRUCTURE.includes(folder!)) return false;
    return target.split(sep).join('/') !== DOOR;
  });
}

let store: Database;
let readModelProbe: Database;
let summaryProbe: Database;

beforeAll(() => {
  const dir = makeTempDir();
  store = openDatabase({ path: join(dir, 'structure.sqlite'), key: testKeyFor(dir), migrations: loadMigrations(MIGRATIONS_DIR) });
  readModelProbe = probeFor(store);
  summaryProbe = probeFor(store, SUMMARY_OWN);
});
afterAll(() => {
  readModelProbe.close();
  summaryProbe.close();
  closeDatabase(store);
  removeTempDirs();
});

const literals = () => CHECKED.flatMap((file) => sqlLiterals(file, readFileSync(join(SERVICES, file), 'utf8')));

describe('the summary read model', () => {
  it('has files to check, and SQL in them', () => {
    expect(CHECKED).toEqual(expect.arrayContaining(['summary/document.ts', 'summary/sources.ts', 'summary/handlers.ts', 'summary/archive.ts', 'feedback/shareable.ts']));
    const files = new Set(literals().map((l) => l.file));
    for (const file of ['summary/sources.ts', 'feedback/shareable.ts', 'summary/settings.ts', 'summary/archive.ts']) expect(files).toContain(file);
  });

  it('names only shareable_* views in every query (the summary’s own tables outside the read model)', () => {
    const refused = literals()
      .filter((l) => !l.dynamic)
      .map((l) => {
        const readModel = READ_MODEL.includes(l.file);
        // The read model only reads; the rest of the summary may also write its own tables.
        const refusal = refusalOf(readModel ? readModelProbe : summaryProbe, l.text, { readOnly: readModel });
        return { file: l.file, sql: l.text.replace(/\s+/g, ' '), refusal };
      })
      .filter((l) => l.refusal !== null);
    expect(refused).toEqual([]);
  });

  it('builds no SQL from pieces, so every query can be checked as written', () => {
    const dynamic = literals().filter((l) => l.dynamic);
    expect(dynamic).toEqual([]);
  });

  it('imports other features only through the feedback door', () => {
    const found = SUMMARY_FILES.flatMap((file) => featureImports(file, readFileSync(join(SERVICES, file), 'utf8')).map((spec) => `${file} imports ${spec}`));
    expect(found).toEqual([]);
    expect(SUMMARY_FILES.some((file) => importsOf(readFileSync(join(SERVICES, file), 'utf8')).includes(`../${DOOR}`))).toBe(true);
  });

  it('finds an import of another feature in any form: quotes, re-export, import(), require, a longer path', () => {
    const source = [
      "import { DOOR } from '../feedback/shareable';",
      "import { errors } from '../errors';",
      "import { z } from 'zod';",
      'import { search } from "../meetings/search";',
      "export { listMembers } from '../members/service';",
      "const agreement = await import('../agreement/service');",
      "const midpoint = require('../../services/midpoint/service');",
      'const surveys = await import(`../feedback/surveys`);',
      'const any = await import(name);',
    ].join('\n');
    expect(featureImports('summary/x.ts', source)).toEqual([
      '../meetings/search',
      '../members/service',
      '../agreement/service',
      '../../services/midpoint/service',
      '../feedback/surveys',
      '(computed)',
    ]);
  });

  it('at run time, everything the document prepares reads only shareable_* views', async () => {
    const dir = makeTempDir();
    const backend = createTestBackend(dir);
    await buildLeakFixture(backendCaller(backend), 3);
    await mustAsync(backend, 'summary.export', { format: 'docx' });
    backend.close();
    const db = openDatabase({ path: join(dir, 'vertaistuki.sqlite'), key: testKeyFor(dir), migrations: loadMigrations(MIGRATIONS_DIR) });
    const seen = new Set<string>();
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => {
      seen.add(sql);
      return prepare(sql);
    }) as typeof db.prepare;
    try {
      for (const attendanceNames of [false, true]) summaryDocument(db, { sections: ALL_SECTIONS_ON, attendanceNames, language: 'fi', conclusions: '' });
    } finally {
      closeDatabase(db);
    }
    // The probe's own statements (its schema look-up) are not reads of the data.
    const reads = [...seen].filter((sql) => !/sqlite_schema|pragma_table_info/.test(sql));
    expect(reads.length).toBeGreaterThan(8);
    expect(reads.filter((sql) => refusalOf(readModelProbe, sql) !== null)).toEqual([]);
  });
});

describe('the check itself', () => {
  const BAD = [
    'SELECT text FROM action',
    'SELECT text FROM "action"',
    'SELECT text FROM [action]',
    'SELECT text FROM `action`',
    'SELECT text FROM main.action',
    'SELECT text FROM "main"."action"',
    'SELECT text FROM [main].[meeting_note]',
    'select TEXT from ACTION',
    'SELECT reason FROM absence_reason',
    'SELECT m.number, n.text FROM shareable_meeting m JOIN meeting_note n ON n.meeting_id = m.id',
    'SELECT number FROM shareable_meeting WHERE id IN (SELECT meeting_id FROM task)',
    'SELECT (SELECT text FROM feedback_answer LIMIT 1) AS t',
    'WITH raw AS (SELECT text FROM feedback_answer) SELECT text FROM raw',
    'SELECT * FROM shareable_meeting, "feedback_response"',
    'SELECT body FROM search_index',
    'SELECT sql FROM sqlite_schema',
    "SELECT * FROM pragma_table_info('action')",
    "UPDATE shareable_idea SET text = 'x'",
    "DELETE FROM summary_settings",
  ];

  it.each(BAD)('refuses %s', (sql) => {
    expect(refusalOf(readModelProbe, sql)).not.toBeNull();
  });

  it('lets the summary’s own tables through outside the read model only', () => {
    expect(refusalOf(summaryProbe, 'SELECT document FROM summary_archive WHERE id = 1')).toBeNull();
    expect(refusalOf(summaryProbe, "INSERT INTO export_log (format, language, sections, attendance_names) VALUES ('pdf', 'fi', '[]', 0)", { readOnly: false })).toBeNull();
    expect(refusalOf(summaryProbe, 'DELETE FROM action', { readOnly: false })).not.toBeNull();
    expect(refusalOf(readModelProbe, 'SELECT document FROM summary_archive WHERE id = 1')).not.toBeNull();
    expect(refusalOf(readModelProbe, 'SELECT m."number" FROM [shareable_meeting] m JOIN `shareable_idea` i ON i.meeting_id = m.id')).toBeNull();
  });

  it('finds SQL in every kind of string literal, and SQL built from pieces', () => {
    const source = [
      "const a = 'SELECT text FROM action';",
      'const b = "select text from task";',
      'const c = `SELECT reason FROM absence_reason`;',
      'const d = `SELECT text FROM ${table}`;',
      "const e = 'Export the final summary first.';",
    ].join('\n');
    expect(sqlLiterals('x.ts', source).map((l) => [l.text, l.dynamic])).toEqual([
      ['SELECT text FROM action', false],
      ['select text from task', false],
      ['SELECT reason FROM absence_reason', false],
      ['SELECT text FROM ${…}', true],
    ]);
  });

  it('catches a bad query added to the real read model, in each literal and quoting style', () => {
    const sources = readFileSync(join(SERVICES, 'summary/sources.ts'), 'utf8');
    const sneaked = [
      "const a = 'SELECT text FROM \"action\"';",
      'const b = "SELECT reason FROM [absence_reason]";',
      'const c = `SELECT text FROM \\`meeting_note\\``;',
      'const d = `SELECT text FROM main.task`;',
    ];
    for (const line of sneaked) {
      const found = sqlLiterals('summary/sources.ts', `${sources}\n${line}\n`).filter((l) => refusalOf(readModelProbe, l.text) !== null);
      expect(found.map((l) => l.text), line).toHaveLength(1);
    }
  });

  it('the shareable handle refuses at run time what the probe refuses', () => {
    const handle = shareableDb(store);
    expect(() => handle.all('SELECT text FROM "action"')).toThrow(NotShareableError);
    expect(() => handle.all("UPDATE shareable_idea SET text = 'x'")).toThrow(NotShareableError);
    expect(handle.all('SELECT id FROM shareable_meeting')).toEqual([]);
  });
});
