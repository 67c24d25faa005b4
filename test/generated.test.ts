import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from '../src/generated.js';

const root = join(import.meta.dirname, '..');

describe('generated files', () => {
  it('are committed and current (run npm run gen after changing a rule)', () => {
    const stale: string[] = [];
    for (const [path, content] of generatedFiles()) {
      const file = join(root, path);
      if (!existsSync(file) || readFileSync(file, 'utf8') !== content) stale.push(path);
    }
    expect(stale).toEqual([]);
  });
});
