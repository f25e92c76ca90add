/** What every bench area is given: the programme size, how many samples to take, where to log. */
export interface BenchContext {
  meetings: number;
  /** Smoke run (CI): the fewest samples that still exercise every path. */
  smoke: boolean;
  samples: { autosave: number; reads: number; exports: number; search: number; keystrokes: number; loads: number };
  log: (line: string) => void;
}

export function samplesFor(meetings: number, smoke: boolean): BenchContext['samples'] {
  if (smoke) return { autosave: 5, reads: 2, exports: 1, search: 1, keystrokes: 10, loads: 1 };
  return {
    autosave: 200,
    reads: meetings >= 999 ? 10 : 20,
    exports: meetings >= 999 ? 2 : meetings >= 200 ? 3 : 10,
    search: 10,
    keystrokes: 200,
    loads: 5,
  };
}
