import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { apiCall, expect, SEED, seedGroup, test } from './fixtures';
import { seedPlan } from './meeting-seed';

/**
 * Issue 12's happy path, in both languages, with axe: the early warnings on the meetings page, the
 * calendar file saved there, reflection prompts picked by keyboard for a meeting, the meeting
 * brief on screen and as a PDF, and the prompts in meeting mode. Screenshots: test-results/screens/.
 */
const T = {
  fi: {
    meetings: 'Tapaamiset',
    health: 'Ryhmän tilanne',
    warnings: 'Varhaiset varoitukset',
    lowAttendance: /Alle puolet ryhmästä oli paikalla/,
    calendar: 'Kalenteritiedosto',
    saveCalendar: 'Tallenna kalenteritiedosto',
    open4: 'Avaa tapaaminen 4',
    prompts: 'Pohdintakysymykset',
    bank: 'Valmis kysymys alkukierrokselle',
    addBank: 'Lisää alkukierrokselle',
    own: /Oma kysymys loppukierrokselle/,
    checkinList: 'Alkukierroksen kysymykset',
    showBrief: 'Näytä muistilista',
    briefTitle: /Muistilista: tapaaminen 4/,
    saveBrief: 'Tallenna muistilista (PDF)',
    briefFile: 'muistilista-tapaaminen-4.pdf',
    startLive: 'Aloita tapaamistila',
    closingStep: /Palautekierros/,
    closingList: 'Loppukierroksen kysymykset',
    ownPrompt: 'Mikä tästä jää mieleen?',
    ownWording: /Oma loppukierroksen kysymys 1/,
    feedback: 'Palaute ja arviointi',
    midpointTab: 'Väliarviointi',
    plannedFor4: 'Väliarviointi on suunniteltu tapaamiseen 4 (8.12.2026), joka on lähinnä puoliväliä.',
    chooseMeeting: 'Tapaaminen, jossa väliarviointi pidetään',
    meeting3: 'Tapaaminen 3 (10.11.2026)',
    plannedFor3: 'Väliarviointi on suunniteltu valitsemaasi tapaamiseen 3 (10.11.2026).',
    survey: 'Väliarvioinnin kysymykset ryhmälle',
    named: 'Fasilitaattori kirjaa',
    start: 'Aloita',
    record: (name: string) => `Kirjaa vastaukset: ${name}`,
    goals: 'Ovatko ryhmän tavoitteet yhä oikeat?',
    partly: 'Osittain',
    rhythm: 'Sopiiko tapaamisten tahti?',
    right: 'Sopiva',
    save: 'Tallenna vastaukset',
    end: 'Lopeta kierros',
    makeVersion: 'Tallenna uusi sopimusversio',
    versionMade: /Sopimuksen versio 2 tehtiin väliarvioinnin pohjalta/,
  },
  en: {
    meetings: 'Meetings',
    health: 'How the group is doing',
    warnings: 'Early warnings',
    lowAttendance: /Under half of the group came/,
    calendar: 'Calendar file',
    saveCalendar: 'Save calendar file',
    open4: 'Open meeting 4',
    prompts: 'Reflection prompts',
    bank: 'Ready-made prompt for the check-in',
    addBank: 'Add to the check-in',
    own: /Your own closing prompt/,
    checkinList: 'Check-in round prompts',
    showBrief: 'Show the brief',
    briefTitle: /Brief: meeting 4/,
    saveBrief: 'Save the brief (PDF)',
    briefFile: 'brief-meeting-4.pdf',
    startLive: 'Start meeting mode',
    closingStep: /Feedback round/,
    closingList: 'Closing round prompts',
    ownPrompt: 'What stays with me from this?',
    ownWording: /Your own closing prompt 1/,
    feedback: 'Feedback and evaluation',
    midpointTab: 'Mid-point check',
    plannedFor4: 'The mid-point check is planned for meeting 4 (8 December 2026), the one nearest the midpoint.',
    chooseMeeting: 'Meeting where the mid-point check is held',
    meeting3: 'Meeting 3 (10 November 2026)',
    plannedFor3: 'The mid-point check is planned for meeting 3 (10 November 2026), as you chose.',
    survey: "The mid-point check's questions for the group",
    named: 'The facilitator records',
    start: 'Start',
    record: (name: string) => `Record answers: ${name}`,
    goals: "Are the group's goals still the right ones?",
    partly: 'Partly',
    rhythm: 'Does the meeting rhythm suit?',
    right: 'About right',
    save: 'Save the answers',
    end: 'End the round',
    makeVersion: 'Save new agreement version',
    versionMade: /Agreement version 2 was made from the mid-point check/,
  },
} as const;

