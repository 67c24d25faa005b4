/**
 * NetworkPolicy analysis of a scan: the model and the connectivity map, built once per ObjectSet
 * and shared by the `netpol/*` rules and the `greenbelt netpol` commands.
 */
import type { ScanError } from '../../core/finding.js';
import type { ObjectSet } from '../../model/object-set.js';
import { Connectivity } from './connectivity.js';
import { buildNetpolModel, type NetpolIssue, type NetpolModel } from './model.js';

export interface NetpolAnalysis {
  readonly model: NetpolModel;
  readonly connectivity: Connectivity;
}

export function buildNetpolAnalysis(set: ObjectSet): NetpolAnalysis {
  const model = buildNetpolModel(set);
  return { model, connectivity: new Connectivity(model) };
}

/** The analysis of a set of objects, built on first use. */
export function netpolAnalysisOf(set: ObjectSet): NetpolAnalysis {
  return set.analysis('netpol', buildNetpolAnalysis);
}

/** The message of an issue, naming the object it is about. */
export function issueMessage(issue: NetpolIssue): string {
  const object = issue.object;
  if (!object) return issue.message;
  const name = object.clusterScoped ? object.name : `${object.namespace ?? 'default'}/${object.name}`;
  return issue.message.includes(`"${name}"`) ? issue.message : `${object.kind} "${name}": ${issue.message}`;
}

/** An issue as a positioned error value. */
export function issueToError(issue: NetpolIssue): ScanError {
  const source = issue.object?.source;
  const range = issue.object?.locate(issue.path);
  const position = source && range ? source.range(range) : undefined;
  return {
    file: source?.path ?? '<input>',
    ...(position ? { line: position.line, column: position.column } : {}),
    message: issueMessage(issue),
  };
}

export { ConnSet, type Protocol, parsePortSpec } from './conn.js';
export { type Connection, Connectivity, type IpPeer, type Peer } from './connectivity.js';
export { formatConnections, LIST_FORMATS, type ListFormat } from './format.js';
export type { NetpolIssue, NetpolModel, NetworkPolicy, PolicyRule, WorkloadPeer } from './model.js';
