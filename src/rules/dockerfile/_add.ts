/** The sources of ADD and COPY instructions, sorted into local paths, URLs and git repositories. */
import type { Instruction, Word } from '../../model/dockerfile.js';

export type SourceKind = 'local' | 'url' | 'git' | 'heredoc';

export interface CopySource {
  word: Word;
  /** The source after variable expansion when known, else as written. */
  text: string;
  kind: SourceKind;
}

const URL = /^(https?|ftp):\/\//i;
const GIT = /^(git@[^:]+:|git:\/\/|ssh:\/\/git@|https?:\/\/[^\s]+\.git(#|$|\/))/i;
export const TAR_ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst|tzst|tar\.lz|tar\.lzma)$/i;

/** The sources (every word but the destination) of an ADD or COPY. */
export function copySources(instruction: Instruction): CopySource[] {
  const words = instruction.json ?? instruction.words;
  return words.slice(0, -1).map((word) => {
    const text = word.expanded ?? word.value;
    let kind: SourceKind = 'local';
    if (/^\d*<<-?/.test(word.raw)) kind = 'heredoc';
    else if (GIT.test(text)) kind = 'git';
    else if (URL.test(text)) kind = 'url';
    return { word, text, kind };
  });
}

/** The destination word of an ADD or COPY. */
export function copyDestination(instruction: Instruction): Word | undefined {
  const words = instruction.json ?? instruction.words;
  return words.length >= 2 ? words[words.length - 1] : undefined;
}
