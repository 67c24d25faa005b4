/**
 * Suppressions in Dockerfiles: `# greenbelt-ignore` and hadolint's `# hadolint ignore=` comments
 * above an instruction apply to findings anywhere inside it, also deep in a multi-line RUN.
 */
import { describe, expect, it } from 'vitest';
import { scanText } from '../src/testing/index.js';

async function scanDockerfile(text: string) {
  const result = await scanText(text, { filename: 'Dockerfile' });
  expect(result.errors).toEqual([]);
  return result.findings.map((f) => ({ rule: f.rule, line: f.line, suppressed: f.suppressed }));
}

const RUN = [
  'RUN apt-get update \\',
  '  && apt-get install -y --no-install-recommends \\',
  '     curl \\',
  '  && rm -rf /var/lib/apt/lists/*',
];

describe('Dockerfile suppressions', () => {
  it('hadolint ignore above a multi-line RUN suppresses the mapped rule inside it', async () => {
    const text = ['FROM debian:12-slim', '# hadolint ignore=DL3008', ...RUN, 'USER 1000', ''].join('\n');
    const pin = (await scanDockerfile(text)).filter((f) => f.rule === 'dockerfile/pin-package-versions');
    expect(pin).toEqual([
      { rule: 'dockerfile/pin-package-versions', line: 4, suppressed: { by: 'comment', reason: 'hadolint ignore comment' } },
    ]);
  });

  it('without the comment the same finding is reported', async () => {
    const text = ['FROM debian:12-slim', ...RUN, 'USER 1000', ''].join('\n');
    const pin = (await scanDockerfile(text)).filter((f) => f.rule === 'dockerfile/pin-package-versions');
    expect(pin).toEqual([{ rule: 'dockerfile/pin-package-versions', line: 3, suppressed: null }]);
  });

  it('several hadolint codes, and codes of other rules do not suppress', async () => {
    const text = ['FROM debian:12-slim', '# hadolint ignore=DL3008,DL3059', 'RUN apt-get install -y curl', ''].join('\n');
    const findings = await scanDockerfile(text);
    expect(findings.find((f) => f.rule === 'dockerfile/pin-package-versions')?.suppressed?.by).toBe('comment');
    expect(findings.find((f) => f.rule === 'dockerfile/require-no-install-recommends')?.suppressed).toBeNull();
    // DL3059 maps to no greenbelt rule: the code is hadolint's own and is not reported as unused.
    expect(findings.some((f) => f.rule === 'meta/unused-suppression')).toBe(false);
  });

  it('greenbelt-ignore with a reason, on the line above or trailing', async () => {
    const text = [
      'FROM alpine:3.20',
      '# greenbelt-ignore dockerfile/no-root-user: the entrypoint drops to app with su-exec',
      'USER root',
      'RUN chmod 777 /data # greenbelt-ignore dockerfile/no-world-writable: shared scratch volume',
      '',
    ].join('\n');
    const findings = await scanDockerfile(text);
    expect(findings.find((f) => f.rule === 'dockerfile/no-root-user')?.suppressed).toEqual({
      by: 'comment',
      reason: 'the entrypoint drops to app with su-exec',
    });
    expect(findings.find((f) => f.rule === 'dockerfile/no-world-writable')?.suppressed?.reason).toBe('shared scratch volume');
  });

  it('a comment line inside a RUN continuation suppresses the command below it', async () => {
    const text = [
      'FROM alpine:3.20',
      'RUN apk add --no-cache bash \\',
      '# greenbelt-ignore dockerfile/no-sudo: legacy script',
      ' && sudo ./setup.sh',
      '',
    ].join('\n');
    const findings = await scanDockerfile(text);
    expect(findings.find((f) => f.rule === 'dockerfile/no-sudo')).toEqual({
      rule: 'dockerfile/no-sudo',
      line: 4,
      suppressed: { by: 'comment', reason: 'legacy script' },
    });
  });
});
