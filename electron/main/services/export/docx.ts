import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import { cleanText, type Block, type ExportDocument } from './model';

/**
 * Renders the document as a Word file with the `docx` library: A4, real headings, numbered and
 * bulleted lists (each restarting at 1), tables with a repeating header row, signature lines, and
 * "page n of m" in the footer. Word files name a font (Arial) rather than embed one; the text is
 * Unicode, so ä, ö and å show in any font.
 */
const PAGE = { width: 11906, height: 16838, margin: 1134 }; // A4 in twentieths of a point, 2 cm margins
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
const MUTED = '555555';
const ALERT = '8A1C1C';

/** Text runs; a newline in the text becomes a line break. */
function runs(text: string, options: Omit<IRunOptions, 'text' | 'break'> = {}): TextRun[] {
  return cleanText(text)
    .split('\n')
    .map((line, i) => new TextRun({ ...options, text: line, ...(i > 0 ? { break: 1 } : {}) }));
}

function table(block: Extract<Block, { type: 'table' }>): Table {
  const total = block.columns.reduce((sum, column) => sum + column.width, 0);
  const widths = block.columns.map((column) => Math.round((column.width / total) * TEXT_WIDTH));
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'EEEEEE' } } : {}),
      margins: { left: 80, right: 80 },
      children: [new Paragraph({ spacing: { before: 40, after: 40 }, children: runs(text, { bold: header }) })],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: block.columns.map((c, i) => cell(c.header, i, true)) }),
      ...block.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((c, i) => cell(c, i, false)) })),
    ],
  });
}

type Child = Paragraph | Table;

/** What the blocks of one document share while they become Word paragraphs. */
interface Context {
  /** The next list instance, so each list restarts at 1. */
  next: number;
  /** The chart's numbers as the document's language writes them: "4,0" (fi-FI), "4.0" (en-GB). */
  number: Intl.NumberFormat;
}

function blockChildren(block: Block, lists: Context): Child[] {
  switch (block.type) {
    case 'title':
      return [new Paragraph({ heading: HeadingLevel.TITLE, children: runs(block.text) })];
    case 'subtitle':
      return [new Paragraph({ style: 'Subtitle', children: runs(block.text) })];
    case 'heading':
      return [new Paragraph({ heading: block.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_1, children: runs(block.text) })];
    case 'paragraph':
      return [new Paragraph({ children: runs(block.text, block.tone === 'strong' ? { bold: true } : block.tone === 'muted' ? { color: MUTED } : {}) })];
    case 'field':
      return [new Paragraph({ keepLines: true, children: [...runs(`${block.label}: `, { bold: true }), ...runs(block.value)] })];
    case 'list': {
      const instance = lists.next++;
      const reference = block.ordered ? 'numbers' : 'bullets';
      return block.items.map((item) => new Paragraph({ numbering: { reference, level: 0, instance }, children: runs(item) }));
    }
    case 'table':
      return [table(block), new Paragraph({ spacing: { after: 120 }, children: [] })];
    case 'signatures':
      return block.people.flatMap((person) => [
        new Paragraph({ keepNext: true, spacing: { before: 480, after: 0 }, children: [] }),
        new Paragraph({
          keepNext: true,
          spacing: { after: 0 },
          indent: { right: Math.round(TEXT_WIDTH / 2) },
          border: { top: { style: BorderStyle.SINGLE, size: 6, space: 4, color: '1A1A1A' } },
          children: runs(person.name, { bold: true }),
        }),
        new Paragraph({
          indent: { right: Math.round(TEXT_WIDTH / 2) },
          children: runs(person.note ? `${block.caption} · ${person.note}` : block.caption, { color: MUTED, size: 17 }),
        }),
      ]);
    case 'chart':
      // Word gets the chart's numbers as an editable table.
      return [
        new Paragraph({ keepNext: true, children: runs(block.title, { bold: true }) }),
        ...blockChildren(
          {
            type: 'table',
            columns: [{ header: '', width: 3 }, ...block.categories.map((category) => ({ header: category, width: 1 }))],
            rows: block.series.map((series) => [series.label, ...series.values.map((v) => (v === null ? '–' : lists.number.format(v)))]),
          },
          lists,
        ),
      ];
    case 'notice': {
      const side = { style: BorderStyle.SINGLE, size: 8, space: 4, color: ALERT };
      return [
        new Paragraph({
          spacing: { after: 240 },
          border: { top: side, bottom: side, left: side, right: side },
          children: runs(block.text, { bold: true, color: ALERT }),
        }),
      ];
    }
  }
}

/** "Sivu {page}/{pages}" with Word's page fields in place of the placeholders. */
function footer(label: string): Footer {
  const children = label
    .split(/(\{page\}|\{pages\})/)
    .filter((piece) => piece !== '')
    .map((piece) =>
      piece === '{page}'
        ? new TextRun({ children: [PageNumber.CURRENT], color: MUTED, size: 17 })
        : piece === '{pages}'
          ? new TextRun({ children: [PageNumber.TOTAL_PAGES], color: MUTED, size: 17 })
          : new TextRun({ text: piece, color: MUTED, size: 17 }),
    );
  return new Footer({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children })] });
}

function header(document: ExportDocument): Header {
  const children: Paragraph[] = [];
  if (document.runningHead) children.push(new Paragraph({ children: runs(document.runningHead, { color: MUTED, size: 17 }) }));
  if (document.watermark) children.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: runs(document.watermark, { bold: true, color: ALERT, size: 28 }) }));
  return new Header({ children: children.length > 0 ? children : [new Paragraph({ children: [] })] });
}

const level = (format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => ({
  level: 0,
  format,
  text,
  alignment: AlignmentType.LEFT,
  style: { paragraph: { indent: { left: 720, hanging: 360 } } },
});

export async function renderDocx(document: ExportDocument): Promise<Buffer> {
  const lists: Context = { next: 1, number: new Intl.NumberFormat(document.language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) };
  const children = document.blocks.flatMap((block) => blockChildren(block, lists));
  const doc = new Document({
    title: cleanText(document.title),
    creator: 'Vertaistuki',
    styles: {
      default: {
        document: { run: { font: 'Arial', size: 21, color: '1A1A1A', language: { value: document.language } }, paragraph: { spacing: { after: 100, line: 264 } } },
        title: { run: { bold: true, size: 40, color: '1A1A1A' }, paragraph: { spacing: { after: 60 } } },
        heading1: { run: { bold: true, size: 27, color: '1A1A1A' }, paragraph: { keepNext: true, spacing: { before: 280, after: 100 } } },
        heading2: { run: { bold: true, size: 23, color: '1A1A1A' }, paragraph: { keepNext: true, spacing: { before: 240, after: 80 } } },
      },
      paragraphStyles: [
        { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { color: MUTED, size: 22 }, paragraph: { spacing: { after: 200 } } },
      ],
    },
    numbering: {
      config: [
        { reference: 'bullets', levels: [level(LevelFormat.BULLET, '•')] },
        { reference: 'numbers', levels: [level(LevelFormat.DECIMAL, '%1.')] },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, right: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, header: 567, footer: 567 },
          },
        },
        headers: { default: header(document) },
        footers: { default: footer(document.pageLabel) },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
