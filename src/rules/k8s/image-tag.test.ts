import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './image-tag.js';

const pod = (image: string, list = 'containers') => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  ${list}:
    - name: web
      image: ${image}
`;

describe('k8s/image-tag', () => {
  testRule(rule, {
    valid: [
      { name: 'version tag', code: pod('nginx:1.27.3') },
      { name: 'digest without tag', code: pod('nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef') },
      {
        name: 'latest pinned by digest',
        code: pod('nginx:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'),
      },
      { name: 'registry with a port is not a tag', code: pod('registry.local:5000/team/app:2.0.1') },
      { name: 'templated references are left alone', code: pod('"${REGISTRY}/app:${TAG}"') },
      { name: 'Helm-style templates are left alone', code: pod('"{{ .Values.image }}"') },
    ],
    invalid: [
      {
        name: 'no tag',
        code: pod('nginx'),
        findings: [
          {
            line: 8,
            column: 7,
            severity: 'medium',
            path: '/spec/containers/0/image',
            message: /without a tag, which means :latest/,
          },
        ],
      },
      {
        name: 'latest',
        code: pod('ghcr.io/acme/web:latest', 'initContainers'),
        findings: [
          {
            line: 8,
            severity: 'medium',
            message: /^Init container "web" uses image "ghcr.io\/acme\/web:latest" with the :latest tag/,
          },
        ],
      },
      {
        name: 'registry port and no tag',
        code: pod('registry.local:5000/team/app'),
        findings: [{ line: 8, severity: 'medium' }],
      },
      {
        name: 'other floating tags are low',
        code: pod('grafana/grafana:main'),
        findings: [{ line: 8, severity: 'low', message: /floating tag :main/ }],
      },
    ],
  });
});
