import type { DockerfileDocument, RunScript } from '../../model/dockerfile.js';
import type { ShellCommand } from '../../model/shell.js';
import { defineRule } from '../types.js';
import { commandPackage, Keys, scriptRange } from './_helpers.js';

/** What a command builds from source, if anything. */
const BUILDERS = new Set(['git', 'configure', 'make', 'gmake', 'ninja', 'cmake', 'meson', 'go', 'cargo', 'pip', 'pip3']);

function sourceBuild(command: ShellCommand): string | undefined {
  if (command.program === undefined || !BUILDERS.has(command.program)) return undefined;
  const args = command.args.map((a) => a.value ?? a.text);
  switch (command.program) {
    case 'git':
      return args[0] === 'clone' ? 'git clone' : undefined;
    case 'configure':
      return './configure';
    case 'make':
    case 'gmake':
      return args.includes('install') ? 'make install' : undefined;
    case 'ninja':
      return args.includes('install') ? 'ninja install' : undefined;
    case 'cmake':
      return args.includes('--install') || args.includes('--build') ? 'cmake' : undefined;
    case 'meson':
      return args[0] === 'install' || args[0] === 'setup' ? 'meson' : undefined;
    case 'go':
      if (args[0] === 'get') return 'go get';
      if (args[0] === 'install' && args.some((a) => /^[a-z0-9.-]+\.[a-z]{2,}\/.+@/.test(a))) return 'go install';
      return undefined;
    case 'cargo':
      return args[0] === 'install' && !args.includes('--path') ? 'cargo install' : undefined;
    case 'pip':
    case 'pip3':
      return args[0] === 'install' && args.some((a) => /^git\+|\.git(@|$)/.test(a)) ? 'pip install from git' : undefined;
    default:
      return undefined;
  }
}

export default defineRule({
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/no-source-builds-in-final-stage',
    description: 'Disallow building third-party code from source in the final image',
    rationale:
      'Software cloned and compiled in the final stage (`git clone`, `./configure && make install`, `go install pkg@v`, `cargo install`) is invisible to image scanners, which read package databases: its vulnerabilities are never reported. The final image also keeps the compilers and sources used to build it.',
    severity: 'low',
    threats: ['vulnerable-image', 'malicious-payload'],
    references: ['NIST SP 800-190 4.1.1', 'Docker docs: Multi-stage builds', 'CIS Docker 4.3'],
    remediation:
      'Build in a separate stage and copy only the result into the final stage (`FROM gcc:14 AS build` ... `COPY --from=build /usr/local/bin/tool /usr/local/bin/`). Prefer packaged releases, which scanners can see, and record what you built (an SBOM with `docker buildx build --sbom=true`).',
    examples: [
      {
        bad: 'FROM debian:12-slim\nRUN git clone https://github.com/acme/tool && cd tool && ./configure && make && make install\n',
        good: 'FROM debian:12 AS build\nRUN git clone https://github.com/acme/tool && cd tool && ./configure && make && make install DESTDIR=/out\nFROM debian:12-slim\nCOPY --from=build /out/ /\n',
      },
    ],
  },
  check(document, context) {
    const keys = new Keys();
    for (const stage of document.stagesInFinalImage) {
      for (const instruction of stage.instructions) {
        const run = instruction.run;
        if (!run) continue;
        const found = new Set<string>();
        let first: ShellCommand | undefined;
        for (const command of run.commands) {
          const what = sourceBuild(command);
          if (!what) continue;
          found.add(what);
          first ??= command;
        }
        if (!first) continue;
        const tools = removesBuildDependencies(document, run)
          ? 'the build dependencies are removed afterwards, but what was built stays unrecorded'
          : 'and the build tools stay in the image';
        context.report({
          message: `The final image builds software from source (${[...found].join(', ')}): image scanners cannot see what was built, ${tools}. Build it in a separate stage.`,
          range: scriptRange(run, first.range),
          key: keys.of(stage, [...found].join(',')),
        });
      }
    }
  },
});

/** Whether the RUN uninstalls packages again (`apk del .build-deps`, `apt-get purge --auto-remove`). */
function removesBuildDependencies(document: DockerfileDocument, run: RunScript): boolean {
  return run.commands.some((c) => {
    const pkg = commandPackage(document, c);
    if (!pkg) return false;
    const sub = pkg.subcommand;
    switch (pkg.manager) {
      case 'apk':
        return sub === 'del';
      case 'apt-get':
      case 'apt':
        return sub === 'purge' || sub === 'remove' || sub === 'autoremove';
      case 'yum':
      case 'dnf':
      case 'microdnf':
      case 'zypper':
        return sub === 'remove' || sub === 'erase' || sub === 'autoremove' || sub === 'rm';
      default:
        return false;
    }
  });
}