const SCREENS_DIR = resolve(import.meta.dirname, '../../test-results/screens');

async function check(page: Page, name: string) {
  await page.screenshot({ path: join(SCREENS_DIR, `${name}.png`), fullPage: true });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `accessibility of ${name}`).toEqual([]);
}

/** Meetings 1–3 held (the last two with one of four present), an action for Önni from meeting 1. */
async function seedHistory(page: Page) {
  const ids = await seedPlan(page);
  const members = await apiCall(page, 'members.list');
  if (!members.ok) throw new Error(members.error.message);
  const memberIds = (members.value as { id: number }[]).map((m) => m.id);
  for (const [index, meetingId] of ids.slice(0, 3).entries()) {
    for (const [i, memberId] of memberIds.entries()) {
      const present = index === 0 || i === 0;
      expect((await apiCall(page, 'meetings.setAttendance', { meetingId, memberId, present, absenceReason: '' })).ok).toBe(true);
    }
    expect((await apiCall(page, 'meetings.setHeld', { id: meetingId, held: true })).ok).toBe(true);
  }
  expect((await apiCall(page, 'actions.add', { meetingId: ids[0], text: 'Kokeillaan kävelypalaveria', ownerMemberId: memberIds[0], dueDate: '2026-10-01' })).ok).toBe(true);
  return ids;
}

