import { describe, expect, it } from 'vitest';
import { effectiveTag, imageName, isAllowedRegistry, parseImageRef } from './image.js';

describe('parseImageRef', () => {
  it.each([
    ['nginx', 'docker.io', 'library/nginx', undefined, undefined, false],
    ['nginx:1.27', 'docker.io', 'library/nginx', '1.27', undefined, false],
    ['bitnami/redis:7.2', 'docker.io', 'bitnami/redis', '7.2', undefined, false],
    ['ghcr.io/acme/web:v1', 'ghcr.io', 'acme/web', 'v1', undefined, true],
    ['localhost:5000/app', 'localhost:5000', 'app', undefined, undefined, true],
    ['localhost/app:dev', 'localhost', 'app', 'dev', undefined, true],
    [
      'registry.k8s.io/pause:3.9@sha256:7031c1b283388d2c2e09b57badb803c05ebed362dc88d84b480cc47f72a21097',
      'registry.k8s.io',
      'pause',
      '3.9',
      'sha256:7031c1b283388d2c2e09b57badb803c05ebed362dc88d84b480cc47f72a21097',
      true,
    ],
    ['index.docker.io/library/alpine:3.20', 'docker.io', 'library/alpine', '3.20', undefined, true],
  ])('%s', (raw, registry, repository, tag, digest, explicit) => {
    const ref = parseImageRef(raw);
    expect(ref).toMatchObject({ registry, repository, tag, digest, explicitRegistry: explicit });
  });

  it('rejects what is not a reference', () => {
    expect(parseImageRef('')).toBeUndefined();
    expect(parseImageRef('nginx latest')).toBeUndefined();
    expect(parseImageRef('nginx:')).toBeUndefined();
    expect(parseImageRef('nginx@sha256:short')).toBeUndefined();
  });

  it('notes variables', () => {
    expect(parseImageRef('${REGISTRY}/app:${TAG}')?.hasVariables).toBe(true);
    expect(parseImageRef('$BASE')?.hasVariables).toBe(true);
  });

  it('gives latest as the effective tag only when neither tag nor digest is written', () => {
    expect(effectiveTag(parseImageRef('nginx') as never)).toBe('latest');
    expect(
      effectiveTag(parseImageRef('nginx@sha256:7031c1b283388d2c2e09b57badb803c05ebed362dc88d84b480cc47f72a21097') as never),
    ).toBeUndefined();
    expect(imageName(parseImageRef('nginx') as never)).toBe('docker.io/library/nginx');
  });
});

describe('isAllowedRegistry', () => {
  const ref = (raw: string) => parseImageRef(raw) as NonNullable<ReturnType<typeof parseImageRef>>;
  it('matches prefixes at a path boundary', () => {
    expect(isAllowedRegistry(ref('ghcr.io/acme/web:1'), ['ghcr.io/acme'])).toBe(true);
    expect(isAllowedRegistry(ref('ghcr.io/acmecorp/web:1'), ['ghcr.io/acme'])).toBe(false);
    expect(isAllowedRegistry(ref('ghcr.io/acme/web:1'), ['ghcr.io'])).toBe(true);
    expect(isAllowedRegistry(ref('ghcr.io.evil.com/acme/web:1'), ['ghcr.io'])).toBe(false);
  });
  it('reads host-less prefixes as Docker Hub paths', () => {
    expect(isAllowedRegistry(ref('nginx:1.27'), ['docker.io/library'])).toBe(true);
    expect(isAllowedRegistry(ref('nginx:1.27'), ['library'])).toBe(true);
    expect(isAllowedRegistry(ref('bitnami/redis:7'), ['library'])).toBe(false);
    expect(isAllowedRegistry(ref('bitnami/redis:7'), ['docker.io'])).toBe(true);
  });
  it('allows everything with an empty list', () => {
    expect(isAllowedRegistry(ref('evil.example/x'), [])).toBe(true);
  });
});
