import type { AnyRule } from '../types.js';
import suppressionWithoutReason from './suppression-without-reason.js';
import unusedSuppression from './unused-suppression.js';

export const metaRules: readonly AnyRule[] = [unusedSuppression, suppressionWithoutReason];
