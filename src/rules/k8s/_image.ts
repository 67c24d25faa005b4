/** Container images of a workload, parsed once, with the tags that are meant to move. */
import { type ImageRef, parseImageRef } from '../../model/image.js';
import type { Container, Workload } from '../../model/workload.js';

/** Tags that are moved on purpose to follow a branch or channel, like `latest`. */
export const FLOATING_TAGS = new Set([
  'latest',
  'stable',
  'main',
  'master',
  'edge',
  'nightly',
  'dev',
  'develop',
  'development',
  'canary',
  'head',
  'current',
  'rolling',
  'snapshot',
  'unstable',
  'beta',
  'alpha',
  'next',
  'release',
  'lts',
  'mainline',
]);

export interface ContainerImage {
  container: Container;
  ref: ImageRef;
}

/** Every container with a parseable image reference that is not templated (`${TAG}`, `{{ .Values }}`). */
export function containerImages(workload: Workload): ContainerImage[] {
  const out: ContainerImage[] = [];
  for (const container of workload.containers) {
    const raw = container.image;
    if (raw === undefined || /\{\{|\}\}/.test(raw)) continue;
    const ref = parseImageRef(raw);
    if (!ref || ref.hasVariables) continue;
    out.push({ container, ref });
  }
  return out;
}

/** How a reference floats: `untagged`, `latest`, a named floating tag, or undefined when pinned or versioned. */
export function floatingTag(ref: ImageRef): string | undefined {
  if (ref.digest !== undefined) return undefined;
  if (ref.tag === undefined) return 'untagged';
  const tag = ref.tag.toLowerCase();
  return FLOATING_TAGS.has(tag) ? tag : undefined;
}
