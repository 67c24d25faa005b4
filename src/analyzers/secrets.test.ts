import { describe, expect, it } from 'vitest';
import {
  detectSecret,
  detectSecretFormat,
  findEmbeddedSecrets,
  isCredentialName,
  isPlaceholder,
  redact,
  sensitiveFileKind,
} from './secrets.js';

describe('isCredentialName', () => {
  it.each([
    'DB_PASSWORD',
    'password',
    'MYSQL_ROOT_PASSWORD',
    'apiKey',
    'API_KEY',
    'GITHUB_TOKEN',
    'AWS_SECRET_ACCESS_KEY',
    'client_secret',
    'DATABASE_DSN',
    'privateKey',
    'PGPASSWORD',
    'dbpassword',
    'APITOKEN',
    'SECRET_KEY_BASE',
  ])('%s names a credential', (name) => expect(isCredentialName(name)).toBe(true));
  it.each([
    'DB_PASSWORD_FILE',
    'TOKEN_PATH',
    'SECRET_NAME',
    'PASSWORD_MIN_LENGTH',
    'DB_HOST',
    'LOG_LEVEL',
    'TOKEN_TTL',
    'KEYCLOAK_URL',
    'passwordPolicy',
    'TOKEN_AUDIENCE',
    'OIDC_TOKEN_ISSUER',
    'TOKEN_ENDPOINT',
    'TOKEN_REFRESH_INTERVAL',
    'SECRET_STORE',
    'passwordless',
    'max_tokens',
  ])('%s does not', (name) => expect(isCredentialName(name)).toBe(false));
});

describe('detectSecretFormat', () => {
  it.each([
    ['AKIAIOSFODNN7EXAMPLE', 'AWS access key id'],
    ['ghp_0123456789abcdefghijABCDEFGHIJ012345', 'GitHub token'],
    ['-----BEGIN RSA PRIVATE KEY-----\nMIIE...', 'private key'],
    ['-----BEGIN OPENSSH PRIVATE KEY-----', 'private key'],
    ['postgres://app:s3cr3tP4ss@db:5432/app', 'URL with an embedded password'],
    ['xoxb-1234567890-abcdefghij', 'Slack token'],
    ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U', 'JSON web token'],
  ])('%s is a %s', (value, kind) => expect(detectSecretFormat(value)).toBe(kind));

  it('ignores ordinary values and URLs with placeholder passwords', () => {
    expect(detectSecretFormat('nginx:1.27')).toBeUndefined();
    expect(detectSecretFormat('postgres://app:${DB_PASSWORD}@db/app')).toBeUndefined();
    expect(detectSecretFormat('https://example.com/path')).toBeUndefined();
  });
});

describe('detectSecret', () => {
  it('needs a real value under a credential name', () => {
    expect(detectSecret('DB_PASSWORD', 'hunter2hunter2')).toEqual({ kind: 'password', confidence: 'name' });
    expect(detectSecret('DB_PASSWORD', 'changeme')).toBeUndefined();
    expect(detectSecret('DB_PASSWORD', '${DB_PASSWORD}')).toBeUndefined();
    expect(detectSecret('DB_PASSWORD', '')).toBeUndefined();
    expect(detectSecret('LOG_LEVEL', 'debug')).toBeUndefined();
  });
  it('finds a known format under any name', () => {
    expect(detectSecret('SOMETHING', 'AKIAIOSFODNN7EXAMPLE')).toEqual({ kind: 'AWS access key id', confidence: 'format' });
  });
  it('treats fill-in instructions and constant names as placeholders', () => {
    for (const v of [
      'INSERT_ETCD_INITIAL_CLUSTER_TOKEN',
      'ENTER_PASSWORD',
      'token-goes-here',
      'yourpassword',
      'your_api_key',
      'GOOGLE_API_KEY_VAL',
    ])
      expect(isPlaceholder(v), v).toBe(true);
    for (const v of ['minio123', 'c-krit', 'hunter2', 'S3cr3t_Pa55', 'MyPassword2024']) expect(isPlaceholder(v), v).toBe(false);
  });
  it('ignores a value that only repeats the name', () => {
    expect(detectSecret('password', 'password')).toBeUndefined();
    expect(detectSecret('API_KEY', 'api_key')).toBeUndefined();
    expect(detectSecret('PGPASSWORD', 'pg-s3cret')).toEqual({ kind: 'password', confidence: 'name' });
  });
  it('treats placeholders as not secrets', () => {
    for (const v of ['true', '<your-token>', '{{ .Values.token }}', '****', 'REPLACE_ME', '/run/secrets/db'])
      expect(isPlaceholder(v)).toBe(true);
  });
});

describe('redact', () => {
  it('reveals only the length', () => {
    expect(redact('AKIAIOSFODNN7EXAMPLE')).toBe('[redacted: 20 characters]');
    expect(redact('AKIAIOSFODNN7EXAMPLE')).not.toContain('AKIA');
  });
});

describe('sensitiveFileKind', () => {
  it.each([
    ['id_rsa', 'SSH private key'],
    ['keys/server.pem', 'key or certificate store'],
    ['.env', 'dotenv file'],
    ['.env.production', 'dotenv file'],
    ['root/.aws/credentials', 'AWS credentials'],
    ['.npmrc', 'package registry credentials'],
  ])('%s', (path, kind) => expect(sensitiveFileKind(path)).toBe(kind));
  it('leaves ordinary files alone', () => {
    for (const p of ['app.js', 'package.json', 'environment.ts', 'src/keyboard.c']) expect(sensitiveFileKind(p)).toBeUndefined();
  });
});

describe('findEmbeddedSecrets', () => {
  const found = (text: string) => findEmbeddedSecrets(text).map((s) => [s.line, s.name, s.match.kind]);

  it('reads YAML, JSON, properties, dotenv, INI and XML settings', () => {
    const text = [
      'spring:',
      '  datasource:',
      '    url: jdbc:postgresql://db:5432/app',
      '    password: Zq8-vN2xL4pR  # set by ops',
      '{ "client_secret": "3f9a1c7e5b", "timeout": 30 }',
      'mail.smtp.password=m41lP4ss',
      'export API_TOKEN="tok-123456789"',
      'admin_password = admin',
      '<password>xmlP4ss</password>',
      'log.level=debug',
    ].join('\n');
    expect(found(text)).toEqual([
      [3, 'password', 'password'],
      [4, 'client_secret', 'secret'],
      [5, 'mail.smtp.password', 'password'],
      [6, 'API_TOKEN', 'token'],
      [7, 'admin_password', 'password'],
      [8, 'password', 'password'],
    ]);
  });

  it('finds token formats and private keys on any line', () => {
    const text =
      'endpoint: https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXXXXXXXXXX\nkey: |\n  -----BEGIN RSA PRIVATE KEY-----\n  MIIE\n  -----END RSA PRIVATE KEY-----\n';
    expect(found(text)).toEqual([
      [0, 'endpoint', 'Slack webhook URL'],
      [2, '', 'private key'],
    ]);
  });

  it('ignores placeholders, references, file settings and comments', () => {
    const text = [
      'password: ${DB_PASSWORD}',
      'password_file: /run/secrets/db',
      'token: "{{ .Values.token }}"',
      '# password: hunter22',
      'secretName: app-tls',
      'bearer_token_file: /var/run/secrets/kubernetes.io/serviceaccount/token',
      'password:',
    ].join('\n');
    expect(found(text)).toEqual([]);
  });
});
