import type { AnyRule } from '../types.js';
import policyCoverage from './policy-coverage.js';
import secretContents from './secret-contents.js';

export const auditRules: readonly AnyRule[] = [policyCoverage, secretContents];
