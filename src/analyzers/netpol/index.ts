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

/** An issue as a positioned error value. */
export function issueToError(issue: NetpolIssue): ScanError {
  const object = issue.object;
  const source = object?.source;
  const range = object?.locate(issue.path);
  const position = source && range ? source.range(range) : undefined;
  const subject = object ? `${object.kind} "${object.namespace ?? 'default'}/${object.name}"` : undefined;
  const message =
    subject && !issue.message.includes(`"${object?.namespace ?? 'default'}/${object?.name}"`)
      ? `${subject}: ${issue.message}`
      : issue.message;
  return {
    file: source?.path ?? '<input>',
    ...(position ? { line: position.line, column: position.column } : {}),
    message,
  };
}

export { ConnSet, type Protocol, parsePortSpec } from './conn.js';
export { type Connection, Connectivity, type IpPeer, type Peer } from './connectivity.js';
export { formatConnections, LIST_FORMATS, type ListFormat } from './format.js';
export type { NetpolIssue, NetpolModel, NetworkPolicy, PolicyRule, WorkloadPeer } from './model.js';
