import { strToU8, zipSync } from 'fflate';
import { cleanText, type Block, type ExportDocument } from './model';

/**
 * Renders the document as a Word file (Office Open XML): A4, real headings, numbered and bulleted
 * lists, tables with a repeating header row, signature lines and "page n of m" in the footer.
 * Written directly (a few XML parts zipped synchronously) so it runs inside one service call.
 * Word files do not embed fonts here; the text is Unicode, so ä, ö and å show in any font.
 */
export function renderDocx(document: ExportDocument): Buffer {
  const numbering: { ordered: boolean }[] = [];
  const body = document.blocks.map((block) => blockXml(block, numbering)).join('');
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(ROOT_RELS),
    'docProps/core.xml': strToU8(coreXml(document)),
    'word/_rels/document.xml.rels': strToU8(DOCUMENT_RELS),
    'word/document.xml': strToU8(documentXml(document, body)),
    'word/styles.xml': strToU8(stylesXml(document.language)),
    'word/numbering.xml': strToU8(numberingXml(numbering)),
    'word/header1.xml': strToU8(headerXml(document)),
    'word/footer1.xml': strToU8(footerXml(document.pageLabel)),
  };
  return Buffer.from(zipSync(files, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') }));
}

const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const PAGE = { width: 11906, height: 16838, margin: 1134 }; // A4 in twentieths of a point, 2 cm margins
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

const esc = (text: string) =>
  cleanText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A run of text; newlines become line breaks. */
function run(text: string, props = ''): string {
  const rPr = props ? `<w:rPr>${props}</w:rPr>` : '';
  return esc(text)
    .split('\n')
    .map((line, i) => `<w:r>${rPr}${i > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${line}</w:t></w:r>`)
    .join('');
}

const para = (content: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${content}</w:p>`;
const style = (id: string) => `<w:pStyle w:val="${id}"/>`;

function blockXml(block: Block, numbering: { ordered: boolean }[]): string {
  switch (block.type) {
    case 'title':
      return para(run(block.text), style('Title'));
    case 'subtitle':
      return para(run(block.text), style('Subtitle'));
    case 'heading':
      return para(run(block.text), style(block.level === 2 ? 'Heading2' : 'Heading1'));
    case 'paragraph':
      return para(
        run(block.text, block.tone === 'strong' ? '<w:b/>' : block.tone === 'muted' ? '<w:color w:val="555555"/>' : ''),
      );
    case 'field':
      return para(run(`${block.label}: `, '<w:b/>') + run(block.value));
    case 'list': {
      numbering.push({ ordered: block.ordered ?? false });
      const numId = numbering.length;
      return block.items.map((item) => para(run(item), `${style('ListParagraph')}<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${numId}"/></w:numPr>`)).join('');
    }
    case 'table':
      return tableXml(block);
    case 'signatures':
      return block.people
        .map(
          (person) =>
            para('', '<w:keepNext/><w:spacing w:before="480" w:after="0"/>') +
            para(
              run(person.name, '<w:b/>'),
              `<w:keepNext/><w:pBdr><w:top w:val="single" w:sz="6" w:space="4" w:color="1A1A1A"/></w:pBdr><w:spacing w:after="0"/><w:ind w:right="${Math.round(TEXT_WIDTH / 2)}"/>`,
            ) +
            para(
              run(person.note ? `${block.caption} · ${person.note}` : block.caption, '<w:color w:val="555555"/><w:sz w:val="17"/>'),
              `<w:ind w:right="${Math.round(TEXT_WIDTH / 2)}"/>`,
            ),
        )
        .join('');
    case 'chart':
      // Word gets the chart's numbers as a table (a drawn chart would need an embedded chart part).
      return (
        para(run(block.title, '<w:b/>'), '<w:keepNext/>') +
        tableXml({
          type: 'table',
          columns: [{ header: '', width: 3 }, ...block.categories.map((category) => ({ header: category, width: 1 }))],
          rows: block.series.map((series) => [series.label, ...series.values.map((v) => (v === null ? '–' : String(Math.round(v * 10) / 10)))]),
        })
      );
    case 'notice':
      return para(
        run(block.text, '<w:b/><w:color w:val="8A1C1C"/>'),
        '<w:pBdr><w:top w:val="single" w:sz="8" w:space="4" w:color="8A1C1C"/><w:left w:val="single" w:sz="8" w:space="4" w:color="8A1C1C"/><w:bottom w:val="single" w:sz="8" w:space="4" w:color="8A1C1C"/><w:right w:val="single" w:sz="8" w:space="4" w:color="8A1C1C"/></w:pBdr><w:spacing w:after="240"/>',
      );
  }
}

