import type { AnyRule } from '../types.js';
import metricsBindAddress from './metrics-bind-address.js';

export const kubeProxyRules: readonly AnyRule[] = [metricsBindAddress];
