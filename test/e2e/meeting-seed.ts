import type { Page } from '@playwright/test';
import { apiCall, expect } from './fixtures';

/** Six planned meetings across the seeded programme, as an agreement's plan would have them. */
export const PLAN = [
  { plannedDate: '2026-09-15', plannedTheme: 'Tutustuminen ja pelisäännöt', place: 'Neuvotteluhuone Kuusi', format: 'office' },
  { plannedDate: '2026-10-13', plannedTheme: 'Työhyvinvointi ja jaksaminen', place: 'Kahvila Pörssi', format: 'cafe' },
  { plannedDate: '2026-11-10', plannedTheme: 'Vaikeat keskustelut', place: 'Näsijärven ranta', format: 'walking' },
  { plannedDate: '2026-12-08', plannedTheme: 'Muutoksen johtaminen', place: 'Ravintola Ähtäri', format: 'lunch' },
  { plannedDate: '2027-01-19', plannedTheme: 'Oppiminen työssä', place: '', format: 'remote' },
  { plannedDate: '2027-02-16', plannedTheme: 'Loppuarviointi', place: 'Neuvotteluhuone Kuusi', format: 'office' },
] as const;

export async function seedPlan(page: Page): Promise<number[]> {
  const ids: number[] = [];
  for (const row of PLAN) {
    const result = await apiCall(page, 'plan.add', { ...row, plannedMonth: null });
    expect(result.ok).toBe(true);
    if (result.ok) ids.push((result.value as { id: number }).id);
  }
  return ids;
}
