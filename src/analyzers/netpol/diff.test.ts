import { describe, expect, it } from 'vitest';
import { diffConnectivity, formatDiff } from './diff.js';
import { analyse, netpol, pod } from './testing/fixtures.js';

const workloads = pod('web', 'shop', { app: 'web' }) + pod('api', 'shop', { app: 'api' });
const side = (text: string) => {
  const { connectivity, model } = analyse(text);
  return { connections: connectivity.connections(), peers: model.peers };
};

describe('connectivity diff', () => {
  it('is empty when nothing changes', () => {
    const diff = diffConnectivity(side(workloads), side(workloads));
    expect(diff.entries.every((e) => e.type === 'unchanged')).toBe(true);
    expect(formatDiff('txt', diff)).toBe('');
    expect(formatDiff('json', diff)).toBe('[]');
  });

  it('lists changed, added and removed connections, in that order', () => {
    const before =
      workloads +
      netpol(
        'api',
        'shop',
        'podSelector: { matchLabels: { app: api } }\ningress:\n  - from: [{ podSelector: { matchLabels: { app: web } } }]\n    ports: [{ port: 8080 }]',
      );
    const after =
      workloads +
      pod('worker', 'shop', { app: 'worker' }) +
      netpol(
        'api',
        'shop',
        'podSelector: { matchLabels: { app: api } }\ningress:\n  - from: [{ podSelector: {} }]\n    ports: [{ port: 8080 }, { port: 9090 }]\n  - from: [{ ipBlock: { cidr: 10.0.0.0/8 } }]',
      );
    const text = formatDiff('txt', diffConnectivity(side(before), side(after)));
    expect(text.split('\n')).toEqual([
      'Connectivity diff:',
      'diff-type: changed, source: shop/web[Pod], destination: shop/api[Pod], ref1: TCP 8080, ref2: TCP 8080,9090',
      'diff-type: added, source: 0.0.0.0-255.255.255.255[External], destination: shop/worker[Pod], ref1: No Connections, ref2: All Connections, workloads-diff-info: workload shop/worker[Pod] added',
      'diff-type: added, source: 10.0.0.0-10.255.255.255[External], destination: shop/api[Pod], ref1: No Connections, ref2: All Connections',
      'diff-type: added, source: shop/api[Pod], destination: shop/worker[Pod], ref1: No Connections, ref2: All Connections, workloads-diff-info: workload shop/worker[Pod] added',
      'diff-type: added, source: shop/web[Pod], destination: shop/worker[Pod], ref1: No Connections, ref2: All Connections, workloads-diff-info: workload shop/worker[Pod] added',
      'diff-type: added, source: shop/worker[Pod], destination: 0.0.0.0-255.255.255.255[External], ref1: No Connections, ref2: All Connections, workloads-diff-info: workload shop/worker[Pod] added',
      'diff-type: added, source: shop/worker[Pod], destination: shop/api[Pod], ref1: No Connections, ref2: TCP 8080,9090, workloads-diff-info: workload shop/worker[Pod] added',
      'diff-type: added, source: shop/worker[Pod], destination: shop/web[Pod], ref1: No Connections, ref2: All Connections, workloads-diff-info: workload shop/worker[Pod] added',
    ]);
  });

  it('compares external ranges piece by piece and merges them back', () => {
    const before =
      workloads +
      netpol('web', 'shop', 'podSelector: { matchLabels: { app: web } }\ningress:\n  - from: [{ ipBlock: { cidr: 0.0.0.0/0 } }]');
    const after =
      workloads +
      netpol('web', 'shop', 'podSelector: { matchLabels: { app: web } }\ningress:\n  - from: [{ ipBlock: { cidr: 0.0.0.0/1 } }]');
    const diff = diffConnectivity(side(before), side(after));
    expect(formatDiff('csv', diff).split('\n')).toEqual([
      'diff-type,source,destination,ref1,ref2,workloads-diff-info',
      'removed,128.0.0.0-255.255.255.255[External],shop/web[Pod],All Connections,No Connections,',
    ]);
    // api is open to everything in both versions: its two pieces merge back into one unchanged range.
    expect(diff.entries.filter((e) => e.type === 'unchanged' && e.dst === 'shop/api[Pod]').map((e) => e.src)).toContain(
      '0.0.0.0-255.255.255.255[External]',
    );
  });
});
