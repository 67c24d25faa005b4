import { isInstall } from '../../analyzers/package-managers.js';
import { defineRule } from '../types.js';
import { commandPackage, commandRange, commandText, Keys } from './_helpers.js';

export default defineRule({
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/require-no-install-recommends',
    description: 'Require apt-get install to use --no-install-recommends',
    rationale:
      'Without `--no-install-recommends`, apt installs every recommended package too: often dozens of extra packages (compilers, X11 libraries, documentation tools) nobody asked for. Each is more size, more known vulnerabilities to patch and more tools for an attacker.',
    severity: 'low',
    threats: ['vulnerable-image'],
    references: ['hadolint DL3015', 'CIS Docker 4.3', 'Docker docs: Building best practices, "apt-get"'],
    remediation:
      'Add `--no-install-recommends` to every `apt-get install` (`apt-get install -y --no-install-recommends curl ca-certificates`), or set `APT::Install-Recommends "false";` in an apt.conf.d file early in the Dockerfile. Build stages that are not part of the final image are not checked.',
    related: [
      { tool: 'hadolint', id: 'DL3015' },
      { tool: 'trivy', id: 'DS029' },
      { tool: 'dockerfilelint', id: 'apt-get_recommends' },
    ],
    examples: [
      {
        bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl\n',
        good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
      },
    ],
  },
  check(document, context) {
    const keys = new Keys();
    // An apt configuration written earlier (APT::Install-Recommends "false") applies to later RUNs.
    const configured = new Set<number>();
    // Recommended packages installed in a build stage stay there: only the final image's are shipped.
    const inFinal = document.stagesInFinalImage;
    for (const stage of document.stages) {
      let off = stage.lineage.slice(1).some((s) => configured.has(s.index));
      for (const instruction of stage.instructions) {
        const run = instruction.run;
        if (!run) continue;
        if (/APT::Install-Recommends\s*(=\s*|")?\s*"?(false|0)/i.test(run.script.text)) off = true;
        if (off || !inFinal.has(stage)) continue;
        for (const command of run.commands) {
          const pkg = commandPackage(document, command);
          if (!pkg || (pkg.manager !== 'apt-get' && pkg.manager !== 'apt') || !isInstall(pkg)) continue;
          if (pkg.parsed.has('--no-install-recommends')) continue;
          const option = pkg.parsed.all('-o', '--option').some((o) => /^APT::Install-Recommends=(false|0)$/i.test(o.value ?? ''));
          if (option) continue;
          context.report({
            message: `"${commandText(command)}" installs recommended packages too; add --no-install-recommends.`,
            range: commandRange({ run, command }),
            key: keys.of(stage, commandText(command)),
          });
        }
      }
      if (off) configured.add(stage.index);
    }
  },
});
