import { describe, expect, it } from 'vitest';
import { scanText } from '../testing/index.js';

async function findings(text: string, filename: string, rule = 'docker-run/no-privileged') {
  const result = await scanText(text, { filename });
  expect(result.errors).toEqual([]);
  return result.findings.filter((f) => f.rule === rule).map((f) => [f.line, f.column]);
}

describe('docker run in CI files', () => {
  it('GitHub Actions: run blocks, by path and by shape', async () => {
    const workflow = [
      'name: ci',
      'on: push',
      'jobs:',
      '  test:',
      '    runs-on: ubuntu-latest',
      '    services:',
      '      db:',
      '        image: postgres:16',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - run: docker run --privileged alpine:3.20 true',
      '      - name: integration',
      '        run: |',
      '          echo "${{ github.sha }}"',
      '          docker run -d \\',
      '            --net=host \\',
      '            app:1.0',
      '      - shell: pwsh',
      '        run: docker run --privileged x:1',
      '',
    ].join('\n');
    expect(await findings(workflow, '.github/workflows/ci.yml')).toEqual([[11, 25]]);
    expect(await findings(workflow, '.github/workflows/ci.yml', 'docker-run/no-host-network')).toEqual([[16, 13]]);
    expect(await findings(workflow, 'pipeline.yaml')).toEqual([[11, 25]]);
  });

  it('GitLab CI: script lists', async () => {
    const pipeline = [
      'stages: [test]',
      'test:',
      '  stage: test',
      '  before_script:',
      '    - docker info',
      '  script:',
      '    - docker run -v /var/run/docker.sock:/var/run/docker.sock docker:27 docker ps',
      '',
    ].join('\n');
    expect(await findings(pipeline, '.gitlab-ci.yml', 'docker-run/no-sensitive-host-mounts')).toEqual([[7, 21]]);
  });

  it('a CI file without docker run is recognised and holds nothing to check', async () => {
    const result = await scanText('on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: npm test\n', {
      filename: '.github/workflows/t.yml',
    });
    expect(result.errors).toEqual([]);
    expect(result.findings).toEqual([]);
    expect(result.skipped[0]?.reason).toBe('a recognised file with nothing to check in it');
  });
});
