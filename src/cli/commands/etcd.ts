import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadEncryptionConfig } from '../../encryption/config-file.js';
import { EtcdClient, EtcdError } from '../../etcd/client.js';
import { formatVerifyText, verifyToScanResult, writeVerifyJson } from '../../etcd/report.js';
import { type VerifyResult, verifyEtcd } from '../../etcd/verify.js';
import type { EncryptionConfig } from '../../model/control-plane/encryption.js';
import { FORMATS, format, isFormat } from '../../report/index.js';
import { describe } from '../../sources/yaml.js';
import { parse } from '../args.js';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, type Io, UsageError } from '../io.js';
import { emit } from '../output.js';
import type { Command } from '../run.js';
import { version } from '../version.js';

const usage = `Usage: greenbelt etcd verify --endpoints URL[,URL] [options]

Reads the stored objects of the chosen resources from etcd (read-only, paged, bounded memory)
and reports how each is stored: plain text, or encrypted with provider P and key K. With the
API server's encryption config it decrypts each value with the named key, exactly as the API
server would; with a proposed config it tells whether every object would stay readable. Values
are never printed.

Options:
      --endpoints URLS        etcd client URLs, comma separated (http:// or https://)
      --cacert FILE           CA that signed etcd's serving certificate
      --cert FILE             client certificate (etcd with --client-cert-auth)
      --key FILE              client key
      --encryption-config F   the API server's EncryptionConfiguration: decrypt and check readability
      --proposed-config F     a changed config: would every object stay readable under it?
      --prefix PREFIX         the API server's --etcd-prefix (default /registry)
      --resources LIST        resources to check (default secrets), e.g. secrets,configmaps,widgets.example.com
      --page-size N           keys per read (default 500)
      --timeout SECONDS       per request (default 30)
  -f, --format FORMAT         ${FORMATS.join(', ')} (default text)
  -o, --output FILE           write the report to FILE

Exit codes: 0 every object encrypted and readable, 1 an object is plain text or unreadable (now or
under the proposed config), 2 usage error, unreadable config, or etcd unreachable.`;

export interface VerifyCliOptions {
  endpoints: string[];
  cacert?: string | undefined;
  cert?: string | undefined;
  key?: string | undefined;
  encryptionConfig?: string | undefined;
  proposedConfig?: string | undefined;
  prefix?: string | undefined;
  resources?: string[] | undefined;
  pageSize?: number | undefined;
  timeoutSeconds?: number | undefined;
}

/** Errors that make verification impossible (exit 2), as messages. */
export class VerifyError extends Error {}

function readFile(io: Io, path: string, what: string): Buffer {
  try {
    return readFileSync(resolve(io.cwd, path));
  } catch (error) {
    throw new VerifyError(`cannot read the ${what} ${path} (${describe(error)})`);
  }
}

function configFrom(io: Io, path: string | undefined, what: string): EncryptionConfig | undefined {
  if (path === undefined) return undefined;
  const loaded = loadEncryptionConfig(resolve(io.cwd, path));
  if (!loaded.config || loaded.errors.length > 0) {
    throw new VerifyError(
      `the ${what} ${path} is not usable:\n  ${loaded.errors.join('\n  ').replaceAll(resolve(io.cwd, path), path)}`,
    );
  }
  return loaded.config;
}

/** Runs a verification (shared with `encryption rotate`, which checks before removing a key). */
export async function runVerify(io: Io, options: VerifyCliOptions): Promise<VerifyResult> {
  const config = configFrom(io, options.encryptionConfig, 'encryption config');
  const proposed = configFrom(io, options.proposedConfig, 'proposed config');
  let client: EtcdClient;
  try {
    client = new EtcdClient({
      endpoints: options.endpoints,
      tls: {
        ca: options.cacert ? readFile(io, options.cacert, 'CA file') : undefined,
        cert: options.cert ? readFile(io, options.cert, 'client certificate') : undefined,
        key: options.key ? readFile(io, options.key, 'client key') : undefined,
      },
      ...(options.timeoutSeconds !== undefined ? { timeoutMs: options.timeoutSeconds * 1000 } : {}),
    });
  } catch (error) {
    throw new VerifyError(describe(error));
  }
  try {
    return await verifyEtcd({
      client,
      ...(options.prefix !== undefined ? { prefix: options.prefix } : {}),
      ...(options.resources ? { resources: options.resources } : {}),
      config,
      proposed,
      ...(options.pageSize !== undefined ? { pageSize: options.pageSize } : {}),
    });
  } catch (error) {
    if (error instanceof EtcdError) throw new VerifyError(error.message);
    throw error;
  } finally {
    client.close();
  }
}

export function verifyExitCode(result: VerifyResult): number {
  const s = result.summary;
  return s.plaintext > 0 || s.unreadable > 0 || (s.proposed?.unreadable ?? 0) > 0 ? EXIT_FINDINGS : EXIT_OK;
}

function list(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

function positiveNumber(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${name} must be a positive number`);
  return n;
}

async function run(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'verify')
    throw new UsageError(sub === undefined ? 'missing sub-command (verify)' : `unknown sub-command "${sub}" (verify)`);
  const { values, positionals } = parse(rest, {
    endpoints: { type: 'string' },
    cacert: { type: 'string' },
    cert: { type: 'string' },
    key: { type: 'string' },
    'encryption-config': { type: 'string' },
    'proposed-config': { type: 'string' },
    prefix: { type: 'string' },
    resources: { type: 'string' },
    'page-size': { type: 'string' },
    timeout: { type: 'string' },
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}`);
  const endpoints = list(values.endpoints ?? io.env.ETCDCTL_ENDPOINTS);
  if (!endpoints || endpoints.length === 0) throw new UsageError('--endpoints is required');
  if ((values.cert === undefined) !== (values.key === undefined)) throw new UsageError('--cert and --key go together');
  const formatName = values.format ?? 'text';
  if (!isFormat(formatName)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  const pageSize = positiveNumber(values['page-size'], '--page-size');
  let result: VerifyResult;
  try {
    result = await runVerify(io, {
      endpoints,
      cacert: values.cacert,
      cert: values.cert,
      key: values.key,
      encryptionConfig: values['encryption-config'],
      proposedConfig: values['proposed-config'],
      prefix: values.prefix,
      resources: list(values.resources),
      pageSize: pageSize === undefined ? undefined : Math.floor(pageSize),
      timeoutSeconds: positiveNumber(values.timeout, '--timeout'),
    });
  } catch (error) {
    if (error instanceof VerifyError) {
      io.stderr.write(`greenbelt etcd verify: ${error.message}\n`);
      return EXIT_ERROR;
    }
    throw error;
  }
  if (formatName === 'json') {
    writeChunks(io, values.output, (write) => writeVerifyJson(result, write));
  } else {
    const text =
      formatName === 'text'
        ? formatVerifyText(result)
        : format(formatName, verifyToScanResult(result), { toolVersion: version(), rules: [] });
    emit(io, text, values.output);
  }
  return verifyExitCode(result);
}

/** Streams a report to --output FILE or standard output, chunk by chunk. */
function writeChunks(io: Io, output: string | undefined, produce: (write: (chunk: string) => void) => void): void {
  if (output === undefined || output === '-') {
    produce((chunk) => io.stdout.write(chunk));
    return;
  }
  const fd = openSync(resolve(io.cwd, output), 'w');
  try {
    produce((chunk) => writeSync(fd, chunk));
  } finally {
    closeSync(fd);
  }
}

export const command: Command = {
  summary: 'verify that the objects stored in etcd are encrypted and readable',
  usage,
  run,
};
