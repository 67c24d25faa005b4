/**
 * Every source handler and YAML classifier, in the order they are asked. A new input format adds
 * its handler (or, for a YAML-shaped format, its classifier) here.
 */
import { classifyCompose } from '../model/compose.js';
import { classifyEtcdConfig } from '../model/control-plane/etcd-config.js';
import { classifyCi } from './ci-yaml.js';
import { classifyDaemonJson, dockerEnvFileHandler, systemdHandler } from './daemon-handlers.js';
import { dockerfileHandler } from './dockerfile-handler.js';
import type { SourceHandler } from './handler.js';
import { kubeletDropInHandler } from './kubelet-config-dropin.js';
import { kubeletFlagsHandler } from './kubelet-flags.js';
import { makefileHandler, shellScriptHandler } from './script-handler.js';
import { createYamlHandler, type YamlClassifier } from './yaml-handler.js';

export const yamlClassifiers: readonly YamlClassifier[] = [classifyCompose, classifyEtcdConfig, classifyDaemonJson, classifyCi];

const yamlHandler = createYamlHandler(yamlClassifiers);

export const handlers: readonly SourceHandler[] = [
  yamlHandler,
  dockerfileHandler,
  kubeletFlagsHandler,
  kubeletDropInHandler(yamlHandler),
  shellScriptHandler,
  makefileHandler,
  systemdHandler,
  dockerEnvFileHandler,
];
