import { defineRule } from '../types.js';
import { commandRange, commandText, Keys, runCommands } from './_helpers.js';

export default defineRule({
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/no-sudo',
    description: 'Disallow sudo in RUN instructions',
    rationale:
      "A Dockerfile that needs sudo has a non-root USER and then escalates back, which means sudo (a setuid-root program) and a sudoers rule are in the image: any process of that user, including an attacker's, can become root the same way. sudo also behaves unpredictably without a TTY.",
    severity: 'medium',
    threats: ['privilege-escalation'],
    references: ['hadolint DL3004', 'CIS Docker 4.8', 'Docker docs: Building best practices, "USER"'],
    remediation:
      'Switch users with `USER root` for the steps that need it and back with `USER app` afterwards, and do not install sudo. To drop privileges in an entrypoint, use `gosu` or `su-exec`.',
    related: [
      { tool: 'hadolint', id: 'DL3004' },
      { tool: 'trivy', id: 'DS010' },
      { tool: 'dockerfilelint', id: 'sudo_usage' },
    ],
    examples: [
      {
        bad: 'FROM ubuntu:24.04\nUSER app\nRUN sudo apt-get update\n',
        good: 'FROM ubuntu:24.04\nRUN apt-get update\nUSER app\n',
      },
    ],
  },
  check(document, context) {
    const keys = new Keys();
    for (const site of runCommands(document)) {
      if (site.command.program !== 'sudo') continue;
      context.report({
        message: `RUN uses sudo ("${commandText(site.command)}"): switch users with USER instead and keep sudo out of the image.`,
        range: commandRange(site),
        key: keys.of(site.stage, commandText(site.command)),
      });
    }
  },
});
