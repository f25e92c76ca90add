import type { Database } from 'better-sqlite3';
import { ALL_SECTIONS_ON, SUMMARY_SECTIONS, SummarySections, type ExportLogEntry, type SummarySettings } from '@shared/domain';

const DEFAULTS: SummarySettings = { sections: ALL_SECTIONS_ON, attendanceNames: false, language: 'fi', conclusions: '' };

/** The summary's settings; before the first change: every section, counts instead of names, in Finnish. */
export function getSummarySettings(db: Database): SummarySettings {
  const row = db
    .prepare('SELECT sections, attendance_names AS attendanceNames, language, conclusions FROM summary_settings WHERE id = 1')
    .get() as { sections: string; attendanceNames: number; language: SummarySettings['language']; conclusions: string } | undefined;
  if (!row) return DEFAULTS;
  const sections = SummarySections.safeParse(JSON.parse(row.sections));
  return {
    sections: sections.success ? sections.data : ALL_SECTIONS_ON,
    attendanceNames: row.attendanceNames === 1,
    language: row.language,
    conclusions: row.conclusions,
  };
}

export function saveSummarySettings(db: Database, settings: SummarySettings): SummarySettings {
  return db.transaction(() => {
    db.prepare(
      `INSERT INTO summary_settings (id, sections, attendance_names, language, conclusions) VALUES (1, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET sections = excluded.sections, attendance_names = excluded.attendance_names,
         language = excluded.language, conclusions = excluded.conclusions, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
    ).run(JSON.stringify(settings.sections), settings.attendanceNames ? 1 : 0, settings.language, settings.conclusions);
    return getSummarySettings(db);
  })();
}

export const enabledSections = (sections: SummarySettings['sections']) => SUMMARY_SECTIONS.filter((s) => sections[s]);

/** Records that an export happened: when, which format, language and sections. Never content. */
export function logExport(db: Database, format: 'pdf' | 'docx', settings: SummarySettings): void {
  db.prepare('INSERT INTO export_log (format, language, sections, attendance_names) VALUES (?, ?, ?, ?)').run(
    format,
    settings.language,
    JSON.stringify(enabledSections(settings.sections)),
    settings.attendanceNames ? 1 : 0,
  );
}

export function listExports(db: Database): ExportLogEntry[] {
  const rows = db
    .prepare(
      `SELECT id, exported_at AS exportedAt, format, language, sections, attendance_names AS attendanceNames
       FROM export_log ORDER BY id DESC`,
    )
    .all() as (Omit<ExportLogEntry, 'sections' | 'attendanceNames'> & { sections: string; attendanceNames: number })[];
  return rows.map((row) => ({ ...row, sections: JSON.parse(row.sections) as ExportLogEntry['sections'], attendanceNames: row.attendanceNames === 1 }));
}
