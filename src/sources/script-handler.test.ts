import { describe, expect, it } from 'vitest';
import { scanText } from '../testing/index.js';

async function privileged(text: string, filename: string) {
  const result = await scanText(text, { filename });
  expect(result.errors).toEqual([]);
  return result.findings.filter((f) => f.rule === 'docker-run/no-privileged').map((f) => [f.line, f.column]);
}

describe('docker run in shell scripts', () => {
  it('finds docker run in a script, through sudo, sh -c and line continuations', async () => {
    const script = [
      '#!/usr/bin/env bash',
      'set -euo pipefail',
      'if ! docker ps >/dev/null; then exit 1; fi',
      'sudo docker run -d \\',
      '  --privileged \\',
      '  nginx:1.27',
      'sh -c "docker container run --privileged alpine:3.20 true"',
      'docker exec --privileged web true',
      '',
    ].join('\n');
    expect(await privileged(script, 'deploy.sh')).toEqual([
      [5, 3],
      [7, 7],
    ]);
  });

  it('recognises a script without extension by its shebang', async () => {
    expect(await privileged('#!/bin/sh\npodman run --privileged busybox:1.36\n', 'start')).toEqual([[2, 12]]);
  });

  it('skips scripts without docker commands, and says so', async () => {
    const result = await scanText('#!/bin/sh\necho hello\n', { filename: 'hello.sh' });
    expect(result.findings).toEqual([]);
    expect(result.skipped).toEqual([{ file: 'hello.sh', reason: 'a shell script without docker run commands' }]);
  });
});

describe('docker run in Makefiles', () => {
  it('reads recipes with prefixes, $$ escapes, make variables and continuations', async () => {
    const makefile = [
      'IMAGE := acme/app:1.0',
      '',
      'run: build',
      '\t@echo "starting $$HOME"',
      '\t-docker run --rm \\',
      '\t\t--privileged \\',
      '\t\t-v /var/run/docker.sock:/var/run/docker.sock $(IMAGE)',
      '',
      'lint:',
      '\tdocker run --rm -v $(CURDIR):/src hadolint/hadolint:v2.12.0 hadolint /src/Dockerfile',
      '',
    ].join('\n');
    const result = await scanText(makefile, { filename: 'Makefile' });
    expect(result.errors).toEqual([]);
    const found = result.findings.filter((f) => f.rule.startsWith('docker-run/no-'));
    expect(found.filter((f) => f.rule === 'docker-run/no-privileged').map((f) => [f.line, f.column])).toEqual([[6, 3]]);
    expect(found.filter((f) => f.rule === 'docker-run/no-sensitive-host-mounts').map((f) => [f.line, f.column])).toEqual([
      [7, 6],
    ]);
  });
});
