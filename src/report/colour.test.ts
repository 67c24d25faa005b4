import { describe, expect, it } from 'vitest';
import { shouldColour } from './colour.js';

const tty = { isTTY: true };
const pipe = { isTTY: false };

describe('shouldColour', () => {
  it.each([
    ['a terminal', tty, {}, true],
    ['a pipe', pipe, {}, false],
    ['NO_COLOR on a terminal', tty, { NO_COLOR: '1' }, false],
    ['an empty NO_COLOR', tty, { NO_COLOR: '' }, true],
    ['NO_COLOR beats FORCE_COLOR', tty, { NO_COLOR: '1', FORCE_COLOR: '1' }, false],
    ['FORCE_COLOR into a pipe', pipe, { FORCE_COLOR: '1' }, true],
    ['an empty FORCE_COLOR', pipe, { FORCE_COLOR: '' }, true],
    ['FORCE_COLOR=0 on a terminal', tty, { FORCE_COLOR: '0' }, false],
    ['FORCE_COLOR=false on a terminal', tty, { FORCE_COLOR: 'false' }, false],
    ['TERM=dumb', tty, { TERM: 'dumb' }, false],
  ] as const)('%s', (_name, stream, env, expected) => {
    expect(shouldColour(stream, env)).toBe(expected);
  });
});
