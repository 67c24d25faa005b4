import { parseArgs } from '../../model/cli-args.js';
import { defineRule } from '../types.js';
import { modeEffect } from './_chmod.js';
import { commandRange, commandText, Keys, runCommands, stagesReachingFinal } from './_helpers.js';

export default defineRule({
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/no-setuid',
    description: 'Disallow adding setuid or setgid bits to files in an image',
    rationale:
      'A setuid-root program runs as root whoever starts it: one bug in it (or a way to make it run something else) turns the unprivileged user an attacker lands as into root in the container, one step from the host. Images should remove setuid bits, not add them.',
    severity: 'medium',
    threats: ['privilege-escalation'],
    references: ['CIS Docker 4.8', 'NIST SP 800-190 4.4.3'],
    remediation:
      'Do not set `u+s`/`g+s` (or modes `4xxx`/`2xxx`). Grant a specific capability to the program instead (`setcap cap_net_bind_service=+ep`), or run the privileged step at build time. Consider stripping existing bits: `RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} +`. Build stages whose files never reach the final image (neither built on nor copied from) are not checked.',
    examples: [
      {
        bad: 'FROM alpine:3.20\nRUN chmod u+s /usr/local/bin/helper\n',
        good: 'FROM alpine:3.20\nRUN find / -xdev -perm /6000 -type f -exec chmod a-s {} + || true\n',
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
      if (!effect || (!effect.setuid && !effect.setgid)) continue;
      context.report({
        message: `"${commandText(site.command)}" adds the ${effect.setuid ? 'setuid' : 'setgid'} bit: the program runs with its owner's ${effect.setuid ? 'user' : 'group'} rights whoever starts it.`,
        range: commandRange(site),
        severity: effect.setuid ? 'medium' : 'low',
        key: keys.of(site.stage, commandText(site.command)),
      });
    }
    for (const instruction of document.instructions) {
      if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') continue;
      if (instruction.stage && !reaching.has(instruction.stage)) continue;
      const flag = instruction.flag('chmod');
      const effect = flag?.value === undefined ? undefined : modeEffect(flag.value);
      if (!flag || !effect || (!effect.setuid && !effect.setgid)) continue;
      context.report({
        message: `${instruction.keyword} --chmod=${flag.value} copies files with the ${effect.setuid ? 'setuid' : 'setgid'} bit set.`,
        range: flag.range,
        severity: effect.setuid ? 'medium' : 'low',
        key: keys.of(instruction.stage, `${instruction.keyword} --chmod ${instruction.argsText}`),
      });
    }
  },
});
