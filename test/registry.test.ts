/**
 * Meta-tests over the rule registry: every rule file is registered and tested, ids are unique and
 * well formed, metadata is complete, and every documented example behaves as documented.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSeverity } from '../src/core/severity.js';
import { SourceText } from '../src/core/source.js';
import { isThreatId } from '../src/core/threats.js';
import { type GreenbeltConfig, parseConfig } from '../src/engine/config.js';
import { defaultExampleFilename } from '../src/rules/examples.js';
import { allRules } from '../src/rules/index.js';
import type { AnyRule } from '../src/rules/types.js';
import { ofRule, scanText } from '../src/testing/index.js';

const rulesDir = join(import.meta.dirname, '..', 'src', 'rules');

function ruleFiles(): { target: string; slug: string; file: string }[] {
  const out: { target: string; slug: string; file: string }[] = [];
  for (const target of readdirSync(rulesDir, { withFileTypes: true })) {
    if (!target.isDirectory()) continue;
    for (const name of readdirSync(join(rulesDir, target.name))) {
      if (!name.endsWith('.ts') || name.endsWith('.test.ts') || name === 'index.ts' || name.startsWith('_')) continue;
      out.push({ target: target.name, slug: basename(name, '.ts'), file: join(rulesDir, target.name, name) });
    }
  }
  return out;
}

describe('rule registry', () => {
  it('registers every rule file, and every rule file has its test beside it', async () => {
    const files = ruleFiles();
    expect(files.length).toBeGreaterThan(0);
    for (const { target, slug, file } of files) {
      const module = (await import(file)) as { default?: AnyRule };
      expect(module.default, `${file} has a default export`).toBeDefined();
      const rule = module.default as AnyRule;
      expect(rule.meta.id, `${file} id matches its path`).toBe(`${target}/${slug}`);
      expect(allRules, `${rule.meta.id} is registered in src/rules/index.ts`).toContain(rule);
      expect(existsSync(file.replace(/\.ts$/, '.test.ts')), `${rule.meta.id} has ${slug}.test.ts`).toBe(true);
    }
    expect(allRules.length).toBe(files.length);
  });

  it('has unique ids and aliases', () => {
    const seen = new Set<string>();
    for (const rule of allRules) {
      for (const id of [rule.meta.id, ...(rule.meta.aliases ?? [])]) {
        expect(seen.has(id), `duplicate id or alias ${id}`).toBe(false);
        seen.add(id);
      }
    }
  });

  for (const rule of allRules) {
    describe(rule.meta.id, () => {
      it('has complete, well-formed metadata', () => {
        const meta = rule.meta;
        expect(meta.id).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
        expect(meta.description).toMatch(/^(Disallow|Require|Enforce) /);
        expect(meta.description.includes('\n')).toBe(false);
        expect(isSeverity(meta.severity)).toBe(true);
        expect(meta.threats.length).toBeGreaterThan(0);
        for (const threat of meta.threats) expect(isThreatId(threat), `threat ${threat}`).toBe(true);
        expect(meta.references.length).toBeGreaterThan(0);
        expect(meta.remediation.length).toBeGreaterThan(20);
        expect(meta.rationale.length).toBeGreaterThan(40);
        expect(meta.examples.length).toBeGreaterThan(0);
        for (const overlapped of meta.overlaps ?? []) {
          expect(
            allRules.some((r) => r.meta.id === overlapped),
            `overlapped rule ${overlapped} exists`,
          ).toBe(true);
        }
      });

      // Rules that refine this one (declare it in `overlaps`) take over its findings on the same
      // node by design; the examples show this rule's own behaviour, so they run without them.
      const refiners = allRules.filter((r) => r.meta.overlaps?.includes(rule.meta.id));
      const rules = refiners.length > 0 ? { rules: allRules.filter((r) => !refiners.includes(r)) } : {};
      rule.meta.examples.forEach((example, index) => {
        const filename = example.filename ?? defaultExampleFilename(rule);
        const withConfig = (config: GreenbeltConfig) => {
          if (example.config === undefined) return;
          const parsed = parseConfig(new SourceText('.greenbelt.yaml', example.config), config.root);
          expect(parsed.errors, 'the example config is valid').toEqual([]);
          Object.assign(config, parsed.config);
        };
        it(`example ${index + 1}: the bad snippet is reported`, async () => {
          const result = await scanText(example.bad, { filename, ...rules, config: withConfig });
          expect(result.errors).toEqual([]);
          expect(ofRule(result, rule.meta.id).length).toBeGreaterThan(0);
        });
        it(`example ${index + 1}: the good snippet is not`, async () => {
          const result = await scanText(example.good, { filename, ...rules, config: withConfig });
          expect(result.errors).toEqual([]);
          expect(ofRule(result, rule.meta.id).map((f) => `${f.line}: ${f.message}`)).toEqual([]);
        });
      });
    });
  }
});

/** Applies an example's `.greenbelt.yaml` text to the scan's config. */
