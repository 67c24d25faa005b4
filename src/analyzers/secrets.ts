/**
 * Recognising credentials: names that say "this holds a secret" and values that look like one
 * (known token formats, private keys, URLs with passwords, long random strings). Used for
 * environment variables, ConfigMaps, Dockerfile ENV/ARG and compose files. Values are never
 * returned or printed: callers get the kind of credential and a redacted description.
 */

export interface SecretMatch {
  /** What it looks like, e.g. "AWS access key id", "private key", "password". */
  kind: string;
  /** How sure: `format` = a known token format; `name` = a credential name with a real-looking value. */
  confidence: 'format' | 'name';
}

interface TokenFormat {
  kind: string;
  pattern: RegExp;
}

// Formats published by the issuers (prefixes and lengths), matched anywhere in the value.
const TOKEN_FORMATS: TokenFormat[] = [
  { kind: 'private key', pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/ },
  { kind: 'AWS access key id', pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/ },
  { kind: 'GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b/ },
  { kind: 'GitLab token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}\b/ },
  { kind: 'Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/ },
  { kind: 'Slack webhook URL', pattern: /https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9/_-]{20,}/ },
  { kind: 'Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { kind: 'Google service account key', pattern: /"type"\s*:\s*"service_account"/ },
  { kind: 'Stripe secret key', pattern: /\b[rs]k_live_[0-9a-zA-Z]{20,}\b/ },
  { kind: 'npm token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/ },
  { kind: 'PyPI token', pattern: /\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}\b/ },
  { kind: 'OpenAI API key', pattern: /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}\b/ },
  { kind: 'Anthropic API key', pattern: /\bsk-ant-(?:api|admin)\d{2}-[A-Za-z0-9_-]{80,}\b/ },
  { kind: 'SendGrid API key', pattern: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b/ },
  { kind: 'Twilio API key', pattern: /\bSK[0-9a-fA-F]{32}\b/ },
  { kind: 'Azure storage account key', pattern: /AccountKey=[A-Za-z0-9+/]{80,}={0,2}/ },
  { kind: 'JSON web token', pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/ },
  { kind: 'Docker registry auth', pattern: /"auths"\s*:\s*\{[^}]*"auth"\s*:\s*"[A-Za-z0-9+/=]{8,}"/ },
];

const URL_WITH_PASSWORD = /\b[a-z][a-z0-9+.-]*:\/\/[^\s:@/]+:([^\s@/]+)@[^\s/]+/i;

/** Words in a name that mean it holds a credential. */
const CREDENTIAL_WORDS =
  /(?:^|[^a-z])(pass(?:word|wd|phrase)?|pwd|secret|token|api[-_]?key|apikey|access[-_]?key|secret[-_]?key|private[-_]?key|priv[-_]?key|client[-_]?secret|credentials?|creds|auth[-_]?token|bearer|session[-_]?key|signing[-_]?key|encryption[-_]?key|master[-_]?key|license[-_]?key|connection[-_]?string|dsn|sas[-_]?token|webhook[-_]?url)(?:$|[^a-z])/i;

/** Names that mention a credential but hold something else: a file path, a reference, a setting. */
const NOT_A_CREDENTIAL =
  /(?:^|[^a-z])(file|path|dir|directory|name|ref|id|url|uri|endpoint|host|port|user(?:name)?|length|len|min|max|ttl|expiry|expires|expiration|lifetime|duration|interval|period|timeout|seconds|limit|enabled|enable|disabled|required|policy|type|mode|hash[-_]?algorithm|algorithm|rotation|header|field|prefix|suffix|format|version|count|size|location|arn|kind|mount|env|var|secret[-_]?name|key[-_]?name|provider|audience|issuer|scope|scopes|store|backend|namespace|selector|label)(?:$|[^a-z])/i;

/** Names written as one word that end in a credential word: PGPASSWORD, dbpassword, APITOKEN. */
const COMPACT_CREDENTIAL = /^[a-z0-9]*(password|passwd|passphrase|secret|token|apikey|accesskey|secretkey|privatekey)$/i;

export function isCredentialName(name: string): boolean {
  const spaced = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2');
  if (!CREDENTIAL_WORDS.test(spaced)) return COMPACT_CREDENTIAL.test(name);
  // `DB_PASSWORD_FILE`, `TOKEN_PATH`, `SECRET_NAME`, `PASSWORD_MIN_LENGTH` point at or describe a secret.
  const last =
    spaced
      .split(/[^A-Za-z0-9]+/)
      .filter((w) => w !== '')
      .pop() ?? '';
  if (NOT_A_CREDENTIAL.test(last) && !CREDENTIAL_WORDS.test(last)) return false;
  return true;
}

/** Values that are obviously not real secrets: empty, templated, placeholders, booleans. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v.length < 4) return true;
  if (/^(true|false|yes|no|on|off|null|none|nil|undefined|enabled|disabled)$/i.test(v)) return true;
  if (/^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$/.test(v) || /^\$\([A-Za-z_][A-Za-z0-9_]*\)$/.test(v)) return true;
  if (/\{\{.*\}\}/.test(v) || /^<[^>]+>$/.test(v) || /^%[A-Za-z_]+%$/.test(v)) return true;
  if (/^[x*#.•_-]+$/i.test(v)) return true;
  if (
    /^(change[-_ ]?me|changeit|replace[-_ ]?me|your[-_ ].*|example|sample|dummy|test|testing|placeholder|secret|password|passwd|redacted|todo|tbd|fixme|n\/a|xxx+|not[-_ ]?set|set[-_ ]?me|override[-_ ]?me|please[-_ ]?change)$/i.test(
      v,
    )
  ) {
    return true;
  }
  if (/^(\/|\.\/|~\/)[^\s]*$/.test(v) && !v.includes('BEGIN')) return true; // a path
  // Instructions to fill in: INSERT_TOKEN_HERE, ENTER_PASSWORD, yourpassword, your_api_key.
  if (/^(insert|enter|put|add|paste|fill)[-_ ]|[-_ ](here|goes[-_ ]here)$/i.test(v)) return true;
  if (/^your[-_ ]?(pass(word|wd)?|secret|token|key|api[-_ ]?key|access[-_ ]?key|credentials?)/i.test(v)) return true;
  // A constant's name rather than a value: GOOGLE_API_KEY_VAL, DB_PASSWORD_VALUE.
  if (/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(v) && CREDENTIAL_WORDS.test(v)) return true;
  return false;
}

/** Shannon entropy in bits per character. */
export function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Whether a value looks like a generated secret (long, mixed, high entropy). */
export function looksRandom(value: string): boolean {
  const v = value.trim();
  if (v.length < 16 || /\s/.test(v)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(v)).length;
  if (classes < 2) return false;
  if (/^[0-9.:-]+$/.test(v)) return false; // versions, addresses, dates
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(v)) return false; // host names
  return entropy(v) >= 3.5;
}

/** A known credential format inside a value (regardless of the name it is stored under). */
export function detectSecretFormat(value: string): string | undefined {
  for (const format of TOKEN_FORMATS) if (format.pattern.test(value)) return format.kind;
  const url = URL_WITH_PASSWORD.exec(value);
  if (url && !isPlaceholder(url[1] ?? '')) return 'URL with an embedded password';
  return undefined;
}

/**
 * Decides whether `name: value` holds a literal credential. A known token format is enough on its
 * own; a credential name needs a value that is not a placeholder.
 */
export function detectSecret(name: string, value: unknown): SecretMatch | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value);
  const format = detectSecretFormat(text);
  if (format) return { kind: format, confidence: 'format' };
  if (!isCredentialName(name) || isPlaceholder(text)) return undefined;
  // The value repeats the name: `password: password`, `API_KEY: api_key`.
  if (text.trim().toLowerCase() === name.trim().toLowerCase()) return undefined;
  return { kind: credentialKind(name), confidence: 'name' };
}

