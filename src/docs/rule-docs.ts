/**
 * Rule documentation generated from the registry: one page per rule under docs/rules/<target>/,
 * and an index. Nothing here is written by hand twice; `npm run gen` writes it and a test checks
 * it is current.
 */
import { THREATS } from '../core/threats.js';
import { defaultExampleFilename } from '../rules/examples.js';
import type { AnyRule } from '../rules/types.js';

function fence(text: string, filename: string): string {
  const lang = /\.ya?ml$/.test(filename)
    ? 'yaml'
    : /\.json$/.test(filename)
      ? 'json'
      : /Dockerfile|Containerfile/i.test(filename)
        ? 'dockerfile'
        : /\.(sh|bash)$/.test(filename)
          ? 'sh'
          : '';
  const ticks = text.includes('```') ? '````' : '```';
  return `${ticks}${lang}\n${text.replace(/\n$/, '')}\n${ticks}`;
}

/** For rules with hadolint equivalents: the hadolint comments that suppress them too. */
function hadolintNote(rule: AnyRule): string {
  const ids = (rule.meta.related ?? []).filter((r) => r.tool === 'hadolint').map((r) => r.id);
  if (ids.length === 0) return '';
  return `; an existing \`# hadolint ignore=${ids.join(',')}\` comment suppresses it too`;
}

/** The markdown page of one rule. */
export function ruleMarkdown(rule: AnyRule): string {
  const meta = rule.meta;
  const lines: string[] = [];
  lines.push(`# ${meta.id}`, '', meta.description + '.', '');
  lines.push(`- **Severity:** ${meta.severity}`);
  lines.push(`- **Threats:** ${meta.threats.map((t) => `\`${t}\` (${THREATS[t]})`).join('; ')}`);
  lines.push(`- **Checks:** ${rule.target}${meta.defaultOff ? ' (off by default)' : ''}`);
  if (meta.aliases && meta.aliases.length > 0)
    lines.push(`- **Also known as:** ${meta.aliases.map((a) => `\`${a}\``).join(', ')}`);
  lines.push('', '## Why', '', meta.rationale, '', '## How to fix', '', meta.remediation, '');
  lines.push('## References', '', ...meta.references.map((r) => `- ${r}`), '');
  if (meta.related && meta.related.length > 0) {
    lines.push('## Equivalent checks in other tools', '', '| Tool | Check |', '| --- | --- |');
    for (const related of meta.related) lines.push(`| ${related.tool} | \`${related.id}\` |`);
    lines.push('');
  }
  if (meta.overlaps && meta.overlaps.length > 0) {
    lines.push(
      '## Overlaps',
      '',
      `Where ${meta.overlaps.map((o) => `\`${o}\``).join(', ')} reports the same field, only this rule's finding is shown, carrying both rules' references.`,
      '',
    );
  }
  lines.push('## Examples', '');
  meta.examples.forEach((example, index) => {
    const filename = example.filename ?? defaultExampleFilename(rule);
    const suffix = meta.examples.length > 1 ? ` ${index + 1}` : '';
    if (example.config !== undefined)
      lines.push(`With this \`.greenbelt.yaml\`:`, '', fence(example.config, '.greenbelt.yaml'), '');
    lines.push(`Reported${suffix} (\`${filename}\`):`, '', fence(example.bad, filename), '');
    lines.push(`Not reported${suffix}:`, '', fence(example.good, filename), '');
  });
  lines.push('## Suppressing', '');
  lines.push(
    `With a reason, in a comment on the line above the finding: \`# greenbelt-ignore ${meta.id}: <reason>\`` +
      (rule.target === 'k8s' || rule.target === 'workload' || rule.target === 'k8s-set'
        ? `, or as an annotation on the object: \`ignore.greenbelt.dev/${meta.id.replace('/', '.')}: "<reason>"\``
        : '') +
      hadolintNote(rule) +
      '; or with an exemption in `.greenbelt.yaml`.',
    '',
  );
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

/**
 * The plain-text help of one rule, for places that cannot render markdown (SARIF `help.text`,
 * terminals): what it checks, why, how to fix it and where to read more.
 */
export function rulePlainText(rule: AnyRule): string {
  const meta = rule.meta;
  const lines = [`${meta.id}: ${meta.description}.`, '', meta.rationale, '', `How to fix: ${meta.remediation}`];
  if (meta.references.length > 0) lines.push('', 'References:', ...meta.references.map((r) => `  - ${r}`));
  return lines.join('\n');
}

/** The catalogue of all rules, grouped by target. */
export function ruleIndexMarkdown(rules: readonly AnyRule[]): string {
  const lines = [
    '# Rules',
    '',
    `greenbelt has ${rules.length} rules. This page and every rule page are generated from the rule registry (\`npm run gen\`).`,
    '',
  ];
  const groups = new Map<string, AnyRule[]>();
  for (const rule of rules) {
    const group = rule.meta.id.split('/')[0] as string;
    const list = groups.get(group) ?? [];
    list.push(rule);
    groups.set(group, list);
  }
  for (const [group, list] of [...groups.entries()].sort()) {
    lines.push(`## ${group}`, '', '| Rule | Severity | Threats | Description |', '| --- | --- | --- | --- |');
    for (const rule of [...list].sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1))) {
      const slug = rule.meta.id.split('/')[1];
      lines.push(
        `| [${rule.meta.id}](${group}/${slug}.md) | ${rule.meta.severity} | ${rule.meta.threats.join(', ')} | ${rule.meta.description.replace(/\|/g, '\\|')} |`,
      );
    }
    lines.push('');
  }
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

/** Every generated documentation file, by path relative to the repository root. */
export function generatedRuleDocs(rules: readonly AnyRule[]): Map<string, string> {
  const files = new Map<string, string>();
  files.set('docs/rules/README.md', ruleIndexMarkdown(rules));
  for (const rule of rules) files.set(`docs/rules/${rule.meta.id}.md`, ruleMarkdown(rule));
  return files;
}
