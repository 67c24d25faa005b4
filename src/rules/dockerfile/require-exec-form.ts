import { defineRule } from '../types.js';

export default defineRule({
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/require-exec-form',
    description: 'Require the JSON (exec) form for CMD and ENTRYPOINT',
    rationale:
      'The shell form runs the command under `/bin/sh -c`: the shell is PID 1 and does not forward SIGTERM, so the application is killed without a clean shutdown; an ENTRYPOINT in shell form ignores CMD and `docker run` arguments; and values are re-parsed by a shell, a needless interpreter between the runtime and the application.',
    severity: 'low',
    threats: ['application-escape', 'resource-starvation'],
    references: ['hadolint DL3025', 'Docker docs: ENTRYPOINT, "Exec form ENTRYPOINT example"'],
    remediation:
      'Write `CMD ["node", "server.js"]` instead of `CMD node server.js`. When a shell is needed, make it explicit and `exec` the program: `CMD ["sh", "-c", "exec node server.js --port \\"$PORT\\""]`.',
    related: [{ tool: 'hadolint', id: 'DL3025' }],
    examples: [{ bad: 'FROM node:20-slim\nCMD node server.js\n', good: 'FROM node:20-slim\nCMD ["node", "server.js"]\n' }],
  },
  check(document, context) {
    for (const stage of document.stagesInFinalImage) {
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== 'CMD' && instruction.keyword !== 'ENTRYPOINT') continue;
        if (instruction.json !== undefined || instruction.argsText.trim() === '') continue;
        context.report({
          message: `${instruction.keyword} uses the shell form ("${instruction.argsText}"): /bin/sh becomes PID 1 and does not pass signals on. Use the JSON form.`,
          range: instruction.argsRange,
          key: `${stage.label}|${instruction.keyword}|${instruction.argsText}`,
        });
      }
    }
  },
});
