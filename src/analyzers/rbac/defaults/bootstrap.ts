/**
 * The default roles and bindings every Kubernetes cluster has: the API server creates and
 * reconciles them at start-up (kubernetes.io/bootstrapping: rbac-defaults). Written by greenbelt
 * from the Kubernetes documentation ("Using RBAC Authorization: Default roles and role bindings")
 * and the bootstrap policy of the release named in DEFAULTS_VERSION; minor versions differ in a
 * few read-only rules.
 *
 * Rules are written compactly as `verbs | apiGroups | resources [| resourceNames]` with `core`
 * for the core group, or `verbs | url:/path,/path/*` for non-resource URLs.
 */
import { type PolicyRule, readRule } from '../policy.js';

export const DEFAULTS_VERSION = '1.33';

export interface DefaultRole {
  kind: 'ClusterRole' | 'Role';
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  /** matchLabels of each clusterRoleSelector. */
  aggregate?: Record<string, string>[];
  rules: PolicyRule[];
}

export interface DefaultBinding {
  kind: 'ClusterRoleBinding' | 'RoleBinding';
  name: string;
  namespace?: string;
  roleRef: { kind: 'ClusterRole' | 'Role'; name: string };
  subjects: { kind: 'User' | 'Group' | 'ServiceAccount'; name: string; namespace?: string }[];
}

function rule(spec: string): PolicyRule {
  const parts = spec.split('|').map((p) => p.trim());
  const list = (text: string | undefined) =>
    text === undefined || text === '' ? [] : text.split(',').map((s) => (s.trim() === 'core' ? '' : s.trim()));
  const verbs = list(parts[0]);
  if (parts[1]?.startsWith('url:')) {
    return readRule({ verbs, nonResourceURLs: parts[1].slice(4).split(',') });
  }
  return readRule({ verbs, apiGroups: list(parts[1]), resources: list(parts[2]), resourceNames: list(parts[3]) });
}

const EVENTS = 'create,patch,update | core,events.k8s.io | events';
const WRITE = 'create,delete,deletecollection,patch,update';
const READ = 'get,list,watch';

function clusterRole(
  name: string,
  rules: string[],
  extra: { labels?: Record<string, string>; aggregate?: Record<string, string>[] } = {},
): DefaultRole {
  return { kind: 'ClusterRole', name, rules: rules.map(rule), ...extra };
}

const aggregateTo = (role: string) => ({ [`rbac.authorization.k8s.io/aggregate-to-${role}`]: 'true' });

