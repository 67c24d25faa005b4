/**
 * All Kubernetes objects of one scan, with indexes and analyses that are built once per scan and
 * shared by every rule and query that needs them (RBAC graph, network-policy graph, ...).
 */
import type { K8sObject } from './k8s.js';
import { type Workload, workloadOf } from './workload.js';

export class ObjectSet {
  readonly objects: readonly K8sObject[];
  #byKind: Map<string, K8sObject[]> | undefined;
  #workloads: Workload[] | undefined;
  readonly #analyses = new Map<string, unknown>();

  constructor(objects: readonly K8sObject[]) {
    this.objects = objects;
  }

  ofKind(...kinds: string[]): K8sObject[] {
    if (this.#byKind === undefined) {
      const index = new Map<string, K8sObject[]>();
      for (const object of this.objects) {
        const list = index.get(object.kind);
        if (list) list.push(object);
        else index.set(object.kind, [object]);
      }
      this.#byKind = index;
    }
    if (kinds.length === 1) return this.#byKind.get(kinds[0] as string) ?? [];
    return kinds.flatMap((kind) => this.#byKind?.get(kind) ?? []);
  }

  get workloads(): Workload[] {
    if (this.#workloads === undefined) {
      const out: Workload[] = [];
      for (const object of this.objects) {
        const workload = workloadOf(object);
        if (workload) out.push(workload);
      }
      this.#workloads = out;
    }
    return this.#workloads;
  }

  /**
   * Drops the indexes, workload views and analyses built so far, which hold much of a large
   * scan's memory; they are built again if asked for. The engine calls this once every rule has
   * run.
   */
  releaseCaches(): void {
    this.#byKind = undefined;
    this.#workloads = undefined;
    this.#analyses.clear();
  }

  /** Drops the analyses built so far (not the workload views); they are built again if asked for. */
  releaseAnalyses(): void {
    this.#analyses.clear();
  }

  /** A named analysis of this set, built on first use and reused afterwards. */
  analysis<T>(key: string, build: (set: ObjectSet) => T): T {
    if (this.#analyses.has(key)) return this.#analyses.get(key) as T;
    const value = build(this);
    this.#analyses.set(key, value);
    return value;
  }
}
