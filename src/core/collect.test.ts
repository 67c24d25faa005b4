import { describe, expect, it } from 'vitest';
import { collectorForLargeHeaps } from './collect.js';

describe('collectorForLargeHeaps', () => {
  it('runs a full collection once the heap in use reaches the threshold', async () => {
    let object: object | undefined = { large: new Array(1000).fill('x') };
    const ref = new WeakRef(object);
    object = undefined;
    // A WeakRef keeps its target until the current job ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectorForLargeHeaps(0)();
    expect(ref.deref()).toBeUndefined();
  });

  it('leaves the process without a global gc', () => {
    collectorForLargeHeaps(0)();
    expect('gc' in globalThis && typeof (globalThis as { gc?: unknown }).gc === 'function').toBe(false);
  });
});