function credentialKind(name: string): string {
  const n = name.toLowerCase();
  if (/pass|pwd/.test(n)) return 'password';
  if (/token|bearer/.test(n)) return 'token';
  if (/private[-_]?key|priv[-_]?key/.test(n)) return 'private key';
  if (/api[-_]?key|apikey/.test(n)) return 'API key';
  if (/access[-_]?key|secret[-_]?key/.test(n)) return 'access key';
  if (/connection|dsn/.test(n)) return 'connection string';
  return 'secret';
}

/** A description of a secret value that reveals nothing of it: `[redacted: 40 characters]`. */
export function redact(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  return `[redacted: ${text.length} character${text.length === 1 ? '' : 's'}]`;
}

/** Key files that must never be baked into images or committed: private keys, cloud credentials. */
export const SENSITIVE_FILE_PATTERNS: { pattern: RegExp; kind: string }[] = [
  { pattern: /(^|\/)id_(rsa|dsa|ecdsa|ed25519)$/, kind: 'SSH private key' },
  { pattern: /\.(pem|key|p12|pfx|jks|keystore|ppk|asc|gpg)$/i, kind: 'key or certificate store' },
  { pattern: /(^|\/)\.env(\.[^/]*)?$/, kind: 'dotenv file' },
  { pattern: /(^|\/)\.aws\/credentials$|(^|\/)\.aws(\/|$)/, kind: 'AWS credentials' },
  { pattern: /(^|\/)\.docker\/config\.json$/, kind: 'Docker registry credentials' },
  { pattern: /(^|\/)\.kube\/config$|(^|\/)kubeconfig$/i, kind: 'kubeconfig' },
  { pattern: /(^|\/)\.npmrc$|(^|\/)\.pypirc$|(^|\/)\.netrc$|(^|\/)\.git-credentials$/, kind: 'package registry credentials' },
  { pattern: /(^|\/)(credentials|service[-_]?account|gcp[-_]?key|key)\.json$/i, kind: 'cloud service account key' },
  { pattern: /(^|\/)\.ssh(\/|$)/, kind: 'SSH directory' },
  { pattern: /(^|\/)\.(vault[-_]?token|htpasswd)$/, kind: 'credential file' },
];