for (const [language, locale] of [
  ['fi', 'fi-FI'],
  ['en', 'en-GB'],
] as const) {
  const t = T[language];
  test.describe(`facilitator tools (${language})`, () => {
    test.use({ locale });

    test('warnings and the calendar file on the meetings page; prompts, brief and meeting mode for the next meeting', async ({ page, app }) => {
      await seedGroup(page, app);
      await seedHistory(page);
      await page.getByRole('navigation').getByRole('button', { name: t.meetings, exact: true }).click();

      // Early warnings where the facilitator looks first.
      const health = page.getByRole('region', { name: t.health });
      await expect(health.getByRole('list', { name: t.warnings })).toContainText(t.lowAttendance);
      await check(page, `${language}-early-warnings`);

      // The calendar file: six events, saved as a download in browser mode.
      const calendar = page.getByRole('region', { name: t.calendar });
      await calendar.scrollIntoViewIfNeeded();
      const downloading = page.waitForEvent('download');
      await calendar.getByRole('button', { name: t.saveCalendar }).click();
      const ics = await downloading;
      expect(ics.suggestedFilename()).toMatch(/\.ics$/);
      const icsText = readFileSync((await ics.path())!, 'utf8');
      expect(icsText.match(/BEGIN:VEVENT/g)).toHaveLength(6);
      expect(icsText).not.toContain('Kokeillaan kävelypalaveria');
      await check(page, `${language}-calendar`);

      // Prompts for meeting 4, by keyboard only.
      await page.getByRole('button', { name: t.open4 }).click();
      const prompts = page.getByRole('region', { name: t.prompts });
      await prompts.getByLabel(t.bank).focus();
      await page.keyboard.press('ArrowDown'); // the first ready-made prompt
      await page.keyboard.press('Tab');
      await expect(prompts.getByRole('button', { name: t.addBank })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(prompts.getByRole('list', { name: t.checkinList }).getByRole('listitem')).toHaveCount(1);
      await prompts.getByRole('textbox', { name: t.own }).focus();
      await page.keyboard.type(t.ownPrompt);
      await page.keyboard.press('Enter');
      await expect(prompts.getByRole('textbox', { name: t.ownWording })).toHaveValue(t.ownPrompt);
      await prompts.scrollIntoViewIfNeeded();
      await check(page, `${language}-prompts`);

      // The brief: on screen, then as a PDF.
      await page.getByRole('button', { name: t.showBrief }).click();
      const brief = page.getByRole('article', { name: t.briefTitle });
      await expect(brief).toContainText('Kokeillaan kävelypalaveria');
      await expect(brief).toContainText(t.ownPrompt);
      await brief.scrollIntoViewIfNeeded();
      await check(page, `${language}-brief`);
      const pdf = page.waitForEvent('download');
      await page.getByRole('button', { name: t.saveBrief }).click();
      expect((await pdf).suggestedFilename()).toBe(t.briefFile);

      // Meeting mode: the check-in prompts at the check-in, the closing ones at the closing round.
      await page.getByRole('button', { name: t.startLive }).click();
      await expect(page.getByRole('region', { name: t.checkinList })).toBeVisible();
      await check(page, `${language}-live-checkin-prompts`);
      await page.getByRole('tab', { name: t.closingStep }).click();
      await expect(page.getByRole('region', { name: t.closingList })).toContainText(t.ownPrompt);
    });

    test('the mid-point check: planned, moved, run with three members, and a new agreement version made from it', async ({ page, app }) => {
      await seedGroup(page, app);
      await seedPlan(page);
      expect((await apiCall(page, 'agreement.start', { template: language })).ok).toBe(true);
      expect((await apiCall(page, 'agreement.saveVersion', { agreedOn: '2026-09-15', note: '' })).ok).toBe(true);
      await page.getByRole('navigation').getByRole('button', { name: t.feedback, exact: true }).click();
      await page.getByRole('tab', { name: t.midpointTab }).click();
      await expect(page.getByText(t.plannedFor4)).toBeVisible();
      // Meeting 4 is still ahead: the facilitator moves the check to meeting 3.
      await page.getByLabel(t.chooseMeeting).selectOption({ label: t.meeting3 });
      await expect(page.getByText(t.plannedFor3)).toBeVisible();
      await check(page, `${language}-midpoint-planned`);

      const panel = page.getByRole('region', { name: t.survey });
      await panel.getByText(t.named).click();
      await panel.getByRole('button', { name: t.start, exact: true }).click();
      for (const member of SEED.members.slice(0, 3)) {
        await panel.getByRole('button', { name: t.record(member.name) }).click();
        await panel.getByRole('radiogroup', { name: t.goals }).getByText(t.partly).click();
        await panel.getByRole('radiogroup', { name: t.rhythm }).getByText(t.right, { exact: true }).click();
        await panel.getByRole('button', { name: t.save }).click();
        await expect(panel.getByRole('status').filter({ hasText: member.name })).toBeVisible();
      }
      await panel.getByRole('button', { name: t.end }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: t.end }).click();

      // The group agreed to meet more often: the draft is edited, then saved as the next version.
      expect((await apiCall(page, 'agreement.addRule', { text: 'Tapaamme kolmen viikon välein.' })).ok).toBe(true);
      await page.getByRole('button', { name: t.makeVersion }).click();
      await expect(page.getByText(t.versionMade)).toBeVisible();
      await check(page, `${language}-midpoint-version`);
      const agreement = await apiCall(page, 'agreement.get');
      expect(agreement.ok && (agreement.value as { versions: unknown[] }).versions).toHaveLength(2);
    });
  });
}
