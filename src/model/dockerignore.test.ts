import { describe, expect, it } from 'vitest';
import { isExcluded, parseDockerignore } from './dockerignore.js';

describe('.dockerignore', () => {
  const patterns = parseDockerignore(
    ['# comment', '.git', '/node_modules', '**/*.pem', '*.log', '!keep.log', 'secrets/', 'docs/**/*.md', ''].join('\n'),
  );

  it.each([
    ['.git', true],
    ['.git/HEAD', true],
    ['node_modules/x/index.js', true],
    ['certs/deep/tls.pem', true],
    ['tls.pem', true],
    ['app.log', true],
    ['keep.log', false],
    ['sub/app.log', false],
    ['secrets/token', true],
    ['docs/a/b/c.md', true],
    ['docs/readme.txt', false],
    ['src/main.ts', false],
  ])('%s excluded: %s', (path, excluded) => {
    expect(isExcluded(patterns, path)).toBe(excluded);
  });

  it('allow-list style: exclude everything, re-include some', () => {
    const allow = parseDockerignore('*\n!src\n!package.json\n');
    expect(['src/a.ts', 'package.json', '.env', '.git/config'].map((p) => isExcluded(allow, p))).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });
});
