import type { Stage } from '../../model/dockerfile.js';
import type { ImageRef } from '../../model/image.js';
import { defineRule } from '../types.js';
import { argv, isHandOverEntrypoint, programName, startCommand } from './_helpers.js';

export default defineRule({
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/require-healthcheck',
    description: 'Require a HEALTHCHECK in the final image',
    rationale:
      'Without a HEALTHCHECK, Docker and compose only know whether the process exists, not whether it works: a hung, deadlocked or hijacked service keeps receiving traffic and nobody is told. (Kubernetes ignores HEALTHCHECK and uses probes instead; for images only run there, suppress this rule.) Images whose default command is an interactive shell or language prompt (`CMD ["python3"]`, OS base images) run no service and are not reported.',
    severity: 'low',
    threats: ['undetected-activity', 'resource-starvation'],
    references: ['CIS Docker 4.6', 'hadolint DL3057', 'trivy DS026'],
    remediation:
      'Add a check that exercises the service: `HEALTHCHECK --interval=30s --timeout=3s CMD ["wget", "-qO-", "http://127.0.0.1:8080/healthz"]`, or write `HEALTHCHECK NONE` to record that the image deliberately has none.',
    related: [
      { tool: 'hadolint', id: 'DL3057' },
      { tool: 'trivy', id: 'DS026' },
      { tool: 'checkov', id: 'CKV_DOCKER_2' },
    ],
    examples: [
      {
        bad: 'FROM nginx:1.27\nCOPY site /usr/share/nginx/html\n',
        good: 'FROM nginx:1.27\nCOPY site /usr/share/nginx/html\nHEALTHCHECK CMD ["curl", "-fsS", "http://127.0.0.1/"]\n',
      },
    ],
  },
  check(document, context) {
    const final = document.finalStage;
    if (!final) return;
    if (final.lineage.some((s) => s.all('HEALTHCHECK').length > 0)) return;
    if (!runsAService(final)) return;
    context.report({
      message: `The final stage ${final.label} defines no HEALTHCHECK: Docker cannot tell a running but broken container from a healthy one.`,
      range: final.from.range,
      key: 'no-healthcheck',
    });
  },
});

/** Programs that start an interactive shell or language prompt when run without a script. */
const INTERACTIVE =
  /^(sh|bash|ash|dash|zsh|fish|ksh|pwsh|powershell|cmd|python[\d.]*|node|nodejs|irb|ruby|php|jshell|ghci|iex|erl|lua[\d.]*|perl|r)(\.exe)?$/;

/**
 * Images whose default command is an interactive prompt, not a service: language and OS base
 * images (`CMD ["python3"]`, `CMD ["php", "-a"]`, `CMD ["bash"]`, wp-cli's `wp shell`), and images
 * that inherit the shell CMD of an OS base image. A health check has nothing to check there.
 */
function runsAService(final: Stage): boolean {
  const { cmd, entrypoint } = startCommand(final);
  const entry = argv(entrypoint);
  if (entry.length > 0 && !isHandOverEntrypoint(entry)) return true;
  const command = argv(cmd);
  if (!cmd) {
    // Nothing set in the Dockerfile: the base image's command runs.
    if (entrypoint) return true;
    const root = final.lineage[final.lineage.length - 1];
    return !(root?.base.kind === 'scratch' || (root?.base.kind === 'image' && shellBase(root.base.ref)));
  }
  const [program, ...args] = command;
  if (programName(program) === 'wp' && args[0] === 'shell') return false;
  if (!INTERACTIVE.test(programName(program))) return true;
  return !args.every((a) => a === '-a' || a === '-i');
}

/** OS images whose default command is a shell. */
function shellBase(ref: ImageRef): boolean {
  const name = `${ref.registry}/${ref.repository}`;
  return (
    /^docker\.io\/library\/(debian|ubuntu|alpine|busybox|buildpack-deps|fedora|centos|rockylinux|almalinux|amazonlinux|oraclelinux|archlinux|photon|clearlinux)$/.test(
      name,
    ) ||
    /^docker\.io\/opensuse\//.test(name) ||
    /^registry\.access\.redhat\.com\/ubi\d+(\/ubi)?(-minimal|-micro)?$/.test(name) ||
    /^mcr\.microsoft\.com\/windows\/(nanoserver|servercore|server)$/.test(name)
  );
}
