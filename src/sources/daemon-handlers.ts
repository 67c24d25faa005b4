/**
 * Where the Docker daemon is configured outside daemon.json: systemd units and drop-ins
 * (`docker.service`, `docker.service.d/*.conf`, `docker.socket`) and `/etc/default/docker`,
 * `/etc/sysconfig/docker` style environment files. dockerd command lines become daemon sources;
 * `docker run` lines in other units (containers run as services) become docker-run documents.
 */
import type { SourceText } from '../core/source.js';
import { addDockerdFlags, DaemonSource, daemonJsonSource, dockerdArgs, looksLikeDaemonJson } from '../model/daemon.js';
import { dockerRunCommands } from '../model/docker-run.js';
import { isObject } from '../model/k8s.js';
import { analyseShell, type ShellArg } from '../model/shell.js';
import type { HandlerResult, SourceDocument, SourceHandler } from './handler.js';
import { MappedText, MappedTextBuilder } from './mapped-text.js';
import type { YamlDocument } from './yaml.js';

// ---- daemon.json (a YAML classifier) ---------------------------------------------------------

export function classifyDaemonJson(document: YamlDocument, source: SourceText): SourceDocument | undefined {
  const name = source.path.replace(/\\/g, '/').split('/').pop() ?? '';
  const value = document.value;
  if (!isObject(value) || 'apiVersion' in value || 'services' in value) return undefined;
  if (name === 'daemon.json' || looksLikeDaemonJson(value)) return daemonJsonSource(document);
  return undefined;
}

// ---- systemd units -----------------------------------------------------------------------------

interface UnitEntry {
  section: string;
  key: string;
  /** The value with its map into the file (continuation lines joined by a space). */
  value: MappedText;
}

/** Reads a unit file's `Key=Value` entries, keeping positions. */
export function readUnit(source: SourceText): UnitEntry[] {
  const entries: UnitEntry[] = [];
  const text = source.text;
  const starts = source.lineStarts;
  let section = '';
  for (let line = 0; line < starts.length; line++) {
    const start = starts[line] as number;
    const end = line + 1 < starts.length ? (starts[line + 1] as number) - 1 : text.length;
    const content = text.slice(start, end).replace(/\r$/, '');
    const trimmed = content.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(trimmed);
    if (header) {
      section = header[1] as string;
      continue;
    }
    const eq = content.indexOf('=');
    if (eq === -1) continue;
    const key = content.slice(0, eq).trim();
    const builder = new MappedTextBuilder();
    let valueStart = start + eq + 1;
    let current = line;
    for (;;) {
      const lineEnd = current + 1 < starts.length ? (starts[current + 1] as number) - 1 : text.length;
      let piece = text.slice(valueStart, lineEnd).replace(/\r$/, '');
      const continues = /\\$/.test(piece) && current + 1 < starts.length;
      if (continues) piece = piece.slice(0, -1);
      builder.add(piece, valueStart);
      if (!continues) break;
      builder.addStandIn(' ', [valueStart + piece.length, valueStart + piece.length + 1]);
      current++;
      valueStart = starts[current] as number;
      // Comment lines inside a continuation are skipped, as systemd does.
      while (
        /^\s*[#;]/.test(text.slice(valueStart, (starts[current + 1] ?? text.length + 1) - 1)) &&
        current + 1 < starts.length
      ) {
        current++;
        valueStart = starts[current] as number;
      }
    }
    line = current;
    entries.push({ section, key, value: builder.build() });
  }
  return entries;
}

/** `Environment="A=1" B=2` -> assignments with the mapped text of each value. */
function environmentAssignments(value: MappedText): { name: string; value: MappedText }[] {
  const out: { name: string; value: MappedText }[] = [];
  const text = value.text;
  const re = /(?:^|\s)(?:"([A-Za-z_][A-Za-z0-9_]*)=([^"]*)"|'([A-Za-z_][A-Za-z0-9_]*)=([^']*)'|([A-Za-z_][A-Za-z0-9_]*)=(\S*))/g;
  for (let match = re.exec(text); match; match = re.exec(text)) {
    const name = (match[1] ?? match[3] ?? match[5]) as string;
    const raw = (match[2] ?? match[4] ?? match[6]) as string;
    const at = match.index + match[0].indexOf(`${name}=`) + name.length + 1;
    out.push({ name, value: value.slice(at, at + raw.length) });
  }
  return out;
}

function stripExecPrefixes(value: MappedText): MappedText {
  const match = /^\s*[-@:+!]*/.exec(value.text);
  return value.slice(match ? match[0].length : 0);
}

function isDockerUnit(path: string): boolean {
  return /docker/i.test(path.replace(/\\/g, '/').split('/').slice(-2).join('/'));
}

