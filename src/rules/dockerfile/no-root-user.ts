import type { Stage } from '../../model/dockerfile.js';
import { defineRule } from '../types.js';

const ROOT = /^(root|0|containeradministrator)(:.*)?$/i;

/** Bases known to default to a non-root user. */
function nonRootBase(stage: Stage): boolean {
  for (const s of stage.lineage) {
    if (s.base.kind !== 'image') continue;
    const ref = s.base.ref;
    const name = `${ref.registry}/${ref.repository}`;
    if (/non-?root/i.test(ref.tag ?? '')) return true;
    if (name.startsWith('cgr.dev/chainguard/') || name.startsWith('docker.io/bitnami/')) return true;
  }
  return false;
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
      'Create an unprivileged user and switch to it at the end of the final stage: `RUN addgroup -S app && adduser -S -G app app` then `USER app` (or a numeric `USER 10001:10001`, which Kubernetes can verify). Do root-only work before the last USER, or in a build stage.',
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
      if (nonRootBase(final) || final.os === 'windows') return;
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
