import { parseArgs } from '../../model/cli-args.js';
import type { RunScript } from '../../model/dockerfile.js';
import type { ShellCommand } from '../../model/shell.js';
import { defineRule } from '../types.js';
import { commandRange, Keys, runCommands } from './_helpers.js';

const URL = /^(https?|ftp):\/\//i;
const EXTRACTORS = new Set([
  'tar',
  'bsdtar',
  'unzip',
  'gunzip',
  'gzip',
  'bunzip2',
  'xz',
  'unxz',
  'zstd',
  'cpio',
  'dpkg',
  'rpm',
  'install',
]);
/** Commands that check a checksum or a signature. */
const VERIFIERS = new Set([
  'sha1sum',
  'sha224sum',
  'sha256sum',
  'sha384sum',
  'sha512sum',
  'md5sum',
  'b2sum',
  'shasum',
  'cksum',
  'gpg',
  'gpg2',
  'gpgv',
  'cosign',
  'minisign',
  'signify',
  'slsa-verifier',
  'rpmkeys',
]);
/** Signing keys and signatures: trust anchors and verification material, not payloads. */
const KEY_MATERIAL = /\.(asc|gpg|sig|sha\d*|sha\d+sum|md5|pub|key|pem|crt)(\?.*)?$|\/(gpg|key|KEYS|SHA\d*SUMS)(\.txt)?$/i;

const CURL_VALUED = [
  '-o',
  '--output',
  '-H',
  '--header',
  '-d',
  '--data',
  '-u',
  '--user',
  '-X',
  '--request',
  '-A',
  '--user-agent',
  '-e',
  '--referer',
  '--retry',
  '-m',
  '--max-time',
  '--connect-timeout',
  '-w',
  '--write-out',
  '-x',
  '--proxy',
  '--cacert',
  '--cert',
  '-T',
  '--upload-file',
  '-F',
  '--form',
  '--retry-delay',
  '--retry-max-time',
  '-C',
  '--continue-at',
  '-r',
  '--range',
  '--output-dir',
  '--resolve',
  '-b',
  '--cookie',
  '-c',
  '--cookie-jar',
];
const WGET_VALUED = [
  '-O',
  '--output-document',
  '-P',
  '--directory-prefix',
  '-o',
  '--output-file',
  '-a',
  '--append-output',
  '-t',
  '--tries',
  '-T',
  '--timeout',
  '-U',
  '--user-agent',
  '--header',
  '--user',
  '--password',
  '-e',
  '--execute',
  '--progress',
  '-w',
  '--wait',
  '--ca-certificate',
];

/** Whether the command fetches a payload (to a file or into an extractor), and from where. */
function download(command: ShellCommand): { url: string } | undefined {
  const program = command.program;
  if (program !== 'curl' && program !== 'wget') return undefined;
  const parsed = parseArgs(command.args, { valued: program === 'curl' ? CURL_VALUED : WGET_VALUED });
  const url = parsed.operands.map((a) => a.value ?? a.text).find((t) => URL.test(t));
  if (url === undefined || KEY_MATERIAL.test(url)) return undefined;
  if (program === 'curl' && parsed.has('-X', '--request', '-d', '--data', '-F', '--form', '-T', '--upload-file', '-I', '--head'))
    return undefined;
  const toFile =
    program === 'curl'
      ? parsed.has('-o', '--output', '-O', '--remote-name', '--remote-name-all', '-J')
      : !['-', '/dev/stdout'].includes(parsed.get('-O', '--output-document')?.value ?? '') && !parsed.has('--spider');
  const redirected = command.redirects.some((r) => (r.op === '>' || r.op === '>>') && r.fd === undefined);
  const next = command.pipeline.members[command.pipeIndex + 1];
  const extracted = next?.program !== undefined && EXTRACTORS.has(next.program);
  const output = program === 'curl' ? parsed.get('-o', '--output')?.value : parsed.get('-O', '--output-document')?.value;
  if (output !== undefined && KEY_MATERIAL.test(output)) return undefined;
  if (next?.program === 'gpg' || next?.program === 'apt-key') return undefined;
  return toFile || redirected || extracted ? { url } : undefined;
}

/** `openssl dgst -sha256 f`, `openssl sha512 -r f`: a digest computed to compare with a pinned value. */
const OPENSSL_DIGEST = /^(dgst|md5|sha1|sha224|sha256|sha384|sha512|sha3-(224|256|384|512)|blake2[bs]\d*)$/;

function verifies(run: RunScript): boolean {
  return run.commands.some((c) => {
    if (c.program === 'openssl') return OPENSSL_DIGEST.test(c.args[0]?.value ?? '');
    if (c.program === undefined || !VERIFIERS.has(c.program)) return false;
    if (c.program === 'gpg' || c.program === 'gpg2') return c.args.some((a) => a.value === '--verify');
    return true;
  });
}

export default defineRule({
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/no-unverified-download',
    description: 'Require downloaded files to be verified against a checksum or signature',
    rationale:
      'A file fetched with curl or wget and installed without checking its checksum or signature is whatever the server (or anyone between) served that day. A compromised release page, mirror or CDN ships its payload in your image, and a re-run of the same Dockerfile silently produces a different image.',
    severity: 'medium',
    threats: ['malicious-payload', 'poisoned-registry'],
    references: ['CIS Docker 4.11', 'CIS Docker 4.12', 'SLSA: verified dependencies'],
    remediation:
      'Pin the expected digest and check it in the same RUN: `curl -fsSLo tool.tgz "$URL" && echo "$TOOL_SHA256  tool.tgz" | sha256sum -c - && tar -xzf tool.tgz`, or verify the publisher\'s signature with `gpg --verify` / `cosign verify-blob`. `ADD --checksum=sha256:...` does the same for ADD.',
    examples: [
      {
        bad: 'FROM debian:12-slim\nRUN curl -fsSLo /tmp/tool.tgz https://example.com/tool-1.2.tgz && tar -xzf /tmp/tool.tgz -C /usr/local/bin\n',
        good: `FROM debian:12-slim\nRUN curl -fsSLo /tmp/tool.tgz https://example.com/tool-1.2.tgz \\\n && echo "${'0'.repeat(64)}  /tmp/tool.tgz" | sha256sum -c - \\\n && tar -xzf /tmp/tool.tgz -C /usr/local/bin\n`,
      },
    ],
  },
  check(document, context) {
    const keys = new Keys();
    const verified = new Map<RunScript, boolean>();
    for (const site of runCommands(document)) {
      const fetched = download(site.command);
      if (!fetched) continue;
      let ok = verified.get(site.run);
      if (ok === undefined) {
        ok = verifies(site.run);
        verified.set(site.run, ok);
      }
      if (ok) continue;
      const insecure = /^(http|ftp):/i.test(fetched.url);
      context.report({
        message: `RUN downloads ${fetched.url} with ${site.command.program} and uses it without checking a checksum or signature${insecure ? ', over an unencrypted connection' : ''}.`,
        range: commandRange(site),
        severity: insecure ? 'high' : 'medium',
        key: keys.of(site.stage, fetched.url),
      });
    }
  },
});
