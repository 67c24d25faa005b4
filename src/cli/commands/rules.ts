import { THREATS } from '../../core/threats.js';
import { ruleIndexMarkdown } from '../../docs/rule-docs.js';
import { didYouMean } from '../../engine/suggest.js';
import { ruleDocsUrl } from '../../report/project.js';
import { allRules } from '../../rules/index.js';
import type { AnyRule } from '../../rules/types.js';
import { oneOf, parse } from '../args.js';
import { EXIT_OK, type Io, UsageError } from '../io.js';
import { emit } from '../output.js';
import type { Command } from '../run.js';

const usage = `Usage: greenbelt rules [options]

Lists every rule: id, default severity, threats and what it checks.

Options:
  -f, --format FORMAT   text, json or markdown (default text)
  -t, --target TARGET   only rules of this group (the part of the id before /, such as k8s or
                        dockerfile) or of this check target (such as workload); repeatable
      --threat THREAT   only rules that name this threat (repeatable)
  -o, --output FILE     write the list to FILE instead of standard output

The markdown is the rule catalogue of docs/rules/README.md. \`greenbelt explain RULE\` prints one
rule's page.`;

/** The group of a rule: the part of its id before `/` (k8s, pss, dockerfile, ...). */
export function ruleGroup(rule: AnyRule): string {
  return rule.meta.id.split('/')[0] ?? rule.target;
}

/** One rule as JSON: its metadata, its target, and where its documentation is. */
export function ruleJson(rule: AnyRule): Record<string, unknown> {
  const meta = rule.meta;
  return {
    id: meta.id,
    group: ruleGroup(rule),
    target: rule.target,
    description: meta.description,
    severity: meta.severity,
    threats: [...meta.threats],
    references: [...meta.references],
    remediation: meta.remediation,
    rationale: meta.rationale,
    aliases: [...(meta.aliases ?? [])],
    related: (meta.related ?? []).map((r) => ({ ...r })),
    overlaps: [...(meta.overlaps ?? [])],
    defaultOff: meta.defaultOff === true,
    docs: ruleDocsUrl(meta.id),
  };
}

function textTable(rules: readonly AnyRule[]): string {
  if (rules.length === 0) return 'No rules match.\n';
  const idWidth = Math.max(...rules.map((r) => r.meta.id.length));
  const lines: string[] = [];
  let group: string | undefined;
  for (const rule of rules) {
    const g = ruleGroup(rule);
    if (g !== group) {
      if (group !== undefined) lines.push('');
      lines.push(`${g}:`);
      group = g;
    }
    const off = rule.meta.defaultOff ? ' (off by default)' : '';
    lines.push(`  ${rule.meta.id.padEnd(idWidth)}  ${rule.meta.severity.padEnd(8)}  ${rule.meta.description}${off}`);
    lines.push(`  ${''.padEnd(idWidth)}  ${''.padEnd(8)}  threats: ${rule.meta.threats.join(', ')}`);
  }
  const off = rules.filter((r) => r.meta.defaultOff).length;
  lines.push('', `${rules.length} rule${rules.length === 1 ? '' : 's'}${off > 0 ? `, ${off} off by default` : ''}.`);
  return `${lines.join('\n')}\n`;
}

async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    format: { type: 'string', short: 'f' },
    target: { type: 'string', short: 't', multiple: true },
    threat: { type: 'string', multiple: true },
    output: { type: 'string', short: 'o' },
  });
  if (positionals.length > 0)
    throw new UsageError(`unexpected argument ${positionals[0]} (to read one rule: greenbelt explain RULE)`);
  const formatName = oneOf(values.format, ['text', 'json', 'markdown'] as const, '--format') ?? 'text';
  const groups = new Set(allRules.flatMap((r) => [ruleGroup(r), r.target as string]));
  for (const target of values.target ?? []) {
    if (!groups.has(target))
      throw new UsageError(`unknown target ${target}${didYouMean(target, groups)} (known: ${[...groups].sort().join(', ')})`);
  }
  for (const threat of values.threat ?? []) {
    if (!Object.hasOwn(THREATS, threat)) {
      throw new UsageError(`unknown threat ${threat}${didYouMean(threat, Object.keys(THREATS))}`);
    }
  }
  const targets = values.target;
  const threats = values.threat;
  const rules = [...allRules]
    .filter((r) => !targets || targets.includes(ruleGroup(r)) || targets.includes(r.target))
    .filter((r) => !threats || r.meta.threats.some((t) => threats.includes(t)))
    .sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));
  let text: string;
  switch (formatName) {
    case 'json':
      text = `${JSON.stringify({ version: 1, rules: rules.map(ruleJson) }, null, 2)}\n`;
      break;
    case 'markdown':
      text = ruleIndexMarkdown(rules);
      break;
    case 'text':
      text = textTable(rules);
      break;
  }
  emit(io, text, values.output);
  return EXIT_OK;
}

export const command: Command = {
  summary: 'list the rules (text, JSON or markdown)',
  usage,
  run,
};
