import PDFDocument from 'pdfkit';
import { documentFont } from './fonts';
import { cleanText, type Block, type ExportDocument, type FontSet } from './model';

const MARGIN = { top: 64, bottom: 64, left: 56, right: 56 };
const COLOR = { text: '#1a1a1a', muted: '#555555', rule: '#8a8a8a', fill: '#eeeeee', notice: '#8a1c1c' };
const SIZE = { title: 20, subtitle: 11, h1: 13.5, h2: 11.5, body: 10.5, small: 8.5 };

type Doc = PDFKit.PDFDocument;

/** Renders the document as an A4 PDF with the given fonts embedded (subset). Synchronous. */
export function renderPdf(document: ExportDocument, fonts: FontSet): Buffer {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    // No default font: pdfkit would open one under the file's name, and then never cache
    // `font('regular')` (same font, other name), re-reading and re-parsing the file on every switch.
    font: null as unknown as string,
    lang: document.language,
    displayTitle: true,
    info: { Title: cleanText(document.title), Creator: 'Vertaistuki' },
  });
  // pdfkit takes a parsed fontkit font as well as a file (its PDFFontSource type does not say so).
  doc.registerFont('regular', documentFont(fonts.regular) as unknown as PDFKit.Mixins.PDFFontSource);
  doc.registerFont('bold', documentFont(fonts.bold) as unknown as PDFKit.Mixins.PDFFontSource);
  doc.font('regular').fontSize(SIZE.body).fillColor(COLOR.text);
  doc.on('pageAdded', () => compactFinishedPage(doc));

  document.blocks.forEach((block, index) => renderBlock(doc, block, document.blocks.slice(index + 1)));
  decoratePages(doc, document);

  doc.end();
  const chunks: Buffer[] = [];
  for (let chunk = doc.read() as Buffer | null; chunk !== null; chunk = doc.read() as Buffer | null) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/**
 * pdfkit keeps every write to a page as an array of its own until the document ends (pages stay
 * open for the "page n of m" footer): about 300 000 small arrays for a summary of 999 meetings,
 * most of its memory. Joining a finished page's writes into one keeps only the bytes. The same
 * bytes in the same order, so the file is unchanged.
 */
function compactFinishedPage(doc: Doc) {
  const pages = (doc as unknown as { _pageBuffer: { content: { buffer: Uint8Array[] } }[] })._pageBuffer;
  const finished = pages[pages.length - 2];
  if (finished && finished.content.buffer.length > 1) finished.content.buffer = [Buffer.concat(finished.content.buffer)];
}

const width = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;
const left = (doc: Doc) => doc.page.margins.left;

