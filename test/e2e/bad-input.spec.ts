import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiCall, expect, SEED, seedGroup, test } from './fixtures';

test.use({ locale: 'en-GB' });

test('a call with bad input is rejected with a clear error and changes nothing', async ({ page, app }) => {
  await seedGroup(page, app);
  const before = await apiCall(page, 'members.list');

  const emptyName = await apiCall(page, 'members.add', { name: '   ', role: '', email: '' });
  expect(emptyName).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'name', message: 'required' }] } });
  if (!emptyName.ok) expect(emptyName.error.message).toContain('members.add');

  const badDates = await apiCall(page, 'programme.update', { ...SEED.programme, startDate: '2027-01-01', endDate: '2026-01-01' });
  expect(badDates).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'endDate', message: 'endBeforeStart' }] } });

  const notAnObject = await apiCall(page, 'members.update', 'drop table member');
  expect(notAnObject).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

  const tooLong = await apiCall(page, 'members.update', { id: 1, name: 'x'.repeat(121), role: '', email: '' });
  expect(tooLong).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'name', message: 'tooLong' }] } });

  const missing = await apiCall(page, 'members.update', { id: 9999, name: 'Ei ketään', role: '', email: '' });
  expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });

  expect(await apiCall(page, 'members.list')).toEqual(before);
  const programme = await apiCall(page, 'programme.get');
  expect(programme.ok && programme.value).toMatchObject(SEED.programme);

  // The UI says the same in words, at the field, and adds nothing.
  const addForm = page.getByRole('form', { name: 'New member' });
  await addForm.getByRole('button', { name: 'Add member' }).click();
  await expect(addForm.getByText('This is required.')).toBeVisible();
  await expect(page.getByText('4 members')).toBeVisible();
});

test('requests without the per-run token are refused and change nothing', async ({ page, app }) => {
  await seedGroup(page, app);
  const base = `http://127.0.0.1:${app.server.port}`;
  const noToken = await page.request.post(`${base}/api/members.remove`, { data: { input: { id: 1 } } });
  expect(noToken.status()).toBe(401);
  const wrongToken = await page.request.post(`${base}/api/members.remove`, {
    data: { input: { id: 1 } },
    headers: { 'x-vertaistuki-token': 'x'.repeat(app.server.token.length) },
  });
  expect(wrongToken.status()).toBe(401);
  const list = await apiCall(page, 'members.list');
  expect(list.ok && (list.value as unknown[]).length).toBe(4);
});

test('a data file that is not a database is shown, never overwritten', async ({ page, app }) => {
  await app.open();
  await expect(page.getByRole('heading', { name: 'Set up your peer group' })).toBeVisible();
  const file = join(app.dataDir, 'vertaistuki.sqlite');
  const garbage = Buffer.from('This is not an SQLite database, but it is someone’s file. ä ö å\n'.repeat(200));
  // Damage the file while the app is stopped; on start it must explain and leave the bytes as they were.
  await app.restart(async () => writeFileSync(file, garbage));
  await expect(page.getByRole('heading', { name: 'The data could not be opened' })).toBeVisible();
  await expect(page.getByTestId('store-problem-path')).toHaveText(file);
  await expect(page.getByText('The app did not change or replace the file.')).toBeVisible();
  expect(readFileSync(file).equals(garbage)).toBe(true);
  const attempt = await apiCall(page, 'members.list');
  expect(attempt).toMatchObject({ ok: false, error: { code: 'store_unavailable' } });
});
