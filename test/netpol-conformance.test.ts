/**
 * Conformance with np-guard/netpol-analyzer: every golden connectivity list (and diff) of a case
 * that uses only Kubernetes NetworkPolicy and workloads must equal greenbelt's output, compared as
 * upstream compares (line breaks removed). Cases that need AdminNetworkPolicy,
 * BaselineAdminNetworkPolicy, multi-network resources, Ingress or OpenShift Routes are skipped and
 * counted. The fatal-error cases in scope must fail with an error naming the problem.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type DiffFormat, diffConnectivity, formatDiff } from '../src/analyzers/netpol/diff.js';
import { formatConnections, type ListFormat } from '../src/analyzers/netpol/index.js';
import { focusConnections, loadAnalysis, matchesWorkload } from '../src/cli/commands/netpol.js';
import type { Io } from '../src/cli/io.js';

const base = join(import.meta.dirname, '..', '..', 'shared', 'conformance', 'netpol-analyzer');
const present = existsSync(join(base, 'cases.json'));

interface Case {
  kind: string;
  input_dir?: string;
  ref1_dir?: string;
  ref2_dir?: string;
  format: string;
  focus_workloads?: string[];
  focus_workload_peers?: string[];
  focus_direction?: string;
  focus_conn?: string;
  multiple_networks?: boolean;
  expected_output: string;
}

interface FatalCase {
  name: string;
  input_dir: string;
  multiple_networks: boolean;
  error_contains: string;
}

const OUT_OF_SCOPE =
  /AdminNetworkPolicy|Route|UserDefinedNetwork|NetworkAttachmentDefinition|^Ingress$|VirtualMachine|Gateway|HTTPRoute|GRPCRoute|MultiNetworkPolicy/;

function kindsIn(dir: string): Set<string> {
  const kinds = new Set<string>();
  const walk = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ya?ml|json)$/.test(entry.name)) {
        for (const m of readFileSync(full, 'utf8').matchAll(/^\s*"?kind"?\s*:\s*"?(\w+)/gm)) if (m[1]) kinds.add(m[1]);
      }
    }
  };
  walk(dir);
  return kinds;
}

function inScope(dir: string | undefined): boolean {
  if (dir === undefined || !existsSync(join(base, dir))) return false;
  return ![...kindsIn(join(base, dir))].some((k) => OUT_OF_SCOPE.test(k));
}

const io: Io = {
  stdout: { write: () => true },
  stderr: { write: () => true },
  stdin: (async function* () {})(),
  env: {},
  cwd: process.cwd(),
};

const strip = (text: string) => text.replace(/[\r\n]/g, '');

async function analysisOf(dir: string) {
  return loadAnalysis([join(base, dir)], io, []);
}

const cases: Case[] = present ? (JSON.parse(readFileSync(join(base, 'cases.json'), 'utf8')) as Case[]) : [];
const connlist = cases.filter(
  (c) =>
    c.kind === 'connlist' &&
    !c.multiple_networks &&
    !c.focus_conn &&
    (c.focus_workload_peers ?? []).length === 0 &&
    (c.focus_workloads ?? []).length <= 1,
);
const scoped = connlist.filter((c) => inScope(c.input_dir));
const diffs = cases.filter((c) => c.kind === 'diff' && !c.multiple_networks && inScope(c.ref1_dir) && inScope(c.ref2_dir));

describe.skipIf(!present)('netpol-analyzer golden connectivity lists', () => {
  it('counts the cases in scope', () => {
    const all = cases.filter((c) => c.kind === 'connlist');
    const txt = scoped.filter((c) => c.format === 'txt' && (c.focus_workloads ?? []).length === 0);
    console.log(
      `netpol-analyzer connlist: ${scoped.length} in-scope cases of ${all.length} (${txt.length} plain txt); ${all.length - scoped.length} skipped (AdminNetworkPolicy, BaselineAdminNetworkPolicy, multi-network, Ingress/Route, focus-conn/peers)`,
    );
    expect(txt.length).toBeGreaterThanOrEqual(40);
  });

  for (const format of ['txt', 'json', 'csv', 'md', 'dot'] as const) {
    const group = scoped.filter((c) => c.format === format);
    it(`matches every in-scope ${format} golden (${group.length})`, async () => {
      let matched = 0;
      const failed: string[] = [];
      for (const c of group) {
        const { analysis, errors } = await analysisOf(c.input_dir as string);
        expect(errors).toEqual([]);
        const focus = (c.focus_workloads ?? [])[0];
        const direction = c.focus_direction === 'ingress' || c.focus_direction === 'egress' ? c.focus_direction : undefined;
        const connections = focusConnections(analysis.connectivity.connections(), focus, direction);
        const peers = focus === undefined ? analysis.model.peers : analysis.model.peers.filter((p) => matchesWorkload(p, focus));
        const out = formatConnections(format as ListFormat, connections, peers);
        const expected = readFileSync(join(base, c.expected_output), 'utf8');
        if (strip(out) === strip(expected)) matched++;
        else failed.push(c.expected_output);
      }
      console.log(`netpol-analyzer ${format}: ${matched}/${group.length} in-scope goldens match`);
      expect(failed).toEqual([]);
    }, 300_000);
  }
});

describe.skipIf(!present)('netpol-analyzer golden diffs', () => {
  for (const format of ['txt', 'csv', 'md', 'dot'] as const) {
    const group = diffs.filter((c) => c.format === format);
    it(`matches every in-scope ${format} diff golden (${group.length})`, async () => {
      let matched = 0;
      const failed: string[] = [];
      for (const c of group) {
        const before = await analysisOf(c.ref1_dir as string);
        const after = await analysisOf(c.ref2_dir as string);
        const diff = diffConnectivity(
          { connections: before.analysis.connectivity.connections(), peers: before.analysis.model.peers },
          { connections: after.analysis.connectivity.connections(), peers: after.analysis.model.peers },
        );
        const out = formatDiff(format as DiffFormat, diff);
        if (strip(out) === strip(readFileSync(join(base, c.expected_output), 'utf8'))) matched++;
        else failed.push(c.expected_output);
      }
      console.log(`netpol-analyzer diff ${format}: ${matched}/${group.length} in-scope goldens match`);
      expect(failed).toEqual([]);
    }, 300_000);
  }
});

/**
 * Fatal-error cases in scope, with the fragment greenbelt's error carries. Where greenbelt words
 * the error differently from netpol-analyzer, or (named port with an ipBlock) does not treat the
 * input as an error at all, the case says so.
 */
