import type { RunScript } from '../../model/dockerfile.js';
import { defineRule } from '../types.js';
import { commandRange, Keys, runCommands } from './_helpers.js';

export default defineRule({
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/no-cd',
    description: 'Disallow cd in RUN to set the working directory; use WORKDIR',
    rationale:
      '`cd` in one RUN does not carry to the next, so later instructions silently run elsewhere than the author meant, and a failed `cd` in a chain without `set -e` runs the rest in the wrong directory. WORKDIR states the directory once, for every later instruction.',
    severity: 'low',
    threats: ['malicious-payload'],
    references: ['hadolint DL3003', 'trivy DS013', 'Docker docs: Building best practices, "WORKDIR"'],
    remediation:
      'Use `WORKDIR /path` before the commands, or run a command in a directory without changing it (`make -C /src`, `git -C /src pull`). A `cd` inside a subshell `( cd /tmp && ... )` is not reported.',
    related: [
      { tool: 'hadolint', id: 'DL3003' },
      { tool: 'trivy', id: 'DS013' },
    ],
    examples: [{ bad: 'FROM alpine:3.20\nRUN cd /app && make\n', good: 'FROM alpine:3.20\nWORKDIR /app\nRUN make\n' }],
  },
  check(document, context) {
    const keys = new Keys();
    const seen = new Set<RunScript>();
    for (const site of runCommands(document)) {
      const command = site.command;
      if (command.program !== 'cd' || command.inSubshell || command.inSubstitution || seen.has(site.run)) continue;
      seen.add(site.run);
      context.report({
        message: `RUN changes directory with "cd ${command.args.map((a) => a.value ?? a.text).join(' ')}"; use WORKDIR so the directory is explicit for later instructions.`,
        range: commandRange(site),
        key: keys.of(site.stage, `cd ${command.args.map((a) => a.text).join(' ')}`),
      });
    }
  },
});
