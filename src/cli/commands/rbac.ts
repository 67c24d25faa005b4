import { describeSubject, parseSubject, type SubjectRef } from '../../analyzers/rbac/identity.js';
import { RbacModel } from '../../analyzers/rbac/model.js';
import { ASSUMPTIONS, EscalationGraph, type EscalationPath, GOAL_TEXT, type Step } from '../../analyzers/rbac/paths.js';
import { describeRequest } from '../../analyzers/rbac/policy.js';
import { canI, type PermissionRowJson, permissionsOf, whoCan } from '../../analyzers/rbac/queries.js';
import { BUILTIN_RESOURCES, customResourceTypes, parseTarget } from '../../analyzers/rbac/target.js';
import type { ScanError } from '../../core/finding.js';
import { defaultSettings } from '../../engine/settings.js';
import { K8sObject } from '../../model/k8s.js';
import { ObjectSet } from '../../model/object-set.js';
import { load } from '../../sources/load.js';
import { handlers } from '../../sources/registry.js';
import { oneOf, parse } from '../args.js';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, type Io, UsageError } from '../io.js';
import type { Command } from '../run.js';

const usage = `Usage: greenbelt rbac <query> [options] [PATH...]

Answers RBAC questions offline, from the Roles, ClusterRoles and bindings in the files, with the
Kubernetes RBAC authorizer's semantics. Default PATH is the current directory.

Queries:
  who-can VERB TARGET        every subject allowed, and through which binding and role
  can-i VERB TARGET --as USER [--as-group GROUP]...
                             yes (exit 0) or no (exit 1), as kubectl auth can-i --as would answer
  permissions SUBJECT        the effective rules of a subject, cluster-wide and per namespace
  paths [--from SUBJECT]     shortest privilege-escalation chains to cluster-admin equivalence,
                             reading every secret and root on a node

TARGET is written as for kubectl: RESOURCE, RESOURCE.GROUP, RESOURCE/NAME, RESOURCE.GROUP/NAME, or
a non-resource URL starting with / (e.g. pods, deployments.apps, secrets/db-password, /metrics).
SUBJECT is user:NAME, group:NAME, sa:NAMESPACE/NAME (or serviceaccount:...), a
system:serviceaccount:NAMESPACE:NAME user name, or a bare user NAME.

Options:
  -n, --namespace NS       namespace of the request (default: none, i.e. cluster-wide / all
                           namespaces, which only ClusterRoleBindings grant)
  -A, --all-namespaces     who-can: also count RoleBindings of every namespace
      --subresource SUB    subresource of the request (exec, log, status, token, ...)
      --as USER            can-i: the user to ask for (a service account as system:serviceaccount:NS:NAME)
      --as-group GROUP     can-i: a group of the user (repeatable; replaces the service-account groups)
      --from SUBJECT       paths: only the chains that start from SUBJECT
      --with-defaults      include the default bindings every cluster has (cluster-admin for
                           system:masters, the controllers' service accounts, ...)
  -f, --format FORMAT      text or json (default text)
      --exclude GLOB       skip paths matching a gitignore-style pattern (repeatable)
      --ignore-errors      do not exit 2 because some input could not be read or parsed

Exit codes: 0 answered (can-i: yes), 1 can-i: no, 2 usage error or unreadable input.`;

interface Loaded {
  set: ObjectSet;
  errors: ScanError[];
}

async function loadObjects(paths: readonly string[], io: Io, exclude: readonly string[]): Promise<Loaded> {
  const loaded = await load({
    paths,
    cwd: io.cwd,
    settings: defaultSettings(),
    handlers,
    exclude: [{ base: io.cwd, patterns: exclude }],
    stdin: io.stdin,
  });
  const objects = loaded.documents.filter((d): d is K8sObject => d instanceof K8sObject);
  return { set: new ObjectSet(objects), errors: loaded.errors };
}

function table(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd((widths[i] ?? 0) + 2)))
        .join('')
        .trimEnd(),
    )
    .join('\n');
}

function reportErrors(io: Io, errors: readonly ScanError[]): void {
  for (const error of errors) {
    io.stderr.write(
      `greenbelt: ${error.file}${error.line !== undefined ? `:${error.line}:${error.column ?? 1}` : ''}: ${error.message}\n`,
    );
  }
}

function subjectArg(text: string | undefined, what: string): SubjectRef {
  if (text === undefined) throw new UsageError(`${what} is required`);
  const subject = parseSubject(text);
  if (!subject) throw new UsageError(`cannot read ${what} "${text}" (user:NAME, group:NAME, sa:NS/NAME)`);
  return subject;
}

