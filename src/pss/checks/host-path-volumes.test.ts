import { describe, expect, it } from 'vitest';
import { pathsOf, runCheck } from '../../testing/pss.js';
import { hostPathVolumes } from './host-path-volumes.js';
import { restrictedVolumes } from './restricted-volumes.js';

describe('hostPathVolumes', () => {
  it('names every hostPath volume and points at its hostPath', () => {
    const failure = runCheck(hostPathVolumes, {
      spec: {
        volumes: [
          { name: 'a', hostPath: { path: '/a' } },
          { name: 'e', emptyDir: {} },
          { name: 'b', hostPath: {} },
        ],
      },
    });
    expect(failure?.reason).toBe('hostPath volumes');
    expect(failure?.detail).toBe('volumes "a", "b"');
    expect(pathsOf(failure)).toEqual(['spec.volumes.0.hostPath', 'spec.volumes.2.hostPath']);
    expect(failure?.fields[0]?.value).toBe('/a');
  });

  it('treats hostPath: null as unset', () => {
    expect(runCheck(hostPathVolumes, { spec: { volumes: [{ name: 'a', hostPath: null }] } })).toBeUndefined();
  });
});

describe('restrictedVolumes', () => {
  it('allows the core pod-scoped types, image volumes, and volumes without a source (defaulted to emptyDir)', () => {
    const volumes = [
      { name: 'none' },
      { name: 'typo', hostpath: { path: '/' } },
      ...[
        'configMap',
        'csi',
        'downwardAPI',
        'emptyDir',
        'ephemeral',
        'image',
        'persistentVolumeClaim',
        'projected',
        'secret',
      ].map((type) => ({ name: type, [type]: {} })),
    ];
    expect(runCheck(restrictedVolumes, { spec: { volumes } }, 0)).toBeUndefined();
  });

  it('names the volumes and their types', () => {
    const failure = runCheck(restrictedVolumes, {
      spec: {
        volumes: [
          { name: 'a', nfs: {} },
          { name: 'b', hostPath: { path: '/' } },
          { name: 'c', nfs: {} },
        ],
      },
    });
    expect(failure?.reason).toBe('restricted volume types');
    expect(failure?.detail).toBe('volumes "a", "b", "c" use restricted volume types "hostPath", "nfs"');
    expect(pathsOf(failure)).toEqual(['spec.volumes.0.nfs', 'spec.volumes.1.hostPath', 'spec.volumes.2.nfs']);
  });

  it('replaces hostPathVolumes at the restricted level', () => {
    expect(restrictedVolumes.versions[0]?.overrides).toEqual(['hostPathVolumes']);
  });
});
