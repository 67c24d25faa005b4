/**
 * Settings that rules read, resolved from `.greenbelt.yaml` and the command line over defaults.
 */
export type PssLevel = 'baseline' | 'restricted';

export interface Settings {
  pss: {
    /** The Pod Security Standards level the `pss/*` rules enforce. */
    level: PssLevel;
    /** `latest` or `v1.N`. */
    version: string;
  };
  registries: {
    /** Allowed image registry prefixes (`ghcr.io/acme/`, `registry.k8s.io`); empty allows any. */
    allowed: string[];
  };
  /** Kubernetes minor version (`1.34`) used where defaults differ by version. */
  kubernetesVersion: string;
  rbac: {
    /** Count the default bindings every cluster has (cluster-admin for system:masters, controllers). */
    withDefaults: boolean;
  };
  encryption: {
    /** Resources that must be encrypted at rest (`secrets`, `configmaps`, `tokens.example.com`). */
    sensitiveResources: string[];
  };
}

export const NEWEST_KUBERNETES_VERSION = '1.37';

export function defaultSettings(): Settings {
  return {
    pss: { level: 'restricted', version: 'latest' },
    registries: { allowed: [] },
    kubernetesVersion: NEWEST_KUBERNETES_VERSION,
    rbac: { withDefaults: false },
    encryption: { sensitiveResources: ['secrets'] },
  };
}
