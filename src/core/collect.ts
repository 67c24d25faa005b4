/**
 * Full garbage collections at the points where a scan has just dropped much of its memory, for a
 * process that owns its heap (the CLI). V8 starts a full collection only once the heap has grown
 * by a factor of what was live at the previous one, so the tens of MB a large scan drops (its
 * cross-object analyses, its workload views) would otherwise stay in the heap beside the findings
 * that follow, and the process would grow by as much. A library host decides for itself: `scan()`
 * collects nothing unless given a collector.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Below this much heap in use, a collection costs more than it gives back. */
const LARGE_HEAP = 128 * 1024 * 1024;

/**
 * A collector that runs a full collection when the heap in use is at least `threshold` bytes, or
 * undefined where the runtime offers none. The collection function is V8's `gc`, which Node
 * exposes to a new context while `--expose-gc` is set (the way test runners measure leaks); the
 * flag is set only for that moment.
 */
export function collectorForLargeHeaps(threshold: number = LARGE_HEAP): () => void {
  let gc: (() => void) | null | undefined;
  return () => {
    if (gc === null || getHeapStatistics().used_heap_size < threshold) return;
    if (gc === undefined) gc = exposedGc();
    gc?.();
  };
}

function exposedGc(): (() => void) | null {
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}
