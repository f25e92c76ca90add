import { createContext, useContext } from 'react';

/**
 * True where what is shown can no longer change: a closed and archived programme. The frame
 * provides it; the shared fields become read-only, and features hide what adds, removes or starts.
 */
export const ReadOnlyContext = createContext(false);

export const useReadOnly = (): boolean => useContext(ReadOnlyContext);