function formatStep(step: Step, index: number): string {
  const source = step.source ? ` [${step.source.binding} → ${step.source.role}]` : '';
  return `${index + 1}. ${step.from} → ${step.to}: ${step.action}${source}`;
}

function pathJson(path: EscalationPath) {
  return {
    subject: {
      kind: path.subject.kind,
      name: path.subject.name,
      ...(path.subject.namespace !== undefined ? { namespace: path.subject.namespace } : {}),
    },
    goal: path.goal,
    steps: path.steps.map((s) => ({
      from: s.from,
      to: s.to,
      action: s.action,
      ...(s.source ? { binding: s.source.binding, role: s.source.role } : {}),
    })),
  };
}

function permissionRows(rows: readonly PermissionRowJson[]): string[][] {
  return rows.map((r) => [
    r.nonResourceURLs.length > 0
      ? ''
      : r.resources.map((res) => `${res}${r.apiGroups.some((g) => g !== '') ? `.${r.apiGroups.join('|')}` : ''}`).join(', '),
    r.nonResourceURLs.join(', '),
    r.resourceNames.join(', '),
    r.verbs.join(', '),
    `${r.via.binding} (${r.via.role})`,
  ]);
}

async function run(argv: string[], io: Io): Promise<number> {
  const [query, ...rest] = argv;
  if (query === undefined) throw new UsageError('a query is required: who-can, can-i, permissions or paths');
  if (!['who-can', 'can-i', 'permissions', 'paths'].includes(query)) throw new UsageError(`unknown query "${query}"`);
  const { values, positionals } = parse(rest, {
    namespace: { type: 'string', short: 'n' },
    'all-namespaces': { type: 'boolean', short: 'A' },
    subresource: { type: 'string' },
    as: { type: 'string' },
    'as-group': { type: 'string', multiple: true },
    from: { type: 'string' },
    'with-defaults': { type: 'boolean' },
    format: { type: 'string', short: 'f' },
    exclude: { type: 'string', multiple: true },
    'ignore-errors': { type: 'boolean' },
  });
  const formatName = oneOf(values.format, ['text', 'json'] as const, '--format') ?? 'text';
  const withDefaults = values['with-defaults'] === true;
  const json = (value: unknown) => io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

  const argCount = query === 'who-can' || query === 'can-i' ? 2 : query === 'permissions' ? 1 : 0;
  if (positionals.length < argCount) {
    throw new UsageError(query === 'permissions' ? 'SUBJECT is required' : 'VERB and TARGET are required');
  }
  const args = positionals.slice(0, argCount);
  const paths = positionals.length > argCount ? positionals.slice(argCount) : ['.'];
  if (query === 'can-i' && values.as === undefined) throw new UsageError('can-i needs --as USER');
  const fromSubject = values.from !== undefined ? subjectArg(values.from, '--from') : undefined;
  const subject = query === 'permissions' ? subjectArg(args[0], 'SUBJECT') : undefined;

  const { set, errors } = await loadObjects(paths, io, values.exclude ?? []);
  reportErrors(io, errors);
  const failed = errors.length > 0 && values['ignore-errors'] !== true;
  const model = new RbacModel(set, { withDefaults });

  if (query === 'who-can' || query === 'can-i') {
    const parsed = parseTarget(args[0] ?? '', args[1] ?? '', {
      ...(values.subresource !== undefined ? { subresource: values.subresource } : {}),
      ...(values.namespace !== undefined ? { namespace: values.namespace } : {}),
      types: [...BUILTIN_RESOURCES, ...customResourceTypes(set.objects)],
    });
    if ('error' in parsed) throw new UsageError(parsed.error);
    if (parsed.warning) io.stderr.write(`greenbelt: warning: ${parsed.warning}\n`);
    if (parsed.namespaced === false && values.namespace !== undefined) {
      io.stderr.write(
        `greenbelt: warning: ${parsed.request.kind === 'resource' ? parsed.request.resource : ''} is cluster-scoped; -n is ignored\n`,
      );
    }
    const request = parsed.request;
    if (query === 'who-can') {
      const entries = whoCan(model, request, { allNamespaces: values['all-namespaces'] === true });
      if (formatName === 'json') json(entries);
      else if (entries.length === 0) io.stdout.write(`No subject can ${describeRequest(request)}.\n`);
      else {
        const rows = [['KIND', 'NAME', 'NAMESPACE', 'VIA']];
        for (const e of entries)
          rows.push([e.kind, e.name, e.namespace ?? '', e.via.map((v) => `${v.binding} (${v.role})`).join(', ')]);
        io.stdout.write(`Subjects that can ${describeRequest(request)}:\n${table(rows)}\n`);
      }
      return failed ? EXIT_ERROR : EXIT_OK;
    }
    const answer = canI(model, values.as ?? '', values['as-group'] ?? [], request);
    if (formatName === 'json') json(answer);
    else io.stdout.write(`${answer.allowed ? 'yes' : 'no'}\n  ${answer.reason}\n`);
    if (failed) return EXIT_ERROR;
    return answer.allowed ? EXIT_OK : EXIT_FINDINGS;
  }

  if (query === 'permissions' && subject) {
    const result = permissionsOf(model, subject);
    if (formatName === 'json') json(result);
    else {
      const header = ['RESOURCES', 'NON-RESOURCE URLS', 'RESOURCE NAMES', 'VERBS', 'VIA'];
      const out = [`${describeSubject(subject)} (user "${result.user}", groups ${result.groups.join(', ')})`, ''];
      out.push('Cluster-wide and in every namespace:');
      out.push(result.cluster.length === 0 ? '  (nothing)' : table([header, ...permissionRows(result.cluster)]));
      for (const [namespace, rows] of Object.entries(result.namespaces)) {
        out.push('', `In namespace ${namespace} only:`, table([header, ...permissionRows(rows)]));
      }
      io.stdout.write(`${out.join('\n')}\n`);
    }
    return failed ? EXIT_ERROR : EXIT_OK;
  }

  // paths
  const graph = new EscalationGraph(set, model, fromSubject ? [fromSubject] : []);
  const starts = fromSubject ? [fromSubject] : graph.starts;
  const found = starts.flatMap((s) => graph.pathsFrom(s));
  const workloads = graph.tokenWorkloads
    .map((t) => ({
      workload: t.workload.object.id,
      serviceAccount: `${t.namespace}/${t.serviceAccount}`,
      goals: graph.pathsFrom({ kind: 'ServiceAccount', namespace: t.namespace, name: t.serviceAccount }).map((p) => p.goal),
    }))
    .filter((w) => w.goals.length > 0 && !fromSubject);
  const readers = graph.secretReaders();
  if (formatName === 'json') {
    json({ paths: found.map(pathJson), workloads, secretReaders: readers, assumptions: ASSUMPTIONS });
    return failed ? EXIT_ERROR : EXIT_OK;
  }
  const out: string[] = [];
  if (found.length === 0)
    out.push(fromSubject ? `${describeSubject(fromSubject)} reaches none of the goals.` : 'No subject reaches any of the goals.');
  let last = '';
  for (const path of found) {
    const who = describeSubject(path.subject);
    if (who !== last) {
      out.push('', who);
      last = who;
    }
    out.push(`  → ${GOAL_TEXT[path.goal]} (${path.steps.length} step${path.steps.length === 1 ? '' : 's'})`);
    path.steps.forEach((step, i) => {
      out.push(`      ${formatStep(step, i)}`);
    });
  }
  if (workloads.length > 0) {
    out.push('', 'Workloads whose mounted token reaches a goal:');
    for (const w of workloads)
      out.push(`  ${w.workload} (ServiceAccount ${w.serviceAccount}): ${w.goals.map((g) => GOAL_TEXT[g]).join(', ')}`);
  }
  if (readers.length > 0) {
    out.push('', 'Secret theft: namespaces whose service accounts can read secrets:');
    const byNamespace = new Map<string, string[]>();
    for (const r of readers) {
      const list = byNamespace.get(r.namespace) ?? [];
      list.push(`${r.serviceAccount} (reads ${r.reads.includes('*') ? 'every namespace' : r.reads.join(', ')})`);
      byNamespace.set(r.namespace, list);
    }
    for (const [namespace, list] of byNamespace) out.push(`  ${namespace}: ${list.join('; ')}`);
  }
  out.push('', 'Assumptions:', ...ASSUMPTIONS.map((a) => `  - ${a}`));
  io.stdout.write(`${out.join('\n').replace(/^\n/, '')}\n`);
  return failed ? EXIT_ERROR : EXIT_OK;
}

export const command: Command = {
  summary: 'who-can, can-i, permissions and escalation paths from RBAC manifests',
  usage,
  run,
};
