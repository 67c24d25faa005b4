/**
 * A js-yaml schema with the YAML 1.1 scalar rules that Kubernetes' loader (go-yaml v2, through
 * sigs.k8s.io/yaml) applies: `yes`/`no`/`on`/`off`/`y`/`n` are booleans, `0755` is octal, `<<` merges
 * maps, and timestamps stay strings (the API server receives them as JSON strings).
 */
import jsyaml from 'js-yaml';

const TRUE = /^(?:y|Y|yes|Yes|YES|true|True|TRUE|on|On|ON)$/;
const FALSE = /^(?:n|N|no|No|NO|false|False|FALSE|off|Off|OFF)$/;

const bool11 = new jsyaml.Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data: unknown) => typeof data === 'string' && (TRUE.test(data) || FALSE.test(data)),
  construct: (data: string) => TRUE.test(data),
  predicate: (object: unknown) => typeof object === 'boolean',
});

const INT = /^[-+]?(?:0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|0|[1-9][0-9_]*)$/;
const RADIX_PREFIX = /^[-+]?0[box]/;
const DIGIT = /[0-9]/;

function parseInt11(text: string): number {
  let sign = 1;
  let body = text.replace(/_/g, '');
  if (body.startsWith('-') || body.startsWith('+')) {
    if (body.startsWith('-')) sign = -1;
    body = body.slice(1);
  }
  if (body === '0') return 0;
  if (body.startsWith('0b')) return sign * Number.parseInt(body.slice(2), 2);
  if (body.startsWith('0x')) return sign * Number.parseInt(body.slice(2), 16);
  if (body.startsWith('0o')) return sign * Number.parseInt(body.slice(2), 8);
  if (body.startsWith('0')) return sign * Number.parseInt(body.slice(1), 8);
  return sign * Number.parseInt(body, 10);
}

const int11 = new jsyaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: unknown) => typeof data === 'string' && INT.test(data) && DIGIT.test(data.replace(RADIX_PREFIX, '')),
  construct: (data: string) => parseInt11(data),
  predicate: (object: unknown) => typeof object === 'number' && Number.isInteger(object),
});

// `!!binary` values stay the base64 text they are written as (Kubernetes' binaryData is base64).
const binaryAsText = new jsyaml.Type('tag:yaml.org,2002:binary', {
  kind: 'scalar',
  resolve: (data: unknown) => typeof data === 'string',
  construct: (data: string) => data.replace(/\s+/g, ''),
});

// Regular expressions are module constants: a literal inside a resolver would be a new object
// for every scalar of every document.
const NULL = /^(?:~|null|Null|NULL|)$/;

const null11 = new jsyaml.Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (data: unknown) => data === null || (typeof data === 'string' && NULL.test(data)),
  construct: () => null,
  predicate: (object: unknown) => object === null,
});

const FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?:[eE][-+]?[0-9]+)|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const FLOAT_BODY = /[0-9]|inf|nan/i;

const float11 = new jsyaml.Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (data: unknown) => typeof data === 'string' && FLOAT.test(data) && FLOAT_BODY.test(data),
  construct: (data: string) => {
    const text = data.replace(/_/g, '').toLowerCase();
    if (text.endsWith('.inf')) return text.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    if (text === '.nan') return Number.NaN;
    return Number.parseFloat(text);
  },
  predicate: (object: unknown) => typeof object === 'number' && !Number.isInteger(object),
});

// The merge key `<<`: js-yaml merges maps for keys carrying this tag.
const merge11 = new jsyaml.Type('tag:yaml.org,2002:merge', {
  kind: 'scalar',
  resolve: (data: unknown) => data === '<<' || data === null,
});

export const YAML11_SCHEMA = jsyaml.FAILSAFE_SCHEMA.extend({
  implicit: [null11, bool11, int11, float11, merge11],
  explicit: [binaryAsText],
});
