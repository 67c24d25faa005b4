/**
 * `greenbelt netpol`: the NetworkPolicy connectivity map (list), why a connection is allowed or
 * denied (explain), what a change opens or closes (diff), and least-privilege policies from a
 * list of intended flows (suggest).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DIFF_FORMATS, type DiffFormat, diffConnectivity, formatDiff } from '../../analyzers/netpol/diff.js';
import { explainConnection, formatExplanation, resolvePeer } from '../../analyzers/netpol/explain.js';
import {
  buildNetpolAnalysis,
  type Connection,
  ConnSet,
  formatConnections,
  issueToError,
  LIST_FORMATS,
  type ListFormat,
  type NetpolAnalysis,
  parsePortSpec,
  type WorkloadPeer,
} from '../../analyzers/netpol/index.js';
import { parseFlows, suggestPolicies } from '../../analyzers/netpol/suggest.js';
import type { ScanError } from '../../core/finding.js';
import { SourceText } from '../../core/source.js';
import { K8sObject } from '../../model/k8s.js';
import { ObjectSet } from '../../model/object-set.js';
import { resolveConfig } from '../../scan.js';
import { load } from '../../sources/load.js';
import { handlers } from '../../sources/registry.js';
import { oneOf, parse } from '../args.js';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, type Io, UsageError } from '../io.js';
import { emit } from '../output.js';
import type { Command } from '../run.js';

const usage = `Usage: greenbelt netpol <command> [options]

Commands:
  list PATH...                 every allowed connection between workloads and external addresses
  explain SRC DST [PATH...]    why a connection is allowed or denied, naming every policy and rule
  diff OLD_PATH NEW_PATH       connections added, removed and changed between two versions
  suggest PATH... --flows F    least-privilege NetworkPolicies for a list of intended flows

Peers are written namespace/name[Kind] (for example shop/web[Deployment]); external addresses as
a.b.c.d-e.f.g.h[External]. SRC and DST may be namespace/name, a bare name, or an IP address/CIDR.

list options:
  -f, --format FORMAT        ${LIST_FORMATS.join(', ')} (default txt)
      --focus-workload W     only connections of workload W (name, namespace/name or full peer name)
      --focus-direction D    with --focus-workload: ingress (into W) or egress (out of W)
explain options:
      --port PORT/PROTO      answer for one port (8080/TCP, 53/UDP); exit 1 when denied
  -f, --format FORMAT        text or json (default text)
diff options:
  -f, --format FORMAT        ${DIFF_FORMATS.join(', ')} (default txt)
      --fail-on-open         exit 1 when the new version allows a connection the old one did not
suggest options:
      --flows FILE           YAML list of flows: - {from: ns/workload, to: ns/workload, port: 8080/TCP}
common options:
  -o, --output FILE          write to FILE instead of standard output
      --exclude GLOB         skip paths matching a gitignore-style pattern (repeatable)
      --ignore-errors        analyse despite input errors (invalid parts select nothing)

Exit codes: 0 done (list, diff, suggest) or allowed (explain), 1 denied (explain --port) or a
diff that opens connections (with --fail-on-open), 2 usage or input error.`;

interface Loaded {
  analysis: NetpolAnalysis;
  errors: ScanError[];
}

async function loadAnalysis(paths: readonly string[], io: Io, exclude: readonly string[]): Promise<Loaded> {
  const { config, errors: configErrors } = resolveConfig({ paths, cwd: io.cwd, config: false });
  const loaded = await load({
    paths,
    cwd: io.cwd,
    settings: config.settings,
    handlers,
    exclude: [{ base: io.cwd, patterns: exclude }],
    stdin: io.stdin,
  });
  const objects = new ObjectSet(loaded.documents.filter((d): d is K8sObject => d instanceof K8sObject));
  const analysis = buildNetpolAnalysis(objects);
  objects.analysis('netpol', () => analysis);
  const errors = [...configErrors, ...loaded.errors, ...analysis.model.issues.map(issueToError)];
  return { analysis, errors };
}

function reportErrors(io: Io, errors: readonly ScanError[]): void {
  for (const error of errors) {
    const at = error.line !== undefined ? `:${error.line}:${error.column ?? 1}` : '';
    io.stderr.write(`greenbelt: ${error.file}${at}: ${error.message}\n`);
  }
}

/** Writes the output; a file that cannot be written is an input error (exit 2), not a crash. */
function write(io: Io, text: string, output: string | undefined): boolean {
  try {
    emit(io, text === '' || text.endsWith('\n') ? text : `${text}\n`, output);
    return true;
  } catch (error) {
    io.stderr.write(
      `greenbelt netpol: cannot write ${output ?? 'the output'}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return false;
  }
}

/** Whether a peer is the focused workload: `name`, `namespace/name` or `namespace/name[Kind]`. */
export function matchesWorkload(peer: WorkloadPeer, focus: string): boolean {
  return peer.name === focus || `${peer.namespace}/${peer.name}` === focus || peer.id === focus;
}

export function focusConnections(
  connections: readonly Connection[],
  focus: string | undefined,
  direction: 'ingress' | 'egress' | undefined,
): Connection[] {
  if (focus === undefined) return [...connections];
  const is = (c: Connection['src']) => c.type === 'workload' && matchesWorkload(c, focus);
  return connections.filter((c) => {
    if (direction === 'ingress') return is(c.dst);
    if (direction === 'egress') return is(c.src);
    return is(c.src) || is(c.dst);
  });
}

const commonOptions = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  exclude: { type: 'string', multiple: true },
  'ignore-errors': { type: 'boolean' },
} as const;

async function runList(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...commonOptions,
    'focus-workload': { type: 'string' },
    'focus-direction': { type: 'string' },
  });
  const format = oneOf(values.format ?? 'txt', LIST_FORMATS, '--format') as ListFormat;
  const direction = oneOf(values['focus-direction'], ['ingress', 'egress'] as const, '--focus-direction');
  const focus = values['focus-workload'];
  if (direction !== undefined && focus === undefined) throw new UsageError('--focus-direction needs --focus-workload');
  const paths = positionals.length > 0 ? positionals : ['.'];
  const { analysis, errors } = await loadAnalysis(paths, io, values.exclude ?? []);
  const ignoreErrors = values['ignore-errors'] === true;
  reportErrors(io, errors);
  if (errors.length > 0 && !ignoreErrors) return EXIT_ERROR;
  let peers: readonly WorkloadPeer[] = analysis.model.peers;
  if (focus !== undefined) {
    peers = peers.filter((p) => matchesWorkload(p, focus));
    if (peers.length === 0) {
      io.stderr.write(`greenbelt netpol: workload "${focus}" does not exist in the input\n`);
      return EXIT_ERROR;
    }
  }
  const connections = focusConnections(analysis.connectivity.connections(), focus, direction);
  if (!write(io, formatConnections(format, connections, peers), values.output)) return EXIT_ERROR;
  return EXIT_OK;
}

async function runExplain(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { ...commonOptions, port: { type: 'string' } });
  const [srcText, dstText, ...rest] = positionals;
  if (srcText === undefined || dstText === undefined) throw new UsageError('explain needs SRC and DST');
  const format = oneOf(values.format ?? 'text', ['text', 'json'] as const, '--format');
  const port = values.port === undefined ? undefined : parsePortSpec(values.port);
  if (values.port !== undefined && port === undefined) throw new UsageError('--port must look like 8080/TCP, 53/UDP or 8080');
  const { analysis, errors } = await loadAnalysis(rest.length > 0 ? rest : ['.'], io, values.exclude ?? []);
  reportErrors(io, errors);
  if (errors.length > 0 && values['ignore-errors'] !== true) return EXIT_ERROR;
  const src = resolvePeer(analysis.model, srcText);
  const dst = resolvePeer(analysis.model, dstText);
  for (const [text, resolved] of [
    [srcText, src],
    [dstText, dst],
  ] as const) {
    if ('error' in resolved) {
      io.stderr.write(`greenbelt netpol: ${text}: ${resolved.error}\n`);
      return EXIT_ERROR;
    }
  }
  if ('error' in src || 'error' in dst) return EXIT_ERROR;
  const explanation = explainConnection(analysis.connectivity, src.peer, dst.peer);
  const text =
    format === 'json' ? `${JSON.stringify(explanationJson(explanation, port), null, 2)}\n` : formatExplanation(explanation, port);
  if (!write(io, text, values.output)) return EXIT_ERROR;
  if (port !== undefined) {
    const allowed = explanation.conn.covers(ConnSet.of(port.protocol, port.start, port.end));
    return allowed ? EXIT_OK : EXIT_FINDINGS;
  }
  return EXIT_OK;
}

function explanationJson(explanation: ReturnType<typeof explainConnection>, port: ReturnType<typeof parsePortSpec>): unknown {
  const side = (s: typeof explanation.egress) => ({
    direction: s.direction,
    peer: s.subject.id,
    isolated: s.isolated,
    conn: s.conn.toString(),
    policies: s.policies.map((p) => ({
      policy: p.policy.id,
      ...p.location,
      conn: p.conn.toString(),
      rules: p.rules.map((r) => ({
        rule: `${r.rule.direction} rule #${r.rule.index + 1}`,
        ...r.location,
        ...(r.peer ? { peer: r.peer } : {}),
        conn: r.conn.toString(),
      })),
    })),
  });
  return {
    src: explanation.src.id,
    dst: explanation.dst.id,
    allowed: !explanation.conn.isEmpty,
    conn: explanation.conn.toString(),
    ...(port ? { port: `${port.start === port.end ? port.start : `${port.start}-${port.end}`}/${port.protocol}` } : {}),
    egress: side(explanation.egress),
    ingress: side(explanation.ingress),
  };
}

