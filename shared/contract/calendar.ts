import { ExportResult } from '../domain/agreement';
import { CalendarInput, CalendarPreview } from '../domain/calendar';
import type { ContractPart } from './part';

/**
 * The meeting plan as an .ics file. `calendar.export` answers a file (trait `file`: a save dialog
 * on the desktop) and records what each event said, so the next export can raise its SEQUENCE.
 */
export const calendarCalls = {
  'calendar.preview': { input: CalendarInput, output: CalendarPreview },
  'calendar.export': { input: CalendarInput, output: ExportResult, file: true },
} as const satisfies ContractPart;
