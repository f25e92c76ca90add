import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { buildLeakFixture, SECRET, type Caller } from '../services/summary-fixture';
import { apiCall, expect, test } from './fixtures';

const pageCaller =
  (page: Page): Caller =>
  async <T,>(name: string, input?: unknown) => {
    const result = await apiCall(page, name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as T;
  };

const docxText = (path: string) =>
  Object.entries(unzipSync(new Uint8Array(readFileSync(path))))
    .filter(([name]) => name.endsWith('.xml'))
    .map(([, data]) => strFromU8(data).replace(/<[^>]+>/g, ' '))
    .join(' ')
    .replace(/\s+/g, ' ');

async function exportFile(page: Page, button: string): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  return (await (await download).path())!;
}

test.use({ locale: 'fi-FI' });

test('a summary of six meetings is built, previewed and exported as PDF and DOCX in Finnish', async ({ page, app }) => {
  test.setTimeout(120_000);
  await app.open();
  const fixture = await buildLeakFixture(pageCaller(page), 6);
  await page.reload();
  await page.getByRole('navigation').getByRole('button', { name: 'Yhteenveto johdolle' }).click();

  const preview = page.getByRole('article', { name: /Yhteenveto johdolle/ });
  await expect(preview).toContainText('Esihenkilöiden vertaismentorointi');
  await expect(preview.getByRole('heading', { name: 'Tapaamiset' })).toBeVisible();
  await expect(preview).toContainText(fixture.ideas[0]!);
  await expect(preview).toContainText(fixture.quote);

  // Names of those present: off by default (counts), on when chosen, and the preview follows.
  const meetingsTable = preview.getByRole('table').first();
  await expect(meetingsTable).not.toContainText('Jukka Kärkkäinen');
  await page.getByText('Näytä paikalla olleiden nimet').click();
  await expect(meetingsTable).toContainText('Jukka Kärkkäinen');
  await page.getByText('Näytä paikalla olleiden nimet').click();
  await expect(meetingsTable).not.toContainText('Jukka Kärkkäinen');

  // Sections switch off and on.
  await page.getByRole('region', { name: 'Mitä yhteenveto sisältää' }).locator('label', { hasText: /^✓Teemat$/ }).click();
  await expect(preview.getByRole('heading', { name: 'Teemat', exact: true })).toHaveCount(0);
  await page.getByRole('region', { name: 'Mitä yhteenveto sisältää' }).locator('label', { hasText: /^✓Teemat$/ }).click();
  await expect(preview.getByRole('heading', { name: 'Teemat', exact: true })).toBeVisible();

  await page.getByLabel(/Johtopäätökset ja suositus/).fill('Suosittelen jatkoa: ryhmä löysi yhteisen äänen.');
  await expect(preview).toContainText('Suosittelen jatkoa: ryhmä löysi yhteisen äänen.');

  const pdf = execFileSync('pdftotext', ['-enc', 'UTF-8', await exportFile(page, 'Vie PDF'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  const docx = docxText(await exportFile(page, 'Vie Word (DOCX)'));
  for (const text of [pdf, docx]) {
    expect(text).toContain('Esihenkilöiden vertaismentorointi'); // ä and ö intact
    expect(text).toContain('Itä-Suomen virasto');
    for (const heading of ['Ohjelma ja tavoitteet', 'Tapaamiset', 'Teemat', 'Eteenpäin viedyt asiat', 'Palaute tapaamisista', 'Loppuarviointi ja hyvinvoinnin itsearviointi', 'Jatko ja suositus']) {
      expect(text).toContain(heading);
    }
    expect(text).toContain(fixture.quote);
    expect(text).toContain('Suosittelen jatkoa: ryhmä löysi yhteisen äänen.');
    expect(text).not.toContain('3,5'); // meeting 1's round had two answers: its mean (3,5) is never reported
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('Jukka Kärkkäinen'); // counts, not names, after the switch went back off
  }

  const log = page.getByRole('region', { name: 'Vientiloki' });
  await expect(log.getByRole('row')).toHaveCount(3); // header + two exports
});