export function sensitiveFileKind(path: string): string | undefined {
  const normalised = path.replace(/\\/g, '/').replace(/\/+$/, '');
  for (const entry of SENSITIVE_FILE_PATTERNS) if (entry.pattern.test(normalised)) return entry.kind;
  return undefined;
}

/** A credential found inside a text that embeds a configuration file (a ConfigMap value, say). */
export interface EmbeddedSecret {
  /** 0-based line of the text. */
  line: number;
  /** The setting's name (`spring.datasource.password`), or '' for a bare token. */
  name: string;
  match: SecretMatch;
  /** The value, for `redact()`; never print it. */
  value: string;
  /** The trimmed text of the line, to find it in the source. */
  lineText: string;
}

const COMMENT_LINE = /^\s*(#|\/\/|;|<!--|\*)/;
const XML_ELEMENT = /<([A-Za-z_][\w.-]*)>([^<]*)<\/\1>/;
const JSON_PAIR = /"([A-Za-z_][\w.-]*)"\s*:\s*("(?:[^"\\]|\\.)*"|[^,}\]\s][^,}\]]*)/g;
const KEY_VALUE = /^\s*(?:export\s+|-\s+)?["']?([A-Za-z_][\w.-]*)["']?\s*(?::|=|\s=\s)\s*(.*)$/;

/**
 * Finds credentials in a configuration file embedded in a value: YAML and JSON (`password: x`,
 * `"token": "x"`), properties and dotenv (`db.password=x`, `export API_KEY=x`), INI and TOML
 * (`admin_password = x`), XML (`<password>x</password>`), and known token formats on any line,
 * including private key blocks.
 */
export function findEmbeddedSecrets(text: string): EmbeddedSecret[] {
  const out: EmbeddedSecret[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, line) => {
    const lineText = raw.trim();
    if (lineText === '') return;
    if (/-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/.test(lineText)) {
      out.push({
        line,
        name: '',
        match: { kind: 'private key', confidence: 'format' },
        value: privateKeyBlock(lines, line),
        lineText,
      });
      return;
    }
    if (COMMENT_LINE.test(raw)) return;
    // JSON: every "key": value pair on the line (minified JSON puts a whole file on one line).
    if (/"[A-Za-z_][\w.-]*"\s*:/.test(lineText)) {
      let any = false;
      for (const m of lineText.matchAll(JSON_PAIR)) {
        const name = m[1] ?? '';
        const value = cleanValue(m[2] ?? '');
        const match = detectSecret(name, value);
        any = true;
        if (match) out.push({ line, name, match, value, lineText });
      }
      if (any) return;
    }
    const pair = XML_ELEMENT.exec(lineText) ?? KEY_VALUE.exec(raw);
    if (pair) {
      const name = pair[1] ?? '';
      const value = cleanValue(pair[2] ?? '');
      const match = detectSecret(name, value);
      if (match) out.push({ line, name, match, value, lineText });
      return;
    }
    const kind = detectSecretFormat(lineText);
    if (kind) out.push({ line, name: '', match: { kind, confidence: 'format' }, value: lineText, lineText });
  });
  return out;
}

/** Strips quotes, a trailing comma or semicolon, and a trailing comment from a written value. */
function cleanValue(raw: string): string {
  let v = raw.trim();
  const quoted = /^(["'])(.*)\1[,;]?$/.exec(v);
  if (quoted) return quoted[2] ?? '';
  v = v
    .replace(/\s+(#|\/\/).*$/, '')
    .replace(/[,;]$/, '')
    .trim();
  return v;
}

function privateKeyBlock(lines: readonly string[], start: number): string {
  const block: string[] = [];
  for (let i = start; i < lines.length; i++) {
    block.push(lines[i] ?? '');
    if (/-----END /.test(lines[i] ?? '')) break;
  }
  return block.join('\n');
}
