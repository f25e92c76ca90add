/**
 * A small, content-agnostic document model for printable exports (A4). A feature builds an
 * `ExportDocument` from its data; `renderPdf` and `renderDocx` turn the same model into files,
 * so the two formats always carry the same text.
 */
export type Block =
  | { type: 'title'; text: string }
  | { type: 'subtitle'; text: string }
  | { type: 'heading'; text: string; level?: 1 | 2 }
  | { type: 'paragraph'; text: string; tone?: 'normal' | 'muted' | 'strong' }
  /** A short label followed by its value, e.g. "Costs: the employer pays". */
  | { type: 'field'; label: string; value: string }
  | { type: 'list'; items: string[]; ordered?: boolean }
  /** `widths` are relative (they are scaled to the text width); the header repeats on new pages. */
  | { type: 'table'; columns: { header: string; width: number }[]; rows: string[][] }
  /** One signature line per person: a rule to sign on, the name under it and a caption. */
  | { type: 'signatures'; people: { name: string; note?: string }[]; caption: string }
  /** A notice in a box, e.g. that the document is a draft. */
  | { type: 'notice'; text: string }
  /**
   * A small line chart: one value per category and series (`null`: no value), on a fixed scale.
   * The PDF draws it; the Word file shows the same numbers as a table.
   */
  | { type: 'chart'; title: string; categories: string[]; series: { label: string; values: (number | null)[] }[]; min: number; max: number };

export interface ExportDocument {
  /** Document metadata (and the PDF's window title). */
  title: string;
  /** BCP 47 language of the text, e.g. `fi-FI`. */
  language: string;
  blocks: Block[];
  /** Printed in the footer of every page; `{page}` and `{pages}` are replaced. */
  pageLabel: string;
  /** A prominent mark at the top of every page, e.g. `DRAFT`; absent for a final document. */
  watermark?: string;
  /** A short line at the top of every page, e.g. the document's name and version. */
  runningHead?: string;
}

export interface FontSet {
  regular: string;
  bold: string;
}

export type FileFormat = 'pdf' | 'docx';

export const MIME_TYPES: Record<FileFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Characters XML 1.0 and PDF text cannot carry (C0 controls other than tab and newline). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
export const cleanText = (text: string) => text.replace(/\r\n?/g, '\n').replace(CONTROL, '');

/** A file name that is safe on Windows, macOS and Linux; keeps Finnish letters. */
export function safeFileName(stem: string, extension: string): string {
  const cleaned = stem
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001F]/g, '')
    .replace(/\s+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 120);
  return `${cleaned || 'document'}.${extension}`;
}
