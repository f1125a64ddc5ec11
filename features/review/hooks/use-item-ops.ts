import { useCallback, useRef } from 'react';

/**
 * Changes to one item run one after another (a decision, then its undo), each reading the
 * item's revision only when its turn comes; different items proceed in parallel. The session's
 * decisions are kept as a stack, so "undo" takes back the last one wherever it was made.
 */
export function useItemOps() {
  const chains = useRef(new Map<number, Promise<unknown>>());
  const stack = useRef<{ itemId: number; label: string; saved: Promise<boolean> }[]>([]);

  const chain = useCallback(<T>(itemId: number, fn: () => Promise<T>): Promise<T> => {
    const previous = chains.current.get(itemId) ?? Promise.resolve();
    const run = previous.then(fn, fn);
    chains.current.set(
      itemId,
      run.catch(() => undefined),
    );
    return run;
  }, []);

  const remember = useCallback((itemId: number, label: string, saved: Promise<boolean>) => {
    stack.current.push({ itemId, label, saved });
    if (stack.current.length > 200) stack.current.shift();
  }, []);

  const popLast = useCallback(() => stack.current.pop() ?? null, []);

  return { chain, remember, popLast };
}
