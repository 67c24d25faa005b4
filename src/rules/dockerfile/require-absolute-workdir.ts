import { processWord } from '../../sources/dockerfile/words.js';
import { defineRule } from '../types.js';
import { Keys } from './_helpers.js';

export default defineRule({
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/require-absolute-workdir',
    description: 'Require WORKDIR to be an absolute path',
    rationale:
      'A relative WORKDIR is resolved against whatever the previous WORKDIR was, which may come from the base image and change when it does: files are then copied to and commands run in a directory nobody reviewed.',
    severity: 'low',
    threats: ['malicious-payload'],
    references: ['hadolint DL3000', 'trivy DS009', 'Docker docs: WORKDIR'],
    remediation: 'Write the full path: `WORKDIR /app` rather than `WORKDIR app`.',
    related: [
      { tool: 'hadolint', id: 'DL3000' },
      { tool: 'trivy', id: 'DS009' },
    ],
    examples: [{ bad: 'FROM alpine:3.20\nWORKDIR app\n', good: 'FROM alpine:3.20\nWORKDIR /app\n' }],
  },
  check(document, context) {
    const keys = new Keys();
    for (const stage of document.stages) {
      for (const instruction of stage.all('WORKDIR')) {
        const text = instruction.argsText.trim();
        if (text === '') continue;
        const value = processWord(text, stage.lookup(), document.escapeChar);
        const path = value.unresolved.length > 0 ? text : value.value;
        if (path.startsWith('$') || path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\')) continue;
        if (stage.os === 'windows' && /^[A-Za-z]:/.test(path)) continue;
        context.report({
          message: `WORKDIR "${path}" is relative: it depends on the previous working directory (possibly set by the base image).`,
          range: instruction.argsRange,
          key: keys.of(stage, path),
        });
      }
    }
  },
});
