/**
 * Conformance over ../shared/conformance/real-dockerfiles (372 real Dockerfiles, read in place,
 * never copied): every one scans without a crash and without an error entry, and the instruction
 * boundaries greenbelt's BuildKit-style parser finds agree with dockerfile-ast's on every file.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { describe, expect, it } from 'vitest';
import { SourceText } from '../src/core/source.js';
import { DockerfileDocument } from '../src/model/dockerfile.js';
import { scan } from '../src/scan.js';
import { isDockerfileName } from '../src/sources/dockerfile-handler.js';

const corpus = join(import.meta.dirname, '..', '..', 'shared', 'conformance', 'real-dockerfiles');
const present = existsSync(corpus);

function dockerfiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...dockerfiles(path));
    else if (isDockerfileName(name)) out.push(path);
  }
  return out;
}

describe.skipIf(!present)('real Dockerfiles (../shared/conformance/real-dockerfiles)', () => {
  it('scans every Dockerfile without an error and with findings', async () => {
    const result = await scan({ paths: [corpus], config: false });
    expect(result.errors).toEqual([]);
    const files = dockerfiles(corpus);
    expect(files.length).toBeGreaterThanOrEqual(372);
    const withFindings = new Set(result.findings.map((f) => f.file));
    const skipped = result.skipped.filter((s) => isDockerfileName(s.file.split('/').pop() ?? ''));
    // Only jq templates kept under Dockerfile names are skipped, and they say why.
    for (const s of skipped) expect(s.reason).toMatch(/template/);
    expect(withFindings.size + skipped.length).toBe(files.length);
  }, 60_000);

  it('finds the same instructions on the same lines as dockerfile-ast', () => {
    const mismatches: string[] = [];
    for (const file of dockerfiles(corpus)) {
      const text = readFileSync(file, 'utf8');
      const ours = new DockerfileDocument(new SourceText(file, text));
      const theirs = DockerfileParser.parse(text)
        .getInstructions()
        .map((i) => `${i.getKeyword()}@${i.getRange().start.line + 1}`);
      const mine = ours.instructions.map((i) => `${i.keyword}@${ours.source.positionAt(i.keywordRange[0]).line}`);
      if (mine.join() !== theirs.join()) mismatches.push(relative(corpus, file));
    }
    expect(mismatches).toEqual([]);
  });

  it('parses every RUN of a POSIX shell without a shell syntax error (templates aside)', () => {
    const errors: string[] = [];
    for (const file of dockerfiles(corpus)) {
      const text = readFileSync(file, 'utf8');
      if (/\{\{[\s\S]*?\}\}/.test(text)) continue;
      const document = new DockerfileDocument(new SourceText(file, text));
      for (const instruction of document.instructions) {
        const error = instruction.run?.syntaxError;
        if (error) errors.push(`${relative(corpus, file)}: ${error.message}`);
      }
    }
    expect(errors).toEqual([]);
  });
});

if (!present) {
  it('conformance corpus is absent: real-Dockerfile checks skipped', () => {
    expect(present).toBe(false);
  });
}
