import { describe, expect, it } from 'vitest';
import { explainConnection, formatExplanation, resolvePeer } from './explain.js';
import { analyse, netpol, pod } from './testing/fixtures.js';

const text =
  pod('web', 'shop', { app: 'web' }, '[{ name: http, containerPort: 8080 }]') +
  pod('api', 'shop', { app: 'api' }) +
  pod('api', 'other', { app: 'api' }) +
  netpol(
    'web-ingress',
    'shop',
    'podSelector: { matchLabels: { app: web } }\ningress:\n  - from: [{ podSelector: { matchLabels: { app: api } } }]\n    ports: [{ port: http }]',
  ) +
  netpol('deny-all', 'shop', 'podSelector: {}\npolicyTypes: [Ingress, Egress]');

describe('explain', () => {
  const analysis = analyse(text, 'policies.yaml');
  const peer = (name: string) => {
    const resolved = resolvePeer(analysis.model, name);
    if ('error' in resolved) throw new Error(resolved.error);
    return resolved.peer;
  };

  it('finds peers by full name, namespace/name, bare name, IP or CIDR', () => {
    expect(peer('shop/web[Pod]').id).toBe('shop/web[Pod]');
    expect(peer('shop/api').id).toBe('shop/api[Pod]');
    expect(peer('web').id).toBe('shop/web[Pod]');
    expect(peer('10.0.0.1').id).toBe('10.0.0.1[External]');
    expect(peer('10.0.0.0/8').id).toBe('10.0.0.0-10.255.255.255[External]');
    expect(resolvePeer(analysis.model, 'api')).toEqual({ error: 'ambiguous: shop/api[Pod], other/api[Pod]' });
    expect(resolvePeer(analysis.model, 'nope')).toEqual({ error: 'no such workload in the input' });
  });

  it('names every policy and rule on both sides, with file and line', () => {
    const explanation = explainConnection(analysis.connectivity, peer('shop/api'), peer('web'));
    // Egress of api is denied by deny-all; ingress of web allows TCP 8080 from api.
    expect(explanation.conn.isEmpty).toBe(true);
    expect(explanation.egress.policies.map((p) => p.policy.id)).toEqual(['shop/deny-all']);
    expect(explanation.ingress.conn.toString()).toBe('TCP 8080');
    expect(explanation.ingress.policies.map((p) => [p.policy.id, p.rules.length, p.location.line])).toEqual([
      ['shop/web-ingress', 1, 29],
      ['shop/deny-all', 0, 38],
    ]);
    expect(formatExplanation(explanation, { protocol: 'TCP', start: 8080, end: 8080 }).split('\n')).toEqual([
      'shop/api[Pod] => shop/web[Pod] on TCP 8080: denied',
      '',
      'Egress from shop/api[Pod]: No Connections',
      '  NetworkPolicy shop/deny-all (policies.yaml:38) selects shop/api[Pod]',
      '    no egress rule admits shop/web[Pod]',
      '',
      'Ingress to shop/web[Pod]: TCP 8080',
      '  NetworkPolicy shop/web-ingress (policies.yaml:29) selects shop/web[Pod]',
      '    ingress rule #1 (policies.yaml:33) matches shop/api[Pod] by peer 1: podSelector app=api: allows TCP 8080',
      '  NetworkPolicy shop/deny-all (policies.yaml:38) selects shop/web[Pod]',
      '    no ingress rule admits shop/api[Pod]',
    ]);
  });

  it('explains an open side and an external peer', () => {
    const explanation = explainConnection(analysis.connectivity, peer('other/api'), peer('203.0.113.9'));
    expect(explanation.conn.isAll).toBe(true);
    const text = formatExplanation(explanation);
    expect(text).toContain('other/api[Pod] => 203.0.113.9[External]: allowed (All Connections)');
    expect(text).toContain('no NetworkPolicy selects other/api[Pod] for egress: all egress is allowed');
    expect(text).toContain('not subject to NetworkPolicies (outside the cluster)');
  });

  it('says a pod from another namespace is not admitted by a podSelector-only peer', () => {
    const explanation = explainConnection(analysis.connectivity, peer('other/api'), peer('web'));
    expect(explanation.conn.isEmpty).toBe(true);
    expect(explanation.ingress.policies.every((p) => p.rules.length === 0)).toBe(true);
  });
});
