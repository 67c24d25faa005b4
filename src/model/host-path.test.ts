import { describe, expect, it } from 'vitest';
import { classifyHostPath, normaliseHostPath } from './host-path.js';

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
  it.each([
    ['/', 'critical', true],
    ['/var/run/docker.sock', 'critical', true],
    ['/run/containerd/containerd.sock', 'critical', true],
    ['/var/run/crio/crio.sock', 'critical', true],
    ['/run/user/1000/podman/podman.sock', 'critical', true],
    ['/var/run', 'critical', true],
    ['/run', 'critical', true],
    ['/var', 'critical', true],
    ['/run/containerd', 'critical', true],
    ['/etc', 'high', false],
    ['/etc/kubernetes/pki', 'high', false],
    ['/proc', 'high', false],
    ['/sys/fs/cgroup', 'high', false],
    ['/var/lib/kubelet/pods', 'high', false],
    ['/var/lib', 'high', false],
    ['/var/log/pods', 'high', false],
    ['/root/.ssh', 'high', false],
    ['/home', 'high', false],
    ['/boot', 'high', false],
    ['/dev', 'high', false],
    ['/var/lib/etcd', 'high', false],
    ['/usr', 'high', false],
    ['/etc/localtime', 'medium', false],
    ['/etc/ssl/certs', 'medium', false],
    ['/run/xtables.lock', 'medium', false],
    ['/data/app', 'medium', false],
    ['/mnt/disks/ssd0', 'medium', false],
  ])('%s is %s', (raw, severity, socket) => {
    const cls = classify(raw);
    expect(cls.severity).toBe(severity);
    expect(cls.socket).toBe(socket);
  });

  it('says what a parent directory contains', () => {
    expect(classify('/var/lib').what).toMatch(/contains .*\(\/var\/lib\//);
    expect(classify('/var').what).toMatch(/contains .*socket/);
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
