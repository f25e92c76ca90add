import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportResult } from '@shared/domain';
import { call, createTestBackend, dumpDatabase, expectFail, makeTempDir, removeTempDirs, validSetup, type TestBackend } from './helpers';

let backend: TestBackend;
beforeEach(() => {
  backend = createTestBackend(makeTempDir());
  call(backend, 'programme.setup', validSetup());
  call(backend, 'agreement.start', { template: 'fi' });
});
afterEach(() => {
  backend.close();
  removeTempDirs();
});

async function download(input: { version: number | null; language: 'fi' | 'en'; format: 'pdf' | 'docx' }) {
  const envelope = await backend.call('agreement.export', input);
  if (!envelope.ok) throw new Error(envelope.error.message);
  const result = envelope.value as ExportResult;
  if (result.delivery !== 'download') throw new Error('expected a download');
  return { ...result, bytes: Buffer.from(result.base64, 'base64') };
}
const pdfText = (bytes: Buffer) => {
  const file = join(makeTempDir(), 'a.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
};
const docxText = (bytes: Buffer) => strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']!);

describe('printing the agreement', () => {
  it('an agreed version prints exactly that version, with a signature line per member, and nothing of the draft', async () => {
    const goal = call(backend, 'agreement.get', undefined)!.goals[0]!;
    call(backend, 'agreement.updateGoal', { id: goal.id, text: 'Esihenkilöiden työhyvinvointi ja jaksaminen paranevat.' });
    const v1 = call(backend, 'agreement.saveVersion', { agreedOn: '2025-01-20', note: 'Käyty läpi 1. tapaamisessa: tavoitteet muuttuivat' });
    const [a] = call(backend, 'members.list', undefined);
    call(backend, 'agreement.setAcceptance', { versionId: v1.id, memberId: a!.id, acceptedOn: '2025-01-21' });
    call(backend, 'agreement.updateGoal', { id: goal.id, text: 'LUONNOKSEN MUUTOS, ei vielä sovittu' });
    // confidential meeting notes never reach the agreement
    call(backend, 'meetings.saveNotes', { id: call(backend, 'plan.list', undefined)[0]!.id, notes: 'SALAINEN MUISTIINPANO' });

    const before = dumpDatabase(backend.databasePath);
    const pdf = await download({ version: 1, language: 'fi', format: 'pdf' });
    expect(pdf.fileName).toBe('Mentorointisopimus-Vertaisryhmä-Jyväskylä-v1.pdf');
    expect(pdf.mimeType).toBe('application/pdf');
    const text = pdfText(pdf.bytes);
    expect(text).toContain('Esihenkilöiden työhyvinvointi ja jaksaminen paranevat.');
    expect(text).toContain('Versio 1, hyväksytty 20.1.2025');
    expect(text).toContain('Käyty läpi 1. tapaamisessa: tavoitteet muuttuivat');
    expect(text).toContain('Luottamus ensin: ryhmässä puhuttu jää ryhmään.');
    expect(text).toContain('Pelisäännöt');
    expect(text).toContain('tammikuu 2025');
    for (const name of ['Jää Mäkelä', 'Örjan Kärkkäinen', 'Sönke Ylä-Hyyppä', 'Päivi Öhman (fasilitaattori)']) expect(text).toContain(name);
    expect(text.match(/Päiväys ja allekirjoitus/g)).toHaveLength(4);
    expect(text).toContain('Hyväksytty 21.1.2025');
    expect(text).not.toContain('LUONNOKSEN MUUTOS');
    expect(text).not.toContain('LUONNOS');
    expect(text).not.toContain('SALAINEN');
    // exporting reads only
    expect(dumpDatabase(backend.databasePath)).toEqual(before);
  });

  it('the draft is marked as a draft on every page; the other language prints the labels in it', async () => {
    call(backend, 'agreement.addRule', { text: 'Uusi sääntö luonnoksessa' });
    const draft = await download({ version: null, language: 'en', format: 'pdf' });
    expect(draft.fileName).toBe('Mentoring-agreement-Vertaisryhmä-Jyväskylä-DRAFT.pdf');
    const text = pdfText(draft.bytes);
    expect(text).toContain('Draft: this version has not yet been agreed by the group.');
    expect(text).toContain('Uusi sääntö luonnoksessa');
    expect(text).toContain('Ground rules');
    expect(text).toContain('January 2025');
    const pages = text.match(/Page \d+ of \d+/g)!;
    expect(text.match(/DRAFT/g)!.length).toBeGreaterThanOrEqual(pages.length);
  });

  it('as a Word file, with the same content', async () => {
    call(backend, 'agreement.saveVersion', { agreedOn: '2025-01-20', note: '' });
    const docx = await download({ version: 1, language: 'fi', format: 'docx' });
    expect(docx.fileName).toBe('Mentorointisopimus-Vertaisryhmä-Jyväskylä-v1.docx');
    expect(docx.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const xml = docxText(docx.bytes);
    expect(xml).toContain('Luottamus ensin: ryhmässä puhuttu jää ryhmään.');
    expect(xml).toContain('Örjan Kärkkäinen');
    expect(xml).toContain('Päiväys ja allekirjoitus');
  });

  it('an unknown version is not found; a bad format or language is refused at the field', async () => {
    expectFail(await backend.call('agreement.export', { version: 2, language: 'fi', format: 'pdf' }), 'not_found');
    const error = expectFail(await backend.call('agreement.export', { version: null, language: 'sv', format: 'odt' }), 'invalid_input');
    expect(error.issues).toEqual([
      { path: 'language', message: 'invalidLanguage' },
      { path: 'format', message: 'invalidExportFormat' },
    ]);
  });
});