const FATAL: Record<string, { fragment: string | undefined; note?: string }> = {
  'tests/bad_netpols/subdir1': { fragment: 'CIDR error: invalid CIDR address' },
  'tests/bad_netpols/subdir2': { fragment: 'selector error: key: Invalid value' },
  'tests/bad_netpols/subdir7': { fragment: 'selector error' },
  'tests/bad_netpols/subdir3': {
    fragment: 'rule NetworkPolicyPeer error: cannot have both IPBlock and PodSelector/NamespaceSelector set',
  },
  'tests/bad_netpols/subdir4': { fragment: 'rule NetworkPolicyPeer error: cannot have empty rule peer' },
  'tests/bad_netpols/subdir6': {
    fragment: undefined,
    note: 'the API server accepts a named port with ipBlock peers; greenbelt lets it match nothing and netpol/unknown-named-port reports it',
  },
  'tests/bad_yamls/subdir3': { fragment: 'no such file or directory' },
  'tests/semanticDiff-same-topologies-illegal-podlist': {
    fragment:
      'Found Pods of the same owner workload `demo/cog-agents` and with differences in their labels, while a network policy contains selectors impacted by this gap.',
  },
  'tests/example_pods_w_same_owner_and_labels_gap_with_bad_match_expression': {
    fragment:
      'Found Pods of the same owner workload `default/internal-security` and with differences in their labels, while a network policy contains selectors impacted by this gap.',
  },
  'tests/np_bad_path_test_1': {
    fragment: 'NetworkPolicy "default/backend-netpol" is defined more than once',
    note: 'netpol-analyzer: "is already exists"',
  },
  'tests/np_bad_path_test_2': {
    fragment: 'endPort field cannot be defined if the port field is defined as a named (string) port',
  },
  'tests/np_test_with_empty_port_range': {
    fragment: 'port range 10-1 is not legal',
    note: 'netpol-analyzer prints "is legal" for an illegal range',
  },
  'tests/bad_path_namespace_with_same_name': {
    fragment: 'Namespace "blue" is defined more than once',
    note: 'netpol-analyzer: "is already exists"',
  },
};

const fatal: FatalCase[] = present ? (JSON.parse(readFileSync(join(base, 'fatal_error_cases.json'), 'utf8')) as FatalCase[]) : [];
const fatalInScope = fatal.filter(
  (c) => !c.multiple_networks && (c.input_dir === 'tests/bad_yamls/subdir3' || inScope(c.input_dir)),
);

describe.skipIf(!present)('netpol-analyzer fatal-error cases', () => {
  it('knows every fatal-error case in scope', () => {
    console.log(`netpol-analyzer fatal errors: ${fatalInScope.length} in scope of ${fatal.length}`);
    expect(fatalInScope.map((c) => c.input_dir).sort()).toEqual(Object.keys(FATAL).sort());
  });
  for (const c of fatalInScope) {
    const expected = FATAL[c.input_dir];
    if (!expected) continue;
    it(`${c.input_dir}: ${expected.fragment === undefined ? 'not an error' : 'an error'}`, async () => {
      const { errors } = await analysisOf(c.input_dir);
      if (expected.fragment === undefined) {
        expect(errors).toEqual([]);
        return;
      }
      const messages = errors.map((e) => e.message);
      expect(messages.some((m) => m.includes(expected.fragment as string))).toBe(true);
      // Errors are values with a position in the input.
      for (const error of errors) expect(error.file).toContain(c.input_dir.split('/')[1]);
    });
  }
});
