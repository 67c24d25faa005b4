import { parseArgs } from '../../model/cli-args.js';
import { defineRule } from '../types.js';
import { modeEffect } from './_chmod.js';
import { commandRange, commandText, Keys, runCommands, stagesReachingFinal } from './_helpers.js';

export default defineRule({
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/no-world-writable',
    description: 'Disallow world-writable files and directories in images (chmod 777, o+w)',
    rationale:
      'A world-writable program, library, configuration file or directory lets any user in the container, including the unprivileged one an attacker lands as, replace code that root or the application later runs: a direct path to privilege escalation and persistence.',
    severity: 'medium',
    threats: ['privilege-escalation', 'application-escape'],
    references: ['CIS Docker 4.8', 'NIST SP 800-190 4.4.3'],
    remediation:
      'Give the application user ownership instead: `COPY --chown=app:app ...` or `chown -R app:app /data` and `chmod 750`/`640`. Shared temporary directories need the sticky bit (`chmod 1777 /tmp/x`), which this rule accepts. Build stages whose files never reach the final image (neither built on nor copied from) are not checked.',
    examples: [
      {
        bad: 'FROM alpine:3.20\nRUN mkdir /data && chmod -R 777 /data\n',
        good: 'FROM alpine:3.20\nRUN mkdir /data && chown -R 10001:10001 /data && chmod 750 /data\n',
      },
    ],
  },
  check(document, context) {
    const keys = new Keys();
    const reaching = stagesReachingFinal(document);
    for (const site of runCommands(document, reaching)) {
      if (site.command.program !== 'chmod') continue;
      const parsed = parseArgs(site.command.args, { valued: ['--reference'] });
      const mode = parsed.operands[0]?.value;
      const effect = mode === undefined ? undefined : modeEffect(mode);
      if (!effect?.worldWritable || effect.sticky) continue;
      // A temporary directory that the same RUN removes again does not reach the image.
      const targets = parsed.operands.slice(1).map((a) => a.text);
      const later = site.run.commands.slice(site.run.commands.indexOf(site.command) + 1);
      const removed = targets.every((t) => later.some((c) => c.program === 'rm' && c.args.some((a) => a.text === t)));
      if (targets.length > 0 && removed) continue;
      context.report({
        message: `"${commandText(site.command)}" makes files world-writable: any user in the container can change them.`,
        range: commandRange(site),
        key: keys.of(site.stage, commandText(site.command)),
      });
    }
    for (const instruction of document.instructions) {
      if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') continue;
      if (instruction.stage && !reaching.has(instruction.stage)) continue;
      const flag = instruction.flag('chmod');
      const effect = flag?.value === undefined ? undefined : modeEffect(flag.value);
      if (!flag || !effect?.worldWritable || effect.sticky) continue;
      context.report({
        message: `${instruction.keyword} --chmod=${flag.value} makes the copied files world-writable.`,
        range: flag.range,
        key: keys.of(instruction.stage, `${instruction.keyword} --chmod ${instruction.argsText}`),
      });
    }
  },
});
