import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './exposed-service.js';

const service = (type: string, ports: string, extra = '', annotations = '') => `apiVersion: v1
kind: Service
metadata:
  name: web
${annotations ? `  annotations:\n${annotations}` : ''}spec:
  type: ${type}
  selector: { app: web }
${extra}  ports:
${ports}`;

describe('k8s/exposed-service', () => {
  testRule(rule, {
    valid: [
      { name: 'ClusterIP', code: service('ClusterIP', '    - port: 80\n') },
      {
        name: 'ExternalName',
        code: 'apiVersion: v1\nkind: Service\nmetadata: { name: db }\nspec:\n  type: ExternalName\n  externalName: db.example.com\n',
      },
    ],
    invalid: [
      {
        name: 'NodePort',
        code: service('NodePort', '    - port: 80\n      nodePort: 30080\n'),
        findings: [
          {
            line: 6,
            column: 3,
            severity: 'medium',
            path: '/spec/type',
            message: 'Service "web" is a NodePort: 30080->80/TCP is open on every address of every node.',
          },
        ],
      },
      {
        name: 'NodePort of a database is high',
        code: service('NodePort', '    - port: 5432\n'),
        findings: [{ line: 6, severity: 'high', message: /exposes PostgreSQL \(5432\), which should never face the edge/ }],
      },
      {
        name: 'public LoadBalancer open to any source',
        code: service('LoadBalancer', '    - port: 443\n', '  loadBalancerSourceRanges: ["0.0.0.0/0"]\n'),
        findings: [
          { line: 6, severity: 'medium', message: /LoadBalancer open to any source: 443\/TCP is exposed to the internet/ },
        ],
      },
      {
        name: 'public LoadBalancer of Redis is high (by target port too)',
        code: service('LoadBalancer', '    - port: 80\n      targetPort: 6379\n'),
        findings: [{ line: 6, severity: 'high', message: /Redis \(6379\)/ }],
      },
      {
        name: 'source ranges make it low',
        code: service('LoadBalancer', '    - port: 443\n', '  loadBalancerSourceRanges: [10.0.0.0/8, 192.168.0.0/16]\n'),
        findings: [{ line: 6, severity: 'low', message: /limited to 10\.0\.0\.0\/8, 192\.168\.0\.0\/16/ }],
      },
      {
        name: 'source ranges in the legacy annotation',
        code: service(
          'LoadBalancer',
          '    - port: 443\n',
          '',
          '    service.beta.kubernetes.io/load-balancer-source-ranges: "203.0.113.0/24"\n',
        ),
        findings: [{ line: 8, severity: 'low' }],
      },
      {
        name: 'internal load balancers of the major clouds are low',
        code: [
          service('LoadBalancer', '    - port: 443\n', '', '    service.beta.kubernetes.io/aws-load-balancer-internal: "true"\n'),
          service('LoadBalancer', '    - port: 443\n', '', '    networking.gke.io/load-balancer-type: "Internal"\n'),
          service(
            'LoadBalancer',
            '    - port: 443\n',
            '',
            '    service.beta.kubernetes.io/azure-load-balancer-internal: "true"\n',
          ),
        ].join('---\n'),
        findings: [
          {
            line: 8,
            severity: 'low',
            message: /internal LoadBalancer \(service.beta.kubernetes.io\/aws-load-balancer-internal\)/,
          },
          { line: 20, severity: 'low', message: /networking.gke.io/ },
          { line: 32, severity: 'low', message: /azure/ },
        ],
      },
      {
        name: 'an internal annotation set to false is not internal',
        code: service(
          'LoadBalancer',
          '    - port: 443\n',
          '',
          '    service.beta.kubernetes.io/azure-load-balancer-internal: "false"\n',
        ),
        findings: [{ line: 8, severity: 'medium' }],
      },
    ],
  });
});
