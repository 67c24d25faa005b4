import { describe, expect, it } from 'vitest';
import {
  classifyBindSource,
  classifyHostPath,
  hostPathMountSeverity,
  normaliseHostPath,
  resolveBindSource,
} from './host-path.js';

const classify = (raw: string) => classifyHostPath(normaliseHostPath(raw));

describe('normaliseHostPath', () => {
  it.each([
    ['/var/run/docker.sock', '/run/docker.sock'],
    ['//var//run/', '/run'],
    ['/etc/./kubernetes/../kubernetes/', '/etc/kubernetes'],
    ['/../../etc', '/etc'],
    ['/', '/'],
    ['var/log', '/var/log'],
  ])('%s -> %s', (raw, path) => expect(normaliseHostPath(raw)).toEqual({ path, windows: false }));

  it('normalises Windows paths and named pipes case-insensitively', () => {
    expect(normaliseHostPath('C:\\ProgramData\\Docker\\')).toEqual({ path: 'c:/programdata/docker', windows: true });
    expect(normaliseHostPath('\\\\.\\pipe\\Docker_Engine')).toEqual({ path: '//./pipe/docker_engine', windows: true });
  });
});

describe('classifyHostPath', () => {
  // Grade of a writable mount, and whether the path is (or holds) a socket.
  it.each([
    ['/', 'critical', true],
    ['/var/run/docker.sock', 'critical', true],
    ['/run/containerd/containerd.sock', 'critical', true],
    ['/var/run/crio/crio.sock', 'critical', true],
    ['/run/user/1000/podman/podman.sock', 'critical', true],
    ['/var/run', 'critical', true],
    ['/run', 'critical', true],
    // Through MicroK8s's containerd socket: /var/run is a symbolic link to /run.
    ['/var', 'critical', true],
    ['/run/containerd', 'critical', true],
    ['/run/buildkit/buildkitd.sock', 'high', true],
    ['/tmp/app.sock', 'high', true],
    ['/etc', 'high', false],
    ['/etc/nginx', 'high', false],
    ['/etc/shadow', 'high', false],
    ['/etc/kubernetes/pki', 'high', false],
    ['/proc', 'high', false],
    ['/proc/sys/kernel', 'high', false],
    ['/sys/fs/cgroup', 'high', false],
    ['/var/lib/kubelet/pods', 'high', false],
    ['/var/lib/kubelet/pki', 'high', false],
    ['/var/lib', 'high', false],
    ['/var/lib/docker', 'high', false],
    ['/var/log', 'high', false],
    ['/var/log/pods', 'high', false],
    ['/root/.ssh', 'high', false],
    ['/home', 'high', false],
    ['/home/dev', 'high', false],
    ['/home/dev/.ssh', 'high', false],
    ['/home/dev/.config/gcloud', 'high', false],
    ['/home/dev/.bashrc', 'high', false],
    ['/srv/ci/.docker/config.json', 'high', false],
    ['/boot', 'high', false],
    ['/dev', 'high', false],
    ['/var/lib/etcd', 'high', false],
    ['/usr', 'high', false],
    ['/lib', 'high', false],
    ['/lib64/ld-linux-x86-64.so.2', 'high', false],
    ['/etc/ssl/certs', 'high', false],
    ['/etc/localtime', 'medium', false],
    ['/run/xtables.lock', 'medium', false],
    ['/home/dev/code/shop', 'medium', false],
    ['/data/app', 'medium', false],
    ['/srv/app/uploads', 'medium', false],
    ['/mnt/disks/ssd0', 'medium', false],
  ])('%s is %s', (raw, severity, socket) => {
    const cls = classify(raw);
    expect(cls.severity).toBe(severity);
    expect(cls.socket).toBe(socket);
  });

  it('says what a parent directory contains', () => {
    expect(classify('/var/lib').what).toMatch(/contains .*\(\/var\/lib\//);
    expect(classify('/run').what).toMatch(/contains the Docker Engine socket \(\/run\/docker\.sock\)/);
    expect(classify('/var').what).toMatch(/contains .*socket/);
  });

  it('names the most specific entry', () => {
    expect(classify('/etc/ssh/sshd_config').what).toBe("part of the node's SSH configuration");
    expect(classify('/etc/nginx').what).toBe("part of the host's /etc");
    expect(classify('/root/.aws').what).toBe('AWS credentials');
    expect(classify('/run/containerd/containerd.sock').what).toBe('the containerd socket');
    expect(classify('/run/containerd/io.containerd.runtime.v2.task').what).toBe('the containerd socket directory');
    expect(classify('/data/app').what).toBe('a host path');
  });

  it.each([
    ['\\\\.\\pipe\\docker_engine', 'critical'],
    ['\\\\.\\pipe\\containerd-containerd', 'critical'],
    ['C:\\', 'critical'],
    ['C:\\Windows\\System32', 'high'],
    ['C:\\var\\lib\\kubelet', 'high'],
    ['C:\\var', 'high'],
    ['C:\\data', 'medium'],
  ])('Windows %s is %s', (raw, severity) => expect(classify(raw).severity).toBe(severity));
});

describe('hostPathMountSeverity', () => {
  // [path, read-only, severity of the mount]
  it.each([
    ['/var/run/docker.sock', false, 'critical'],
    ['/var/run/docker.sock', true, 'critical'],
    ['/', true, 'critical'],
    ['/tmp/app.sock', true, 'high'],
    ['/etc', false, 'high'],
    ['/etc', true, 'medium'],
    ['/proc/sys/kernel', true, 'medium'],
    ['/var/lib/kubelet/pki', true, 'medium'],
    ['/data/app', false, 'medium'],
    ['/data/app', true, 'low'],
    ['/etc/localtime', false, 'medium'],
    ['/etc/localtime', true, 'info'],
    ['/etc/ssl/certs', false, 'high'],
    ['/etc/ssl/certs', true, 'info'],
    ['/usr/share/zoneinfo/Europe/Paris', true, 'info'],
  ] as const)('%s (read-only %s) is %s', (raw, readOnly, severity) => {
    expect(hostPathMountSeverity(classify(raw), readOnly)).toBe(severity);
  });
});

describe('bind mount sources (compose, docker run)', () => {
  it.each([
    ['./data', 'project'],
    ['data', 'project'],
    ['$PWD/config', 'project'],
    ['$(pwd)', 'project'],
    ['${DATA_DIR}/x', 'unknown'],
    ['/srv/app', 'host'],
    ['~/.aws', 'host'],
    ['${HOME}/.kube', 'host'],
    ['C:\\data', 'host'],
    ['//var/run/docker.sock', 'host'],
  ])('%s is a %s path', (raw, kind) => expect(resolveBindSource(raw).kind).toBe(kind));

  // [source, read-only, severity, socket]: the same table as for hostPath volumes.
  it.each([
    ['/var/run/docker.sock', false, 'critical', true],
    ['/var/run/docker.sock', true, 'critical', true],
    ['//var/run/docker.sock', false, 'critical', true],
    ['/run/containerd/containerd.sock', false, 'critical', true],
    ['/', false, 'critical', true],
    ['/etc', true, 'medium', false],
    ['/etc/shadow', false, 'high', false],
    ['/proc', false, 'high', false],
    ['/proc/sys/kernel', true, 'medium', false],
    ['/home/dev/.ssh', false, 'high', false],
    ['~/.aws', true, 'medium', false],
    ['~', false, 'high', false],
    ['./.ssh', true, 'medium', false],
    ['/var/log', false, 'high', false],
    ['/var/lib/kubelet/pki', false, 'high', false],
    ['/tmp/app.sock', false, 'high', true],
    ['/srv/app/uploads', false, 'medium', false],
    ['/opt/app', true, 'low', false],
    ['/etc/localtime', true, 'info', false],
  ] as const)('%s (read-only %s)', (path, readOnly, severity, socket) => {
    const cls = classifyBindSource(path);
    expect(cls && [hostPathMountSeverity(cls, readOnly), cls.socket]).toEqual([severity, socket]);
  });

  it.each(['./data', 'data', '$PWD/config', '${DATA_DIR}/cache', '../shared'])(
    '%s is the project’s own or unknown: not graded as a host path',
    (path) => expect(classifyBindSource(path)).toBeUndefined(),
  );

  it('explains a home directory and credentials under it', () => {
    expect(classifyBindSource('~')?.what).toBe("a host user's home directory");
    expect(classifyBindSource('$HOME/.kube/config')?.what).toBe('Kubernetes credentials (kubeconfig)');
  });
});
