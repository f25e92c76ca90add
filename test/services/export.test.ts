import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { renderDocx } from '../../electron/main/services/export/docx';
import { fontSetIn } from '../../electron/main/services/export/fonts';
import { safeFileName, type Block, type ExportDocument } from '../../electron/main/services/export/model';
import { renderPdf } from '../../electron/main/services/export/pdf';
import { FONTS_DIR, makeTempDir, removeTempDirs } from './helpers';

afterEach(removeTempDirs);

const longList = Array.from({ length: 40 }, (_, i) => `Kohta ${i + 1}: pöytäkirja äänestyksestä ja yöpymisestä Åbossa`);
const sample: ExportDocument = {
  title: 'Koeasiakirja',
  language: 'fi-FI',
  pageLabel: 'Sivu {page}/{pages}',
  runningHead: 'Koeasiakirja · ääkköset',
  blocks: [
    { type: 'title', text: 'Koeasiakirja' },
    { type: 'subtitle', text: 'Älä ylitä öljyä' },
    { type: 'notice', text: 'Huomio & <varoitus>' },
    { type: 'heading', text: 'Väliotsikko' },
    { type: 'paragraph', text: 'Ensimmäinen rivi\nToinen rivi\u0007 ilman ohjausmerkkiä' },
    { type: 'field', label: 'Kustannukset', value: 'Työnantaja maksaa' },
    { type: 'list', ordered: true, items: longList },
    { type: 'table', columns: [{ header: 'Nro', width: 1 }, { header: 'Teema', width: 4 }], rows: [['1', 'Työhyvinvointi'], ['2', 'Muutos']] },
    { type: 'signatures', caption: 'Päiväys ja allekirjoitus', people: [{ name: 'Jää Mäkelä' }, { name: 'Örjan Kärkkäinen', note: 'hyväksytty' }] },
    {
      type: 'chart',
      title: 'Hyödyllisyys tapaamisittain',
      categories: ['1', '2', '3'],
      series: [
        { label: 'Hyödyllisyys', values: [3.5, null, 4.25] },
        { label: 'Dialogi', values: [4, 4.5, 5] },
      ],
      min: 1,
      max: 5,
    },
  ],
};

