/**
 * How the engine finds the subjects of each rule target among the loaded documents. A target
 * without a provider here gets the documents whose `type` equals the target's name.
 */
import { controlPlaneTargets } from '../model/control-plane/index.js';
import { daemonConfigs } from '../model/daemon.js';
import type { K8sObject } from '../model/k8s.js';
import type { ObjectSet } from '../model/object-set.js';
import type { Target, TargetSubjects } from '../rules/types.js';
import type { SourceDocument } from '../sources/handler.js';

export interface ScanDocuments {
  documents: readonly SourceDocument[];
  objects: ObjectSet;
}

type Provider<T extends Target> = (scan: ScanDocuments) => readonly TargetSubjects[T][];

const providers: { [T in Target]?: Provider<T> } = {
  k8s: (scan) => scan.objects.objects as K8sObject[],
  workload: (scan) => scan.objects.workloads,
  'k8s-set': (scan) => [scan.objects],
  ...controlPlaneTargets,
  daemon: (scan) => daemonConfigs(scan.documents),
};

export function subjectsFor<T extends Target>(target: T, scan: ScanDocuments): readonly TargetSubjects[T][] {
  const provider = providers[target] as Provider<T> | undefined;
  if (provider) return provider(scan);
  return scan.documents.filter((d) => d.type === target) as unknown as TargetSubjects[T][];
}
