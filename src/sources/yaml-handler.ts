/**
 * The YAML/JSON handler: parses every document of `.yaml`, `.yml` and `.json` files and sorts
 * them into Kubernetes objects and the other YAML-shaped inputs that classifiers recognise
 * (compose files, daemon.json, ...).
 */
import type { SourceText } from '../core/source.js';
import { looksLikeK8sObject, objectsOfDocument } from '../model/k8s.js';
import type { HandlerResult, SourceDocument, SourceHandler } from './handler.js';
import { parseYaml, type YamlDocument } from './yaml.js';

/**
 * Recognises a non-Kubernetes YAML/JSON document (a compose file, a daemon.json, ...). Returns the
 * document to check, several documents (the `docker run` commands of a CI file; an empty list for
 * a recognised file that holds nothing to check), or undefined when it is not of this kind.
 */
export type YamlClassifier = (
  document: YamlDocument,
  source: SourceText,
) => SourceDocument | readonly SourceDocument[] | undefined;

export function isYamlName(name: string): boolean {
  return /\.(ya?ml|json)$/i.test(name);
}

export function createYamlHandler(classifiers: readonly YamlClassifier[]): SourceHandler {
  return {
    name: 'yaml',
    claims: (name) => isYamlName(name),
    sniff: (head) => /^\s*(apiVersion|kind|services|version)\s*:/m.test(head) || /^\s*[{[]/.test(head) || /^---/m.test(head),
    parse(source): HandlerResult {
      const parsed = parseYaml(source);
      const documents: SourceDocument[] = [];
      let other = 0;
      for (const document of parsed.documents) {
        if (looksLikeK8sObject(document.value)) {
          documents.push(...objectsOfDocument(document));
          continue;
        }
        let claimed = false;
        for (const classify of classifiers) {
          const result = classify(document, source);
          if (result) {
            if (Array.isArray(result)) documents.push(...(result as readonly SourceDocument[]));
            else documents.push(result as SourceDocument);
            claimed = true;
            break;
          }
        }
        if (!claimed) other++;
      }
      const result: HandlerResult = { documents, errors: parsed.errors };
      if (documents.length === 0 && parsed.errors.length === 0) {
        result.skipReason =
          parsed.documents.length === 0
            ? 'no YAML documents'
            : other === 0
              ? 'a recognised file with nothing to check in it'
              : `${other} YAML document${other === 1 ? '' : 's'} that ${other === 1 ? 'is' : 'are'} not a Kubernetes object or another recognised format`;
      }
      return result;
    },
  };
}
