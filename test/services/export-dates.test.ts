import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendCaller, buildLeakFixture, must, mustAsync } from './summary-fixture';
import { createTestBackend, makeTempDir, removeTempDirs, type TestBackend } from './helpers';

/**
 * No exported document shows a date or a month the way the database keeps it ("2026-09-15",
 * "2026-05"), in either language: the summary (PDF, DOCX), the agreement (draft and an agreed
 * version with acceptances, PDF and DOCX) and a meeting's brief, over a programme with dated and
 * month-only meetings, actions with due dates, versions and feedback rounds.
 */
const RAW = /\b\d{4}-\d{2}(-\d{2})?\b/g;

let backend: TestBackend;
let dir: string;
let meetingIds: number[];

function textOf(format: 'pdf' | 'docx', base64: string): string {
  const bytes = Buffer.from(base64, 'base64');
  if (format === 'docx') {
    const xml = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']!);
    return xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
  }
  const file = join(dir, 'export.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

async function exported(call: string, input: Record<string, unknown>, format: 'pdf' | 'docx'): Promise<string> {
  const file = await mustAsync<{ delivery: string; base64?: string }>(backend, call, input);
  if (file.delivery !== 'download' || !file.base64) throw new Error('expected the bytes');
  return textOf(format, file.base64);
}

const raw = (text: string) => [...text.matchAll(RAW)].map((m) => text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 10).replace(/\s+/g, ' '));

beforeAll(async () => {
  dir = makeTempDir();
  backend = createTestBackend(dir);
  ({ meetingIds } = await buildLeakFixture(backendCaller(backend), 4));
  must(backend, 'plan.add', { plannedDate: null, plannedMonth: '2026-05', plannedTheme: 'Kuukausi ilman päivää', place: '', format: null });
  const members = must<{ id: number }[]>(backend, 'members.list');
  must(backend, 'actions.add', { meetingId: meetingIds[0], text: 'Toimi, jolla on määräpäivä', ownerMemberId: members[0]!.id, dueDate: '2026-05-20' });
  const version = must<{ id: number }>(backend, 'agreement.saveVersion', { agreedOn: '2025-09-10', note: '' });
  members.slice(0, 3).forEach((member) => must(backend, 'agreement.setAcceptance', { versionId: version.id, memberId: member.id, acceptedOn: '2025-09-12' }));
}, 120_000);
afterAll(() => {
  backend.close();
  removeTempDirs();
});

for (const language of ['fi', 'en'] as const) {
  describe(`exports in ${language}`, () => {
    for (const format of ['pdf', 'docx'] as const) {
      it(`the summary (${format})`, async () => {
        must(backend, 'summary.saveSettings', { ...must<Record<string, unknown>>(backend, 'summary.settings'), language });
        const text = await exported('summary.export', { format }, format);
        expect(text.length).toBeGreaterThan(500);
        expect(raw(text)).toEqual([]);
      }, 60_000);

      for (const version of [null, 1]) {
        it(`the agreement, ${version ? 'version 1' : 'draft'} (${format})`, async () => {
          const text = await exported('agreement.export', { version, language, format }, format);
          expect(text.length).toBeGreaterThan(500);
          expect(raw(text)).toEqual([]);
        }, 60_000);
      }
    }

    it('a meeting brief (pdf)', async () => {
      const text = await exported('brief.export', { meetingId: meetingIds[1], language }, 'pdf');
      expect(text.length).toBeGreaterThan(200);
      expect(raw(text)).toEqual([]);
    }, 60_000);
  });
}
