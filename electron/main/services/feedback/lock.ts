import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { PinCheck } from '@shared/domain';
import { AppError } from '../errors';

/**
 * Pass-the-device rounds locked with the facilitator's PIN. The PIN is kept only as a salted
 * scrypt hash on the survey; guessing is slowed down after a few misses (the wait grows, and is
 * kept in the store, so reloading does not reset it). While a round is locked, the backend
 * answers only what the respondents' screen needs (see `guardLockedRound`), so nothing else of the
 * app is reachable without the PIN, whatever the screen does. A lock older than LOCK_HOURS lapses,
 * so a forgotten PIN cannot shut the facilitator out of their own app for good.
 */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
/** Misses allowed before waiting; then 15 s, 30 s, 1 min … up to 15 min between tries. */
const FREE_ATTEMPTS = 3;
const FIRST_WAIT_S = 15;
const MAX_WAIT_S = 15 * 60;
export const LOCK_HOURS = 12;

const scrypt = (pin: string, salt: Buffer, { N, r, p }: { N: number; r: number; p: number }) =>
  scryptSync(pin, salt, KEY_LENGTH, { N, r, p, maxmem: 256 * N * r });

/** 'scrypt:N:r:p:salt:hash' (base64); the parameters travel with the hash so they can change later. */
export function hashPin(pin: string): string {
  const salt = randomBytes(16);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), scrypt(pin, salt, SCRYPT).toString('base64')].join(':');
}

export function pinMatches(pin: string, stored: string): boolean {
  const [scheme, N, r, p, salt, hash] = stored.split(':');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = scrypt(pin, Buffer.from(salt, 'base64'), { N: Number(N), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

const lockedSince = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-${LOCK_HOURS} hours')`;

const LOCKED = `SELECT id FROM feedback_survey WHERE locked_at IS NOT NULL AND locked_at > ${lockedSince} AND status = 'open' LIMIT 1`;

/** The id of the pass-the-device round that is locked now, if any. */
export function lockedSurveyId(db: Database): number | null {
  return (db.prepare(LOCKED).pluck().get() as number | undefined) ?? null;
}

export const isLockedSurvey = (db: Database, id: number): boolean => lockedSurveyId(db) === id;

/** Locks an open anonymous round with a (new) PIN. */
export function lockSurvey(db: Database, surveyId: number, pin: string): void {
  const row = db.prepare('SELECT anonymous, status FROM feedback_survey WHERE id = ?').get(surveyId) as
    | { anonymous: number; status: string }
    | undefined;
  if (!row) throw new AppError('not_found', `No feedback survey with id ${surveyId}.`);
  if (row.anonymous !== 1 || row.status !== 'open') {
    throw new AppError('conflict', 'Only an anonymous round that is collecting answers can be locked.', [{ path: 'surveyId', message: 'pinOnlyAnonymous' }]);
  }
  db.prepare(
    `UPDATE feedback_survey SET pin_hash = ?, pin_failures = 0, pin_retry_at = NULL,
       locked_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`,
  ).run(hashPin(pin), surveyId);
}

/** When a round ends (or the programme closes), its lock and PIN hash go. */
export function clearLock(db: Database, surveyId: number): void {
  db.prepare('UPDATE feedback_survey SET pin_hash = NULL, pin_failures = 0, pin_retry_at = NULL, locked_at = NULL WHERE id = ? AND pin_hash IS NOT NULL').run(surveyId);
}

const secondsUntil = (iso: string | null, now: number) => (iso ? Math.max(0, Math.ceil((Date.parse(iso) - now) / 1000)) : 0);

/** Checks the PIN of a locked round; the right one unlocks it, a wrong one counts towards a wait. */
export function unlockSurvey(db: Database, surveyId: number, pin: string): PinCheck {
  return db.transaction((): PinCheck => {
    const row = db.prepare('SELECT pin_hash AS hash, pin_failures AS failures, pin_retry_at AS retryAt FROM feedback_survey WHERE id = ?').get(surveyId) as
      | { hash: string | null; failures: number; retryAt: string | null }
      | undefined;
    if (!row) throw new AppError('not_found', `No feedback survey with id ${surveyId}.`);
    if (!isLockedSurvey(db, surveyId)) return { unlocked: true, retryAfterSeconds: 0 };
    const now = Date.now();
    const wait = secondsUntil(row.retryAt, now);
    if (wait > 0) return { unlocked: false, retryAfterSeconds: wait };
    if (row.hash && pinMatches(pin, row.hash)) {
      db.prepare('UPDATE feedback_survey SET locked_at = NULL, pin_failures = 0, pin_retry_at = NULL WHERE id = ?').run(surveyId);
      return { unlocked: true, retryAfterSeconds: 0 };
    }
    const failures = row.failures + 1;
    const waitSeconds = failures < FREE_ATTEMPTS ? 0 : Math.min(FIRST_WAIT_S * 2 ** (failures - FREE_ATTEMPTS), MAX_WAIT_S);
    const retryAt = waitSeconds > 0 ? new Date(now + waitSeconds * 1000).toISOString() : null;
    db.prepare('UPDATE feedback_survey SET pin_failures = ?, pin_retry_at = ? WHERE id = ?').run(failures, retryAt, surveyId);
    return { unlocked: false, retryAfterSeconds: waitSeconds };
  })();
}

/** What the respondents' screen may call while a round is locked; anything else needs the PIN. */
const WHILE_LOCKED = new Set([
  'app.info',
  'settings.get',
  'programme.get',
  'feedback.lockedRound',
  'feedback.questions',
  'feedback.unlock',
  // the app lock may still close the store (the idle timer), and say that it did
  'storage.status',
  'storage.lock',
]);
/** …and these only for the locked round itself. */
const LOCKED_ROUND_ONLY: Record<string, (input: unknown) => unknown> = {
  'feedback.survey': (input) => (input as { id: number }).id,
  'feedback.submit': (input) => (input as { surveyId: number }).surveyId,
};

export const lockedError = () =>
  new AppError('round_locked', 'A pass-the-device round is running; the facilitator’s PIN is needed to leave it.');

type AnyHandler = (input: never) => unknown;

export function guardLockedRound<H extends Record<string, AnyHandler>>(db: Database, handlers: H): H {
  const locked = db.prepare(LOCKED).pluck();
  const guard =
    (name: string, handler: AnyHandler): AnyHandler =>
    (input: never) => {
      if (WHILE_LOCKED.has(name)) return handler(input);
      const id = locked.get() as number | undefined;
      if (id === undefined) return handler(input);
      const target = LOCKED_ROUND_ONLY[name];
      if (target && target(input) === id) return handler(input);
      throw lockedError();
    };
  return Object.fromEntries(Object.entries(handlers).map(([name, handler]) => [name, guard(name, handler)])) as H;
}
