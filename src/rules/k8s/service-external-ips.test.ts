import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './service-external-ips.js';

describe('k8s/service-external-ips', () => {
  testRule(rule, {
    valid: [
      {
        name: 'no externalIPs',
        code: 'apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec:\n  ports: [{ port: 80 }]\n',
      },
      {
        name: 'an empty list',
        code: 'apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec:\n  externalIPs: []\n  ports: [{ port: 80 }]\n',
      },
    ],
    invalid: [
      {
        name: 'externalIPs',
        code: 'apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec:\n  ports: [{ port: 80 }]\n  externalIPs:\n    - 203.0.113.10\n',
        findings: [
          {
            line: 6,
            column: 3,
            severity: 'medium',
            path: '/spec/externalIPs',
            message: /claims external IP 203\.0\.113\.10: every node accepts 80\/TCP for it.*CVE-2020-8554/,
          },
        ],
      },
      {
        name: 'externalIPs for SSH are high',
        code: 'apiVersion: v1\nkind: Service\nmetadata: { name: bastion }\nspec:\n  ports: [{ port: 22 }]\n  externalIPs: [203.0.113.10, 203.0.113.11]\n',
        findings: [{ line: 6, severity: 'high', message: /IPs 203\.0\.113\.10, 203\.0\.113\.11.*SSH \(22\)/ }],
      },
    ],
  });
});
