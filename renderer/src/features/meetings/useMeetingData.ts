import { useEffect } from 'react';
import { useMembersStore } from '../members/store';
import { useMeetingsStore } from './store';

/** The open meeting plus the members it needs; keeps both loaded. */
export function useMeetingData() {
  const detail = useMeetingsStore((s) => s.detail);
  const members = useMembersStore((s) => s.members);
  const membersLoaded = useMembersStore((s) => s.loaded);
  const loadMembers = useMembersStore((s) => s.load);
  useEffect(() => {
    if (!membersLoaded) void loadMembers();
  }, [membersLoaded, loadMembers]);
  return { detail, members };
}
