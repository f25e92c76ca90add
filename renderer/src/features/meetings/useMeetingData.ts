import { useEffect, useRef } from 'react';
import type { MeetingDetail } from '@shared/domain';
import { useMembersStore } from '../members/store';
import { useMeetingsStore } from './store';

/** The same meeting but for its notes (every other field the same value). */
const sameButNotes = (a: MeetingDetail | null, b: MeetingDetail | null): boolean =>
  a === b ||
  (a !== null &&
    b !== null &&
    Object.keys(a).length === Object.keys(b).length &&
    (Object.keys(b) as (keyof MeetingDetail)[]).every((key) => key === 'notes' || Object.is(a[key], b[key])));

/**
 * The open meeting plus the members it needs; keeps both loaded. A change of the notes alone
 * (every autosave of the notes) keeps the same object, so the meeting view is not rendered again
 * while the facilitator types: the notes field reads its text from the store itself (Notes.tsx).
 */
export function useMeetingData() {
  const last = useRef<MeetingDetail | null>(null);
  // A selector that remembers its last answer, as zustand's useShallow does.
  const detail = useMeetingsStore((s) => (sameButNotes(last.current, s.detail) ? last.current : (last.current = s.detail)));
  const members = useMembersStore((s) => s.members);
  const membersLoaded = useMembersStore((s) => s.loaded);
  const loadMembers = useMembersStore((s) => s.load);
  useEffect(() => {
    if (!membersLoaded) void loadMembers();
  }, [membersLoaded, loadMembers]);
  return { detail, members };
}
