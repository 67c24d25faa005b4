/**
 * Query targets written as kubectl writes them (`kubectl auth can-i VERB TARGET`): `resource`,
 * `resource.group`, `resource.version.group`, `resource/name`, `resource.group/name`, or a
 * non-resource URL starting with `/`. Resource names resolve like kubectl's discovery would:
 * plural, singular or short name of a built-in resource, or of a CustomResourceDefinition in the
 * input; an unknown resource is taken as written, in the core group (kubectl does the same after
 * warning that the server does not know it).
 */
import { asArray, asObject, asString, type K8sObject } from '../../model/k8s.js';
import { type Request, resourceRequest } from './policy.js';

export interface ResourceType {
  plural: string;
  singular: string;
  shortNames: string[];
  group: string;
  namespaced: boolean;
}

const t = (plural: string, singular: string, group: string, namespaced: boolean, ...shortNames: string[]): ResourceType => ({
  plural,
  singular,
  group,
  namespaced,
  shortNames,
});

/** Built-in resources (Kubernetes 1.33), as `kubectl api-resources` lists them. */
export const BUILTIN_RESOURCES: readonly ResourceType[] = [
  t('bindings', 'binding', '', true),
  t('componentstatuses', 'componentstatus', '', false, 'cs'),
  t('configmaps', 'configmap', '', true, 'cm'),
  t('endpoints', 'endpoints', '', true, 'ep'),
  t('events', 'event', '', true, 'ev'),
  t('limitranges', 'limitrange', '', true, 'limits'),
  t('namespaces', 'namespace', '', false, 'ns'),
  t('nodes', 'node', '', false, 'no'),
  t('persistentvolumeclaims', 'persistentvolumeclaim', '', true, 'pvc'),
  t('persistentvolumes', 'persistentvolume', '', false, 'pv'),
  t('pods', 'pod', '', true, 'po'),
  t('podtemplates', 'podtemplate', '', true),
  t('replicationcontrollers', 'replicationcontroller', '', true, 'rc'),
  t('resourcequotas', 'resourcequota', '', true, 'quota'),
  t('secrets', 'secret', '', true),
  t('serviceaccounts', 'serviceaccount', '', true, 'sa'),
  t('services', 'service', '', true, 'svc'),
  t('users', 'user', '', false),
  t('groups', 'group', '', false),
  t('mutatingwebhookconfigurations', 'mutatingwebhookconfiguration', 'admissionregistration.k8s.io', false),
  t('validatingwebhookconfigurations', 'validatingwebhookconfiguration', 'admissionregistration.k8s.io', false),
  t('validatingadmissionpolicies', 'validatingadmissionpolicy', 'admissionregistration.k8s.io', false),
  t('validatingadmissionpolicybindings', 'validatingadmissionpolicybinding', 'admissionregistration.k8s.io', false),
  t('mutatingadmissionpolicies', 'mutatingadmissionpolicy', 'admissionregistration.k8s.io', false),
  t('mutatingadmissionpolicybindings', 'mutatingadmissionpolicybinding', 'admissionregistration.k8s.io', false),
  t('customresourcedefinitions', 'customresourcedefinition', 'apiextensions.k8s.io', false, 'crd', 'crds'),
  t('apiservices', 'apiservice', 'apiregistration.k8s.io', false),
  t('controllerrevisions', 'controllerrevision', 'apps', true),
  t('daemonsets', 'daemonset', 'apps', true, 'ds'),
  t('deployments', 'deployment', 'apps', true, 'deploy'),
  t('replicasets', 'replicaset', 'apps', true, 'rs'),
  t('statefulsets', 'statefulset', 'apps', true, 'sts'),
  t('selfsubjectreviews', 'selfsubjectreview', 'authentication.k8s.io', false),
  t('tokenreviews', 'tokenreview', 'authentication.k8s.io', false),
  t('localsubjectaccessreviews', 'localsubjectaccessreview', 'authorization.k8s.io', true),
  t('selfsubjectaccessreviews', 'selfsubjectaccessreview', 'authorization.k8s.io', false),
  t('selfsubjectrulesreviews', 'selfsubjectrulesreview', 'authorization.k8s.io', false),
  t('subjectaccessreviews', 'subjectaccessreview', 'authorization.k8s.io', false),
  t('horizontalpodautoscalers', 'horizontalpodautoscaler', 'autoscaling', true, 'hpa'),
  t('cronjobs', 'cronjob', 'batch', true, 'cj'),
  t('jobs', 'job', 'batch', true),
  t('certificatesigningrequests', 'certificatesigningrequest', 'certificates.k8s.io', false, 'csr'),
  t('signers', 'signer', 'certificates.k8s.io', false),
  t('clustertrustbundles', 'clustertrustbundle', 'certificates.k8s.io', false),
  t('leases', 'lease', 'coordination.k8s.io', true),
  t('endpointslices', 'endpointslice', 'discovery.k8s.io', true),
  t('flowschemas', 'flowschema', 'flowcontrol.apiserver.k8s.io', false),
  t('prioritylevelconfigurations', 'prioritylevelconfiguration', 'flowcontrol.apiserver.k8s.io', false),
  t('ingressclasses', 'ingressclass', 'networking.k8s.io', false),
  t('ingresses', 'ingress', 'networking.k8s.io', true, 'ing'),
  t('networkpolicies', 'networkpolicy', 'networking.k8s.io', true, 'netpol'),
  t('ipaddresses', 'ipaddress', 'networking.k8s.io', false, 'ip'),
  t('servicecidrs', 'servicecidr', 'networking.k8s.io', false),
  t('runtimeclasses', 'runtimeclass', 'node.k8s.io', false),
  t('poddisruptionbudgets', 'poddisruptionbudget', 'policy', true, 'pdb'),
  t('clusterrolebindings', 'clusterrolebinding', 'rbac.authorization.k8s.io', false),
  t('clusterroles', 'clusterrole', 'rbac.authorization.k8s.io', false),
  t('rolebindings', 'rolebinding', 'rbac.authorization.k8s.io', true),
  t('roles', 'role', 'rbac.authorization.k8s.io', true),
  t('deviceclasses', 'deviceclass', 'resource.k8s.io', false),
  t('resourceclaims', 'resourceclaim', 'resource.k8s.io', true),
  t('resourceclaimtemplates', 'resourceclaimtemplate', 'resource.k8s.io', true),
  t('resourceslices', 'resourceslice', 'resource.k8s.io', false),
  t('priorityclasses', 'priorityclass', 'scheduling.k8s.io', false, 'pc'),
  t('csidrivers', 'csidriver', 'storage.k8s.io', false),
  t('csinodes', 'csinode', 'storage.k8s.io', false),
  t('csistoragecapacities', 'csistoragecapacity', 'storage.k8s.io', true),
  t('storageclasses', 'storageclass', 'storage.k8s.io', false, 'sc'),
  t('volumeattachments', 'volumeattachment', 'storage.k8s.io', false),
  t('volumeattributesclasses', 'volumeattributesclass', 'storage.k8s.io', false, 'vac'),
];

