/**
 * Key rotation for local-key providers (aescbc, aesgcm, secretbox), following the documented
 * procedure: add the new key second (all API servers learn to decrypt with it), make it first
 * (all encrypt with it), rewrite every stored object, and only then remove the old key. The
 * edits keep the rest of the file (comments, other entries, formatting) as it was.
 */
import { isMap, isSeq, parseDocument, type YAMLSeq } from 'yaml';
import type { EncryptionConfig, EncryptionProvider, ResourceEntry } from '../model/control-plane/encryption.js';
import { keyNameTime, newKeyName, newKeySecret } from './keys.js';

export type RotationStep = 'add' | 'promote' | 'remove';
export const ROTATION_STEPS: readonly RotationStep[] = ['add', 'promote', 'remove'];

export interface RotationTarget {
  entry: ResourceEntry;
  provider: EncryptionProvider;
}

export interface RotationPlan {
  step: RotationStep;
  targets: RotationTarget[];
  /** Resource names of the rotated entries (`secrets`, `*.`). */
  resources: string[];
  /** Why this step is next. */
  reason: string;
}

function isLocal(provider: EncryptionProvider | undefined): provider is EncryptionProvider {
  return provider?.type === 'aescbc' || provider?.type === 'aesgcm' || provider?.type === 'secretbox';
}

/** Which step a provider's keys are at: one key, new key second, or new key first with old keys. */
function stateOf(provider: EncryptionProvider): RotationStep | 'unknown' {
  const keys = provider.keys;
  if (keys.length <= 1) return 'add';
  const times = keys.map((k) => keyNameTime(k.name));
  if (times.some((t) => t === undefined)) return 'unknown';
  const newest = (times as string[]).reduce((best, t, i, all) => (t > (all[best] as string) ? i : best), 0);
  return newest === 0 ? 'remove' : 'promote';
}

export function planRotation(config: EncryptionConfig, forced?: RotationStep): RotationPlan | { error: string } {
  const targets = config.entries.flatMap((entry) =>
    isLocal(entry.providers[0]) ? [{ entry, provider: entry.providers[0] }] : [],
  );
  if (targets.length === 0) {
    return {
      error:
        'nothing to rotate: no entry encrypts new writes with aescbc, aesgcm or secretbox (rotate KMS keys in the KMS; start with `greenbelt encryption init`)',
    };
  }
  const resources = [...new Set(targets.flatMap((t) => t.entry.resources.map((r) => r.text)))];
  if (forced) {
    if (forced !== 'add') {
      const single = targets.find((t) => t.provider.keys.length < 2);
      if (single)
        return {
          error: `cannot ${forced}: the ${single.provider.type} provider of entry ${single.entry.index} has only one key`,
        };
    }
    return { step: forced, targets, resources, reason: `--step ${forced}` };
  }
  const states = new Set(targets.map((t) => stateOf(t.provider)));
  if (states.has('unknown')) {
    return {
      error:
        'cannot tell the new key from the old ones (key names are not greenbelt-generated timestamps): pass --step add, --step promote or --step remove',
    };
  }
  if (states.size > 1) {
    return { error: `the entries are at different rotation steps (${[...states].join(', ')}): pass --step to choose one` };
  }
  const step = [...states][0] as RotationStep;
  const reason =
    step === 'add'
      ? 'each rotated provider has a single key'
      : step === 'promote'
        ? 'the newest key is not first yet'
        : 'the newest key is first and older keys remain';
  return { step, targets, resources, reason };
}

interface Edit {
  text: string;
  /** What changed, in words (key names only). */
  changes: string[];
}

function keysNode(doc: ReturnType<typeof parseDocument>, provider: EncryptionProvider): YAMLSeq {
  const node = doc.getIn([...provider.typePath, 'keys'], true);
  if (!isSeq(node)) throw new Error(`cannot find the keys of the ${provider.type} provider at ${provider.typePath.join('.')}`);
  return node;
}

function describeTarget(target: RotationTarget): string {
  return `${target.provider.type} provider of ${target.entry.resources.map((r) => r.text).join(', ') || `entry ${target.entry.index}`}`;
}

