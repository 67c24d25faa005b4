/**
 * Container image references, parsed as the docker reference grammar does: an optional registry
 * (the first component when it has a `.` or `:` or is `localhost`), a repository path, an optional
 * tag and an optional digest. Shared by Kubernetes, Dockerfile and compose rules.
 */
export interface ImageRef {
  raw: string;
  /** Registry host (with port), `docker.io` when not written. */
  registry: string;
  /** Whether the registry was written in the reference. */
  explicitRegistry: boolean;
  /** Repository path, with Docker Hub's `library/` added for official images. */
  repository: string;
  tag: string | undefined;
  /** `sha256:...` when pinned by digest. */
  digest: string | undefined;
  /** The reference uses `$VAR`/`${VAR}` that are resolved at build or deploy time. */
  hasVariables: boolean;
}

export const DOCKER_HUB = 'docker.io';

const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/;

/** Parses an image reference; undefined when it is empty or not a reference at all. */
export function parseImageRef(raw: string): ImageRef | undefined {
  const value = raw.trim();
  if (value === '' || /\s/.test(value)) return undefined;
  const hasVariables = /\$\{?[A-Za-z_]/.test(value);
  let rest = value;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest) && !hasVariables) return undefined;
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (tag === '') return undefined;
  }
  if (rest === '') return undefined;
  const slash = rest.indexOf('/');
  let registry = DOCKER_HUB;
  let explicitRegistry = false;
  let repository = rest;
  if (slash !== -1) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      explicitRegistry = true;
      repository = rest.slice(slash + 1);
    }
  }
  if (registry === 'index.docker.io' || registry === 'registry-1.docker.io') registry = DOCKER_HUB;
  if (registry === DOCKER_HUB && !repository.includes('/')) repository = `library/${repository}`;
  return { raw: value, registry, explicitRegistry, repository, tag, digest, hasVariables };
}

/** `registry/repository`, e.g. `docker.io/library/nginx`. */
export function imageName(ref: ImageRef): string {
  return `${ref.registry}/${ref.repository}`;
}

/** The tag that applies: the written one, or `latest` when neither tag nor digest is given. */
export function effectiveTag(ref: ImageRef): string | undefined {
  if (ref.tag !== undefined) return ref.tag;
  return ref.digest === undefined ? 'latest' : undefined;
}

/**
 * Whether the image comes from an allowed registry prefix. A prefix matches at a path boundary:
 * `ghcr.io/acme` allows `ghcr.io/acme/web` but not `ghcr.io/acmecorp/web`. Prefixes without a
 * registry host (`library/nginx`, `bitnami`) are Docker Hub paths. An empty list allows everything.
 */
export function isAllowedRegistry(ref: ImageRef, allowed: readonly string[]): boolean {
  if (allowed.length === 0) return true;
  const full = imageName(ref);
  for (const raw of allowed) {
    let prefix = raw.trim().replace(/^[a-z]+:\/\//, '');
    if (prefix === '') continue;
    const first = prefix.split('/')[0] ?? '';
    if (!(first.includes('.') || first.includes(':') || first === 'localhost')) prefix = `${DOCKER_HUB}/${prefix}`;
    if (prefix === 'docker.io/library' || prefix === 'docker.io/library/') prefix = 'docker.io/library/';
    if (prefix.endsWith('/')) {
      if (full.startsWith(prefix)) return true;
    } else if (full === prefix || full.startsWith(`${prefix}/`)) return true;
  }
  return false;
}
