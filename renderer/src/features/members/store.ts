import { create } from 'zustand';
import type { Member, MemberFields, MemberUpdate } from '@shared/domain';
import { fresh, write, writeSnapshot } from '../../lib/calls';
import { forgetField } from '../../lib/saveRegistry';

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

/**
 * The group's members as the store has them, and the only caller of the API for them; every change
 * goes through the contract first. A member's answer holds more than one write changes (the form's
 * fields and the leaving date), so it goes in only when nothing could have overtaken it (lib/calls.ts).
 */
export const useMembersStore = create<MembersState>()((set, get) => ({
  members: [],
  loaded: false,
  load: async () => {
    await fresh((read) => read('members.list'), (members) => set({ members, loaded: true }));
  },
  add: async (fields) => {
    const member = await write('members.add', fields);
    set((s) => ({ members: [...s.members, member] }));
    return member;
  },
  update: async (update) => {
    // The store holds what was typed at once, and keeps it if the save fails.
    set((s) => ({ members: s.members.map((m) => (m.id === update.id ? { ...m, ...update } : m)) }));
    return writeSnapshot('members.update', update, (member) => set((s) => ({ members: replace(s.members, member) })), get().load);
  },
  setLeft: (id, leftOn) => writeSnapshot('members.setLeft', { id, leftOn }, (member) => set((s) => ({ members: replace(s.members, member) })), get().load),
  remove: async (id) => {
    await write('members.remove', { id });
    forgetField(`member:${id}`);
    set((s) => ({ members: s.members.filter((m) => m.id !== id) }));
  },
}));
