import { useState } from 'react';
import { zodResolver } from '@hookform/resolvers/zod';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { optionalText, type MeetingDetail, type Member } from '@shared/domain';
import { call } from '../../../api';
import { errorMessage } from '../../../lib/errors';
import { useAutosave } from '../../../lib/useAutosave';
import { TextInput } from '../../../components/fields';
import { SaveStatus } from '../../../components/SaveStatus';
import { FormFailure } from '../../../components/FormFailure';

/** Who is here: present / absent per member, with an optional (confidential) reason. */
export function Attendance({ detail, members, onChange }: { detail: MeetingDetail; members: Member[]; onChange: () => void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState('');
  const marks = new Map(detail.attendance.map((a) => [a.memberId, a]));
  // Members who have left still show where they have a mark in this meeting.
  const shown = members.filter((m) => m.leftOn === null || marks.has(m.id));

  const save = async (memberId: number, present: boolean | null, absenceReason = '') => {
    setFailure('');
    try {
      await call('meetings.setAttendance', { meetingId: detail.id, memberId, present, absenceReason });
      onChange();
    } catch (error) {
      setFailure(errorMessage(t, error));
    }
  };

  /** The reason's autosave reports its own failures, so this one lets them through. */
  const saveOrThrow = async (memberId: number, absenceReason: string) => {
    await call('meetings.setAttendance', { meetingId: detail.id, memberId, present: false, absenceReason });
    onChange();
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
              {value === 'absent' && (
                <AbsenceReason
                  key={member.id}
                  initial={mark?.absenceReason ?? ''}
                  onSave={(reason) => saveOrThrow(member.id, reason)}
                />
              )}
            </li>
          );
        })}
      </ul>
      <FormFailure message={failure} />
    </section>
  );
}

const Reason = z.object({ reason: optionalText(500) });

/** The reason for an absence: CONFIDENTIAL, autosaved like every other field. */
function AbsenceReason({ initial, onSave }: { initial: string; onSave: (reason: string) => Promise<void> }) {
  const { t } = useTranslation();
  const form = useForm({ resolver: zodResolver(Reason), defaultValues: { reason: initial } });
  const { state, flush } = useAutosave(form, ({ reason }) => onSave(reason));
  return (
    <form className="absence-reason" onBlur={() => void flush()} onSubmit={(e) => e.preventDefault()}>
      <TextInput control={form.control} name="reason" label={t('meetings.absenceReason')} />
      <SaveStatus state={state} />
    </form>
  );
}
