/**
 * The kubelet's drop-in configuration directory (`--config-dir`, for example
 * `/etc/kubernetes/kubelet.conf.d`): `*.conf` files that hold KubeletConfiguration fragments in
 * YAML. They are read with the YAML handler; the names are claimed here because `.conf` is not a
 * YAML extension. Files elsewhere are recognised by content when they are walked or named.
 */
import type { SourceHandler } from './handler.js';

const DROP_IN_PATH = /(^|\/)kubelet\.conf\.d\/(.+\/)?[^/]+\.conf$/;
const KUBELET_CONFIGURATION = /^\s*kind:\s*["']?KubeletConfiguration\b/m;

export function isKubeletDropInPath(path: string): boolean {
  return DROP_IN_PATH.test(path.replace(/\\/g, '/'));
}

/** A handler for drop-in files that hands them to the YAML handler. */
export function kubeletDropInHandler(yaml: SourceHandler): SourceHandler {
  return {
    name: 'kubelet-config-drop-in',
    claims: (_name, path) => isKubeletDropInPath(path),
    sniffs: (name) => name.endsWith('.conf'),
    sniff: (head) => KUBELET_CONFIGURATION.test(head),
    parse: (source, context) => yaml.parse(source, context),
  };
}
