import { z } from 'zod';
import { keptText } from './fields';
import { Language } from './settings';

/** The summary's sections, in the order a reader of the report expects them. */
export const SUMMARY_SECTIONS = ['programme', 'meetings', 'themes', 'ideas', 'feedback', 'evaluation', 'decision'] as const;
export const SummarySection = z.enum(SUMMARY_SECTIONS);
export type SummarySection = z.infer<typeof SummarySection>;

export const SummarySections = z.object(
  Object.fromEntries(SUMMARY_SECTIONS.map((s) => [s, z.boolean()])) as Record<SummarySection, z.ZodBoolean>,
);
export type SummarySections = z.infer<typeof SummarySections>;

export const ALL_SECTIONS_ON: SummarySections = Object.fromEntries(SUMMARY_SECTIONS.map((s) => [s, true])) as SummarySections;

/** The facilitator's choices for the next summary, kept between sessions. */
export const SummarySettings = z.object({
  sections: SummarySections,
  /** Names of those present per meeting, only when chosen; counts otherwise. */
  attendanceNames: z.boolean(),
  language: Language,
  /** The facilitator's own conclusions and recommendation, written for the report. */
  conclusions: keptText(20_000),
});
export type SummarySettings = z.infer<typeof SummarySettings>;

export const SummaryMeeting = z.object({
  number: z.number().int(),
  plannedDate: z.string().nullable(),
  plannedMonth: z.string().nullable(),
  place: z.string(),
  format: z.string().nullable(),
  themes: z.array(z.string()),
  present: z.number().int(),
  /** Members marked either way in this meeting. */
  marked: z.number().int(),
  /** Only when names were chosen for this export. */
  presentNames: z.array(z.string()).nullable(),
});
export type SummaryMeeting = z.infer<typeof SummaryMeeting>;

export const SummaryFormat = z.enum(['pdf', 'docx']);
export type SummaryFormat = z.infer<typeof SummaryFormat>;

export const ExportLogEntry = z.object({
  id: z.number().int(),
  exportedAt: z.string(),
  format: SummaryFormat,
  language: Language,
  sections: z.array(SummarySection),
  attendanceNames: z.boolean(),
});
export type ExportLogEntry = z.infer<typeof ExportLogEntry>;

/** The summary as a document: blocks a reader sees, identical in the preview, the PDF and the DOCX. */
export const DocumentBlock = z.discriminatedUnion('type', [
  z.object({ type: z.literal('title'), text: z.string() }),
  z.object({ type: z.literal('subtitle'), text: z.string() }),
  z.object({ type: z.literal('heading'), text: z.string(), level: z.union([z.literal(1), z.literal(2)]).optional() }),
  z.object({ type: z.literal('paragraph'), text: z.string(), tone: z.enum(['normal', 'muted', 'strong']).optional() }),
  z.object({ type: z.literal('field'), label: z.string(), value: z.string() }),
  z.object({ type: z.literal('list'), items: z.array(z.string()), ordered: z.boolean().optional() }),
  z.object({
    type: z.literal('table'),
    columns: z.array(z.object({ header: z.string(), width: z.number() })),
    rows: z.array(z.array(z.string())),
  }),
  z.object({
    type: z.literal('signatures'),
    people: z.array(z.object({ name: z.string(), note: z.string().optional() })),
    caption: z.string(),
  }),
  z.object({ type: z.literal('notice'), text: z.string() }),
  z.object({
    type: z.literal('chart'),
    title: z.string(),
    categories: z.array(z.string()),
    series: z.array(z.object({ label: z.string(), values: z.array(z.number().nullable()) })),
    min: z.number(),
    max: z.number(),
  }),
]);
export type DocumentBlock = z.infer<typeof DocumentBlock>;

export const SummaryDocument = z.object({
  title: z.string(),
  language: z.string(),
  blocks: z.array(DocumentBlock),
  pageLabel: z.string(),
  runningHead: z.string().optional(),
  watermark: z.string().optional(),
});
export type SummaryDocument = z.infer<typeof SummaryDocument>;

export const SummaryExportInput = z.object({ format: SummaryFormat });

/** Closing the programme deletes confidential material for good; the words must be typed to confirm. */
export const ArchiveInput = z.object({ confirm: z.literal('DELETE', { error: 'confirmArchive' }) });
export const ArchiveState = z.object({
  archivedAt: z.string().nullable(),
  /** When the file was wiped clean after closing; null while that is still to finish (`wipe_incomplete`). */
  wipedAt: z.string().nullable(),
  /** The summary as it stood when the programme was closed; null while open. */
  frozen: SummaryDocument.nullable(),
});
export type ArchiveState = z.infer<typeof ArchiveState>;

/**
 * What closing the programme deletes for good and what stays (services/closing/plan.ts maps each
 * to its tables). The renderer words them with `closing.deleted.<key>` and `closing.kept.<key>`.
 */
export const CLOSING_DELETED = ['notes', 'absenceReasons', 'actions', 'tasks', 'feedbackAnswers'] as const;
export type ClosingDeleted = (typeof CLOSING_DELETED)[number];
export const CLOSING_KEPT = [
  'programme',
  'members',
  'agreement',
  'meetingPlan',
  'attendance',
  'themes',
  'ideas',
  'surveys',
  'decision',
  'summary',
  'settings',
] as const;
export type ClosingKept = (typeof CLOSING_KEPT)[number];

export const ClosingPlan = z.object({
  /** Deleted for good, with how many there are now. */
  deleted: z.array(z.object({ key: z.enum(CLOSING_DELETED), count: z.number().int() })),
  /** Kept as they are (the first table's rows counted). */
  kept: z.array(z.object({ key: z.enum(CLOSING_KEPT), count: z.number().int() })),
});
export type ClosingPlan = z.infer<typeof ClosingPlan>;
