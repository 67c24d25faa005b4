/**
 * Who a request comes from: a user name and groups, as the authenticators and the API server's
 * impersonation filter build them. Service accounts are the user
 * `system:serviceaccount:<ns>:<name>` in the groups `system:serviceaccounts` and
 * `system:serviceaccounts:<ns>`; every authenticated user is in `system:authenticated`; the
 * anonymous user is `system:anonymous` in `system:unauthenticated`.
 */
export const SA_PREFIX = 'system:serviceaccount:';
export const SA_GROUP = 'system:serviceaccounts';
export const AUTHENTICATED = 'system:authenticated';
export const UNAUTHENTICATED = 'system:unauthenticated';
export const ANONYMOUS = 'system:anonymous';
export const MASTERS = 'system:masters';

export interface UserInfo {
  name: string;
  groups: string[];
}

export type SubjectKind = 'User' | 'Group' | 'ServiceAccount';

/** A subject as bindings name it (ServiceAccount with its namespace resolved). */
export interface SubjectRef {
  kind: SubjectKind;
  name: string;
  namespace?: string;
}

export function serviceAccountUsername(namespace: string, name: string): string {
  return `${SA_PREFIX}${namespace}:${name}`;
}

/** `system:serviceaccount:ns:name` -> { namespace, name }, as serviceaccount.SplitUsername does. */
export function splitServiceAccountUsername(username: string): { namespace: string; name: string } | undefined {
  if (!username.startsWith(SA_PREFIX)) return undefined;
  const parts = username.slice(SA_PREFIX.length).split(':');
  if (parts.length !== 2) return undefined;
  const [namespace, name] = parts as [string, string];
  if (namespace === '' || name === '') return undefined;
  return { namespace, name };
}

export function serviceAccountGroups(namespace: string): string[] {
  return [SA_GROUP, `${SA_GROUP}:${namespace}`];
}

/**
 * The user the API server acts as for `Impersonate-User: name` and `Impersonate-Group: g...`
 * (what `kubectl auth can-i --as name --as-group g` asks): a service-account user gets the
 * service-account groups when no group is given, and `system:authenticated` is added for every
 * user but `system:anonymous` (which gets `system:unauthenticated`) unless one of the two is named.
 */
export function impersonatedUser(name: string, groups: readonly string[] = []): UserInfo {
  let out = [...groups];
  const sa = splitServiceAccountUsername(name);
  if (sa && groups.length === 0) out = serviceAccountGroups(sa.namespace);
  if (name !== ANONYMOUS) {
    if (!out.includes(AUTHENTICATED) && !out.includes(UNAUTHENTICATED)) out.push(AUTHENTICATED);
  } else if (!out.includes(UNAUTHENTICATED)) out.push(UNAUTHENTICATED);
  return { name, groups: out };
}

/**
 * What a subject is when it makes a request. A Group stands for "some member of the group" whose
 * user name is unknown (it matches no User subject) and who is authenticated unless the group is
 * `system:unauthenticated`.
 */
export function userOfSubject(subject: SubjectRef): UserInfo {
  switch (subject.kind) {
    case 'ServiceAccount':
      return impersonatedUser(serviceAccountUsername(subject.namespace ?? 'default', subject.name));
    case 'User':
      return impersonatedUser(subject.name);
    case 'Group': {
      const groups = [subject.name];
      if (subject.name !== UNAUTHENTICATED && subject.name !== AUTHENTICATED) groups.push(AUTHENTICATED);
      return { name: '', groups };
    }
  }
}

/**
 * Parses a subject written on the command line: `user:NAME`, `group:NAME`,
 * `serviceaccount:NS/NAME` (also `sa:NS/NAME`, `sa:NS:NAME`), a `system:serviceaccount:NS:NAME`
 * user name, or a bare NAME (a user).
 */
export function parseSubject(text: string): SubjectRef | undefined {
  const value = text.trim();
  if (value === '') return undefined;
  const sa = splitServiceAccountUsername(value);
  if (sa) return { kind: 'ServiceAccount', namespace: sa.namespace, name: sa.name };
  const colon = value.indexOf(':');
  const prefix = colon === -1 ? '' : value.slice(0, colon).toLowerCase();
  const rest = colon === -1 ? value : value.slice(colon + 1);
  switch (prefix) {
    case 'user':
      return rest === '' ? undefined : { kind: 'User', name: rest };
    case 'group':
      return rest === '' ? undefined : { kind: 'Group', name: rest };
    case 'serviceaccount':
    case 'sa': {
      const parts = rest.split(/[/:]/);
      if (parts.length !== 2 || parts[0] === '' || parts[1] === '') return undefined;
      return { kind: 'ServiceAccount', namespace: parts[0] as string, name: parts[1] as string };
    }
    default:
      return { kind: 'User', name: value };
  }
}

export function subjectKey(subject: SubjectRef): string {
  return `${subject.kind}|${subject.namespace ?? ''}|${subject.name}`;
}

export function describeSubject(subject: SubjectRef): string {
  if (subject.kind === 'ServiceAccount') return `ServiceAccount ${subject.namespace ?? ''}/${subject.name}`;
  return `${subject.kind} ${subject.name}`;
}
