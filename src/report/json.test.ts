import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emit } from '../cli/output.js';
import type { ScanResult } from '../core/finding.js';
import { scan } from '../scan.js';
import { formatJson, jsonChunks, jsonReport } from './json.js';

const root = join(import.meta.dirname, '..', '..');

describe('the JSON report in pieces', async () => {
  const full = await scan({ paths: ['examples/'], cwd: root, config: false });
  const empty: ScanResult = { ...full, findings: [], errors: [], skipped: [] };
  const one: ScanResult = { ...full, findings: full.findings.slice(0, 1) };
  const withError: ScanResult = {
    ...empty,
    errors: [{ file: 'bad.yaml', line: 3, column: 7, message: 'invalid YAML: "quoted"\nsecond line' }],
  };
  const cases: [string, ScanResult, { showSuppressed?: boolean; verbose?: boolean }][] = [
    ['the example scan', full, {}],
    ['with suppressed findings and skipped files', full, { showSuppressed: true, verbose: true }],
    ['no findings', empty, {}],
    ['no findings, verbose', empty, { verbose: true }],
    ['one finding', one, {}],
    ['an error with quotes and a newline', withError, {}],
  ];

  it.each(cases)('is the text JSON.stringify gives: %s', (_name, result, options) => {
    const expected = `${JSON.stringify(jsonReport(result, options), null, 2)}\n`;
    expect(formatJson(result, options)).toBe(expected);
    expect(JSON.parse(formatJson(result, options))).toEqual(JSON.parse(expected));
  });

  it('comes one finding at a time', () => {
    expect(full.findings.length).toBeGreaterThan(100);
    const pieces = [...jsonChunks(full)];
    expect(pieces.length).toBeGreaterThan(full.findings.length);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(10_000);
  });

  it('is written to a file in batches with the same text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'greenbelt-json-'));
    try {
      const io = { stdout: { write: () => true }, stderr: { write: () => true }, stdin: process.stdin, env: {}, cwd: dir };
      emit(io, jsonChunks(full), 'report.json');
      expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe(formatJson(full));
      let written = '';
      const stdout = {
        write: (text: string) => {
          written += text;
          return true;
        },
      };
      emit({ ...io, stdout }, jsonChunks(full), undefined);
      expect(written).toBe(formatJson(full));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
