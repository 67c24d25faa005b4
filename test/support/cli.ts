/**
 * Running greenbelt in tests: the real command (`node dist/cli/main.js`, built by the global setup)
 * in a child process, or the same command table in-process through `runCli` with a fake Io.
 */
import { type SpawnOptions, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Io } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/run.js';

export const root = join(import.meta.dirname, '..', '..');
export const bin = join(root, 'dist', 'cli', 'main.js');

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface BinOptions {
  cwd: string;
  input?: string;
  env?: Record<string, string>;
  uid?: number;
  gid?: number;
  /** Kill the child after this long: a guard against hangs, not a timing assertion. */
  killAfterMs?: number;
}

/** A clean environment: no colour forcing or disabling leaks in from the developer's shell. */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of ['PATH', 'HOME', 'LANG', 'SYSTEMROOT']) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  return { ...env, ...extra };
}

export function runBin(args: readonly string[], options: BinOptions): Promise<Run> {
  return new Promise((resolve, reject) => {
    const spawnOptions: SpawnOptions = { cwd: options.cwd, env: cleanEnv(options.env), stdio: ['pipe', 'pipe', 'pipe'] };
    if (options.uid !== undefined) spawnOptions.uid = options.uid;
    if (options.gid !== undefined) spawnOptions.gid = options.gid;
    const child = spawn(process.execPath, [bin, ...args], spawnOptions);
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 30_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    child.stdin?.on('error', () => {});
    child.stdin?.end(options.input ?? '');
  });
}

export interface InProcessOptions {
  cwd: string;
  stdin?: string;
  env?: Record<string, string>;
  tty?: boolean;
}

export async function runInProcess(args: readonly string[], options: InProcessOptions): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const input = options.stdin ?? '';
  const io: Io = {
    stdout: {
      write: (text: string) => {
        stdout += text;
        return true;
      },
      isTTY: options.tty === true,
    },
    stderr: {
      write: (text: string) => {
        stderr += text;
        return true;
      },
      isTTY: options.tty === true,
    },
    stdin: (async function* () {
      yield Buffer.from(input);
    })(),
    env: options.env ?? {},
    cwd: options.cwd,
  };
  const code = await runCli([...args], io);
  return { code, signal: null, stdout, stderr };
}

/** A temporary directory tree: `{ 'a.yaml': text, 'sub/b.yaml': text }`. World-readable, so a test can drop privileges. */
export function tree(files: Record<string, string> = {}): {
  dir: string;
  write: (files: Record<string, string>) => void;
  cleanup: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'greenbelt-test-'));
  chmodSync(dir, 0o755);
  const write = (more: Record<string, string>) => {
    for (const [path, text] of Object.entries(more)) {
      const file = join(dir, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
  };
  write(files);
  return { dir, write, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function link(target: string, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  symlinkSync(target, path);
}

/** A Pod whose container runs privileged: `k8s/no-privileged` reports line 11, column 9. */
export function privilegedPod(name = 'web', namespace = 'shop', extraMetadata = ''): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: ${namespace}
${extraMetadata}spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        privileged: true
`;
}

/** The same Pod, not privileged: no finding of `k8s/no-privileged`. */
export function quietPod(name = 'quiet', namespace = 'shop'): string {
  return privilegedPod(name, namespace).replace('privileged: true', 'privileged: false');
}

export interface JsonReportShape {
  version: number;
  findings: {
    rule: string;
    severity: string;
    file?: string;
    line?: number;
    column?: number;
    path?: string;
    object?: { kind: string; namespace?: string; name: string };
    suppressed: { by: string; reason: string } | null;
    fingerprint: string;
    message: string;
  }[];
  errors: { file: string; line?: number; column?: number; message: string }[];
  summary: { files: number; objects: number; findings: Record<string, number>; suppressed: number };
  skipped?: { file: string; reason: string }[];
}

export function json(run: Run): JsonReportShape {
  return JSON.parse(run.stdout) as JsonReportShape;
}
