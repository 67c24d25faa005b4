/**
 * Reading an EncryptionConfiguration from a file for the commands (`etcd verify`, `encryption
 * rotate`): parsed with positions, validated as the API server validates it.
 */
import { readFileSync } from 'node:fs';
import { SourceText } from '../core/source.js';
import { EncryptionConfig } from '../model/control-plane/encryption.js';
import { objectsOfDocument } from '../model/k8s.js';
import { describe, parseYaml } from '../sources/yaml.js';

export interface LoadedEncryptionConfig {
  config: EncryptionConfig | undefined;
  source: SourceText | undefined;
  /** Problems with file:line:column, as the API server would refuse the file. */
  errors: string[];
}

export function parseEncryptionConfig(path: string, text: string): LoadedEncryptionConfig {
  const source = new SourceText(path, text);
  const parsed = parseYaml(source);
  const errors = parsed.errors.map((e) => `${e.file}:${e.line ?? 1}:${e.column ?? 1}: ${e.message}`);
  const objects = parsed.documents.flatMap((d) => objectsOfDocument(d));
  const configs = objects.map((o) => EncryptionConfig.of(o)).filter((c): c is EncryptionConfig => c !== undefined);
  if (configs.length === 0) {
    if (errors.length === 0) errors.push(`${path}: not an EncryptionConfiguration (apiVersion apiserver.config.k8s.io/v1)`);
    return { config: undefined, source, errors };
  }
  if (configs.length > 1) errors.push(`${path}: holds ${configs.length} EncryptionConfigurations; the API server reads one`);
  const config = configs[0] as EncryptionConfig;
  for (const problem of config.problems()) {
    const range = config.locate(problem.path);
    const at = range ? source.positionAt(range[0]) : { line: 1, column: 1 };
    errors.push(`${path}:${at.line}:${at.column}: ${problem.message}`);
  }
  for (const key of config.keys) {
    const type = key.provider.type;
    if (type !== 'aescbc' && type !== 'aesgcm' && type !== 'secretbox') continue;
    const valid =
      key.decoded !== undefined && (type === 'secretbox' ? key.decoded.length === 32 : [16, 24, 32].includes(key.decoded.length));
    if (!valid) {
      const range = config.locate([...key.path, 'secret']);
      const at = range ? source.positionAt(range[0]) : { line: 1, column: 1 };
      errors.push(`${path}:${at.line}:${at.column}: key "${key.name}" is not a valid ${type} key`);
    }
  }
  return { config, source, errors };
}

export function loadEncryptionConfig(path: string): LoadedEncryptionConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { config: undefined, source: undefined, errors: [`${path}: cannot read (${describe(error)})`] };
  }
  return parseEncryptionConfig(path, text);
}