const pdfText = (bytes: Buffer) => {
  const file = join(makeTempDir(), 'out.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
};

describe('PDF', () => {
  it('is A4 with embedded fonts; every block is there with ä, ö and å intact; pages are numbered', () => {
    const bytes = renderPdf(sample, fontSetIn(FONTS_DIR));
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(bytes);
    for (const expected of ['Koeasiakirja', 'Älä ylitä öljyä', 'Huomio & <varoitus>', 'Väliotsikko', 'Kustannukset: Työnantaja maksaa', 'Jää Mäkelä', 'Päiväys ja allekirjoitus · hyväksytty', 'Työhyvinvointi', 'Kohta 40: pöytäkirja äänestyksestä ja yöpymisestä Åbossa']) {
      expect(text).toContain(expected);
    }
    expect(text).toContain('Toinen rivi ilman ohjausmerkkiä');
    expect(text).toContain('Hyödyllisyys tapaamisittain');
    expect(text).toMatch(/Hyödyllisyys\s+Dialogi/);
    // the long list needs a second page, and the footer counts the pages
    const file = join(makeTempDir(), 'info.pdf');
    writeFileSync(file, bytes);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    for (let page = 1; page <= pages; page += 1) expect(text).toContain(`Sivu ${page}/${pages}`);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/DejaVuSans\s/);
    expect(fonts).toMatch(/DejaVuSans-Bold/);
    expect(fonts.split('\n').slice(2).filter((l) => l.trim()).every((l) => / yes /.test(l))).toBe(true);
  });

  it('never leaves a heading alone at the bottom of a page, whatever follows it', () => {
    const pagesOf = (bytes: Buffer) => pdfText(bytes).split('\f').filter((page) => page.trim() !== '');
    /** The last line of a page above its footer. */
    const lastLine = (page: string) => page.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !/^Sivu \d+\/\d+$/.test(l)).at(-1);
    const followers: Block[] = [
      sample.blocks.find((b) => b.type === 'chart')!,
      { type: 'table', columns: [{ header: 'Nro', width: 1 }, { header: 'Teema', width: 4 }], rows: [['1', 'Pitkä rivi\n'.repeat(6)]] },
      { type: 'field', label: 'Perustelu', value: 'Ryhmä haluaa jatkaa. '.repeat(30) },
      { type: 'heading', level: 2, text: 'Alaotsikko' },
    ];
    const orphans: string[] = [];
    for (const [f, follower] of followers.entries()) {
      // Fill the first page a line at a time, so that the heading meets the bottom at every height.
      for (let lines = 30; lines <= 44; lines += 1) {
        const blocks: Block[] = [
          ...Array.from({ length: lines }, (_, i): Block => ({ type: 'paragraph', text: `Täyterivi ${i + 1}` })),
          { type: 'heading', text: 'Orpo otsikko' },
          follower,
          { type: 'paragraph', text: 'Loppu.' },
        ];
        const pages = pagesOf(renderPdf({ ...sample, runningHead: undefined, blocks }, fontSetIn(FONTS_DIR)));
        if (pages.some((page) => lastLine(page) === 'Orpo otsikko')) orphans.push(`${follower.type} ${f} after ${lines} lines`);
      }
    }
    expect(orphans).toEqual([]);
  }, 60_000);

  it('a watermark is printed on every page only when asked for', () => {
    const marked = pdfText(renderPdf({ ...sample, watermark: 'LUONNOS' }, fontSetIn(FONTS_DIR)));
    expect(marked.match(/LUONNOS/g)?.length).toBe(marked.match(/Sivu \d+\//g)?.length);
    expect(pdfText(renderPdf(sample, fontSetIn(FONTS_DIR)))).not.toContain('LUONNOS');
  });

  it('fonts are parsed once per thread, yet each document carries the text of every glyph it uses', () => {
    // The first document's subset reaches glyphs (e.g. the parts of composed letters) without their
    // characters; a later document laying out those letters must still map them back to text.
    renderPdf(sample, fontSetIn(FONTS_DIR));
    const later = 'ONNISTUU OULU LUONNOS Ölöä ÅÄÖ åäö';
    const text = pdfText(renderPdf({ ...sample, blocks: [{ type: 'paragraph', text: later }, { type: 'heading', text: later }] }, fontSetIn(FONTS_DIR)));
    expect(text).toContain(later);
    expect(text.split(later)).toHaveLength(3);
  });

  it('a long table breaks over pages with its header repeated on each', () => {
    const rows = Array.from({ length: 400 }, (_, i) => [String(i + 1), `Rivi ${i + 1}: työhyvinvointi ja jaksaminen`]);
    const text = pdfText(renderPdf({ ...sample, blocks: [{ type: 'table', columns: [{ header: 'Nro', width: 1 }, { header: 'Teema', width: 4 }], rows }] }, fontSetIn(FONTS_DIR)));
    expect(text).toContain('Rivi 400: työhyvinvointi ja jaksaminen');
    expect(text.match(/Nro\s+Teema/g)!.length).toBe(text.match(/Sivu \d+\//g)!.length);
  });
});

describe('DOCX', () => {
  const parts = (bytes: Buffer) => {
    const files = unzipSync(new Uint8Array(bytes));
    return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
  };

  it('is a Word package with A4 pages, headings, lists, a table, signatures and page fields', async () => {
    const files = parts(await renderDocx({ ...sample, watermark: 'LUONNOS' }));
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'word/numbering.xml', 'docProps/core.xml']),
    );
    const headerPart = Object.keys(files).find((name) => /^word\/header\d*\.xml$/.test(name))!;
    const footerPart = Object.keys(files).find((name) => /^word\/footer\d*\.xml$/.test(name))!;
    const doc = files['word/document.xml']!;
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc).toContain('<w:pStyle w:val="Heading1"/>');
    expect(doc).toContain('Älä ylitä öljyä');
    expect(doc).toContain('Huomio &amp; &lt;varoitus&gt;');
    expect(doc).toContain('<w:tblHeader/>');
    expect(doc).toContain('Kohta 40: pöytäkirja äänestyksestä ja yöpymisestä Åbossa');
    expect(doc).toContain('Örjan Kärkkäinen');
    expect(doc).not.toContain('\u0007');
    expect(doc).toContain('Toinen rivi');
    // the chart's numbers as a table: a missing value is a dash, others with one decimal (see below)
    expect(doc).toMatch(/Hyödyllisyys<\/w:t>.*3,5<\/w:t>.*–<\/w:t>.*4,3<\/w:t>/);
    expect(files[footerPart]).toMatch(/PAGE/);
    expect(files[footerPart]).toMatch(/NUMPAGES/);
    expect(files[headerPart]).toContain('LUONNOS');
    expect(files['word/numbering.xml']).toContain('<w:numFmt w:val="decimal"/>');
  });

  it("writes the chart's numbers as the document's language does: 4,0 in Finnish, 4.0 in English", async () => {
    const cells = async (language: string) =>
      [...parts(await renderDocx({ ...sample, language }))['word/document.xml']!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    const fi = await cells('fi-FI');
    expect(fi.slice(fi.indexOf('Dialogi'), fi.indexOf('Dialogi') + 4)).toEqual(['Dialogi', '4,0', '4,5', '5,0']);
    const en = await cells('en-GB');
    expect(en.slice(en.indexOf('Dialogi'), en.indexOf('Dialogi') + 4)).toEqual(['Dialogi', '4.0', '4.5', '5.0']);
  });

  it('restarts the numbering of each ordered list at one', async () => {
    const files = parts(await renderDocx({ ...sample, blocks: [{ type: 'list', ordered: true, items: ['a'] }, { type: 'list', ordered: true, items: ['b'] }] }));
    const numIds = [...files['word/document.xml']!.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]);
    expect(new Set(numIds).size).toBe(2);
  });
});

describe('file names', () => {
  it('keep Finnish letters and drop what no file system accepts', () => {
    expect(safeFileName('Mentorointisopimus-Vertaisryhmä Jyväskylä/Äänekoski: v1?', 'pdf')).toBe(
      'Mentorointisopimus-Vertaisryhmä-JyväskyläÄänekoski-v1.pdf',
    );
    expect(safeFileName('...', 'docx')).toBe('document.docx');
  });
});