export const systemdHandler: SourceHandler = {
  name: 'systemd-unit',
  claims: (name, path) =>
    /\.(service|socket)$/.test(name) || (/\.conf$/.test(name) && /\.(service|socket)\.d[\\/][^\\/]+$/.test(path)),
  parse(source: SourceText): HandlerResult {
    const entries = readUnit(source);
    const documents: SourceDocument[] = [];
    const env = new Map<string, MappedText>();
    for (const entry of entries.filter((e) => e.key === 'Environment')) {
      for (const assignment of environmentAssignments(entry.value)) env.set(assignment.name, assignment.value);
    }
    // The last ExecStart after the last reset (`ExecStart=` with no value) is the one that runs.
    let exec: MappedText | undefined;
    for (const entry of entries) {
      if (entry.key !== 'ExecStart') continue;
      exec = entry.value.text.trim() === '' ? undefined : entry.value;
    }
    let daemon: DaemonSource | undefined;
    if (exec) {
      const command = stripExecPrefixes(exec);
      const analysis = analyseShell(command.text);
      const first = analysis.commands[0];
      const args = first ? dockerdArgs(first.words) : undefined;
      if (first && args) {
        daemon = new DaemonSource({ kind: 'command line', source, anchor: command.sourceRange([0, command.text.length]) });
        addDockerdFlags(daemon, args, (range) => command.sourceRange(range));
        // $OPTIONS / ${DOCKER_OPTS} from Environment= in the same unit.
        for (const arg of args) {
          const name = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(arg.text)?.[1];
          const value = name === undefined ? undefined : env.get(name);
          if (!value) continue;
          const words = analyseShell(value.text).commands[0]?.words ?? [];
          addDockerdFlags(daemon, words, (range) => value.sourceRange(range));
        }
      }
      documents.push(...dockerRunCommands(source, analysis.commands, (range) => command.sourceRange(range)));
    }
    // docker.socket: TCP listeners are API endpoints of the daemon.
    if (/\.socket$/.test(source.path) || entries.some((e) => e.section === 'Socket')) {
      for (const entry of entries.filter((e) => e.key === 'ListenStream' && e.section === 'Socket')) {
        const address = entry.value.text.trim();
        if (address === '' || address.startsWith('/') || address.startsWith('@') || !isDockerUnit(source.path)) continue;
        const start = entry.value.text.indexOf(address);
        daemon ??= new DaemonSource({
          kind: 'socket unit',
          source,
          anchor: entry.value.sourceRange([start, start + address.length]),
        });
        daemon.add(
          'hosts',
          [`tcp://${/^\d+$/.test(address) ? `0.0.0.0:${address}` : address}`],
          { range: entry.value.sourceRange([start, start + address.length]) },
          `ListenStream=${address}`,
        );
      }
    }
    const trust = env.get('DOCKER_CONTENT_TRUST');
    if (trust && (daemon || isDockerUnit(source.path))) {
      daemon ??= new DaemonSource({ kind: 'command line', source, anchor: trust.sourceRange([0, trust.text.length]) });
      daemon.environment.set('DOCKER_CONTENT_TRUST', {
        value: trust.text,
        at: { range: trust.sourceRange([0, trust.text.length]) },
      });
    }
    if (daemon) documents.unshift(daemon);
    if (documents.length === 0)
      return { documents, errors: [], skipReason: 'a systemd unit that runs neither dockerd nor docker run' };
    return { documents, errors: [] };
  },
};

// ---- /etc/default/docker, /etc/sysconfig/docker ----------------------------------------------------

const OPTION_VARIABLES = new Set([
  'DOCKER_OPTS',
  'DOCKER_OPTIONS',
  'OPTIONS',
  'DOCKER_NETWORK_OPTIONS',
  'DOCKER_STORAGE_OPTIONS',
  'INSECURE_REGISTRY',
  'ADD_REGISTRY',
  'BLOCK_REGISTRY',
]);

export const dockerEnvFileHandler: SourceHandler = {
  name: 'docker-env-file',
  claims: (name, path) => name === 'docker' && /(^|[\\/])(default|sysconfig)[\\/]docker$/.test(path),
  sniffs: (name) => !name.includes('.'),
  sniff: (head) => /^\s*(export\s+)?(DOCKER_OPTS|DOCKER_OPTIONS)=/m.test(head),
  parse(source: SourceText): HandlerResult {
    const analysis = analyseShell(source.text);
    const daemon = new DaemonSource({
      kind: 'command line',
      source,
      anchor: [
        0,
        Math.min(source.text.length, source.text.indexOf('\n') === -1 ? source.text.length : source.text.indexOf('\n')),
      ],
    });
    for (const command of analysis.commands) {
      const assignments =
        command.program === 'export' ? command.args.map(argAssignment).filter((a) => a !== undefined) : command.assignments;
      for (const assignment of assignments) {
        const raw = source.text.slice(assignment.range[0], assignment.range[1]);
        const eq = raw.indexOf('=');
        let start = assignment.range[0] + eq + 1;
        let value = raw.slice(eq + 1);
        if (/^(["']).*\1$/s.test(value)) {
          start++;
          value = value.slice(1, -1);
        }
        const mapped = MappedText.contiguous(value, start);
        if (assignment.name === 'DOCKER_CONTENT_TRUST') {
          daemon.environment.set('DOCKER_CONTENT_TRUST', { value, at: { range: [start, start + value.length] } });
          continue;
        }
        if (!OPTION_VARIABLES.has(assignment.name)) continue;
        const words = analyseShell(value).commands.flatMap((c) => c.words);
        addDockerdFlags(daemon, words, (range) => mapped.sourceRange(range));
      }
    }
    if (daemon.settings.length === 0 && daemon.environment.size === 0) {
      return { documents: [], errors: [], skipReason: 'an environment file without dockerd options' };
    }
    return { documents: [daemon], errors: [] };
  },
};

function argAssignment(arg: ShellArg): { name: string; range: readonly [number, number] } | undefined {
  const name = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(arg.text)?.[1];
  return name === undefined ? undefined : { name, range: arg.range };
}
