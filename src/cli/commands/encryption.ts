import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseEncryptionConfig } from '../../encryption/config-file.js';
import { LOCAL_PROVIDERS, type LocalProvider, newKeyName, newKeySecret, writePrivateFile } from '../../encryption/keys.js';
import {
  addKey,
  planRotation,
  promoteKey,
  ROTATION_STEPS,
  type RotationPlan,
  type RotationStep,
  removeOldKeys,
  rotationSteps,
} from '../../encryption/rotate.js';
import { describe } from '../../sources/yaml.js';
import { oneOf, parse } from '../args.js';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, type Io, UsageError } from '../io.js';
import type { Command } from '../run.js';
import { runVerify, VerifyError } from './etcd.js';

const usage = `Usage: greenbelt encryption init FILE --provider secretbox|aescbc|aesgcm [--resources LIST] [--force]
       greenbelt encryption rotate FILE [--write] [--step add|promote|remove] [etcd options]

init    writes an EncryptionConfiguration with a fresh random key to FILE (mode 0600; the key is
        never printed). The provider encrypts new writes; identity stays last so that objects
        written before encryption remain readable until they are rewritten.
rotate  prints the documented key rotation procedure and which step FILE is at; with --write it
        performs that step's edit: add a new key second, make it first, or remove the old keys.
        Removing is refused unless a verification against etcd shows that every stored object
        stays readable without them.

Options:
      --provider NAME       init: secretbox (default), aescbc or aesgcm
      --resources LIST      init: resources to encrypt (default secrets), e.g. secrets,configmaps
      --force               init: replace an existing FILE
      --write               rotate: perform the next step's edit of FILE
      --step STEP           rotate: add, promote or remove, when it cannot be told from key names
  etcd options (rotate, for the removal check): --endpoints URLS --cacert FILE --cert FILE
      --key FILE --prefix PREFIX --resources LIST (default: the resources the rotated entries name)

Exit codes: 0 done, 1 removal refused (objects would become unreadable), 2 usage or input error.`;