function tableXml(table: Extract<Block, { type: 'table' }>): string {
  const total = table.columns.reduce((sum, column) => sum + column.width, 0);
  const widths = table.columns.map((column) => Math.round((column.width / total) * TEXT_WIDTH));
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="8A8A8A"/>`;
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('');
  const cell = (text: string, i: number, header: boolean) =>
    `<w:tc><w:tcPr><w:tcW w:w="${widths[i]}" w:type="dxa"/>${header ? '<w:shd w:val="clear" w:color="auto" w:fill="EEEEEE"/>' : ''}</w:tcPr>${para(
      run(text, header ? '<w:b/>' : ''),
      '<w:spacing w:before="40" w:after="40"/>',
    )}</w:tc>`;
  const header = `<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>${table.columns.map((c, i) => cell(c.header, i, true)).join('')}</w:tr>`;
  const rows = table.rows.map((row) => `<w:tr><w:trPr><w:cantSplit/></w:trPr>${row.map((c, i) => cell(c, i, false)).join('')}</w:tr>`).join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="${TEXT_WIDTH}" w:type="dxa"/><w:tblBorders>${borders}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>${widths
    .map((w) => `<w:gridCol w:w="${w}"/>`)
    .join('')}</w:tblGrid>${header}${rows}</w:tbl>${para('', '<w:spacing w:after="120"/>')}`;
}

function documentXml(document: ExportDocument, body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ${W_NS}><w:body>${body}<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:footerReference w:type="default" r:id="rIdFooter"/><w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}"/><w:pgMar w:top="${PAGE.margin}" w:right="${PAGE.margin}" w:bottom="${PAGE.margin}" w:left="${PAGE.margin}" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>`;
}

function headerXml(document: ExportDocument): string {
  const parts = [
    document.runningHead ? para(run(document.runningHead, '<w:color w:val="555555"/><w:sz w:val="17"/>')) : '',
    document.watermark ? para(run(document.watermark, '<w:b/><w:color w:val="8A1C1C"/><w:sz w:val="28"/>'), '<w:jc w:val="right"/>') : '',
  ].join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr ${W_NS}>${parts || para('')}</w:hdr>`;
}

/** "Sivu {page}/{pages}" with Word's PAGE and NUMPAGES fields in place of the placeholders. */
function footerXml(label: string): string {
  const props = '<w:color w:val="555555"/><w:sz w:val="17"/>';
  const field = (name: string) =>
    `<w:r><w:rPr>${props}</w:rPr><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:rPr>${props}</w:rPr><w:instrText xml:space="preserve"> ${name} </w:instrText></w:r><w:r><w:rPr>${props}</w:rPr><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr>${props}</w:rPr><w:t>1</w:t></w:r><w:r><w:rPr>${props}</w:rPr><w:fldChar w:fldCharType="end"/></w:r>`;
  const content = label
    .split(/(\{page\}|\{pages\})/)
    .map((piece) => (piece === '{page}' ? field('PAGE') : piece === '{pages}' ? field('NUMPAGES') : piece ? run(piece, props) : ''))
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr ${W_NS}>${para(content, '<w:jc w:val="right"/>')}</w:ftr>`;
}

function stylesXml(language: string): string {
  const heading = (id: string, name: string, size: number, level: number) =>
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="280" w:after="100"/><w:outlineLvl w:val="${level}"/></w:pPr><w:rPr><w:b/><w:sz w:val="${size}"/></w:rPr></w:style>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ${W_NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/><w:sz w:val="21"/><w:szCs w:val="21"/><w:color w:val="1A1A1A"/><w:lang w:val="${esc(language)}"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="100" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="60"/></w:pPr><w:rPr><w:b/><w:sz w:val="40"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="200"/></w:pPr><w:rPr><w:color w:val="555555"/><w:sz w:val="22"/></w:rPr></w:style>${heading('Heading1', 'heading 1', 27, 0)}${heading('Heading2', 'heading 2', 23, 1)}<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="60"/><w:ind w:left="720"/></w:pPr></w:style></w:styles>`;
}

/** One abstract definition per kind, and one numbering instance per list so each restarts at 1. */
function numberingXml(lists: { ordered: boolean }[]): string {
  const abstract = (id: number, ordered: boolean) =>
    `<w:abstractNum w:abstractNumId="${id}"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="${ordered ? 'decimal' : 'bullet'}"/><w:lvlText w:val="${ordered ? '%1.' : '•'}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>`;
  const nums = lists
    .map(
      (list, i) =>
        `<w:num w:numId="${i + 1}"><w:abstractNumId w:val="${list.ordered ? 1 : 0}"/>${list.ordered ? '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>' : ''}</w:num>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering ${W_NS}>${abstract(0, false)}${abstract(1, true)}${nums}</w:numbering>`;
}

function coreXml(document: ExportDocument): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${esc(document.title)}</dc:title><dc:language>${esc(document.language)}</dc:language><dc:creator>Vertaistuki</dc:creator></cp:coreProperties>`;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;

const DOCUMENT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>`;
