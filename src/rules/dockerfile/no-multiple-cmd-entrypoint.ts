import { defineRule } from '../types.js';

export default defineRule({
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/no-multiple-cmd-entrypoint',
    description: 'Disallow more than one CMD or ENTRYPOINT in a stage',
    rationale:
      'Only the last CMD and the last ENTRYPOINT of a stage take effect; earlier ones are silently ignored. A reviewer reading the first one is wrong about what the container runs.',
    severity: 'low',
    threats: ['malicious-payload'],
    references: ['hadolint DL4003', 'hadolint DL4004', 'trivy DS007', 'trivy DS016'],
    remediation: 'Keep one CMD and one ENTRYPOINT per stage, at the end; delete the earlier ones.',
    related: [
      { tool: 'hadolint', id: 'DL4003' },
      { tool: 'hadolint', id: 'DL4004' },
      { tool: 'trivy', id: 'DS007' },
      { tool: 'trivy', id: 'DS016' },
    ],
    examples: [
      {
        bad: 'FROM alpine:3.20\nCMD ["sh"]\nCMD ["app", "serve"]\n',
        good: 'FROM alpine:3.20\nCMD ["app", "serve"]\n',
      },
    ],
  },
  check(document, context) {
    for (const stage of document.stages) {
      for (const keyword of ['CMD', 'ENTRYPOINT']) {
        const all = stage.all(keyword);
        const last = all[all.length - 1];
        for (const instruction of all.slice(0, -1)) {
          context.report({
            message: `Stage ${stage.label} has ${all.length} ${keyword} instructions; this one is overridden by the ${keyword} on line ${document.source.positionAt(last?.keywordRange[0] ?? 0).line} and never takes effect.`,
            range: instruction.keywordRange,
            key: `${stage.label}|${keyword}|${instruction.argsText}`,
          });
        }
      }
    }
  },
});