async function runDiff(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { ...commonOptions, 'fail-on-open': { type: 'boolean' } });
  const format = oneOf(values.format ?? 'txt', DIFF_FORMATS, '--format') as DiffFormat;
  if (positionals.length !== 2) throw new UsageError('diff needs OLD_PATH and NEW_PATH');
  const [oldPath, newPath] = positionals as [string, string];
  const before = await loadAnalysis([oldPath], io, values.exclude ?? []);
  const after = await loadAnalysis([newPath], io, values.exclude ?? []);
  const errors = [...before.errors, ...after.errors];
  reportErrors(io, errors);
  if (errors.length > 0 && values['ignore-errors'] !== true) return EXIT_ERROR;
  const diff = diffConnectivity(
    { connections: before.analysis.connectivity.connections(), peers: before.analysis.model.peers },
    { connections: after.analysis.connectivity.connections(), peers: after.analysis.model.peers },
  );
  if (!write(io, formatDiff(format, diff), values.output)) return EXIT_ERROR;
  // A change opens something when the new version allows a connection the old one did not.
  const opens = diff.entries.some(
    (e) => e.type === 'added' || (e.type === 'changed' && e.ref1 !== undefined && e.ref2 !== undefined && !e.ref1.covers(e.ref2)),
  );
  return values['fail-on-open'] === true && opens ? EXIT_FINDINGS : EXIT_OK;
}

