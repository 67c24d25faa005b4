import type { AnyRule } from '../types.js';
import escalationPath from './escalation-path.js';
import invalidObject from './invalid-object.js';
import missingRole from './missing-role.js';
import noClusterAdminBinding from './no-cluster-admin-binding.js';
import noCsrApproval from './no-csr-approval.js';
import noDefaultSaGrant from './no-default-sa-grant.js';
import noEscalateBind from './no-escalate-bind.js';
import noImpersonate from './no-impersonate.js';
import noNodeProxy from './no-node-proxy.js';
import noPodExec from './no-pod-exec.js';
import noPolicyWrite from './no-policy-write.js';
import noPublicGrant from './no-public-grant.js';
import noPvCreate from './no-pv-create.js';
import noSecretGet from './no-secret-get.js';
import noSecretList from './no-secret-list.js';
import noTokenCreate from './no-token-create.js';
import noWildcard from './no-wildcard.js';
import noWorkloadCreate from './no-workload-create.js';
import riskyWorkloadToken from './risky-workload-token.js';

export const rbacRules: readonly AnyRule[] = [
  escalationPath,
  invalidObject,
  missingRole,
  noClusterAdminBinding,
  noCsrApproval,
  noDefaultSaGrant,
  noEscalateBind,
  noImpersonate,
  noNodeProxy,
  noPodExec,
  noPolicyWrite,
  noPublicGrant,
  noPvCreate,
  noSecretGet,
  noSecretList,
  noTokenCreate,
  noWildcard,
  noWorkloadCreate,
  riskyWorkloadToken,
];
