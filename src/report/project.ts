/**
 * Where greenbelt lives on the web: SARIF's `informationUri` and every rule's `helpUri` point
 * here. One place, so that a fork changes one line (package.json `homepage` says the same; a
 * test keeps the two in step).
 */
export const PROJECT_URL = 'https://github.com/greenbelt-dev/greenbelt';

/** The branch the documentation links point at. */
export const DOCS_BRANCH = 'main';

/** The URL of a rule's generated documentation page (`docs/rules/<id>.md`). */
export function ruleDocsUrl(ruleId: string): string {
  return `${PROJECT_URL}/blob/${DOCS_BRANCH}/docs/rules/${ruleId.split('/').map(encodeURIComponent).join('/')}.md`;
}
