import { lookupTable } from '../../core/table.js';
import type { ImageRef } from '../../model/image.js';
import { defineRule } from '../types.js';
import { Keys } from './_helpers.js';

/** Tags that already name a reduced variant. */
const MINIMAL_TAG = /(^|[-._])(slim|alpine|minimal|micro|distroless|nano|busybox|scratch|static|musl|jre)([-._0-9]|$)/i;

/**
 * Official Docker Hub images whose default variant is a full distribution (compilers, package
 * managers, shells, documentation) or a build toolchain, with the leaner choice for a runtime image.
 */
const SUGGESTIONS: Readonly<Record<string, string>> = lookupTable({
  node: 'the `-slim` or `-alpine` variant, or gcr.io/distroless/nodejs',
  python: 'the `-slim` or `-alpine` variant, or gcr.io/distroless/python3',
  ruby: 'the `-slim` or `-alpine` variant',
  perl: 'the `-slim` variant',
  golang: 'a multi-stage build that copies the binary onto gcr.io/distroless/static or scratch',
  rust: 'a multi-stage build that copies the binary onto gcr.io/distroless/cc or debian:*-slim',
  gcc: 'a multi-stage build that copies the program onto a slim runtime image',
  'buildpack-deps': 'a slim runtime image; buildpack-deps is a build environment',
  maven: 'a multi-stage build that copies the artifact onto eclipse-temurin:*-jre or distroless java',
  gradle: 'a multi-stage build that copies the artifact onto eclipse-temurin:*-jre or distroless java',
  openjdk: 'eclipse-temurin:*-jre (a JRE, not a JDK) or gcr.io/distroless/java',
  'eclipse-temurin': 'the `-jre` variant: a runtime does not need the JDK',
  debian: 'debian:*-slim',
  centos: 'a minimal base (ubi-minimal, rockylinux:*-minimal); CentOS Linux is also end-of-life',
  fedora: 'fedora-minimal or a distroless image',
  rockylinux: 'the `-minimal` variant',
  almalinux: 'the `-minimal` variant',
  oraclelinux: 'the `-slim` variant',
});

function suggestion(ref: ImageRef): string | undefined {
  if (ref.registry !== 'docker.io' || !ref.repository.startsWith('library/')) return undefined;
  const name = ref.repository.slice('library/'.length);
  const advice = SUGGESTIONS[name];
  if (!advice) return undefined;
  const tag = ref.tag ?? 'latest';
  if (MINIMAL_TAG.test(tag)) return undefined;
  if (name === 'eclipse-temurin' && !/jdk/i.test(tag) && tag !== 'latest' && !/^\d+$/.test(tag)) return undefined;
  return advice;
}

export default defineRule({
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/prefer-minimal-base-image',
    description: 'Enforce a slim, minimal or distroless base for the final image where one exists',
    rationale:
      'Full distribution and toolchain images ship compilers, package managers, shells and hundreds of packages the application never uses. Each is a place for known vulnerabilities and a tool for an attacker who gets code execution; slim and distroless bases cut both.',
    severity: 'info',
    threats: ['vulnerable-image', 'application-escape'],
    references: [
      'CIS Docker 4.3',
      'NIST SP 800-190 4.1 (image vulnerabilities)',
      'Docker docs: Building best practices, "Choose the right base image"',
    ],
    remediation:
      'Build in a full image and copy the result into a minimal runtime stage: `FROM node:20 AS build` ... `FROM node:20-slim` / `gcr.io/distroless/nodejs20-debian12`, then `COPY --from=build`.',
    examples: [
      {
        bad: 'FROM python:3.12\nCOPY app.py /app/\nCMD ["python", "/app/app.py"]\n',
        good: 'FROM python:3.12-slim\nCOPY app.py /app/\nCMD ["python", "/app/app.py"]\n',
      },
    ],
  },
  check(document, context) {
    const final = document.finalStage;
    if (!final) return;
    const keys = new Keys();
    for (const stage of final.lineage) {
      if (stage.base.kind !== 'image' || !stage.image) continue;
      const advice = suggestion(stage.base.ref);
      if (!advice) continue;
      context.report({
        message: `The final image is built on "${stage.base.ref.raw}", a full distribution or toolchain image; consider ${advice}.`,
        range: stage.image.range,
        key: keys.of(stage, stage.base.ref.raw),
      });
    }
  },
});
