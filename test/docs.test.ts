/**
 * The guides stay true to the code: every option of every command documented in docs/cli.md is
 * the command's real option set, every config key is documented, and every config example in
 * docs/configuration.md is a valid config for the rules that exist.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../src/cli/run.js';
import { SourceText } from '../src/core/source.js';
import { CONFIG_KEYS, EXEMPTION_FIELDS, parseConfig } from '../src/engine/config.js';
import { FORMATS } from '../src/report/index.js';
import { allRules } from '../src/rules/index.js';
import { root, runInProcess } from './support/cli.js';

const read = (path: string) => readFileSync(join(root, 'docs', path), 'utf8');

function optionsIn(text: string): string[] {
  return [...new Set([...text.matchAll(/(?<![\w-])--[a-z][a-z-]*/g)].map((m) => m[0]))].sort();
}

function section(markdown: string, heading: string): string | undefined {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start === -1) return undefined;
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end === -1 ? undefined : end);
}

describe('docs/cli.md', () => {
  const cli = read('cli.md');

  it('documents scan, rules and explain', () => {
    for (const name of ['scan', 'rules', 'explain']) expect(section(cli, `greenbelt ${name}`), name).toBeDefined();
  });

  for (const name of Object.keys(commands)) {
    it(`has exactly the options of greenbelt ${name}, where it documents the command`, async () => {
      const text = section(cli, `greenbelt ${name}`);
      if (text === undefined) return; // documented in its own guide
      const entry = commands[name];
      if (!entry) throw new Error(name);
      const { command } = await entry.load();
      const table = text
        .split('\n')
        .filter((line) => line.startsWith('| `'))
        .map((line) => line.split(' | ')[0] ?? '')
        .join(' ');
      expect(optionsIn(table)).toEqual(optionsIn(command.usage));
    });
  }

  it('names every report format', () => {
    for (const format of FORMATS) expect(cli).toContain(`\`${format}\``);
  });
});

describe('docs/configuration.md', () => {
  const guide = read('configuration.md');

  it('documents every config key and exemption field', () => {
    for (const key of CONFIG_KEYS) expect(guide, key).toContain(`## \`${key}\``);
    for (const field of EXEMPTION_FIELDS) expect(guide, field).toMatch(new RegExp(`^\\| \`${field}\` +\\|`, 'm'));
  });

  it('holds config examples that are valid for the rules that exist', () => {
    const blocks = [...guide.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
    const configs = blocks.filter((b) => CONFIG_KEYS.some((key) => new RegExp(`^${key}:`, 'm').test(b)));
    expect(configs.length).toBeGreaterThan(0);
    const knownRules = allRules.map((r) => ({ id: r.meta.id, aliases: r.meta.aliases }));
    for (const block of configs) {
      expect(parseConfig(new SourceText('.greenbelt.yaml', block), root, { knownRules }).errors, block).toEqual([]);
    }
  });
});

describe('docs/reports.md', () => {
  it('describes every format', () => {
    const reports = read('reports.md');
    for (const format of FORMATS) expect(reports, format).toContain(`\n## ${format}\n`);
  });
});

describe('README.md', () => {
  it('shows the summary line that the first command really prints', async () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const shown = /^ {4}(\d+ findings \(.*)$/m.exec(readme)?.[1];
    expect(shown).toBeDefined();
    const run = await runInProcess(['scan', 'examples/'], { cwd: root });
    const printed = run.stdout
      .split('\n')
      .map((line) => line.trim())
      .find((line) => /^\d+ findings \(/.test(line));
    expect(printed).toBe(shown);
  });
});