/** Starts a new page unless `height` still fits on this one. */
function ensureSpace(doc: Doc, height: number) {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

/** `following`: the blocks after this one (a heading stays on the page with the start of what follows). */
function renderBlock(doc: Doc, block: Block, following: Block[] = []) {
  doc.x = left(doc);
  switch (block.type) {
    case 'title':
      doc.font('bold').fontSize(SIZE.title).fillColor(COLOR.text).text(cleanText(block.text), { width: width(doc) });
      doc.moveDown(0.2);
      break;
    case 'subtitle':
      doc.font('regular').fontSize(SIZE.subtitle).fillColor(COLOR.muted).text(cleanText(block.text), { width: width(doc) });
      doc.moveDown(0.4);
      break;
    case 'heading': {
      const size = block.level === 2 ? SIZE.h2 : SIZE.h1;
      doc.moveDown(0.8);
      // keep a heading with the start of what follows it: as much of it as that block itself keeps together
      ensureSpace(doc, Math.min(headingHeight(doc, block) + leadOf(doc, following), bottom(doc) - doc.page.margins.top));
      doc.font('bold').fontSize(size).fillColor(COLOR.text).text(cleanText(block.text), { width: width(doc) });
      doc.moveDown(0.3);
      break;
    }
    case 'paragraph': {
      const font = block.tone === 'strong' ? 'bold' : 'regular';
      doc.font(font).fontSize(SIZE.body).fillColor(block.tone === 'muted' ? COLOR.muted : COLOR.text);
      ensureSpace(doc, Math.min(doc.heightOfString(cleanText(block.text), { width: width(doc) }), SIZE.body * 3.6));
      doc.text(cleanText(block.text), { width: width(doc) });
      doc.moveDown(0.3);
      break;
    }
    case 'field': {
      // keep a field whole on one page where it fits (a label must not be split from its value)
      doc.font('bold').fontSize(SIZE.body);
      const height = doc.heightOfString(`${cleanText(block.label)}: ${cleanText(block.value)}`, { width: width(doc) });
      ensureSpace(doc, Math.min(height, bottom(doc) - doc.page.margins.top));
      doc.fillColor(COLOR.text);
      doc.font('bold').text(`${cleanText(block.label)}: `, { width: width(doc), continued: true });
      doc.font('regular').text(cleanText(block.value));
      doc.moveDown(0.3);
      break;
    }
    case 'list':
      renderList(doc, block.items, block.ordered ?? false);
      break;
    case 'table':
      renderTable(doc, block);
      break;
    case 'signatures':
      renderSignatures(doc, block);
      break;
    case 'chart':
      renderChart(doc, block);
      break;
    case 'notice': {
      const pad = 8;
      doc.font('bold').fontSize(SIZE.body);
      const height = doc.heightOfString(cleanText(block.text), { width: width(doc) - 2 * pad }) + 2 * pad;
      ensureSpace(doc, height);
      const y = doc.y;
      doc.save().lineWidth(1.2).strokeColor(COLOR.notice).rect(left(doc), y, width(doc), height).stroke().restore();
      doc.fillColor(COLOR.notice).text(cleanText(block.text), left(doc) + pad, y + pad, { width: width(doc) - 2 * pad });
      doc.x = left(doc);
      doc.y = y + height;
      doc.moveDown(0.6);
      doc.fillColor(COLOR.text);
      break;
    }
  }
}

const headingHeight = (doc: Doc, block: Extract<Block, { type: 'heading' }>) => {
  const size = block.level === 2 ? SIZE.h2 : SIZE.h1;
  doc.font('bold').fontSize(size);
  // its text, the space after it, and the space before it (moveDown(0.8) in the font before: at most a heading's)
  return doc.heightOfString(cleanText(block.text), { width: width(doc) }) + size * 0.4 + SIZE.h1;
};

/**
 * The height a block needs on the page before it can start there: what its own page-break check
 * asks for (a paragraph's first lines, a field whole, a table's header and first row, a chart
 * whole…). A heading's lead is its own height and the lead of the block after it.
 */
function leadOf(doc: Doc, blocks: Block[]): number {
  const [block, ...rest] = blocks;
  if (!block) return 0;
  const text = (value: string, font: 'regular' | 'bold' = 'regular', inset = 0) => {
    doc.font(font).fontSize(SIZE.body);
    return doc.heightOfString(cleanText(value), { width: width(doc) - inset });
  };
  switch (block.type) {
    case 'heading':
      return headingHeight(doc, block) + leadOf(doc, rest);
    case 'title':
    case 'subtitle':
      return SIZE.title * 1.4;
    case 'paragraph':
      return Math.min(text(block.text, block.tone === 'strong' ? 'bold' : 'regular'), SIZE.body * 3.6);
    case 'field':
      return Math.min(text(`${block.label}: ${block.value}`, 'bold'), bottom(doc) - doc.page.margins.top);
    case 'list':
      return block.items[0] === undefined ? 0 : Math.min(text(block.items[0], 'regular', 24), SIZE.body * 3);
    case 'table':
      return tableLead(doc, block);
    case 'chart':
      return CHART_HEIGHT + 60;
    case 'signatures':
      return SIGNATURE_HEIGHT;
    case 'notice':
      return text(block.text, 'bold', 16) + 16;
  }
}

function renderList(doc: Doc, items: string[], ordered: boolean) {
  const indent = 24;
  doc.font('regular').fontSize(SIZE.body).fillColor(COLOR.text);
  items.forEach((item, index) => {
    const text = cleanText(item);
    const height = doc.heightOfString(text, { width: width(doc) - indent });
    ensureSpace(doc, Math.min(height, SIZE.body * 3));
    const y = doc.y;
    doc.text(ordered ? `${index + 1}.` : '•', left(doc), y, { width: indent, lineBreak: false });
    doc.text(text, left(doc) + indent, y, { width: width(doc) - indent });
    doc.moveDown(0.25);
  });
  doc.x = left(doc);
  doc.moveDown(0.2);
}

const TABLE_PAD = 4;

/** A table's row measure: its cells' tallest text at the column widths. */
function tableRowHeight(doc: Doc, table: Extract<Block, { type: 'table' }>) {
  const total = table.columns.reduce((sum, column) => sum + column.width, 0);
  const widths = table.columns.map((column) => (column.width / total) * width(doc));
  const rowHeight = (cells: string[], font: 'regular' | 'bold') => {
    doc.font(font).fontSize(SIZE.body - 0.5);
    return Math.max(...cells.map((cell, i) => doc.heightOfString(cleanText(cell) || ' ', { width: widths[i]! - 2 * TABLE_PAD }))) + 2 * TABLE_PAD;
  };
  return { widths, rowHeight };
}

/** The header row and the first row: a table never starts with its header alone. */
function tableLead(doc: Doc, table: Extract<Block, { type: 'table' }>): number {
  const { rowHeight } = tableRowHeight(doc, table);
  return rowHeight(table.columns.map((column) => column.header), 'bold') + (table.rows[0] ? rowHeight(table.rows[0], 'regular') : 0);
}

function renderTable(doc: Doc, table: Extract<Block, { type: 'table' }>) {
  const pad = TABLE_PAD;
  const { widths, rowHeight } = tableRowHeight(doc, table);
  // Each row is measured once: the page-break check and the drawing share the height.
  const drawRow = (cells: string[], font: 'regular' | 'bold', fill: boolean, height = rowHeight(cells, font)) => {
    const y = doc.y;
    let x = left(doc);
    cells.forEach((cell, i) => {
      const w = widths[i]!;
      if (fill) doc.save().fillColor(COLOR.fill).rect(x, y, w, height).fill().restore();
      doc.save().lineWidth(0.6).strokeColor(COLOR.rule).rect(x, y, w, height).stroke().restore();
      doc.font(font).fontSize(SIZE.body - 0.5).fillColor(COLOR.text).text(cleanText(cell), x + pad, y + pad, { width: w - 2 * pad });
      x += w;
    });
    doc.x = left(doc);
    doc.y = y + height;
  };
  const header = table.columns.map((column) => column.header);
  const headerHeight = rowHeight(header, 'bold');
  ensureSpace(doc, tableLead(doc, table));
  drawRow(header, 'bold', true, headerHeight);
  for (const row of table.rows) {
    const height = rowHeight(row, 'regular');
    if (doc.y + height > bottom(doc)) {
      doc.addPage();
      drawRow(header, 'bold', true, headerHeight);
    }
    drawRow(row, 'regular', false, height);
  }
  doc.moveDown(0.6);
}

const SERIES_COLORS = ['#0c6660', '#b3541e', '#5b4a9e', '#8a1c1c'];
const SERIES_DASH = [null, 4, 1.5, 6] as const;

const CHART_HEIGHT = 150;
const SIGNATURE_HEIGHT = 78;

function renderChart(doc: Doc, chart: Extract<Block, { type: 'chart' }>) {
  const height = CHART_HEIGHT;
  const axis = 28;
  ensureSpace(doc, height + 60);
  doc.font('bold').fontSize(SIZE.body).fillColor(COLOR.text).text(cleanText(chart.title), left(doc), doc.y, { width: width(doc) });
  const top = doc.y + 6;
  const x0 = left(doc) + axis;
  const plotWidth = width(doc) - axis - 8;
  const span = chart.max - chart.min || 1;
  const yOf = (value: number) => top + height - ((Math.min(Math.max(value, chart.min), chart.max) - chart.min) / span) * height;
  const step = chart.categories.length > 1 ? plotWidth / (chart.categories.length - 1) : 0;
  const xOf = (i: number) => (chart.categories.length > 1 ? x0 + i * step : x0 + plotWidth / 2);
  doc.font('regular').fontSize(SIZE.small).fillColor(COLOR.muted);
  const ticks = span <= 10 && Number.isInteger(chart.min) && Number.isInteger(chart.max) ? span : 4;
  for (let i = 0; i <= ticks; i += 1) {
    const value = chart.min + (span * i) / ticks;
    const y = yOf(value);
    doc.save().lineWidth(0.4).strokeColor('#d0d0d0').moveTo(x0, y).lineTo(x0 + plotWidth, y).stroke().restore();
    doc.text(String(Math.round(value * 10) / 10), left(doc), y - 4, { width: axis - 6, align: 'right', lineBreak: false });
  }
  chart.categories.forEach((category, i) =>
    doc.text(cleanText(category), xOf(i) - 20, top + height + 4, { width: 40, align: 'center', lineBreak: false }),
  );
  chart.series.forEach((series, s) => {
    const color = SERIES_COLORS[s % SERIES_COLORS.length]!;
    const dash = SERIES_DASH[s % SERIES_DASH.length];
    const points = series.values.map((value, i) => (value === null ? null : ([xOf(i), yOf(value)] as const)));
    doc.save().lineWidth(1.6).strokeColor(color);
    if (dash) doc.dash(dash, { space: 2.5 });
    let drawing = false;
    for (const point of points) {
      if (!point) {
        drawing = false;
        continue;
      }
      if (drawing) doc.lineTo(point[0], point[1]);
      else doc.moveTo(point[0], point[1]);
      drawing = true;
    }
    doc.stroke().restore();
    for (const point of points) if (point) doc.save().fillColor(color).circle(point[0], point[1], 2.6).fill().restore();
  });
  // legend
  let x = x0;
  const legendY = top + height + 20;
  chart.series.forEach((series, s) => {
    const color = SERIES_COLORS[s % SERIES_COLORS.length]!;
    doc.save().lineWidth(2).strokeColor(color).moveTo(x, legendY + 4).lineTo(x + 16, legendY + 4).stroke().restore();
    doc.font('regular').fontSize(SIZE.small).fillColor(COLOR.text);
    const label = cleanText(series.label);
    doc.text(label, x + 20, legendY, { lineBreak: false });
    x += 20 + doc.widthOfString(label) + 18;
  });
  doc.x = left(doc);
  doc.y = legendY + 18;
  doc.fillColor(COLOR.text);
}

function renderSignatures(doc: Doc, block: Extract<Block, { type: 'signatures' }>) {
  const gap = 28;
  const columnWidth = (width(doc) - gap) / 2;
  const cellHeight = SIGNATURE_HEIGHT;
  block.people.forEach((person, index) => {
    const column = index % 2;
    if (column === 0) ensureSpace(doc, cellHeight);
    const x = left(doc) + column * (columnWidth + gap);
    const y = doc.y;
    const lineY = y + 34;
    doc.save().lineWidth(0.8).strokeColor(COLOR.text).moveTo(x, lineY).lineTo(x + columnWidth, lineY).stroke().restore();
    doc.font('bold').fontSize(SIZE.body).fillColor(COLOR.text).text(cleanText(person.name), x, lineY + 4, { width: columnWidth });
    const caption = person.note ? `${block.caption} · ${person.note}` : block.caption;
    doc.font('regular').fontSize(SIZE.small).fillColor(COLOR.muted).text(cleanText(caption), x, doc.y + 1, { width: columnWidth });
    doc.x = left(doc);
    doc.y = column === 1 || index === block.people.length - 1 ? y + cellHeight : y;
  });
  doc.fillColor(COLOR.text);
}

/** Running head, the draft mark and "page n of m" on every page, drawn once all pages exist. */
function decoratePages(doc: Doc, document: ExportDocument) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const { margins } = doc.page;
    const saved = margins.bottom;
    margins.bottom = 0; // writing into the margin must not start a new page
    const w = doc.page.width - margins.left - margins.right;
    doc.font('regular').fontSize(SIZE.small).fillColor(COLOR.muted);
    if (document.runningHead) doc.text(cleanText(document.runningHead), margins.left, 32, { width: w, lineBreak: false });
    const label = document.pageLabel.replace('{page}', String(i - range.start + 1)).replace('{pages}', String(range.count));
    doc.text(label, margins.left, doc.page.height - 40, { width: w, align: 'right', lineBreak: false });
    if (document.watermark) {
      // Horizontal, in the top margin: unmistakable on paper, and it never mixes into the text.
      doc.font('bold').fontSize(15).fillColor(COLOR.notice);
      doc.text(cleanText(document.watermark), margins.left, 26, { width: w, align: 'right', lineBreak: false });
      doc.save().lineWidth(1.5).strokeColor(COLOR.notice).moveTo(margins.left, 46).lineTo(margins.left + w, 46).stroke().restore();
    }
    margins.bottom = saved;
  }
}