function list(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

function initText(provider: LocalProvider, resources: readonly string[], now: Date): string {
  const name = newKeyName(now);
  const warning =
    provider === 'aesgcm'
      ? '# aesgcm needs its key rotated well before 200,000 writes (greenbelt encryption rotate).\n'
      : provider === 'aescbc'
        ? '# aescbc is not authenticated; prefer secretbox or KMS v2 where you can.\n'
        : '';
  return `# Written by greenbelt encryption init on ${now.toISOString()}.
# Keep this file readable by root only (mode 0600): the key below decrypts every stored Secret.
# The first provider encrypts new writes; identity reads objects written before encryption and
# can be removed once they have all been rewritten (greenbelt etcd verify tells you when).
${warning}apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources:
${resources.map((r) => `      - ${/^[*]/.test(r) ? `'${r}'` : r}`).join('\n')}
    providers:
      - ${provider}:
          keys:
            - name: ${name}
              secret: ${newKeySecret()}
      - identity: {}
`;
}

function init(args: string[], io: Io): number {
  const { values, positionals } = parse(args, {
    provider: { type: 'string' },
    resources: { type: 'string' },
    force: { type: 'boolean' },
    output: { type: 'string', short: 'o' },
  });
  const file = values.output ?? positionals[0];
  if (!file) throw new UsageError('init needs the FILE to write');
  if (positionals.length > (values.output ? 0 : 1)) throw new UsageError('init takes one FILE');
  const provider = oneOf(values.provider ?? 'secretbox', LOCAL_PROVIDERS, '--provider') as LocalProvider;
  const resources = list(values.resources) ?? ['secrets'];
  if (resources.length === 0) throw new UsageError('--resources must name at least one resource');
  const bad = resources.find((r) => r !== r.toLowerCase() || r === '*');
  if (bad) throw new UsageError(`--resources: "${bad}" is not a lower-case plural resource name (secrets, configmaps, *.)`);
  const path = resolve(io.cwd, file);
  if (existsSync(path) && !values.force) {
    io.stderr.write(`greenbelt encryption init: ${file} exists; use --force to replace it\n`);
    return EXIT_ERROR;
  }
  const text = initText(provider, resources, new Date());
  try {
    writePrivateFile(path, text, !values.force);
  } catch (error) {
    io.stderr.write(`greenbelt encryption init: cannot write ${file} (${describe(error)})\n`);
    return EXIT_ERROR;
  }
  io.stdout.write(`Wrote ${file} (mode 0600): ${provider} encrypts ${resources.join(', ')}; the key is in the file only.

Next:
  1. Copy ${file} to every control-plane host, for example /etc/kubernetes/enc/encryption-config.yaml (root, 0600).
  2. Mount that directory into the kube-apiserver pod and add
       --encryption-provider-config=/etc/kubernetes/enc/encryption-config.yaml
       --encryption-provider-config-automatic-reload=true
     then let every API server restart.
  3. Rewrite existing objects so that they are encrypted too:
       ${
         resources
           .filter((r) => !r.includes('*'))
           .map((r) => `kubectl get ${r} --all-namespaces -o json | kubectl replace -f -`)
           .join('\n       ') || 'kubectl get <resource> --all-namespaces -o json | kubectl replace -f -'
       }
  4. Check what etcd holds: greenbelt etcd verify --endpoints https://127.0.0.1:2379 --cacert ... --cert ... --key ... --encryption-config ${file}
  5. Check the config itself: greenbelt scan ${file}
`);
  return EXIT_OK;
}

async function rotate(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    write: { type: 'boolean' },
    step: { type: 'string' },
    endpoints: { type: 'string' },
    cacert: { type: 'string' },
    cert: { type: 'string' },
    key: { type: 'string' },
    prefix: { type: 'string' },
    resources: { type: 'string' },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError('rotate needs exactly one FILE');
  const forced = oneOf(values.step, ROTATION_STEPS, '--step') as RotationStep | undefined;
  const path = resolve(io.cwd, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    io.stderr.write(`greenbelt encryption rotate: cannot read ${file} (${describe(error)})\n`);
    return EXIT_ERROR;
  }
  const loaded = parseEncryptionConfig(file, text);
  if (!loaded.config || loaded.errors.length > 0) {
    io.stderr.write(
      `greenbelt encryption rotate: ${file} is not a valid EncryptionConfiguration:\n  ${loaded.errors.join('\n  ')}\n`,
    );
    return EXIT_ERROR;
  }
  const plan = planRotation(loaded.config, forced);
  if ('error' in plan) {
    io.stderr.write(`greenbelt encryption rotate: ${plan.error}\n`);
    return EXIT_ERROR;
  }
  io.stdout.write(`Key rotation for ${plan.resources.join(', ')} in ${file} (next step: ${plan.step}; ${plan.reason})\n\n`);
  io.stdout.write(
    `${rotationSteps(plan, file)
      .map((l) => `  ${l}`)
      .join('\n')}\n\n`,
  );

  if (plan.step === 'remove') return removeStep(io, file, path, text, plan, values);
  if (!values.write) {
    io.stdout.write('Nothing changed: run again with --write to perform the next step.\n');
    return EXIT_OK;
  }
  const edit = plan.step === 'add' ? addKey(text, plan) : promoteKey(text, plan);
  return writeEdit(io, file, path, edit, plan.step);
}

function writeEdit(io: Io, file: string, path: string, edit: { text: string; changes: string[] }, step: RotationStep): number {
  const check = parseEncryptionConfig(file, edit.text);
  if (!check.config || check.errors.length > 0) {
    io.stderr.write(
      `greenbelt encryption rotate: the edited config would be invalid, nothing written:\n  ${check.errors.join('\n  ')}\n`,
    );
    return EXIT_ERROR;
  }
  try {
    writePrivateFile(path, edit.text);
  } catch (error) {
    io.stderr.write(`greenbelt encryption rotate: cannot write ${file} (${describe(error)})\n`);
    return EXIT_ERROR;
  }
  io.stdout.write(`Wrote ${file} (mode 0600):\n${edit.changes.map((c) => `  - ${c}`).join('\n')}\n`);
  const next =
    step === 'add'
      ? 'copy the file to every control-plane host and restart every kube-apiserver; then run rotate --write again to make the new key first.'
      : step === 'promote'
        ? 'copy the file to every control-plane host and restart every kube-apiserver; rewrite every stored object; then run rotate --write --endpoints ... to remove the old key.'
        : 'copy the file to every control-plane host and restart every kube-apiserver.';
  io.stdout.write(`Next: ${next}\n`);
  return EXIT_OK;
}

async function removeStep(
  io: Io,
  file: string,
  path: string,
  text: string,
  plan: RotationPlan,
  values: {
    write?: boolean | undefined;
    endpoints?: string | undefined;
    cacert?: string | undefined;
    cert?: string | undefined;
    key?: string | undefined;
    prefix?: string | undefined;
    resources?: string | undefined;
  },
): Promise<number> {
  const edit = removeOldKeys(text, plan);
  const endpoints = list(values.endpoints ?? io.env.ETCDCTL_ENDPOINTS);
  if (!endpoints || endpoints.length === 0) {
    io.stdout.write(
      `Removing the old keys needs proof that no stored object still uses them: pass --endpoints (and --cacert, --cert, --key) so that greenbelt can verify etcd first.${values.write ? ' Nothing changed.' : ''}\n`,
    );
    return values.write ? EXIT_ERROR : EXIT_OK;
  }
  const resources = list(values.resources) ?? plan.resources;
  const wildcard = resources.find((r) => r.includes('*'));
  if (wildcard) {
    io.stderr.write(
      `greenbelt encryption rotate: the entry for "${wildcard}" covers resources that cannot be listed; name them with --resources\n`,
    );
    return EXIT_ERROR;
  }
  const proposedPath = join(tmpdir(), `greenbelt-proposed-${process.pid}-${randomBytes(4).toString('hex')}.yaml`);
  let result: Awaited<ReturnType<typeof runVerify>>;
  try {
    writePrivateFile(proposedPath, edit.text, true);
    result = await runVerify(io, {
      endpoints,
      cacert: values.cacert,
      cert: values.cert,
      key: values.key,
      encryptionConfig: path,
      proposedConfig: proposedPath,
      prefix: values.prefix,
      resources,
    });
  } catch (error) {
    if (error instanceof VerifyError) {
      io.stderr.write(`greenbelt encryption rotate: cannot verify etcd: ${error.message}\n`);
      return EXIT_ERROR;
    }
    throw error;
  } finally {
    rmSync(proposedPath, { force: true });
  }
  const proposed = result.summary.proposed ?? { readable: 0, unreadable: 0, unknown: 0, unreadableKeys: [] };
  io.stdout.write(
    `Verified ${result.summary.objects} stored object${result.summary.objects === 1 ? '' : 's'} of ${resources.join(', ')}: ${proposed.readable} readable without the old keys, ${proposed.unreadable} not.\n`,
  );
  if (proposed.unreadable > 0) {
    const examples = result.objects.filter((o) => o.readableAfterChange === false).slice(0, 10);
    io.stdout.write(
      `Refused: ${proposed.unreadable} object${proposed.unreadable === 1 ? '' : 's'} would become unreadable (${proposed.unreadableKeys.join(', ')}). Rewrite them first (step 5), then run this again.\n${examples.map((o) => `  ${o.key}`).join('\n')}\n`,
    );
    return EXIT_FINDINGS;
  }
  if (!values.write) {
    io.stdout.write('Safe to remove the old keys: run again with --write to do it.\n');
    return EXIT_OK;
  }
  return writeEdit(io, file, path, edit, 'remove');
}

async function run(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'init') return init(rest, io);
  if (sub === 'rotate') return rotate(rest, io);
  throw new UsageError(
    sub === undefined ? 'missing sub-command (init or rotate)' : `unknown sub-command "${sub}" (init or rotate)`,
  );
}

export const command: Command = {
  summary: 'write and rotate EncryptionConfiguration keys',
  usage,
  run,
};
