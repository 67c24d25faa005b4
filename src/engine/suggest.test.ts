import { describe, expect, it } from 'vitest';
import { closest, didYouMean, editDistance } from './suggest.js';

const ids = ['k8s/no-privileged', 'k8s/no-host-network', 'k8s/no-host-pid', 'dockerfile/no-add', 'pss/privileged'];

describe('suggestions', () => {
  it('measures edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });

  it.each([
    ['k8s/no-privilegd', ['k8s/no-privileged']],
    ['no-privileged', ['k8s/no-privileged']],
    ['K8S/NO-HOST-PID', ['k8s/no-host-pid']],
    ['k8s/no-host-netwrk', ['k8s/no-host-network']],
    ['privileged', ['pss/privileged', 'k8s/no-privileged']],
  ])('suggests for %s', (input, expected) => {
    expect(closest(input, ids).slice(0, expected.length)).toEqual(expected);
  });

  it('stays quiet when nothing is close', () => {
    expect(closest('completely-unrelated', ids)).toEqual([]);
    expect(didYouMean('xyz', ids)).toBe('');
    expect(didYouMean('rule', ['rules', 'pss'])).toBe(' (did you mean rules?)');
  });
});
