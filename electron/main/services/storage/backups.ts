import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { BACKUP_NAME, type Backup, type BackupReason } from '@shared/domain';
import { keyOf, makePrivateFolder } from '../db/connection';
import { openFile, vacuumInto, type DataKey } from '../db/driver';
import { AppError, fieldError } from '../errors';
import { fsyncDir, replaceFile, shredFile } from './files';

/**
 * Automatic backups: encrypted copies (same key as the store, written with VACUUM INTO, never by
 * copying the live file) in `backups/` beside the database, 0600 in a 0700 folder. A copy is
 * written as `*.partial` and renamed when complete, so a crash never leaves a half copy that
 * looks whole. Retention: the 3 newest, the newest of each of the last 7 days that have one,
 * and the newest of each of the last 4 weeks that have one.
 */
export const BACKUPS_DIR = 'backups';
const PARTIAL = '.partial';

export const backupsDirOf = (databasePath: string) => join(dirname(databasePath), BACKUPS_DIR);

/** `2026-01-02T03:04:05.678Z` → `20260102T030405678Z`: sortable, and safe in every file system. */
const stampOf = (date: Date) => date.toISOString().replace(/[-:.]/g, '');
const dateOfStamp = (stamp: string) =>
  new Date(`${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}.${stamp.slice(15, 18)}Z`);

interface BackupName {
  id: string;
  createdAt: Date;
  reason: BackupReason;
}

function parseName(id: string): BackupName | null {
  const match = BACKUP_NAME.exec(id);
  if (!match?.[1] || !match[2]) return null;
  return { id, createdAt: dateOfStamp(match[1]), reason: match[2] as BackupReason };
}

