import { useState } from 'react';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { optionalText, type MeetingDetail, type Member } from '@shared/domain';
import { errorMessage } from '../../../lib/errors';
import { useAutosavedForm } from '../../../lib/useAutosave';
import { TextInput } from '../../../components/fields';
import { SaveStatus } from '../../../components/SaveStatus';
import { FormFailure } from '../../../components/FormFailure';
import { useReadOnly } from '../../../components/readOnly';
import { useMeetingsStore } from '../store';

/** Who is here: present / absent per member, with an optional (confidential) reason. */
export function Attendance({ detail, members }: { detail: MeetingDetail; members: Member[] }) {
  const { t } = useTranslation();
  const setAttendance = useMeetingsStore((s) => s.setAttendance);
  const readOnly = useReadOnly();
  const [failure, setFailure] = useState('');
  const marks = new Map(detail.attendance.map((a) => [a.memberId, a]));
  // Members who have left still show where they have a mark in this meeting.
  const shown = members.filter((m) => m.leftOn === null || marks.has(m.id));

  const save = async (memberId: number, present: boolean | null, absenceReason = '') => {
    setFailure('');
    try {
      await setAttendance(detail.id, memberId, present, absenceReason);
    } catch (error) {
      setFailure(errorMessage(t, error));
    }
  };

  const present = detail.attendance.filter((a) => a.present).length;
  return (
    <section className="card meeting-card" aria-labelledby={`attendance-${detail.id}`}>
      <header className="card-header">
        <div>
          <h2 id={`attendance-${detail.id}`}>{t('meetings.attendance')}</h2>
          <p className="muted">{t('meetings.attendanceHint')}</p>
        </div>
        <span className="count-pill">{t('meetings.presentOf', { present, total: shown.length })}</span>
      </header>
      {shown.length === 0 && <p className="empty-state">{t('meetings.noMembers')}</p>}
      <ul className="attendance-list">
        {shown.map((member) => {
          const mark = marks.get(member.id);
          const value = mark ? (mark.present ? 'present' : 'absent') : null;
          return (
            <li key={member.id} className="attendance-row">
              <RadioGroup
                className="radio-group attendance-radios"
                orientation="horizontal"
                value={value}
                isDisabled={readOnly}
                onChange={(next) => void save(member.id, next === 'present', mark?.absenceReason ?? '')}
              >
                <Label className="attendance-name">{member.name}</Label>
                <Radio value="present" className="radio">
                  {t('meetings.present')}
                </Radio>
                <Radio value="absent" className="radio">
                  {t('meetings.absent')}
                </Radio>
              </RadioGroup>
              {value === 'absent' && !readOnly && <AbsenceReason meetingId={detail.id} memberId={member.id} reason={mark?.absenceReason ?? ''} />}
            </li>
          );
        })}
      </ul>
      <FormFailure message={failure} />
    </section>
  );
}

const Reason = z.object({ absenceReason: optionalText(500) });

/** The reason for an absence: CONFIDENTIAL, autosaved like every other field. */
function AbsenceReason({ meetingId, memberId, reason }: { meetingId: number; memberId: number; reason: string }) {
  const { t } = useTranslation();
  const setAttendance = useMeetingsStore((s) => s.setAttendance);
  const { form, state, flush } = useAutosavedForm({
    key: `meeting:${meetingId}:absence:${memberId}`,
    schema: Reason,
    values: { absenceReason: reason },
    save: (values) => setAttendance(meetingId, memberId, false, values.absenceReason),
  });
  return (
    <form className="absence-reason" onBlur={() => void flush()} onSubmit={(e) => e.preventDefault()}>
      <TextInput control={form.control} name="absenceReason" label={t('meetings.absenceReason')} />
      <SaveStatus state={state} />
    </form>
  );
}
