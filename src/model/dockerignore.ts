/**
 * `.dockerignore` patterns with Docker's semantics (moby/patternmatcher): one pattern per line,
 * `#` comments, paths cleaned and relative to the context root (a leading `/` is dropped), `*` and
 * `?` within one path segment, `**` across segments, `[...]` classes, `!` re-including, the last
 * matching pattern deciding, and a pattern that matches a directory excluding everything under it.
 */

export interface DockerignorePattern {
  /** The pattern as written (without `!`). */
  text: string;
  exclusion: boolean;
  line: number;
  regex: RegExp;
}

export function parseDockerignore(text: string): DockerignorePattern[] {
  const patterns: DockerignorePattern[] = [];
  text.split(/\r?\n/).forEach((rawLine, index) => {
    let line = rawLine.trim();
    if (line === '' || line.startsWith('#')) return;
    let exclusion = false;
    if (line.startsWith('!')) {
      exclusion = true;
      line = line.slice(1).trim();
    }
    const cleaned = cleanPath(line);
    if (cleaned === '') return;
    patterns.push({ text: cleaned, exclusion, line: index + 1, regex: compile(cleaned) });
  });
  return patterns;
}

/** Go's filepath.Clean for slash paths, with the leading slash dropped as the builder does. */
function cleanPath(path: string): string {
  const parts: string[] = [];
  for (const part of path.replace(/\\(?=[/])/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
      continue;
    }
    parts.push(part);
  }
  return parts.join('/');
}

function compile(pattern: string): RegExp {
  let out = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        if (pattern[i + 1] === '/') {
          i++;
          out += '(?:.*/)?';
        } else out += '.*';
      } else out += '[^/]*';
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close === -1) {
        out += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, close);
      if (body.startsWith('^') || body.startsWith('!')) body = `^${body.slice(1)}`;
      out += `[${body.replace(/\\/g, '\\\\')}]`;
      i = close;
    } else if (c === '\\' && i + 1 < pattern.length) {
      i++;
      out += escapeRegex(pattern[i] as string);
    } else {
      out += escapeRegex(c);
    }
  }
  try {
    return new RegExp(`${out}$`);
  } catch {
    return new RegExp(`^${escapeRegex(pattern)}$`);
  }
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Whether a context-relative path (`a/b/c`, slash-separated) is left out of the build context. */
export function isExcluded(patterns: readonly DockerignorePattern[], path: string): boolean {
  const cleaned = cleanPath(path);
  if (cleaned === '') return false;
  const parents: string[] = [];
  const parts = cleaned.split('/');
  for (let i = 1; i <= parts.length; i++) parents.push(parts.slice(0, i).join('/'));
  let excluded = false;
  for (const pattern of patterns) {
    if (pattern.exclusion === !excluded) {
      // This pattern cannot change the outcome.
      continue;
    }
    if (parents.some((p) => pattern.regex.test(p))) excluded = !pattern.exclusion;
  }
  return excluded;
}
