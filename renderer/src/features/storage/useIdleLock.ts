import { useEffect } from 'react';
import type { StorageStatus } from '@shared/domain';
import { useAppStore } from '../../app/store';
import { useStorageStore } from './store';

const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/** With the app lock on: after the chosen idle minutes main closes the data and the lock screen shows. */
export function useIdleLock(status: StorageStatus | undefined) {
  const lock = useStorageStore((s) => s.lock);
  const reload = useAppStore((s) => s.load);
  const minutes = status?.state === 'open' && status.appLock.on ? status.appLock.idleMinutes : null;
  useEffect(() => {
    if (!minutes) return undefined;
    let timer = 0;
    const arm = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        void lock().then(() => reload(), () => reload());
      }, minutes * 60_000);
    };
    arm();
    for (const name of ACTIVITY) window.addEventListener(name, arm, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const name of ACTIVITY) window.removeEventListener(name, arm);
    };
  }, [minutes, lock, reload]);
}