export function backupNames(dir: string): BackupName[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map(parseName)
    .filter((name): name is BackupName => name !== null)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

/** A copy written with `key` from `source` (the live store's own read connection, or a plain store). */
export function writeBackup(source: Database, databasePath: string, key: DataKey, reason: BackupReason, now = new Date()): string {
  const dir = backupsDirOf(databasePath);
  makePrivateFolder(dir);
  let at = now.getTime();
  let id = `vertaistuki-${stampOf(new Date(at))}-${reason}.sqlite`;
  while (existsSync(join(dir, id)) || existsSync(join(dir, id + PARTIAL))) {
    at += 1;
    id = `vertaistuki-${stampOf(new Date(at))}-${reason}.sqlite`;
  }
  const partial = join(dir, id + PARTIAL);
  try {
    vacuumInto(source, partial, key);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  replaceFile(partial, join(dir, id));
  prune(dir, new Date(at));
  return id;
}

/**
 * Backs up an open store through a read-only connection of its own: that works even while the
 * caller is inside a transaction (VACUUM cannot), and copies the last committed state.
 */
export function backupDatabase(db: Database, reason: BackupReason, now = new Date()): string {
  const key = keyOf(db);
  if (!key) throw new Error('Only a store opened with openDatabase can be backed up (its key is needed).');
  const reader = openFile(db.name, key, { readonly: true, fileMustExist: true });
  try {
    return writeBackup(reader, db.name, key, reason, now);
  } finally {
    reader.close();
  }
}

/** At most one start-of-day backup per calendar day (UTC). */
export function backupDaily(db: Database, now = new Date()): string | null {
  const today = stampOf(now).slice(0, 8);
  const hasToday = backupNames(backupsDirOf(db.name)).some((b) => b.reason === 'daily' && stampOf(b.createdAt).startsWith(today));
  return hasToday ? null : backupDatabase(db, 'daily', now);
}

const dayOf = (date: Date) => date.toISOString().slice(0, 10);
/** Monday-based week number since the epoch; enough to tell weeks apart. */
const weekOf = (date: Date) => Math.floor((date.getTime() / 86_400_000 + 3) / 7);

/** Which backups the retention rule keeps, newest first. */
export function toKeep(names: BackupName[]): Set<string> {
  const keep = new Set(names.slice(0, 3).map((b) => b.id));
  const days = new Set<string>();
  const weeks = new Set<number>();
  for (const backup of names) {
    const day = dayOf(backup.createdAt);
    if (!days.has(day) && days.size < 7) {
      days.add(day);
      keep.add(backup.id);
    }
    const week = weekOf(backup.createdAt);
    if (!weeks.has(week) && weeks.size < 4) {
      weeks.add(week);
      keep.add(backup.id);
    }
  }
  return keep;
}

function prune(dir: string, _now: Date): void {
  const names = backupNames(dir);
  const keep = toKeep(names);
  for (const backup of names) if (!keep.has(backup.id)) rmSync(join(dir, backup.id), { force: true });
}

/** Half-written copies from a run that was stopped; they are never listed or restored. */
export function removePartials(databasePath: string): void {
  const dir = backupsDirOf(databasePath);
  if (!existsSync(dir)) return;
  // A copy's own rollback journal (`….partial-journal`) goes with it.
  for (const name of readdirSync(dir)) if (name.includes(PARTIAL)) rmSync(join(dir, name), { force: true });
}

/**
 * Shreds (overwrites, then removes) every backup made before `before`, and every half-written
 * copy: after closing the programme, these are the files that still hold what closing deleted.
 * Answers how many backups went.
 */
export function shredBackupsBefore(databasePath: string, before: Date): number {
  const dir = backupsDirOf(databasePath);
  if (!existsSync(dir)) return 0;
  const old = backupNames(dir).filter((backup) => backup.createdAt.getTime() < before.getTime());
  for (const backup of old) shredFile(join(dir, backup.id));
  for (const name of readdirSync(dir)) if (name.includes(PARTIAL)) shredFile(join(dir, name));
  fsyncDir(dir);
  return old.length;
}

export interface CopyCheck {
  schemaVersion: number;
  programmeName: string | null;
}

/**
 * Opens a copy read-only with the key and checks it before it may replace the store: the key fits,
 * `integrity_check` is ok, and its schema is one this app knows. Throws a field error for `field`.
 */
export function checkCopy(path: string, key: DataKey | null, latest: number, field: string): CopyCheck {
  let db: Database | undefined;
  try {
    db = openFile(path, key, { readonly: true, fileMustExist: true });
    return checkOpenCopy(db, latest, field);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw fieldError(field, 'backupDamaged', `The copy cannot be used: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    db?.close();
  }
}

/** The checks of `checkCopy` on a copy that is already open (an imported file, in memory). */
export function checkOpenCopy(db: Database, latest: number, field: string): CopyCheck {
  const integrity = db.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') throw fieldError(field, 'backupDamaged', `The copy is damaged: ${String(integrity)}`);
  const schemaVersion = db.pragma('user_version', { simple: true }) as number;
  if (schemaVersion > latest) throw fieldError(field, 'backupNewer', `The copy comes from a newer version of the app (schema ${schemaVersion}).`);
  const hasProgramme = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'programme'`).get();
  if (schemaVersion < 1 || !hasProgramme) throw fieldError(field, 'backupNotOurs', 'The copy is not this app\'s data.');
  const row = db.prepare('SELECT name FROM programme WHERE id = 1').get() as { name: string } | undefined;
  return { schemaVersion, programmeName: row?.name ?? null };
}

/** The list Settings shows: date, size and the programme each copy holds. */
export function listBackups(databasePath: string, key: DataKey, latest: number): Backup[] {
  const dir = backupsDirOf(databasePath);
  return backupNames(dir).map((backup) => {
    const path = join(dir, backup.id);
    const base = { id: backup.id, createdAt: backup.createdAt.toISOString(), reason: backup.reason, size: statSync(path).size };
    try {
      const check = checkCopy(path, key, latest, 'id');
      return { ...base, ...check, usable: true };
    } catch {
      return { ...base, programmeName: null, schemaVersion: 0, usable: false };
    }
  });
}