/** Resource types declared by CustomResourceDefinitions in the input. */
export function customResourceTypes(objects: readonly K8sObject[]): ResourceType[] {
  const out: ResourceType[] = [];
  for (const object of objects) {
    if (object.kind !== 'CustomResourceDefinition') continue;
    const spec = asObject(object.value.spec);
    const names = asObject(spec?.names);
    const plural = asString(names?.plural);
    const group = asString(spec?.group);
    if (!plural || group === undefined) continue;
    out.push({
      plural: plural.toLowerCase(),
      singular: (asString(names?.singular) ?? '').toLowerCase(),
      shortNames: asArray(names?.shortNames)
        .filter((s): s is string => typeof s === 'string')
        .map((s) => s.toLowerCase()),
      group,
      namespaced: asString(spec?.scope) !== 'Cluster',
    });
  }
  return out;
}

export interface ParsedTarget {
  request: Request;
  /** Set when the resource is not known and was taken as written. */
  warning?: string;
  /** Whether the resource is namespaced (undefined when unknown). */
  namespaced?: boolean;
}

const VERSION = /^v\d+(?:(?:alpha|beta)\d+)?$/;

/**
 * Parses VERB TARGET with --subresource and -n into a request, or returns an error message.
 * `namespace` is ignored for cluster-scoped resources (the API server sends no namespace for them).
 */
export function parseTarget(
  verb: string,
  target: string,
  options: { subresource?: string; namespace?: string; types?: readonly ResourceType[] } = {},
): ParsedTarget | { error: string } {
  if (verb === '') return { error: 'VERB is empty' };
  if (target.startsWith('/')) {
    if (options.subresource) return { error: '--subresource does not apply to a non-resource URL' };
    return { request: { kind: 'nonresource', verb, path: target } };
  }
  let resourcePart = target;
  let name = '';
  const slash = target.indexOf('/');
  if (slash !== -1) {
    resourcePart = target.slice(0, slash);
    name = target.slice(slash + 1);
    if (name === '' || name.includes('/')) return { error: `TARGET "${target}" must be RESOURCE/NAME` };
  }
  if (resourcePart === '') return { error: 'TARGET is empty' };
  const types = options.types ?? BUILTIN_RESOURCES;
  const subresource = options.subresource ?? '';
  const namespace = options.namespace ?? '';
  if (resourcePart === '*') {
    return { request: resourceRequest(verb, '', '*', { subresource, name, namespace }) };
  }
  const lower = resourcePart.toLowerCase();
  const dot = lower.indexOf('.');
  let resource = lower;
  let group: string | undefined;
  if (dot !== -1) {
    resource = lower.slice(0, dot);
    const rest = lower.slice(dot + 1);
    const parts = rest.split('.');
    group = parts.length >= 2 && VERSION.test(parts[0] ?? '') ? parts.slice(1).join('.') : rest;
  }
  const matches = types.filter(
    (type) =>
      (group === undefined || type.group === group) &&
      (type.plural === resource || type.singular === resource || type.shortNames.includes(resource)),
  );
  // kubectl prefers the core group, then the first match, when a name is ambiguous.
  const found = matches.find((m) => m.group === '') ?? matches[0];
  if (found) {
    return {
      request: resourceRequest(verb, found.group, found.plural, {
        subresource,
        name,
        namespace: found.namespaced ? namespace : '',
      }),
      namespaced: found.namespaced,
    };
  }
  return {
    request: resourceRequest(verb, group ?? '', resource, { subresource, name, namespace }),
    warning: `the resource type "${resourcePart}" is not a built-in one nor a CustomResourceDefinition in the input; checking it as written${group === undefined ? ' in the core group' : ''}`,
  };
}
