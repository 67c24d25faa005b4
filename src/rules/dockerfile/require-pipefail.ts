import type { RunScript } from '../../model/dockerfile.js';
import type { ShellCommand } from '../../model/shell.js';
import { defineRule } from '../types.js';
import { Keys, scriptRange } from './_helpers.js';

/** `set -o pipefail`, `set -euxo pipefail`, `set -Eeo pipefail`. */
function setsPipefail(command: ShellCommand): boolean {
  if (command.program !== 'set') return false;
  const args = command.args.map((a) => a.value ?? '');
  const at = args.indexOf('pipefail');
  return at > 0 && /^-[a-zA-Z]*o$/.test(args[at - 1] ?? '');
}

function shellHasPipefail(shell: readonly string[]): boolean {
  const at = shell.indexOf('pipefail');
  return at > 0 && /^-[a-zA-Z]*o$/.test(shell[at - 1] ?? '');
}

/**
 * Commands whose failure a pipe cannot hide: shell builtins that only write their arguments
 * (`echo "$SHA256 *file" | sha256sum -c -`). pipefail would change nothing there.
 */
const CANNOT_FAIL = new Set(['echo', 'printf', 'true', ':']);

/** Whether a failure of some command of the pipe before its last would go unnoticed. */
function canHideFailure(pipe: ShellCommand): boolean {
  const members = pipe.pipeline.members;
  return members.slice(0, -1).some((m) => m?.program === undefined || !CANNOT_FAIL.has(m.program));
}

/** The first pipe of the script that is not preceded by `set -o pipefail`, if any. */
function unguardedPipe(run: RunScript): ShellCommand | undefined {
  for (const command of run.commands) {
    if (command.wrapper) continue;
    if (setsPipefail(command) && !command.inSubshell && !command.inSubstitution) return undefined;
    if (
      command.pipeIndex === 0 &&
      command.pipeline.operators.length > 0 &&
      command.pipeline.members[0] === command &&
      canHideFailure(command)
    )
      return command;
  }
  return undefined;
}

export default defineRule({
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/require-pipefail',
    description: 'Require pipefail for RUN instructions that use a pipe',
    rationale:
      'Without `pipefail` a pipeline succeeds if its last command does: `curl https://... | tar -xz` builds an image even when the download failed or was cut off, shipping a half-installed or missing component nobody notices until it is exploited or breaks.',
    severity: 'low',
    threats: ['malicious-payload', 'vulnerable-image'],
    references: ['hadolint DL4006', 'Docker docs: Building best practices, "Using pipes"'],
    remediation:
      'Set it once per stage with `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` (or `["/bin/ash", "-eo", "pipefail", "-c"]` on Alpine), or start the RUN with `set -o pipefail &&`.',
    related: [{ tool: 'hadolint', id: 'DL4006' }],
    examples: [
      {
        bad: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/a.tgz | tar -xz -C /opt\n',
        good: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/a.tgz | tar -xz -C /opt\n',
      },
    ],
  },
  check(document, context) {
    const keys = new Keys();
    for (const stage of document.stages) {
      for (const instruction of stage.instructions) {
        const run = instruction.run;
        if (run?.form !== 'shell' || run.kind !== 'posix' || shellHasPipefail(run.shell)) continue;
        const pipe = unguardedPipe(run);
        if (!pipe) continue;
        const last = pipe.pipeline.members[pipe.pipeline.members.length - 1];
        context.report({
          message: `RUN pipes ${pipe.program ?? 'a command'} into ${last?.program ?? 'another command'} without pipefail: a failure of ${pipe.program ?? 'the first command'} does not fail the build.`,
          range: scriptRange(run, [pipe.range[0], last?.range[1] ?? pipe.range[1]]),
          key: keys.of(stage, `${pipe.program ?? ''}|${last?.program ?? ''}`),
        });
      }
    }
  },
});
