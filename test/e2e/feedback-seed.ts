import type { Page } from '@playwright/test';
import { apiCall, expect } from './fixtures';

/** Feedback test data put in through the app's own API, exactly as the renderer sends it. */
export async function ok<T>(page: Page, name: string, input?: unknown): Promise<T> {
  const result = await apiCall(page, name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.issues ?? [])}`);
  return result.value as T;
}

/** All in the past (rounds are collected in meetings that have taken place), so the tests do not age. */
export const MEETINGS = [
  { plannedDate: '2026-09-15', plannedTheme: 'Tutustuminen ja pelisäännöt' },
  { plannedDate: '2026-10-13', plannedTheme: 'Työhyvinvointi ja jaksaminen' },
  { plannedDate: '2026-11-10', plannedTheme: 'Vaikeat keskustelut' },
  { plannedDate: '2026-11-24', plannedTheme: 'Muutoksen johtaminen' },
] as const;

export async function addMeetings(page: Page): Promise<number[]> {
  const ids: number[] = [];
  for (const row of MEETINGS) {
    const meeting = await ok<{ id: number }>(page, 'plan.add', { ...row, plannedMonth: null, place: '', format: null });
    ids.push(meeting.id);
  }
  return ids;
}

interface Q {
  id: number;
  preset: string | null;
  kind: string;
}

export async function questions(page: Page, instrument: string): Promise<Q[]> {
  return (await ok<{ questions: Q[] }>(page, 'feedback.questions', { instrument })).questions;
}

type Value = number | string;

/** Runs a whole anonymous session: one entry per respondent, values by question preset. */
export async function anonymousSession(
  page: Page,
  start: { instrument: string; meetingId?: number; phase?: string },
  respondents: Record<string, Value>[],
  end = true,
): Promise<number> {
  const qs = await questions(page, start.instrument);
  const survey = await ok<{ id: number }>(page, 'feedback.start', {
    instrument: start.instrument,
    meetingId: start.meetingId ?? null,
    phase: start.phase ?? null,
    anonymous: true,
  });
  for (const values of respondents) {
    const answers = Object.entries(values).map(([preset, value]) => {
      const q = qs.find((x) => x.preset === preset);
      expect(q, preset).toBeDefined();
      return {
        questionId: q!.id,
        score: q!.kind === 'scale' ? value : null,
        choice: q!.kind === 'choice' ? value : null,
        text: q!.kind === 'text' ? value : '',
      };
    });
    await ok(page, 'feedback.submit', { surveyId: survey.id, memberId: null, answers });
  }
  if (end) await ok(page, 'feedback.end', { id: survey.id });
  return survey.id;
}
