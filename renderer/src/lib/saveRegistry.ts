/**
 * Every autosaving form registers here, so that closing the window can first flush what has
 * not been saved yet. `beforeunload` blocks the close while anything is unsaved, flushes, and
 * closes the window again once everything is stored (Electron keeps the window open silently).
 */
type Saver = { flush: () => Promise<void>; hasUnsaved: () => boolean };

const savers = new Set<Saver>();

export function registerSaver(saver: Saver): () => void {
  savers.add(saver);
  return () => savers.delete(saver);
}

export const hasUnsaved = (): boolean => [...savers].some((saver) => saver.hasUnsaved());

export const flushAll = async (): Promise<void> => {
  await Promise.all([...savers].map((saver) => saver.flush()));
};

let installed = false;

export function installCloseGuard(): void {
  if (installed) return;
  installed = true;
  window.addEventListener('beforeunload', (event) => {
    if (!hasUnsaved()) return;
    event.preventDefault();
    void flushAll().then(() => {
      if (!hasUnsaved()) window.close();
    });
  });
}
