import { describe, expect, it } from 'vitest';
import { parseArgs } from './cli-args.js';

const args = (...values: string[]) => values.map((value) => ({ value, text: value, range: [0, 0] as const }));

describe('parseArgs', () => {
  it('clusters, attached and separate values, long options with =, and --', () => {
    const parsed = parseArgs(args('-fsSLo', 'out.tgz', '--retry=3', '--header', 'A: b', 'https://x', '--', '-notanoption'), {
      valued: ['-o', '--header', '--retry'],
    });
    expect(parsed.options.map((o) => [o.name, o.value])).toEqual([
      ['-f', undefined],
      ['-s', undefined],
      ['-S', undefined],
      ['-L', undefined],
      ['-o', 'out.tgz'],
      ['--retry', '3'],
      ['--header', 'A: b'],
    ]);
    expect(parsed.operands.map((o) => o.value)).toEqual(['https://x', '-notanoption']);
  });

  it('stops at the first operand when asked (docker run IMAGE CMD...)', () => {
    const parsed = parseArgs(args('-d', '-p', '80:80', 'nginx:1.27', 'nginx', '-g', 'daemon off;'), {
      valued: ['-p'],
      stopAtOperand: true,
    });
    expect(parsed.get('-p')?.value).toBe('80:80');
    expect(parsed.operands.map((o) => o.value)).toEqual(['nginx:1.27', 'nginx', '-g', 'daemon off;']);
  });
});
