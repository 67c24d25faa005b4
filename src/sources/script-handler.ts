/**
 * Shell scripts and Makefiles, read for the `docker run` / `docker create` / `podman run`
 * commands in them. Scripts are parsed whole; Makefile recipes are turned back into the shell text
 * make hands to the shell (`@`/`-`/`+` prefixes dropped, `$$` unescaped, `$(VAR)` written as
 * `${VAR}`) with a map to the file, so findings point at the recipe line.
 */
import type { SourceText } from '../core/source.js';
import { dockerRunCommands } from '../model/docker-run.js';
import { analyseShell } from '../model/shell.js';
import type { HandlerResult, SourceDocument, SourceHandler } from './handler.js';
import { type MappedText, MappedTextBuilder } from './mapped-text.js';

const SCRIPT_NAME = /\.(sh|bash|ksh|zsh|bats)$/i;
const MAKEFILE_NAME = /^(GNUmakefile|makefile|Makefile)$|\.(mk|make)$/;
const SHEBANG = /^#!\s*(\S*\/)?(env\s+)?(ba|da|k|z|a|mk)?sh\b/;

function scriptResult(documents: SourceDocument[], errors: HandlerResult['errors'], what: string): HandlerResult {
  if (documents.length === 0 && errors.length === 0)
    return { documents, errors, skipReason: `a ${what} without docker run commands` };
  return { documents, errors };
}

export const shellScriptHandler: SourceHandler = {
  name: 'shell-script',
  claims: (name) => SCRIPT_NAME.test(name),
  sniffs: (name) => !name.includes('.'),
  sniff: (head) => SHEBANG.test(head),
  parse(source: SourceText): HandlerResult {
    // Cheap test first: most scripts run no containers.
    if (!/\b(docker|podman|nerdctl)\b/.test(source.text)) return scriptResult([], [], 'shell script');
    const analysis = analyseShell(source.text);
    const documents = dockerRunCommands(source, analysis.commands, (range) => range);
    return scriptResult(documents, [], 'shell script');
  },
};

/** The recipes of a Makefile as the shell sees them, one mapped text per recipe line. */
export function makefileRecipes(source: SourceText): MappedText[] {
  const text = source.text;
  const recipes: MappedText[] = [];
  const starts = source.lineStarts;
  let inRule = false;
  for (let line = 0; line < starts.length; line++) {
    const start = starts[line] as number;
    const end = line + 1 < starts.length ? (starts[line + 1] as number) - 1 : text.length;
    const content = text.slice(start, end);
    if (!content.startsWith('\t')) {
      if (/^[^\s#=:][^=]*:(?!=)/.test(content)) inRule = true;
      else if (content.trim() !== '' && !content.trimStart().startsWith('#')) inRule = /^\s/.test(content) ? inRule : false;
      continue;
    }
    if (!inRule) continue;
    const builder = new MappedTextBuilder();
    let current = line;
    let offset = start + 1;
    // Recipe prefixes: @ (silent), - (ignore errors), + (always run).
    while (offset < end && /[@+\- ]/.test(text[offset] as string)) offset++;
    for (;;) {
      const lineEnd = current + 1 < starts.length ? (starts[current + 1] as number) - 1 : text.length;
      appendMakeText(builder, text, offset, lineEnd);
      const continues = /\\\r?$/.test(text.slice(offset, lineEnd));
      if (!continues || current + 1 >= starts.length) break;
      current++;
      builder.add('\n', lineEnd);
      offset = starts[current] as number;
      if (text[offset] === '\t') offset++;
    }
    line = current;
    recipes.push(builder.build());
  }
  return recipes;
}

/** Copies recipe text, undoing make's own syntax where it would confuse a shell parser. */
function appendMakeText(builder: MappedTextBuilder, text: string, from: number, to: number): void {
  let run = from;
  for (let i = from; i < to; i++) {
    if (text[i] !== '$') continue;
    const next = text[i + 1];
    if (next === '$') {
      builder.add(text.slice(run, i + 1), run);
      i++;
      run = i + 1;
    } else if (next === '(') {
      const close = text.indexOf(')', i + 2);
      const name = close === -1 ? '' : text.slice(i + 2, close);
      if (/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name) && close < to) {
        builder.add(text.slice(run, i), run);
        builder.addStandIn(`\${${name.replace(/[.-]/g, '_')}}`, [i, close + 1]);
        i = close;
        run = close + 1;
      }
    } else if (next !== undefined && /[@<^+*?%]/.test(next)) {
      // Automatic variables ($@, $<, ...): a placeholder word.
      builder.add(text.slice(run, i), run);
      builder.addStandIn('${MAKE_AUTO}', [i, i + 2]);
      i++;
      run = i + 1;
    }
  }
  builder.add(text.slice(run, to), run);
}

export const makefileHandler: SourceHandler = {
  name: 'makefile',
  claims: (name) => MAKEFILE_NAME.test(name),
  parse(source: SourceText): HandlerResult {
    if (!/\b(docker|podman|nerdctl)\b/.test(source.text)) return scriptResult([], [], 'Makefile');
    const documents: SourceDocument[] = [];
    for (const recipe of makefileRecipes(source)) {
      if (!/\b(docker|podman|nerdctl)\b/.test(recipe.text)) continue;
      const analysis = analyseShell(recipe.text);
      documents.push(...dockerRunCommands(source, analysis.commands, (range) => recipe.sourceRange(range)));
    }
    return scriptResult(documents, [], 'Makefile');
  },
};