const userFacing: DefaultRole[] = [
  clusterRole('cluster-admin', ['* | * | *', '* | url:*']),
  clusterRole('admin', [], { aggregate: [aggregateTo('admin')] }),
  clusterRole('edit', [], { labels: aggregateTo('admin'), aggregate: [aggregateTo('edit')] }),
  clusterRole('view', [], { labels: aggregateTo('edit'), aggregate: [aggregateTo('view')] }),
  clusterRole(
    'system:aggregate-to-admin',
    [
      'create | authorization.k8s.io | localsubjectaccessreviews',
      `${WRITE},get,list,watch | rbac.authorization.k8s.io | rolebindings,roles`,
    ],
    { labels: aggregateTo('admin') },
  ),
  clusterRole(
    'system:aggregate-to-edit',
    [
      `${READ} | core | pods/attach,pods/exec,pods/portforward,pods/proxy,secrets,services/proxy`,
      'impersonate | core | serviceaccounts',
      `${WRITE} | core | pods,pods/attach,pods/exec,pods/portforward,pods/proxy`,
      'create | core | pods/eviction',
      `${WRITE} | core | configmaps,events,persistentvolumeclaims,replicationcontrollers,replicationcontrollers/scale,secrets,serviceaccounts,services,services/proxy`,
      'create | core | serviceaccounts/token',
      `${WRITE} | apps | daemonsets,deployments,deployments/rollback,deployments/scale,replicasets,replicasets/scale,statefulsets,statefulsets/scale`,
      `${WRITE} | autoscaling | horizontalpodautoscalers`,
      `${WRITE} | batch | cronjobs,jobs`,
      `${WRITE} | extensions | daemonsets,deployments,deployments/rollback,deployments/scale,ingresses,networkpolicies,replicasets,replicasets/scale,replicationcontrollers/scale`,
      `${WRITE} | policy | poddisruptionbudgets`,
      `${WRITE} | networking.k8s.io | ingresses,networkpolicies`,
      `${WRITE},get,list,watch | coordination.k8s.io | leases`,
    ],
    { labels: aggregateTo('edit') },
  ),
  clusterRole(
    'system:aggregate-to-view',
    [
      `${READ} | core | configmaps,endpoints,persistentvolumeclaims,persistentvolumeclaims/status,pods,replicationcontrollers,replicationcontrollers/scale,serviceaccounts,services,services/status`,
      `${READ} | core | bindings,events,limitranges,namespaces/status,pods/log,pods/status,replicationcontrollers/status,resourcequotas,resourcequotas/status`,
      `${READ} | core | namespaces`,
      `${READ} | discovery.k8s.io | endpointslices`,
      `${READ} | apps | controllerrevisions,daemonsets,daemonsets/status,deployments,deployments/scale,deployments/status,replicasets,replicasets/scale,replicasets/status,statefulsets,statefulsets/scale,statefulsets/status`,
      `${READ} | autoscaling | horizontalpodautoscalers,horizontalpodautoscalers/status`,
      `${READ} | batch | cronjobs,cronjobs/status,jobs,jobs/status`,
      `${READ} | extensions | daemonsets,daemonsets/status,deployments,deployments/scale,deployments/status,ingresses,ingresses/status,networkpolicies,replicasets,replicasets/scale,replicasets/status,replicationcontrollers/scale`,
      `${READ} | policy | poddisruptionbudgets,poddisruptionbudgets/status`,
      `${READ} | networking.k8s.io | ingresses,ingresses/status,networkpolicies`,
    ],
    { labels: aggregateTo('view') },
  ),
  clusterRole('system:auth-delegator', [
    'create | authentication.k8s.io | tokenreviews',
    'create | authorization.k8s.io | subjectaccessreviews',
  ]),
  clusterRole('system:basic-user', [
    'create | authorization.k8s.io | selfsubjectaccessreviews,selfsubjectrulesreviews',
    'create | authentication.k8s.io | selfsubjectreviews',
  ]),
  clusterRole('system:certificates.k8s.io:certificatesigningrequests:nodeclient', [
    'create | certificates.k8s.io | certificatesigningrequests/nodeclient',
  ]),
  clusterRole('system:certificates.k8s.io:certificatesigningrequests:selfnodeclient', [
    'create | certificates.k8s.io | certificatesigningrequests/selfnodeclient',
  ]),
  clusterRole('system:certificates.k8s.io:kube-apiserver-client-approver', [
    'approve | certificates.k8s.io | signers | kubernetes.io/kube-apiserver-client',
  ]),
  clusterRole('system:certificates.k8s.io:kube-apiserver-client-kubelet-approver', [
    'approve | certificates.k8s.io | signers | kubernetes.io/kube-apiserver-client-kubelet',
  ]),
  clusterRole('system:certificates.k8s.io:kubelet-serving-approver', [
    'approve | certificates.k8s.io | signers | kubernetes.io/kubelet-serving',
  ]),
  clusterRole('system:certificates.k8s.io:legacy-unknown-approver', [
    'approve | certificates.k8s.io | signers | kubernetes.io/legacy-unknown',
  ]),
  clusterRole('system:discovery', [
    'get | url:/api,/api/*,/apis,/apis/*,/healthz,/livez,/openapi,/openapi/*,/readyz,/version,/version/',
  ]),
  clusterRole('system:heapster', [`${READ} | core | events,namespaces,nodes,pods`, `${READ} | extensions | deployments`]),
  clusterRole('system:kube-aggregator', [`${READ} | core | endpoints,services`]),
  clusterRole('system:kube-controller-manager', [
    EVENTS,
    'create | coordination.k8s.io | leases',
    'get,update | coordination.k8s.io | leases | kube-controller-manager',
    'create | core | secrets,serviceaccounts',
    'delete | core | secrets',
    'get | core | configmaps,namespaces,secrets,serviceaccounts',
    'update | core | secrets,serviceaccounts',
    'create | authentication.k8s.io | tokenreviews',
    'create | authorization.k8s.io | subjectaccessreviews',
    'list,watch | * | *',
    'create | core | serviceaccounts/token',
  ]),
  clusterRole('system:kube-dns', ['list,watch | core | endpoints,services']),
  clusterRole('system:kube-scheduler', [
    EVENTS,
    'create | coordination.k8s.io | leases',
    'get,update | coordination.k8s.io | leases | kube-scheduler',
    `${READ} | core | nodes`,
    'delete,get,list,watch | core | pods',
    'create | core | bindings,pods/binding',
    'patch,update | core | pods/status',
    `${READ} | core | replicationcontrollers,services`,
    `${READ} | apps,extensions | replicasets`,
    `${READ} | apps | statefulsets`,
    `${READ} | policy | poddisruptionbudgets`,
    `${READ} | core | persistentvolumeclaims,persistentvolumes`,
    'create | authentication.k8s.io | tokenreviews',
    'create | authorization.k8s.io | subjectaccessreviews',
    `${READ} | storage.k8s.io | csinodes`,
    `${READ} | core | namespaces`,
    `${READ} | storage.k8s.io | csidrivers`,
    `${READ} | storage.k8s.io | csistoragecapacities`,
  ]),
  clusterRole('system:kubelet-api-admin', [
    `${READ} | core | nodes`,
    'proxy | core | nodes',
    '* | core | nodes/log,nodes/metrics,nodes/proxy,nodes/stats',
  ]),
  clusterRole('system:monitoring', ['get | url:/healthz,/healthz/*,/livez,/livez/*,/metrics,/metrics/slis,/readyz,/readyz/*']),
  clusterRole('system:node', [
    'create | authentication.k8s.io | tokenreviews',
    'create | authorization.k8s.io | localsubjectaccessreviews,subjectaccessreviews',
    `${READ} | core | services`,
    'create,get,list,watch | core | nodes',
    'patch,update | core | nodes/status',
    'patch,update | core | nodes',
    'create,patch,update | core | events',
    `${READ} | core | pods`,
    'create,delete | core | pods',
    'patch,update | core | pods/status',
    'create | core | pods/eviction',
    `${READ} | core | configmaps,secrets`,
    'get | core | persistentvolumeclaims,persistentvolumes',
    'get | core | endpoints',
    'create,get,list,watch | certificates.k8s.io | certificatesigningrequests',
    'create,delete,get,patch,update | coordination.k8s.io | leases',
    'get | storage.k8s.io | volumeattachments',
    'create | core | serviceaccounts/token',
    'get,patch,update | core | persistentvolumeclaims/status',
    `${READ} | storage.k8s.io | csidrivers`,
    'create,delete,get,patch,update | storage.k8s.io | csinodes',
    `${READ} | node.k8s.io | runtimeclasses`,
  ]),
  clusterRole('system:node-bootstrapper', ['create,get,list,watch | certificates.k8s.io | certificatesigningrequests']),
  clusterRole('system:node-problem-detector', ['get | core | nodes', 'patch | core | nodes/status', EVENTS]),
  clusterRole('system:node-proxier', [
    'list,watch | core | endpoints,services',
    `${READ} | core | nodes`,
    EVENTS,
    'list,watch | discovery.k8s.io | endpointslices',
  ]),
  clusterRole('system:persistent-volume-provisioner', [
    'create,delete,get,list,watch | core | persistentvolumes',
    'get,list,update,watch | core | persistentvolumeclaims',
    `${READ} | storage.k8s.io | storageclasses`,
    'watch | core | events',
    EVENTS,
  ]),
  clusterRole('system:public-info-viewer', ['get | url:/healthz,/livez,/readyz,/version,/version/']),
  clusterRole('system:service-account-issuer-discovery', ['get | url:/.well-known/openid-configuration,/openid/v1/jwks']),
  clusterRole('system:volume-scheduler', [
    'get,list,patch,update,watch | core | persistentvolumes',
    `${READ} | storage.k8s.io | storageclasses`,
    'get,list,patch,update,watch | core | persistentvolumeclaims',
  ]),
];

