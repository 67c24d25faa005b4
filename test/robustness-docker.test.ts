/**
 * Bad input never crashes or hangs: random text made of the characters that matter to the
 * Dockerfile and shell parsers goes through the whole Dockerfile model and the shell parser.
 */
import { describe, expect, it } from 'vitest';
import { SourceText } from '../src/core/source.js';
import { DockerfileDocument } from '../src/model/dockerfile.js';
import { analyseShell } from '../src/model/shell.js';
import { scanText } from '../src/testing/index.js';

/** A small deterministic generator (xorshift), so failures reproduce. */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x100000000;
  };
}

const PIECES = [
  'RUN ',
  'FROM a AS b\n',
  'COPY ',
  '<<EOF',
  '\nEOF\n',
  '\\\n',
  '`',
  '$(',
  '${',
  ')',
  '}',
  '"',
  "'",
  '|',
  '&&',
  ';',
  '\n',
  ' ',
  'if ',
  'then ',
  'fi',
  'case x in',
  'esac',
  '(',
  '#',
  'x',
  '=',
  '[',
  ']',
  '*',
  '$',
  '<<-',
  '\t',
  '# escape=`\n',
  'ARG A=$B\n',
  'SHELL ["pwsh"]\n',
  '--mount=type=secret ',
];

function noise(next: () => number, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += PIECES[Math.floor(next() * PIECES.length)];
  return text;
}

describe('robustness', () => {
  it('the shell parser and the Dockerfile model accept any text', () => {
    const next = random(20_240_601);
    for (let i = 0; i < 1500; i++) {
      const text = noise(next, 1 + Math.floor(next() * 60));
      expect(() => analyseShell(text), text).not.toThrow();
      expect(() => new DockerfileDocument(new SourceText('Dockerfile', `FROM alpine\n${text}`)), text).not.toThrow();
    }
  });

  it('a whole scan of random Dockerfiles yields errors as values, never a crash', async () => {
    const next = random(7);
    for (let i = 0; i < 40; i++) {
      const result = await scanText(`FROM alpine:3.20\n${noise(next, 80)}`, { filename: 'Dockerfile' });
      for (const error of result.errors) expect(error.message).not.toMatch(/internal error/);
    }
  });

  it('a huge, deeply nested RUN stays fast enough to finish', () => {
    const text = `FROM alpine\nRUN ${'echo $(echo '.repeat(3000)}x${')'.repeat(3000)} && ${'a && '.repeat(20_000)}b\n`;
    const document = new DockerfileDocument(new SourceText('Dockerfile', text));
    expect(document.instructions[1]?.run?.syntaxError?.message).toMatch(/nesting/);
  });
});
