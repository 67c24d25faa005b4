import { describe, expect, it } from 'vitest';
import { parsePortShort, parseVolumeShort } from '../analyzers/container-spec.js';
import { defaultSettings } from '../engine/settings.js';
import { load } from '../sources/load.js';
import { handlers } from '../sources/registry.js';
import { scanText } from '../testing/index.js';
import { ComposeDocument, looksLikeCompose } from './compose.js';
import { K8sObject } from './k8s.js';

async function documentsOf(text: string, filename: string) {
  const loaded = await load({
    paths: ['-'],
    cwd: process.cwd(),
    settings: defaultSettings(),
    handlers,
    stdin: text,
    stdinFilename: filename,
  });
  expect(loaded.errors).toEqual([]);
  return loaded.documents;
}

describe('compose detection', () => {
  it('claims compose files by name and by shape', async () => {
    const text = 'services:\n  web:\n    image: nginx:1.27\n';
    for (const name of ['compose.yaml', 'docker-compose.yml', 'docker-compose.prod.yml', 'stack.yml', 'anything.yaml']) {
      const [document] = await documentsOf(text, name);
      expect(document, name).toBeInstanceOf(ComposeDocument);
    }
  });

  it('claims an override file by name even without services', async () => {
    const [document] = await documentsOf('volumes:\n  data: {}\n', 'docker-compose.override.yml');
    expect(document).toBeInstanceOf(ComposeDocument);
  });

  it('does not claim Kubernetes objects, workflows or other YAML with a services key', async () => {
    expect((await documentsOf('apiVersion: v1\nkind: Service\nmetadata:\n  name: services\n', 'compose.yaml'))[0]).toBeInstanceOf(
      K8sObject,
    );
    expect(await documentsOf('on: push\njobs:\n  build:\n    services:\n      db:\n        image: postgres\n', 'ci.yml')).toEqual(
      [],
    );
    expect(await documentsOf('replicaCount: 2\nservices:\n  web:\n    image: x\n', 'values.yaml')).toEqual([]);
    expect(looksLikeCompose({ services: { web: { port: 80 } } })).toBe(false);
    expect(looksLikeCompose({ services: ['a', 'b'] })).toBe(false);
  });

  it('reads YAML 1.2 like compose: unquoted ports stay strings, yes stays a string', async () => {
    const [document] = await documentsOf(
      'services:\n  web:\n    image: a:1\n    ports:\n      - 22:22\n    privileged: yes\n',
      'compose.yaml',
    );
    const service = (document as ComposeDocument).services[0];
    expect(service?.spec.ports.map((p) => [p.hostPort, p.containerPort])).toEqual([['22', '22']]);
    expect(service?.spec.privileged).toBeUndefined();
  });

  it('normalises long and legacy syntax into the container spec', async () => {
    const [document] = await documentsOf(
      [
        'services:',
        '  web:',
        '    image: a:1',
        '    mem_limit: 256m',
        '    deploy: { resources: { limits: { cpus: "0.5", pids: 50 } }, restart_policy: { condition: on-failure, max_attempts: 3 } }',
        '    environment: [A=1, B]',
        '    volumes:',
        '      - type: bind',
        '        source: /var/run/docker.sock',
        '        target: /var/run/docker.sock',
        '        read_only: true',
        '    networks: { front: {} }',
        '',
      ].join('\n'),
      'compose.yaml',
    );
    const spec = (document as ComposeDocument).services[0]?.spec;
    expect([spec?.memory?.value, spec?.cpus?.value, spec?.pidsLimit?.value]).toEqual(['256m', '0.5', '50']);
    expect(spec?.environment.map((e) => [e.name, e.value])).toEqual([
      ['A', '1'],
      ['B', undefined],
    ]);
    expect(spec?.mounts.map((m) => [m.type, m.source, m.readOnly])).toEqual([['bind', '/var/run/docker.sock', true]]);
    expect(spec?.restartCapped).toBe(true);
    expect(spec?.networks).toEqual(['front']);
  });

  it('points findings at the offending key', async () => {
    const result = await scanText('services:\n  web:\n    image: a:1\n    privileged: true\n', { filename: 'compose.yaml' });
    const finding = result.findings.find((f) => f.rule === 'compose/no-privileged');
    expect([finding?.line, finding?.column, finding?.path]).toEqual([4, 5, '/services/web/privileged']);
  });
});

describe('short volume and port syntax', () => {
  it.each([
    ['./data:/data', 'bind', './data', '/data', false],
    ['/etc:/host/etc:ro', 'bind', '/etc', '/host/etc', true],
    ['data:/var/lib/x:rw,z', 'volume', 'data', '/var/lib/x', false],
    ['/only/target', 'volume', undefined, '/only/target', false],
    ['C:\\data:C:\\app', 'bind', 'C:\\data', 'C:\\app', false],
    ['~/.aws:/root/.aws:ro', 'bind', '~/.aws', '/root/.aws', true],
  ])('%s', (text, type, source, target, readOnly) => {
    const mount = parseVolumeShort(text, {});
    expect([mount.type, mount.source, mount.target, mount.readOnly]).toEqual([type, source, target, readOnly]);
  });

  it.each([
    ['80', undefined, undefined, '80', 'tcp'],
    ['8080:80', undefined, '8080', '80', 'tcp'],
    ['127.0.0.1:5432:5432', '127.0.0.1', '5432', '5432', 'tcp'],
    ['[::1]:53:53/udp', '::1', '53', '53', 'udp'],
    ['0.0.0.0:8000-8010:8000-8010', '0.0.0.0', '8000-8010', '8000-8010', 'tcp'],
    ['127.0.0.1::80', '127.0.0.1', undefined, '80', 'tcp'],
  ])('%s', (text, hostIp, hostPort, containerPort, protocol) => {
    const port = parsePortShort(text, {});
    expect([port.hostIp, port.hostPort, port.containerPort, port.protocol]).toEqual([hostIp, hostPort, containerPort, protocol]);
  });
});
