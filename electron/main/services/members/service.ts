import type { Database } from 'better-sqlite3';
import type { Member, MemberFields, MemberLeftInput, MemberRef, MemberUpdate } from '@shared/domain';
import { MAX_MEMBERS } from '@shared/domain';
import { sqliteCode } from '../db/errors';
import { AppError, fieldError } from '../errors';
import type { HandlersOf } from '../handlers';
import { FIRST_DAY_SQL } from '../meetings/rules';
import { requireProgramme } from '../programme/queries';

const COLUMNS = `id, name, role, email, left_on AS leftOn, created_at AS createdAt`;

export function listMembers(db: Database): Member[] {
  return db.prepare(`SELECT ${COLUMNS} FROM member ORDER BY id`).all() as Member[];
}

export function getMember(db: Database, id: number): Member {
  const member = db.prepare(`SELECT ${COLUMNS} FROM member WHERE id = ?`).get(id) as Member | undefined;
  if (!member) throw new AppError('not_found', `No member with id ${id}.`);
  return member;
}

export function insertMember(db: Database, fields: MemberFields): Member {
  const { count } = db.prepare('SELECT count(*) AS count FROM member').get() as { count: number };
  if (count >= MAX_MEMBERS) throw new AppError('conflict', `A group can have at most ${MAX_MEMBERS} members.`);
  const { lastInsertRowid } = db
    .prepare('INSERT INTO member (name, role, email) VALUES (?, ?, ?)')
    .run(fields.name, fields.role, fields.email);
  return getMember(db, Number(lastInsertRowid));
}

export function updateMember(db: Database, { id, ...fields }: MemberUpdate): Member {
  return db.transaction(() => {
    getMember(db, id);
    db.prepare('UPDATE member SET name = ?, role = ?, email = ? WHERE id = ?').run(fields.name, fields.role, fields.email, id);
    return getMember(db, id);
  })();
}

/**
 * A member leaves during the programme, and nothing is recorded for them after the day they left:
 * no attendance, action or named feedback of theirs in a later meeting, no acceptance dated later.
 */
function checkLeaving(db: Database, id: number, leftOn: string) {
  const { startDate, endDate } = requireProgramme(db);
  if (leftOn < startDate || leftOn > endDate) {
    throw fieldError('leftOn', 'leftOutsideProgramme', `${leftOn} is outside the programme (${startDate} – ${endDate}).`);
  }
  const later = db
    .prepare(
      `SELECT 1 FROM attendance t JOIN meeting m ON m.id = t.meeting_id WHERE t.member_id = :id AND ${FIRST_DAY_SQL('m')} > :leftOn
       UNION ALL SELECT 1 FROM action a JOIN meeting m ON m.id = a.meeting_id WHERE a.owner_member_id = :id AND ${FIRST_DAY_SQL('m')} > :leftOn
       UNION ALL SELECT 1 FROM feedback_response r JOIN feedback_survey s ON s.id = r.survey_id JOIN meeting m ON m.id = s.meeting_id
         WHERE r.member_id = :id AND ${FIRST_DAY_SQL('m')} > :leftOn
       UNION ALL SELECT 1 FROM agreement_acceptance WHERE member_id = :id AND accepted_on > :leftOn`,
    )
    .get({ id, leftOn });
  if (later) throw fieldError('leftOn', 'recordedAfterLeaving', `The member has records after ${leftOn}.`);
}

export function setMemberLeft(db: Database, { id, leftOn }: MemberLeftInput): Member {
  return db.transaction(() => {
    getMember(db, id);
    if (leftOn !== null) checkLeaving(db, id, leftOn);
    db.prepare('UPDATE member SET left_on = ? WHERE id = ?').run(leftOn, id);
    return getMember(db, id);
  })();
}

/**
 * Removes a member added by mistake. Anything recorded about a member (attendance, answers…)
 * refers to them by foreign key, so SQLite refuses the delete and we ask to mark them as left.
 */
export function removeMember(db: Database, { id }: MemberRef): MemberRef {
  return db.transaction(() => {
    getMember(db, id);
    try {
      db.prepare('DELETE FROM member WHERE id = ?').run(id);
    } catch (error) {
      if (sqliteCode(error) === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
        throw new AppError('conflict', 'This member already has history in the programme; mark them as left instead.');
      }
      throw error;
    }
    return { id };
  })();
}

export const memberHandlers = (
  db: Database,
): HandlersOf<'members.list' | 'members.add' | 'members.update' | 'members.setLeft' | 'members.remove'> => ({
  'members.list': () => listMembers(db),
  'members.add': (input) => db.transaction(() => insertMember(db, input))(),
  'members.update': (input) => updateMember(db, input),
  'members.setLeft': (input) => setMemberLeft(db, input),
  'members.remove': (input) => removeMember(db, input),
});
