import { defineRule } from '../types.js';
import { Keys } from './_helpers.js';

export default defineRule({
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/copy-from-unknown-stage',
    description: 'Disallow COPY --from names that are neither a stage nor an explicit image reference',
    rationale:
      'When `COPY --from=name` names no stage, the builder treats it as an image and pulls it, from Docker Hub if it has no registry. A typo (`--from=bulid`) or a renamed stage then copies files out of whatever image someone published under that name: a typosquatting entry point into your build.',
    severity: 'medium',
    threats: ['poisoned-registry', 'malicious-payload'],
    references: ['hadolint DL3022', 'hadolint DL3023', 'trivy DS006', 'Docker docs: COPY --from'],
    remediation:
      'Name an earlier stage (`FROM golang:1.22 AS build` ... `COPY --from=build`), or, to copy from an image on purpose, write its full, tagged reference (`COPY --from=docker.io/library/nginx:1.27 /etc/nginx /etc/nginx`).',
    related: [
      { tool: 'hadolint', id: 'DL3022' },
      { tool: 'hadolint', id: 'DL3023' },
      { tool: 'trivy', id: 'DS006' },
    ],
    examples: [
      {
        bad: 'FROM golang:1.22 AS build\nRUN go build -o /app\nFROM alpine:3.20\nCOPY --from=bulid /app /app\n',
        good: 'FROM golang:1.22 AS build\nRUN go build -o /app\nFROM alpine:3.20\nCOPY --from=build /app /app\n',
      },
    ],
  },
  check(document, context) {
    const keys = new Keys();
    for (const stage of document.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') continue;
        const flag = instruction.flag('from');
        const from = flag?.value;
        if (!flag || from === undefined || from === '' || from.includes('$')) continue;
        const target = document.stageNamed(from);
        if (target === stage) {
          context.report({
            message: `COPY --from=${from} refers to the stage it is in (${stage.label}): a stage cannot copy from itself.`,
            range: flag.range,
            key: keys.of(stage, `self ${from}`),
          });
          continue;
        }
        if (target) continue;
        if (/[/:.@]/.test(from)) continue; // an explicit image reference
        context.report({
          message: `COPY --from=${from} names no stage of this Dockerfile, so the builder pulls an image called "${from}" (docker.io/library/${from}:latest) and copies from it.`,
          range: flag.range,
          key: keys.of(stage, from),
        });
      }
    }
  },
});