/** The roles of the kube-controller-manager's controllers, each bound to kube-system/<controller>. */
const controllers: Record<string, string[]> = {
  'attachdetach-controller': [
    'list,watch | core | persistentvolumeclaims,persistentvolumes',
    `${READ} | core | nodes`,
    'patch,update | core | nodes/status',
    'list,watch | core | pods',
    EVENTS,
    'create,delete,get,list,watch | storage.k8s.io | volumeattachments',
    `${READ} | storage.k8s.io | csidrivers,csinodes`,
  ],
  'certificate-controller': [
    'delete,get,list,watch | certificates.k8s.io | certificatesigningrequests',
    'update | certificates.k8s.io | certificatesigningrequests/approval,certificatesigningrequests/status',
    'approve | certificates.k8s.io | signers | kubernetes.io/kube-apiserver-client-kubelet',
    'sign | certificates.k8s.io | signers | kubernetes.io/kube-apiserver-client,kubernetes.io/kube-apiserver-client-kubelet,kubernetes.io/kubelet-serving,kubernetes.io/legacy-unknown',
    'create | authorization.k8s.io | subjectaccessreviews',
    EVENTS,
  ],
  'clusterrole-aggregation-controller': ['escalate,get,list,patch,update,watch | rbac.authorization.k8s.io | clusterroles'],
  'cronjob-controller': [
    'get,list,update,watch | batch | cronjobs',
    'create,delete,get,list,patch,update,watch | batch | jobs',
    'update | batch | cronjobs/status,cronjobs/finalizers',
    'delete,list,watch | core | pods',
    EVENTS,
  ],
  'daemon-set-controller': [
    `${READ} | apps,extensions | daemonsets`,
    'update | apps,extensions | daemonsets/status,daemonsets/finalizers',
    'list,watch | core | nodes',
    'create,delete,list,patch,watch | core | pods',
    'create | core | pods/binding',
    'create,delete,get,list,patch,update,watch | apps | controllerrevisions',
    EVENTS,
  ],
  'deployment-controller': [
    'get,list,update,watch | apps,extensions | deployments',
    'update | apps,extensions | deployments/status,deployments/finalizers',
    'create,delete,get,list,patch,update,watch | apps,extensions | replicasets',
    'get,list,update,watch | core | pods',
    EVENTS,
  ],
  'disruption-controller': [
    `${READ} | apps,extensions | deployments,replicasets`,
    `${READ} | core | replicationcontrollers`,
    `${READ} | policy | poddisruptionbudgets`,
    `${READ} | apps | statefulsets`,
    'update | policy | poddisruptionbudgets/status',
    'patch,update | core | pods/status',
    'get | * | */scale',
    EVENTS,
  ],
  'endpoint-controller': [
    `${READ} | core | pods,services`,
    'create,delete,get,list,update,watch | core | endpoints',
    'create | core | endpoints/restricted',
    EVENTS,
  ],
  'endpointslice-controller': [
    `${READ} | core | nodes,pods,services`,
    'update | core | services/finalizers',
    'create,delete,get,list,update,watch | discovery.k8s.io | endpointslices',
    EVENTS,
  ],
  'endpointslicemirroring-controller': [
    `${READ} | core | endpoints,services`,
    'update | core | services/finalizers,endpoints/finalizers',
    'create,delete,get,list,update,watch | discovery.k8s.io | endpointslices',
    EVENTS,
  ],
  'ephemeral-volume-controller': [
    `${READ} | core | pods`,
    'update | core | pods/finalizers',
    'create,get,list,watch | core | persistentvolumeclaims',
    EVENTS,
  ],
  'expand-controller': [
    'get,list,patch,update,watch | core | persistentvolumes',
    'patch,update | core | persistentvolumeclaims/status',
    `${READ} | core | persistentvolumeclaims`,
    EVENTS,
  ],
  'generic-garbage-collector': ['delete,get,list,patch,update,watch | * | *', EVENTS],
  'horizontal-pod-autoscaler': [
    `${READ} | autoscaling | horizontalpodautoscalers`,
    'update | autoscaling | horizontalpodautoscalers/status',
    'get,update | * | */scale',
    'list,watch | core | pods',
    'list,watch | metrics.k8s.io | pods',
    `${READ} | custom.metrics.k8s.io,external.metrics.k8s.io | *`,
    EVENTS,
  ],
  'job-controller': [
    'get,list,patch,update,watch | batch | jobs',
    'update | batch | jobs/status,jobs/finalizers',
    'create,delete,list,patch,watch | core | pods',
    EVENTS,
  ],
  'legacy-service-account-token-cleaner': [
    'get | core | configmaps | kube-apiserver-legacy-service-account-token-tracking',
    'delete,patch | core | secrets',
  ],
  'namespace-controller': [
    'delete,get,list,watch | core | namespaces',
    'update | core | namespaces/finalize,namespaces/status',
    'delete,deletecollection,get,list,watch | * | *',
  ],
  'node-controller': [
    'delete,get,list,patch,update,watch | core | nodes',
    'patch,update | core | nodes/status,pods/status',
    'delete,get,list,watch | core | pods',
    EVENTS,
  ],
  'persistent-volume-binder': [
    'create,delete,get,list,update,watch | core | persistentvolumes',
    'update | core | persistentvolumes/status',
    'get,list,update,watch | core | persistentvolumeclaims',
    'update | core | persistentvolumeclaims/status',
    'create,delete,get,list,watch | core | pods',
    `${READ} | storage.k8s.io | storageclasses`,
    'list,watch | core | nodes',
    EVENTS,
    'watch | core | events',
  ],
  'pod-garbage-collector': ['delete,list,watch | core | pods', `${READ} | core | nodes`, 'patch | core | pods/status'],
  'pv-protection-controller': ['get,list,update,watch | core | persistentvolumes', EVENTS],
  'pvc-protection-controller': [
    'get,list,update,watch | core | persistentvolumeclaims',
    'update | core | persistentvolumeclaims/status',
    `${READ} | core | pods`,
    EVENTS,
  ],
  'replicaset-controller': [
    'get,list,update,watch | apps,extensions | replicasets',
    'update | apps,extensions | replicasets/status,replicasets/finalizers',
    'create,delete,list,patch,watch | core | pods',
    EVENTS,
  ],
  'replication-controller': [
    'get,list,update,watch | core | replicationcontrollers',
    'update | core | replicationcontrollers/status,replicationcontrollers/finalizers',
    'create,delete,list,patch,watch | core | pods',
    EVENTS,
  ],
  'resourcequota-controller': ['list,watch | * | *', 'update | core | resourcequotas/status', EVENTS],
  'root-ca-cert-publisher': ['create,update | core | configmaps', EVENTS],
  'route-controller': ['list,watch | core | nodes', 'patch | core | nodes/status', EVENTS],
  'service-account-controller': ['create | core | serviceaccounts', EVENTS],
  'service-controller': [
    `${READ} | core | services`,
    'patch,update | core | services/status',
    'list,watch | core | nodes',
    EVENTS,
  ],
  'statefulset-controller': [
    'list,watch | core | pods',
    `${READ} | apps | statefulsets`,
    'update | apps | statefulsets/status,statefulsets/finalizers',
    'create,delete,get,patch,update | core | pods',
    'create,delete,get,list,patch,update,watch | apps | controllerrevisions',
    'create,get,list,watch | core | persistentvolumeclaims',
    'delete,update | core | persistentvolumeclaims',
    'update | core | pods/finalizers',
    EVENTS,
  ],
  'ttl-after-finished-controller': ['delete,get,list,watch | batch | jobs', EVENTS],
  'ttl-controller': ['list,patch,update,watch | core | nodes', EVENTS],
};

