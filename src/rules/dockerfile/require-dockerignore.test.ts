import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scan } from '../../scan.js';
import rule from './require-dockerignore.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A build context on disk: a Dockerfile and the given files. */
function context(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gb-dockerignore-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

async function findings(dir: string, dockerfile = 'Dockerfile') {
  const result = await scan({ paths: [join(dir, dockerfile)], cwd: dir, config: false, rules: [rule] });
  expect(result.errors).toEqual([]);
  return result.findings.map((f) => ({ line: f.line, severity: f.severity, message: f.message }));
}

const COPY_ALL = 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nUSER node\n';

describe('dockerfile/require-dockerignore', () => {
  it('reports a whole-context copy without .dockerignore (medium when nothing sensitive is there)', async () => {
    const dir = context({ Dockerfile: COPY_ALL, 'server.js': '' });
    expect(await findings(dir)).toEqual([
      { line: 3, severity: 'medium', message: expect.stringMatching(/no \.dockerignore beside the Dockerfile/) },
    ]);
  });

  it('names the credential files the context holds (high)', async () => {
    const dir = context({ Dockerfile: COPY_ALL, '.env': 'A=1', 'config/id_rsa': 'k', '.git/HEAD': 'ref' });
    const [finding] = await findings(dir);
    expect(finding?.severity).toBe('high');
    expect(finding?.message).toContain('.git/, .env, config/id_rsa would go into the image');
  });

  it('accepts a .dockerignore that excludes .git, .env and keys', async () => {
    const dir = context({
      Dockerfile: COPY_ALL,
      '.dockerignore': '.git\n**/.env\n**/*.pem\n**/*.key\n**/id_rsa*\n',
      '.env': 'A=1',
      '.git/HEAD': 'ref',
      'certs/tls.key': 'k',
    });
    expect(await findings(dir)).toEqual([]);
  });

  it('accepts an allow-list .dockerignore', async () => {
    const dir = context({
      Dockerfile: COPY_ALL,
      '.dockerignore': '*\n!server.js\n!package.json\n',
      '.env': 'x',
      'server.js': '',
    });
    expect(await findings(dir)).toEqual([]);
  });

  it('reports what an incomplete .dockerignore lets through', async () => {
    const dir = context({ Dockerfile: COPY_ALL, '.dockerignore': 'node_modules\n', 'deploy/.env': 'x' });
    const [finding] = await findings(dir);
    expect(finding?.severity).toBe('high');
    expect(finding?.message).toMatch(
      /deploy\/\.env in the context would go into the image; it does not exclude \.git, \.env, SSH keys/,
    );
  });

  it('uses a Dockerfile-specific ignore file first', async () => {
    const dir = context({
      'app.Dockerfile': COPY_ALL,
      'app.Dockerfile.dockerignore': '.git\n.env\nid_rsa\n*.key\n*.pem\n',
      '.dockerignore': '',
    });
    expect(await findings(dir, 'app.Dockerfile')).toEqual([]);
  });

  it('grades a whole-context copy into a build stage one step lower, and says why', async () => {
    const dockerfile =
      'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nFROM gcr.io/distroless/static:nonroot\nCOPY --from=build /app /app\n';
    const dir = context({ Dockerfile: dockerfile, '.env': 'A=1' });
    expect(await findings(dir)).toEqual([
      {
        line: 3,
        severity: 'medium',
        message: expect.stringMatching(
          /\.env would go into build stage "build"\. It is in build stage "build", which the final image does not include/,
        ),
      },
    ]);
  });

  it('reports the copy into the final image when both a build stage and the final stage copy everything', async () => {
    const dockerfile = 'FROM node:20 AS deps\nCOPY . .\nRUN npm ci\nFROM node:20-slim\nCOPY . .\nUSER node\n';
    const dir = context({ Dockerfile: dockerfile, 'server.js': '' });
    expect(await findings(dir)).toEqual([{ line: 5, severity: 'medium', message: expect.not.stringMatching(/build stage/) }]);
  });

  it('is silent when the Dockerfile copies named files', async () => {
    const dir = context({ Dockerfile: 'FROM node:20-slim\nCOPY package.json server.js /app/\n', '.env': 'x' });
    expect(await findings(dir)).toEqual([]);
  });

  it('is silent for standard input with no file name (no build context to look at)', async () => {
    const result = await scan({ paths: ['-'], stdin: COPY_ALL, config: false, rules: [rule] });
    expect(result.findings).toEqual([]);
  });
});
