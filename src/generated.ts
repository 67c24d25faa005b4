/**
 * Every generated file of the repository (docs, catalogues, schemas), by path. `npm run gen`
 * writes them; `npm run gen:check` and a test fail when the committed copies are stale.
 */
import { generatedCisCoverage } from './docs/cis-coverage.js';
import { generatedRuleDocs } from './docs/rule-docs.js';
import { scanResultSchema } from './report/schema.js';
import { allRules } from './rules/index.js';

export function generatedFiles(): Map<string, string> {
  return new Map([
    ...generatedRuleDocs(allRules),
    ...generatedCisCoverage(allRules),
    ['docs/schema/scan-result.schema.json', `${JSON.stringify(scanResultSchema, null, 2)}\n`],
  ]);
}
