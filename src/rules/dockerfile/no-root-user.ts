import { isInstall } from '../../analyzers/package-managers.js';
import type { DockerfileDocument, Stage } from '../../model/dockerfile.js';
import { defineRule } from '../types.js';
import { argv, programName, runCommands, sitePackage, startCommand } from './_helpers.js';

const ROOT = /^(root|0|containeradministrator)(:.*)?$/i;

/** Bases known to default to a non-root user. */
function nonRootBase(stage: Stage): boolean {
  for (const s of stage.lineage) {
    if (s.base.kind !== 'image') continue;
    const ref = s.base.ref;
    const name = `${ref.registry}/${ref.repository}`;
    if (/non-?root/i.test(ref.tag ?? '')) return true;
    // Chainguard images run as nonroot, except the ones meant to be built on (wolfi-base).
    if (name.startsWith('cgr.dev/chainguard/') && !/\/(wolfi-base|chainguard-base)$/.test(name)) return true;
    if (name.startsWith('docker.io/bitnami/')) return true;
    // Nano Server runs as ContainerUser unless told otherwise (Server Core as ContainerAdministrator).
    if (/nanoserver/i.test(name) || /nanoserver/i.test(ref.tag ?? '')) return true;
  }
  return false;
}

/** Tools an entrypoint uses to step down from root to the service's user. */
const STEP_DOWN = new Set(['gosu', 'su-exec', 'setpriv', 'runuser', 's6-setuidgid', 'chpst', 'suexec']);

/**
 * The privilege-dropping tool the final image starts through or installs (`gosu`, `su-exec`),
 * if any: official images such as postgres, redis and mysql start as root and their entrypoint
 * steps down with it.
 */
function stepDownTool(document: DockerfileDocument, final: Stage): string | undefined {
  const { cmd, entrypoint } = startCommand(final);
  for (const start of [argv(entrypoint), argv(cmd)]) {
    const program = programName(start[0]);
    if (STEP_DOWN.has(program)) return program;
    if (program === 'chroot' && start.some((a) => a.startsWith('--userspec'))) return 'chroot --userspec';
  }
  if (!entrypoint) return undefined;
  const stages = new Set(final.lineage);
  for (const site of runCommands(document, stages)) {
    const program = site.command.program ?? '';
    // `gosu nobody true`: the image checks the tool works.
    if (program === 'gosu' || program === 'su-exec') return program;
    const pkg = sitePackage(site);
    const installed = pkg?.packages.find((p) => p.value === 'gosu' || p.value === 'su-exec');
    if (pkg && installed?.value && isInstall(pkg)) return installed.value;
  }
  for (const stage of stages) {
    for (const copy of stage.all('COPY')) {
      const tool = copy.words.map((w) => programName(w.value)).find((name) => name === 'gosu' || name === 'su-exec');
      if (tool) return tool;
    }
  }
  return undefined;
}

export default defineRule({
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/no-root-user',
    description: 'Disallow a final image that runs as root',
    rationale:
      "A process running as root in the container is root on the host for the kernel: one kernel or runtime bug, a writable host mount or a privileged setting away from owning the node. With a non-root user, an attacker who exploits the application gets an unprivileged account that cannot install tools, read other users' files or write to system paths.",
    severity: 'high',
    threats: ['application-escape', 'privilege-escalation'],
    references: [
      'hadolint DL3002',
      'CIS Docker 4.1',
      'NIST SP 800-190 4.4.3',
      'NSA/CISA Kubernetes Hardening: non-root containers',
    ],
    remediation:
      'Create an unprivileged user and switch to it at the end of the final stage: `RUN addgroup -S app && adduser -S -G app app` then `USER app` (or a numeric `USER 10001:10001`, which Kubernetes can verify). Do root-only work before the last USER, or in a build stage. Images whose entrypoint steps down with gosu or su-exec are reported at low severity; a Windows Server Core image needs `USER ContainerUser`.',
    related: [
      { tool: 'hadolint', id: 'DL3002' },
      { tool: 'trivy', id: 'DS002' },
      { tool: 'checkov', id: 'CKV_DOCKER_3' },
      { tool: 'checkov', id: 'CKV_DOCKER_8' },
    ],
    examples: [
      {
        bad: 'FROM node:20-slim\nCOPY . /app\nCMD ["node", "/app/server.js"]\n',
        good: 'FROM node:20-slim\nCOPY . /app\nUSER node\nCMD ["node", "/app/server.js"]\n',
      },
      {
        bad: 'FROM node:20-slim\nUSER node\nRUN npm ci\nUSER root\n',
        good: 'FROM node:20-slim\nUSER root\nRUN apt-get update\nUSER node\n',
      },
    ],
  },
  check(document, context) {
    const final = document.finalStage;
    if (!final) return;
    const user = final.user;
    if (!user) {
      if (nonRootBase(final)) return;
      if (final.os === 'windows') {
        context.report({
          message: `The final stage ${final.label} sets no USER: a Windows Server Core image runs as ContainerAdministrator, the administrator of the container. Add USER ContainerUser.`,
          range: final.from.range,
          severity: 'medium',
          key: 'no-user',
        });
        return;
      }
      const tool = stepDownTool(document, final);
      if (tool) {
        context.report({
          message: `The final stage ${final.label} sets no USER, so the container starts as root; it uses ${tool}, so the entrypoint presumably steps down to an unprivileged user before starting the service. The entrypoint itself and \`docker exec\` sessions still run as root, and Kubernetes cannot enforce runAsNonRoot on the image.`,
          range: final.from.range,
          severity: 'low',
          key: 'no-user',
        });
        return;
      }
      context.report({
        message: `The final stage ${final.label} sets no USER, so the container runs as the base image's user, which is root for ${final.base.kind === 'scratch' ? 'scratch' : 'most images'}.`,
        range: final.from.range,
        severity: 'medium',
        key: 'no-user',
      });
      return;
    }
    const value = user.expanded ?? user.value;
    if (user.expanded === undefined || !ROOT.test(value.trim())) return;
    // Was another user set earlier in the lineage? Then this switches back to root.
    const earlier = final.lineage
      .flatMap((s) => s.all('USER'))
      .filter((i) => i !== user.instruction && !ROOT.test(i.argsText.trim()));
    context.report({
      message:
        earlier.length > 0
          ? `The final stage switches back to "${value}" with its last USER: the container runs as root although a non-root user was set before.`
          : `The final stage runs as "${value}": the container process is root.`,
      range: user.instruction.argsRange,
      key: 'root-user',
    });
  },
});