const namespaceRoles: DefaultRole[] = [
  {
    kind: 'Role',
    name: 'system:controller:bootstrap-signer',
    namespace: 'kube-public',
    rules: [`${READ} | core | configmaps`, 'update | core | configmaps | cluster-info', EVENTS].map(rule),
  },
  {
    kind: 'Role',
    name: 'extension-apiserver-authentication-reader',
    namespace: 'kube-system',
    rules: [`${READ} | core | configmaps | extension-apiserver-authentication`].map(rule),
  },
  {
    kind: 'Role',
    name: 'system::leader-locking-kube-controller-manager',
    namespace: 'kube-system',
    rules: ['create,get,list,update,watch | coordination.k8s.io | leases,leasecandidates'].map(rule),
  },
  {
    kind: 'Role',
    name: 'system::leader-locking-kube-scheduler',
    namespace: 'kube-system',
    rules: ['create,get,list,update,watch | coordination.k8s.io | leases,leasecandidates'].map(rule),
  },
  {
    kind: 'Role',
    name: 'system:controller:bootstrap-signer',
    namespace: 'kube-system',
    rules: [`${READ} | core | secrets`].map(rule),
  },
  {
    kind: 'Role',
    name: 'system:controller:cloud-provider',
    namespace: 'kube-system',
    rules: ['create,get,list,watch | core | configmaps'].map(rule),
  },
  {
    kind: 'Role',
    name: 'system:controller:token-cleaner',
    namespace: 'kube-system',
    rules: ['delete,get,list,watch | core | secrets', EVENTS].map(rule),
  },
];

