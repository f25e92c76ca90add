/**
 * Which components rendered, commit by commit: what React DevTools' "highlight updates" shows,
 * read through the same hook React offers DevTools (it must exist before react-dom loads, so
 * setup.ts imports this module first). A component counts as rendered in a commit when React
 * did work for it (the PerformedWork flag), the way DevTools decides it; subtrees React reused
 * untouched are not walked.
 */
interface Fiber {
  tag: number;
  type: unknown;
  child: Fiber | null;
  sibling: Fiber | null;
  return: Fiber | null;
  alternate: Fiber | null;
  flags: number;
}

/** React's fiber tags for components that run user code (function, class, forwardRef, memo). */
const COMPONENT_TAGS = new Set([0, 1, 11, 14, 15]);
const PERFORMED_WORK = 1;

export interface Rendered {
  name: string;
  /** Names of the components above it, nearest first. */
  owners: string[];
}

function nameOf(fiber: Fiber): string {
  const type = fiber.type as { displayName?: string; name?: string; render?: { name?: string }; type?: { name?: string } } | null;
  return type?.displayName ?? type?.name ?? type?.render?.name ?? type?.type?.name ?? 'Anonymous';
}

function ownersOf(fiber: Fiber): string[] {
  const owners: string[] = [];
  for (let f = fiber.return; f; f = f.return) if (COMPONENT_TAGS.has(f.tag)) owners.push(nameOf(f));
  return owners;
}

/** The components that rendered in the commit whose new tree starts at `next`. */
function renderedIn(next: Fiber, out: Rendered[]): void {
  const prev = next.alternate;
  const mounted = prev === null;
  if (COMPONENT_TAGS.has(next.tag) && (mounted || (next.flags & PERFORMED_WORK) !== 0)) out.push({ name: nameOf(next), owners: ownersOf(next) });
  // Children React did not clone were not visited in this render.
  if (!mounted && next.child === prev.child) return;
  for (let child = next.child; child; child = child.sibling) renderedIn(child, out);
}

let listener: ((rendered: Rendered[]) => void) | null = null;

const hook = {
  supportsFiber: true,
  isDisabled: false,
  renderers: new Map<number, unknown>(),
  inject(renderer: unknown) {
    const id = this.renderers.size + 1;
    this.renderers.set(id, renderer);
    return id;
  },
  onCommitFiberRoot(_id: number, root: { current: Fiber }) {
    if (!listener) return;
    const out: Rendered[] = [];
    renderedIn(root.current, out);
    listener(out);
  },
  onCommitFiberUnmount() {},
  onPostCommitFiberRoot() {},
  checkDCE() {},
};
(globalThis as { __REACT_DEVTOOLS_GLOBAL_HOOK__?: unknown }).__REACT_DEVTOOLS_GLOBAL_HOOK__ = hook;

/** Records every commit's rendered components until `stop()` is called. */
export function recordRenders(): { commits: Rendered[][]; stop: () => Rendered[][] } {
  const commits: Rendered[][] = [];
  listener = (rendered) => commits.push(rendered);
  return {
    commits,
    stop: () => {
      listener = null;
      return commits;
    },
  };
}
