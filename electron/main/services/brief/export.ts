import type { Database } from 'better-sqlite3';
import type { BriefInput } from '@shared/domain';
import type { ExportSource } from '../export/jobs';
import { briefDocument } from './document';
import { BRIEF_LABELS } from './labels';

/** What the brief's PDF prints, read in the export worker's snapshot. */
export function briefExport(db: Database, { meetingId, language }: BriefInput): ExportSource<null> {
  const document = briefDocument(db, meetingId, language);
  const number = db.prepare('SELECT number FROM meeting WHERE id = ?').pluck().get(meetingId) as number;
  return { document, format: 'pdf', stem: BRIEF_LABELS[language].fileStem(number), meta: null };
}