async function runSuggest(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { ...commonOptions, flows: { type: 'string' } });
  if (values.flows === undefined) throw new UsageError('suggest needs --flows FILE');
  let flowsText: string;
  try {
    flowsText = readFileSync(resolve(io.cwd, values.flows), 'utf8');
  } catch {
    io.stderr.write(`greenbelt netpol: cannot read ${values.flows}\n`);
    return EXIT_ERROR;
  }
  const { analysis, errors } = await loadAnalysis(positionals.length > 0 ? positionals : ['.'], io, values.exclude ?? []);
  const flows = parseFlows(new SourceText(values.flows, flowsText));
  const allErrors = [...errors, ...flows.errors];
  reportErrors(io, allErrors);
  if (allErrors.length > 0 && values['ignore-errors'] !== true) return EXIT_ERROR;
  const result = suggestPolicies(analysis.model, flows.flows);
  for (const warning of result.warnings) io.stderr.write(`greenbelt netpol: warning: ${warning}\n`);
  if (result.errors.length > 0) {
    for (const error of result.errors) io.stderr.write(`greenbelt netpol: ${error}\n`);
    return EXIT_ERROR;
  }
  if (!write(io, result.yaml, values.output)) return EXIT_ERROR;
  return EXIT_OK;
}

async function run(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'list':
      return runList(rest, io);
    case 'explain':
      return runExplain(rest, io);
    case 'diff':
      return runDiff(rest, io);
    case 'suggest':
      return runSuggest(rest, io);
    case undefined:
      throw new UsageError('missing command: list, explain, diff or suggest');
    default:
      throw new UsageError(`unknown command "${sub}": use list, explain, diff or suggest`);
  }
}

export const command: Command = {
  summary: 'NetworkPolicy connectivity map, explain, diff and least-privilege suggestions',
  usage,
  run,
};

// Exported for the library API and tests.
export { loadAnalysis };
