import { ruleMarkdown } from '../../docs/rule-docs.js';
import { closest } from '../../engine/suggest.js';
import { allRules } from '../../rules/index.js';
import type { AnyRule } from '../../rules/types.js';
import { oneOf, parse } from '../args.js';
import { EXIT_ERROR, EXIT_OK, type Io, UsageError } from '../io.js';
import type { Command } from '../run.js';
import { ruleJson } from './rules.js';

const usage = `Usage: greenbelt explain [options] RULE...

Prints a rule's documentation: what it checks, why, how to fix it, its references and examples
(the page docs/rules/<id>.md is generated from the same source).

RULE is a rule id (k8s/no-privileged), an earlier id kept as an alias, the id's last part when
only one rule has it (no-privileged), the annotation form (k8s.no-privileged), or the code of an
equivalent check in another tool (DL3006, KSV017) when greenbelt maps it.

Options:
  -f, --format FORMAT   markdown or json (default markdown)`;

/** The rules a name designates, best match first; empty when none. */
export function resolveRuleName(name: string, rules: readonly AnyRule[] = allRules): AnyRule[] {
  const exact = rules.find((r) => r.meta.id === name) ?? rules.find((r) => r.meta.aliases?.includes(name));
  if (exact) return [exact];
  const dotted = name.replace('.', '/');
  const annotation = rules.find((r) => r.meta.id === dotted);
  if (annotation) return [annotation];
  const lower = name.toLowerCase();
  const bySlug = rules.filter((r) => r.meta.id.split('/')[1] === lower);
  if (bySlug.length > 0) return bySlug;
  return rules.filter((r) => (r.meta.related ?? []).some((related) => related.id.toLowerCase() === lower));
}

async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { format: { type: 'string', short: 'f' } });
  const formatName = oneOf(values.format, ['markdown', 'json'] as const, '--format') ?? 'markdown';
  if (positionals.length === 0) throw new UsageError('name a rule, for example greenbelt explain k8s/no-privileged');
  const pages: string[] = [];
  const found: AnyRule[] = [];
  let missing = false;
  for (const name of positionals) {
    const rules = resolveRuleName(name);
    if (rules.length === 0) {
      const names = allRules.flatMap((r) => [r.meta.id, ...(r.meta.aliases ?? [])]);
      const suggestions = closest(name, names);
      io.stderr.write(
        `greenbelt explain: no rule ${name}${suggestions.length > 0 ? `; did you mean ${suggestions.join(', ')}?` : ''} (greenbelt rules lists them all)\n`,
      );
      missing = true;
      continue;
    }
    if (rules.length > 1 && formatName === 'markdown') {
      io.stderr.write(`greenbelt explain: ${name} matches ${rules.length} rules: ${rules.map((r) => r.meta.id).join(', ')}\n`);
    }
    for (const rule of rules) {
      if (found.includes(rule)) continue;
      found.push(rule);
      pages.push(ruleMarkdown(rule));
    }
  }
  if (formatName === 'json') {
    io.stdout.write(`${JSON.stringify({ version: 1, rules: found.map(ruleJson) }, null, 2)}\n`);
  } else io.stdout.write(pages.join('\n---\n\n'));
  return missing ? EXIT_ERROR : EXIT_OK;
}

export const command: Command = {
  summary: "print a rule's documentation",
  usage,
  run,
};
