import type { ShellCommand } from '../../model/shell.js';
import { defineRule } from '../types.js';
import { Keys, runCommands, scriptRange } from './_helpers.js';

const DOWNLOADERS = new Set(['curl', 'wget', 'fetch', 'aria2c', 'http', 'https', 'iwr', 'Invoke-WebRequest']);
const INTERPRETERS = new Set([
  'sh',
  'bash',
  'dash',
  'ash',
  'zsh',
  'ksh',
  'python',
  'python2',
  'python3',
  'perl',
  'ruby',
  'node',
  'php',
  'pwsh',
  'powershell',
  'source',
  '.',
  'eval',
]);

/** The program a pipeline member runs, looking through wrappers (`sudo -E bash`). */
function runs(command: ShellCommand | undefined, programs: Set<string>): ShellCommand | undefined {
  for (let c = command; c; c = c.wrapped) {
    if (c.program !== undefined && (programs.has(c.program) || /^python3\.\d+$/.test(c.program))) return c;
  }
  return undefined;
}

export default defineRule({
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/no-curl-pipe-shell',
    description: 'Disallow piping downloads into a shell or interpreter',
    rationale:
      '`curl ... | sh` runs whatever the server sends, at build time, as the build user (usually root), with no record of what ran and no integrity check. A compromised or hijacked server, or a truncated download, becomes code in your image.',
    severity: 'high',
    threats: ['malicious-payload', 'poisoned-registry'],
    references: ['CIS Docker 4.11', 'OWASP Docker Security Cheat Sheet, rule 13 (supply chain)', 'SLSA: verified dependencies'],
    remediation:
      'Download to a file, verify it against a published checksum or signature, then run it: `curl -fsSLo install.sh https://... && echo "<sha256>  install.sh" | sha256sum -c - && sh install.sh`. Better, install a packaged, signed release.',
    examples: [
      {
        bad: 'FROM debian:12-slim\nRUN curl -fsSL https://get.example.com/install.sh | sh\n',
        good: `FROM debian:12-slim\nRUN curl -fsSLo /tmp/install.sh https://get.example.com/install.sh \\\n && echo "${'0'.repeat(64)}  /tmp/install.sh" | sha256sum -c - \\\n && sh /tmp/install.sh\n`,
      },
    ],
  },
  check(document, context) {
    const keys = new Keys();
    for (const site of runCommands(document)) {
      const command = site.command;
      if (command.wrapper || !runs(command, DOWNLOADERS)) continue;
      // curl ... | sh
      const members = command.pipeline.members;
      const after = members.slice(command.pipeIndex + 1);
      const target = after.map((m) => runs(m, INTERPRETERS)).find((m) => m !== undefined);
      if (target?.program !== undefined && command.pipeline.members[command.pipeIndex] === command) {
        context.report({
          message: `RUN pipes a download (${command.program}) straight into ${target.program}: the script is executed unverified.`,
          range: scriptRange(site.run, [command.range[0], Math.max(command.range[1], target.range[1])]),
          key: keys.of(site.stage, `${command.program}|${target.program}`),
        });
        continue;
      }
      // sh -c "$(curl ...)", bash <(curl ...), eval "$(wget -O- ...)"
      const enclosing = command.enclosing;
      const interpreter = runs(enclosing, INTERPRETERS);
      if (enclosing && interpreter?.program !== undefined) {
        context.report({
          message: `RUN runs the output of a download (${command.program}) with ${interpreter.program}: the script is executed unverified.`,
          range: scriptRange(site.run, [
            Math.min(enclosing.range[0], command.range[0]),
            Math.max(enclosing.range[1], command.range[1]),
          ]),
          key: keys.of(site.stage, `${command.program}|${interpreter.program}`),
        });
      }
    }
  },
});
