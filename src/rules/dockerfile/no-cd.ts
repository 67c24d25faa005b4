import type { RunScript } from '../../model/dockerfile.js';
import type { ShellArg, ShellCommand } from '../../model/shell.js';
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
    // Whether the last `cd` of each RUN entered a scratch directory: a relative `cd` from there
    // (`cd "$tempDir" && cd pkg-1.2`) stays inside it.
    const inScratch = new Map<RunScript, boolean>();
    for (const site of runCommands(document)) {
      const command = site.command;
      if (command.program !== 'cd' || command.inSubshell || command.inSubstitution || seen.has(site.run)) continue;
      const target = command.args.find((a) => !written(a).startsWith('-'));
      const relative = target !== undefined && /^[^/$~]/.test(written(target)) && written(target) !== '..';
      const scratch =
        (relative && inScratch.get(site.run) === true) || scratchDirectory(site.run, command, site.instruction.workdir);
      inScratch.set(site.run, scratch);
      if (scratch) continue;
      seen.add(site.run);
      context.report({
        message: `RUN changes directory with "cd ${command.args.map((a) => a.value ?? a.text).join(' ')}"; use WORKDIR so the directory is explicit for later instructions.`,
        range: commandRange(site),
        key: keys.of(site.stage, `cd ${command.args.map((a) => a.text).join(' ')}`),
      });
    }
  },
});

/** An argument as written, without quotes: `"$tempDir"` is `$tempDir`. */
function written(arg: ShellArg): string {
  return arg.value ?? arg.text.replace(/["']/g, '');
}

const trimSlashes = (path: string) => (path.length > 1 ? path.replace(/\/+$/, '') : path);

/**
 * Whether `cd` enters a scratch directory of this RUN: a temporary one (`/tmp/...`, a `mktemp`
 * result) or one the same RUN deletes afterwards (`cd /usr/src/python; ...; rm -rf /usr/src/python`).
 * WORKDIR would be the wrong advice there: it persists the directory and the change into the image.
 * A `cd` back to the stage's WORKDIR changes nothing either.
 */
function scratchDirectory(run: RunScript, cd: ShellCommand, workdir: string): boolean {
  const target = cd.args.find((a) => !written(a).startsWith('-'));
  if (!target) return false;
  const path = trimSlashes(written(target));
  // Back to the WORKDIR (`cd /` before deleting a source tree): no change of directory at all.
  if (path === trimSlashes(workdir)) return true;
  if (path === '/tmp' || path.startsWith('/tmp/') || path.includes('mktemp')) return true;
  const commands = run.commands;
  const at = commands.indexOf(cd);
  // `dir="$(mktemp -d)"; cd "$dir"`
  const variable = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(path)?.[1];
  if (variable !== undefined) {
    // The commands of a substitution come just before the command whose word or assignment holds it.
    const assigned = commands.findIndex((c) => c.assignments.some((a) => a.name === variable));
    const before = commands[assigned - 1];
    if (assigned > 0 && before?.program === 'mktemp' && before.inSubstitution) return true;
  }
  return commands.slice(at + 1).some((c) => {
    if (c.program !== 'rm') return false;
    const args = c.args.map(written);
    if (!args.some((a) => /^-[a-zA-Z]*[rR]/.test(a) || a === '--recursive')) return false;
    return args.some((a) => {
      if (a.startsWith('-')) return false;
      const removed = trimSlashes(a);
      return (
        removed === path || path.startsWith(`${removed}/`) || (removed.endsWith('/*') && path.startsWith(removed.slice(0, -1)))
      );
    });
  });
}
