import { create } from 'zustand';

/** How long a removal can be undone from its notice (the notice stays while it has focus or the pointer). */
export const UNDO_SECONDS = 10;

export interface Notice {
  id: number;
  message: string;
  /** Puts back what was removed. */
  undo: () => Promise<unknown>;
}

interface NoticesState {
  notices: Notice[];
  dismiss: (id: number) => void;
}

let nextId = 1;

/** Short-lived notices at the edge of the screen, each offering Undo ("Kumoa"). */
export const useNotices = create<NoticesState>()((set) => ({
  notices: [],
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}));

/**
 * Says what was just removed and offers to put it back. Removing is one key press, so it is
 * never final at once: this is the app's one way of removing what the user wrote.
 */
export function offerUndo(message: string, undo: () => Promise<unknown>): void {
  const notice = { id: nextId++, message, undo };
  useNotices.setState((s) => ({ notices: [...s.notices.slice(-2), notice] }));
}
