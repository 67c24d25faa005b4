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
    const final = document.finalStage;
    if (!final) return;
    for (const keyword of ['CMD', 'ENTRYPOINT'] as const) {
      // Only the last CMD and the last ENTRYPOINT of the final image take effect (lineage is nearest first).
      const instruction = [...final.lineage]
        .reverse()
        .flatMap((s) => s.all(keyword))
        .pop();
      if (!instruction || instruction.json !== undefined) continue;
      const text = instruction.argsText.trim();
      if (text === '') continue;
      // `CMD exec nginx -g 'daemon off;'`: the shell replaces itself with the program, which
      // becomes PID 1 and receives signals. An ENTRYPOINT still ignores CMD and run arguments.
      const execs = /^exec\s/.test(text);
      if (execs && keyword === 'CMD') continue;
      context.report({
        message: execs
          ? `ENTRYPOINT uses the shell form ("${text}"): it ignores CMD and the arguments of docker run. Use the JSON form.`
          : `${keyword} uses the shell form ("${text}"): /bin/sh becomes PID 1 and does not pass signals on. Use the JSON form.`,
        range: instruction.argsRange,
        key: `${instruction.stage?.label ?? ''}|${keyword}|${instruction.argsText}`,
      });
    }
  },
});
