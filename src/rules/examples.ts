import type { AnyRule } from './types.js';

/** The file name a rule's examples are scanned as when the example names none. */
export function defaultExampleFilename(rule: AnyRule): string {
  switch (rule.target as string) {
    case 'dockerfile':
      return 'Dockerfile';
    case 'compose':
      return 'compose.yaml';
    case 'daemon':
      return 'daemon.json';
    case 'docker-run':
      return 'run.sh';
    default:
      return 'example.yaml';
  }
}
