import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { apiCall, expect, seedGroup, startServer, stopServer, test } from './fixtures';

/**
 * Moving to a new computer, end to end in Chromium: set up, write notes, export everything,
 * start browser mode on an empty data folder, restore from the file on the first-run screen,
 * find the notes. Plus the storage screens in both languages (axe and screenshots).
 */
const SCREENS_DIR = resolve(import.meta.dirname, '../../test-results/screens');
const PASSPHRASE = 'uusi kone ja sama ryhmä';
const NOTES = 'Luottamuksellinen muistiinpano: ryhmä pohti muutosväsymystä.';

async function check(page: Page, name: string) {
  await page.screenshot({ path: join(SCREENS_DIR, `${name}.png`), fullPage: true });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), name).toEqual([]);
}

async function writeNotes(page: Page): Promise<number> {
  const plan = await apiCall(page, 'plan.add', { plannedDate: '2026-09-15', plannedMonth: null, plannedTheme: 'Aloitus', place: 'Kahvila', format: 'office' });
  if (!plan.ok) throw new Error(plan.error.message);
  const id = (plan.value as { id: number }).id;
  expect((await apiCall(page, 'meetings.saveNotes', { id, notes: NOTES })).ok).toBe(true);
  return id;
}

test.use({ locale: 'en-GB' });

test('export everything, then restore it on an empty installation and find the notes', async ({ page, app }) => {
  await seedGroup(page, app);
  const meetingId = await writeNotes(page);
  await page.getByRole('navigation').getByRole('button', { name: 'Settings and about', exact: true }).click();
  const exportForm = page.getByRole('form', { name: 'Export everything' });
  await exportForm.getByLabel('New passphrase').fill(PASSPHRASE);
  await exportForm.getByLabel('Passphrase again').fill(PASSPHRASE);
  const download = page.waitForEvent('download');
  await exportForm.getByRole('button', { name: 'Export everything' }).click();
  const file = await (await download).path();
  await expect(exportForm.getByRole('status')).toContainText('.vertaistuki');

  const newComputer = mkdtempSync(join(tmpdir(), 'vertaistuki-e2e-new-'));
  const server = await startServer(newComputer);
  try {
    await page.goto(server.url);
    const restore = page.getByRole('form', { name: 'Restore from file' });
    await restore.getByLabel('Export file').setInputFiles(file);
    await restore.getByLabel("The file's passphrase").fill('väärä salalause');
    await restore.getByRole('button', { name: 'Restore from file' }).click();
    await expect(restore.getByText('The passphrase is not right.')).toBeVisible();

    await restore.getByLabel("The file's passphrase").fill(PASSPHRASE);
    await restore.getByRole('button', { name: 'Restore from file' }).click();
    await expect(page.getByRole('navigation')).toBeVisible();
    const meeting = await apiCall(page, 'meetings.get', { id: meetingId });
    expect(meeting.ok && (meeting.value as { notes: string }).notes).toBe(NOTES);
    await page.getByRole('navigation').getByRole('button', { name: 'Meetings', exact: true }).click();
    await expect(page.getByText('Aloitus').first()).toBeVisible();
  } finally {
    await stopServer(server);
    rmSync(newComputer, { recursive: true, force: true });
  }
});

for (const [language, locale] of [
  ['fi', 'fi-FI'],
  ['en', 'en-GB'],
] as const) {
  test.describe(`storage screens (${language})`, () => {
    test.use({ locale });

    test('settings: backups, export, restore from file, app lock; first-run restore', async ({ page, app }) => {
      await app.open();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await check(page, `${language}-setup-restore`);
      await seedGroup(page, app);
      await apiCall(page, 'storage.backupNow');
      await page.getByRole('navigation').getByRole('button', { name: language === 'fi' ? 'Asetukset ja tiedot' : 'Settings and about', exact: true }).click();
      await expect(page.getByRole('table')).toBeVisible();
      await check(page, `${language}-settings-storage`);
    });

    test('a computer without a keyring asks for a passphrase, then the lock screen', async ({ page, app }) => {
      const dir = mkdtempSync(join(tmpdir(), 'vertaistuki-e2e-nokeyring-'));
      let server = await startServer(dir, ['--no-keyring']);
      try {
        await page.goto(server.url);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await check(page, `${language}-choose-passphrase`);
        const fi = language === 'fi';
        await page.getByLabel(fi ? 'Uusi salalause' : 'New passphrase').fill('hyvä pitkä salalause');
        await page.getByLabel(fi ? 'Salalause uudelleen' : 'Passphrase again').fill('hyvä pitkä salalause');
        await page.getByRole('button', { name: fi ? 'Tallenna salalause' : 'Save the passphrase' }).click();
        await expect(page.getByRole('heading', { name: fi ? 'Perustetaan vertaisryhmä' : 'Set up your peer group' })).toBeVisible();
        await stopServer(server);
        server = await startServer(dir, ['--no-keyring']);
        await page.goto(server.url);
        await expect(page.getByRole('heading', { name: fi ? 'Tiedot on lukittu' : 'The data is locked' })).toBeVisible();
        await check(page, `${language}-unlock`);
        await page.getByLabel(fi ? 'Salalause' : 'Passphrase', { exact: true }).fill('hyvä pitkä salalause');
        await page.getByRole('button', { name: fi ? 'Avaa tiedot' : 'Open the data' }).click();
        await expect(page.getByRole('heading', { name: fi ? 'Perustetaan vertaisryhmä' : 'Set up your peer group' })).toBeVisible();
      } finally {
        await stopServer(server);
        rmSync(dir, { recursive: true, force: true });
      }
      void app;
    });
  });
}
