/**
 * Every source handler and YAML classifier, in the order they are asked. A new input format adds
 * its handler (or, for a YAML-shaped format, its classifier) here.
 */
import type { SourceHandler } from './handler.js';
import { kubeletFlagsHandler } from './kubelet-flags.js';
import { createYamlHandler, type YamlClassifier } from './yaml-handler.js';

export const yamlClassifiers: readonly YamlClassifier[] = [];

export const handlers: readonly SourceHandler[] = [createYamlHandler(yamlClassifiers), kubeletFlagsHandler];
