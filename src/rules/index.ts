/**
 * The rule registry: every rule, from the per-target lists. Docs, the rule catalogue and the
 * SARIF rule table are generated from this list.
 */
import { apiserverRules } from './apiserver/index.js';
import { auditRules } from './audit/index.js';
import { composeRules } from './compose/index.js';
import { controllerManagerRules } from './controller-manager/index.js';
import { daemonRules } from './daemon/index.js';
import { dockerRunRules } from './docker-run/index.js';
import { dockerfileRules } from './dockerfile/index.js';
import { encryptionRules } from './encryption/index.js';
import { etcdRules } from './etcd/index.js';
import { k8sRules } from './k8s/index.js';
import { kubeProxyRules } from './kube-proxy/index.js';
import { kubeletRules } from './kubelet/index.js';
import { metaRules } from './meta/index.js';
import { netpolRules } from './netpol/index.js';
import { pssRules } from './pss/index.js';
import { rbacRules } from './rbac/index.js';
import { schedulerRules } from './scheduler/index.js';
import type { AnyRule } from './types.js';

export const allRules: readonly AnyRule[] = [
  ...k8sRules,
  ...pssRules,
  ...rbacRules,
  ...netpolRules,
  ...apiserverRules,
  ...controllerManagerRules,
  ...schedulerRules,
  ...etcdRules,
  ...kubeletRules,
  ...kubeProxyRules,
  ...encryptionRules,
  ...auditRules,
  ...dockerfileRules,
  ...composeRules,
  ...dockerRunRules,
  ...daemonRules,
  ...metaRules,
];

export function findRule(id: string, rules: readonly AnyRule[] = allRules): AnyRule | undefined {
  return rules.find((rule) => rule.meta.id === id) ?? rules.find((rule) => rule.meta.aliases?.includes(id));
}
