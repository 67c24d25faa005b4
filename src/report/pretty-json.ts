/**
 * `JSON.stringify(value, null, 2)` in pieces. Objects are opened member by member and long arrays
 * item by item, each item serialised whole (short arrays of objects are opened too), so a report of 100,000 findings is written without its
 * whole text ever being held; the pieces join to exactly the text `JSON.stringify` gives.
 */

/** Arrays up to this length are serialised in one piece (a finding's threats, a rule's tags). */
const SMALL_ARRAY = 16;

function whole(value: unknown, indent: string): string {
  const text = JSON.stringify(value, null, 2) ?? 'null';
  return indent === '' ? text : text.replace(/\n/g, `\n${indent}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function'
  );
}

/** Whether JSON.stringify leaves a member with this value out of an object. */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

export function* prettyJson(value: unknown, indent = ''): Generator<string, void, undefined> {
  const inner = `${indent}  `;
  if (Array.isArray(value) && value.length > 0) {
    // A long array (the findings, SARIF's results) item by item, each item whole; a short one that
    // holds objects (SARIF's runs) is opened further; a short one of scalars is one piece.
    const long = value.length > SMALL_ARRAY;
    if (long || value.some((item) => typeof item === 'object' && item !== null)) {
      yield '[\n';
      const last = value.length - 1;
      for (let i = 0; i <= last; i++) {
        const item: unknown = omitted(value[i]) ? null : value[i];
        if (long) yield `${inner}${whole(item, inner)}`;
        else {
          yield inner;
          yield* prettyJson(item, inner);
        }
        yield i < last ? ',\n' : '\n';
      }
      yield `${indent}]`;
      return;
    }
  }
  if (isPlainObject(value)) {
    const keys = Object.keys(value).filter((key) => !omitted(value[key]));
    if (keys.length === 0) {
      yield '{}';
      return;
    }
    yield '{\n';
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      yield `${inner}${JSON.stringify(key)}: `;
      yield* prettyJson(value[key], inner);
      yield i < keys.length - 1 ? ',\n' : '\n';
    }
    yield `${indent}}`;
    return;
  }
  yield whole(value, indent);
}
