import type { SourceText } from '../../core/source.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'suppressions',
  meta: {
    id: 'meta/unused-suppression',
    description: 'Disallow suppressions (comments, annotations, config exemptions) that match no finding',
    rationale:
      'A suppression that no longer matches anything hides nothing today but will silently hide a real problem that appears at that place tomorrow. It also tells readers that a risk exists where none does. Remove it, or fix the rule id it names.',
    severity: 'low',
    threats: ['undetected-activity'],
    references: ['ESLint reportUnusedDisableDirectives (the same practice)'],
    remediation: 'Delete the suppression, or correct the rule id it names.',
    examples: [
      {
        bad: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    # greenbelt-ignore k8s/no-privileged: the CNI agent needs it
    - name: web
      image: nginx:1.27
`,
        good: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      securityContext:
        # greenbelt-ignore k8s/no-privileged: the CNI agent needs it
        privileged: true
`,
      },
    ],
  },
  // Keys hold no line numbers, so that a finding keeps its identity when lines move.
  check(index, context) {
    const at = (source: SourceText | undefined, line: number, column: number) =>
      source ? { source, range: [source.offsetAt(line, column), source.offsetAt(line, column) + 1] as const } : {};
    for (const directive of index.comments) {
      const source = index.sources.get(directive.file);
      if (directive.source === 'greenbelt' && directive.rules.length === 0) {
        context.report({
          ...at(source, directive.line, directive.column),
          message:
            'Suppression comment names no rule, so it suppresses nothing: name the rules, as in `# greenbelt-ignore k8s/no-privileged: <reason>`.',
          key: `comment::${directive.reason}`,
        });
        continue;
      }
      for (const name of directive.rules) {
        const ids = index.resolve(name);
        if (ids.length === 0) {
          // hadolint codes that no greenbelt rule maps are left alone: the comment is hadolint's.
          if (directive.source === 'hadolint') continue;
          context.report({
            ...at(source, directive.line, directive.column),
            message: `Suppression comment names "${name}", which is not a greenbelt rule.`,
            key: `comment:${name}:${directive.reason}`,
          });
          continue;
        }
        if (!ids.some((id) => index.isEnabled(id))) continue;
        if (directive.used.has(name)) continue;
        // A hadolint comment is honoured for easy migration, but it belongs to hadolint, whose
        // checks differ from ours (DL3002 looks at every stage, DL3008 and DL3033 map to one rule):
        // greenbelt cannot tell that hadolint no longer needs it.
        if (directive.source === 'hadolint') continue;
        context.report({
          ...at(source, directive.line, directive.column),
          message: `Suppression comment for ${name} matches no finding${directive.wholeFile ? ' in this file' : ' on the line below'}.`,
          key: `comment:${name}:${directive.reason}`,
        });
      }
    }
    for (const directive of index.annotations) {
      const ids = index.resolve(directive.rule);
      if (ids.length > 0 && (!ids.some((id) => index.isEnabled(id)) || directive.used)) continue;
      context.report({
        on: directive.on,
        path: ['metadata', 'annotations', directive.key],
        message:
          ids.length === 0
            ? `Annotation ${directive.key} names "${directive.rule}", which is not a greenbelt rule.`
            : `Annotation ${directive.key} suppresses ${directive.rule}, but that rule reports nothing on this object.`,
      });
    }
    for (const entry of index.exemptions) {
      if (entry.used) continue;
      const exemption = entry.exemption;
      if (entry.expired) {
        context.report({
          ...at(index.configSource, exemption.line ?? 1, exemption.column ?? 1),
          message: `Config exemption ("${exemption.reason}") expired on ${exemption.expires}: the findings it suppressed are reported again. Fix them, or renew the exemption with a new date and reason.`,
          key: `exemption:${exemption.reason}:expired`,
        });
        continue;
      }
      const ids = exemption.rules.flatMap((name) => index.resolve(name));
      const unknown = exemption.rules.filter((name) => !/[*?[{]/.test(name) && index.resolve(name).length === 0);
      if (exemption.rules.length > 0 && unknown.length === 0 && ids.length > 0 && !ids.some((id) => index.isEnabled(id)))
        continue;
      context.report({
        ...at(index.configSource, exemption.line ?? 1, exemption.column ?? 1),
        message:
          unknown.length > 0
            ? `Config exemption names unknown rule${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} and matches no finding.`
            : `Config exemption ("${exemption.reason}") matches no finding.`,
        key: `exemption:${exemption.reason}`,
      });
    }
  },
});