/** Default ClusterRoles: reconciled into every cluster, so a binding to `edit` or `cluster-admin` resolves. */
export const DEFAULT_CLUSTER_ROLES: readonly DefaultRole[] = [
  ...userFacing,
  ...Object.entries(controllers).map(([name, rules]) => clusterRole(`system:controller:${name}`, rules)),
];

export const DEFAULT_ROLES: readonly DefaultRole[] = namespaceRoles;

const crb = (name: string, role: string, subjects: DefaultBinding['subjects']): DefaultBinding => ({
  kind: 'ClusterRoleBinding',
  name,
  roleRef: { kind: 'ClusterRole', name: role },
  subjects,
});

const group = (name: string) => ({ kind: 'Group' as const, name });
const user = (name: string) => ({ kind: 'User' as const, name });
const systemSa = (name: string) => ({ kind: 'ServiceAccount' as const, name, namespace: 'kube-system' });

export const DEFAULT_BINDINGS: readonly DefaultBinding[] = [
  crb('cluster-admin', 'cluster-admin', [group('system:masters')]),
  crb('system:basic-user', 'system:basic-user', [group('system:authenticated')]),
  crb('system:discovery', 'system:discovery', [group('system:authenticated')]),
  crb('system:public-info-viewer', 'system:public-info-viewer', [group('system:authenticated'), group('system:unauthenticated')]),
  crb('system:kube-controller-manager', 'system:kube-controller-manager', [user('system:kube-controller-manager')]),
  crb('system:kube-dns', 'system:kube-dns', [systemSa('kube-dns')]),
  crb('system:kube-scheduler', 'system:kube-scheduler', [user('system:kube-scheduler')]),
  crb('system:volume-scheduler', 'system:volume-scheduler', [user('system:kube-scheduler')]),
  crb('system:monitoring', 'system:monitoring', [group('system:monitoring')]),
  crb('system:node', 'system:node', []),
  crb('system:node-proxier', 'system:node-proxier', [user('system:kube-proxy')]),
  crb('system:service-account-issuer-discovery', 'system:service-account-issuer-discovery', [group('system:serviceaccounts')]),
  ...Object.keys(controllers).map((name) => crb(`system:controller:${name}`, `system:controller:${name}`, [systemSa(name)])),
  {
    kind: 'RoleBinding',
    name: 'system:controller:bootstrap-signer',
    namespace: 'kube-public',
    roleRef: { kind: 'Role', name: 'system:controller:bootstrap-signer' },
    subjects: [systemSa('bootstrap-signer')],
  },
  {
    kind: 'RoleBinding',
    name: 'system::extension-apiserver-authentication-reader',
    namespace: 'kube-system',
    roleRef: { kind: 'Role', name: 'extension-apiserver-authentication-reader' },
    subjects: [user('system:kube-controller-manager'), user('system:kube-scheduler')],
  },
  {
    kind: 'RoleBinding',
    name: 'system::leader-locking-kube-controller-manager',
    namespace: 'kube-system',
    roleRef: { kind: 'Role', name: 'system::leader-locking-kube-controller-manager' },
    subjects: [
      user('system:kube-controller-manager'),
      systemSa('kube-controller-manager'),
      systemSa('leader-election-controller'),
    ],
  },
  {
    kind: 'RoleBinding',
    name: 'system::leader-locking-kube-scheduler',
    namespace: 'kube-system',
    roleRef: { kind: 'Role', name: 'system::leader-locking-kube-scheduler' },
    subjects: [user('system:kube-scheduler'), systemSa('kube-scheduler')],
  },
  {
    kind: 'RoleBinding',
    name: 'system:controller:bootstrap-signer',
    namespace: 'kube-system',
    roleRef: { kind: 'Role', name: 'system:controller:bootstrap-signer' },
    subjects: [systemSa('bootstrap-signer')],
  },
  {
    kind: 'RoleBinding',
    name: 'system:controller:cloud-provider',
    namespace: 'kube-system',
    roleRef: { kind: 'Role', name: 'system:controller:cloud-provider' },
    subjects: [systemSa('cloud-provider')],
  },
  {
    kind: 'RoleBinding',
    name: 'system:controller:token-cleaner',
    namespace: 'kube-system',
    roleRef: { kind: 'Role', name: 'system:controller:token-cleaner' },
    subjects: [systemSa('token-cleaner')],
  },
];

/** Namespaces every cluster has. */
export const DEFAULT_NAMESPACES: readonly string[] = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];