/** Step 1: a fresh key, second in each rotated provider (providers with identical keys share it). */
export function addKey(text: string, plan: RotationPlan, now = new Date()): Edit {
  const doc = parseDocument(text, { version: '1.1', keepSourceTokens: false });
  const taken = new Set(plan.targets.flatMap((t) => t.provider.keys.map((k) => k.name)));
  const shared = new Map<string, { name: string; secret: string }>();
  const changes: string[] = [];
  for (const target of plan.targets) {
    const signature = `${target.provider.type}:${target.provider.keys.map((k) => `${k.name}=${k.secret}`).join(',')}`;
    let key = shared.get(signature);
    if (!key) {
      key = { name: newKeyName(now, taken), secret: newKeySecret() };
      taken.add(key.name);
      shared.set(signature, key);
    }
    const seq = keysNode(doc, target.provider);
    seq.items.splice(Math.min(1, seq.items.length), 0, doc.createNode({ name: key.name, secret: key.secret }));
    changes.push(`added key "${key.name}" (a new random 32-byte key, not shown) second in the ${describeTarget(target)}`);
  }
  return { text: doc.toString({ lineWidth: 0 }), changes };
}

/** Step 3: the newest key first. */
export function promoteKey(text: string, plan: RotationPlan): Edit {
  const doc = parseDocument(text, { version: '1.1', keepSourceTokens: false });
  const changes: string[] = [];
  for (const target of plan.targets) {
    const keys = target.provider.keys;
    const times = keys.map((k) => keyNameTime(k.name) ?? '');
    const newest = times.every((t) => t !== '') ? times.reduce((best, t, i) => (t > (times[best] as string) ? i : best), 0) : 1;
    if (newest === 0) continue;
    const seq = keysNode(doc, target.provider);
    const [item] = seq.items.splice(newest, 1);
    seq.items.unshift(item);
    changes.push(`moved key "${keys[newest]?.name ?? ''}" first in the ${describeTarget(target)}`);
  }
  return { text: doc.toString({ lineWidth: 0 }), changes };
}

/** Step 6: every key but the first removed from each rotated provider. */
export function removeOldKeys(text: string, plan: RotationPlan): Edit {
  const doc = parseDocument(text, { version: '1.1', keepSourceTokens: false });
  const changes: string[] = [];
  for (const target of plan.targets) {
    const seq = keysNode(doc, target.provider);
    const removed = target.provider.keys.slice(1).map((k) => k.name);
    if (removed.length === 0) continue;
    seq.items.splice(1);
    changes.push(
      `removed key${removed.length === 1 ? '' : 's'} ${removed.map((n) => `"${n}"`).join(', ')} from the ${describeTarget(target)}`,
    );
  }
  return { text: doc.toString({ lineWidth: 0 }), changes };
}

/** The documented procedure as numbered lines, with finished steps and the next one marked. */
export function rotationSteps(plan: RotationPlan, file: string): string[] {
  const resources = plan.resources.filter((r) => !r.includes('*'));
  const rewrite =
    resources.length > 0
      ? resources.map((r) => `kubectl get ${r} --all-namespaces -o json | kubectl replace -f -`).join('; ')
      : 'kubectl get <resource> --all-namespaces -o json | kubectl replace -f - for every resource of the wildcard entries';
  const at = { add: 1, promote: 3, remove: 6 }[plan.step];
  const command = `greenbelt encryption rotate ${file} --write${plan.step === 'remove' ? ' --endpoints URL [--cacert --cert --key]' : ''}`;
  const steps = [
    'Add a new key second to the provider',
    `Copy ${file} to every control-plane host and restart every kube-apiserver (or let automatic reload pick it up), so that all can decrypt with the new key; back up the new key`,
    'Make the new key first',
    'Copy the file again and restart every kube-apiserver, so that all encrypt with the new key',
    `Rewrite every stored object with the new key: ${rewrite}`,
    'Verify that no stored object still needs an old key, then remove the old keys',
    'Copy the file again and restart every kube-apiserver',
  ];
  return steps.map((text, i) => {
    const n = i + 1;
    // Rewriting happens outside greenbelt: the removal check is what proves it was done.
    const state =
      n === 5 && plan.step === 'remove'
        ? '  <- before step 6, if not done yet (step 6 checks it)'
        : n < at
          ? '  (done)'
          : n === at
            ? `  <- next: ${command}`
            : '';
    return `${n}. ${text}${state}`;
  });
}

/** Whether a YAML text still holds a map at the root (guards the editing functions). */
export function isConfigText(text: string): boolean {
  return isMap(parseDocument(text, { version: '1.1' }).contents);
}
