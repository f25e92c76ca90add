import { create } from 'zustand';
import type { Member, MemberFields, MemberUpdate } from '@shared/domain';
import { call } from '../../api';
import { forgetField, settled } from '../../lib/saveRegistry';

interface MembersState {
  members: Member[];
  loaded: boolean;
  load: () => Promise<void>;
  add: (fields: MemberFields) => Promise<Member>;
  update: (update: MemberUpdate) => Promise<Member>;
  setLeft: (id: number, leftOn: string | null) => Promise<Member>;
  remove: (id: number) => Promise<void>;
}

const replace = (members: Member[], member: Member) => members.map((m) => (m.id === member.id ? member : m));

/** The group's members as the store has them, and the only caller of the API for them; every change goes through the contract first. */
export const useMembersStore = create<MembersState>()((set) => ({
  members: [],
  loaded: false,
  load: async () => {
    await settled();
    const members = await call('members.list');
    set({ members, loaded: true });
  },
  add: async (fields) => {
    const member = await call('members.add', fields);
    set((s) => ({ members: [...s.members, member] }));
    return member;
  },
  update: async (update) => {
    // The store holds what was typed at once, and keeps it if the save fails.
    set((s) => ({ members: s.members.map((m) => (m.id === update.id ? { ...m, ...update } : m)) }));
    const member = await call('members.update', update);
    set((s) => ({ members: replace(s.members, member) }));
    return member;
  },
  setLeft: async (id, leftOn) => {
    const member = await call('members.setLeft', { id, leftOn });
    set((s) => ({ members: replace(s.members, member) }));
    return member;
  },
  remove: async (id) => {
    await call('members.remove', { id });
    forgetField(`member:${id}`);
    set((s) => ({ members: s.members.filter((m) => m.id !== id) }));
  },
}));
