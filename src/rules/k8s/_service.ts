/** Service ports and the well-known services behind them, for grading what a Service exposes. */
import { asArray, asObject, asString, type K8sObject } from '../../model/k8s.js';

/** Ports whose service should never face the network edge. */
export const SENSITIVE_PORTS = new Map<number, string>([
  [22, 'SSH'],
  [23, 'Telnet'],
  [1433, 'SQL Server'],
  [1521, 'Oracle'],
  [2375, 'Docker API'],
  [2376, 'Docker API'],
  [2379, 'etcd'],
  [2380, 'etcd peer'],
  [3306, 'MySQL'],
  [3389, 'RDP'],
  [5432, 'PostgreSQL'],
  [5672, 'RabbitMQ'],
  [5900, 'VNC'],
  [5984, 'CouchDB'],
  [6379, 'Redis'],
  [6443, 'Kubernetes API'],
  [8500, 'Consul'],
  [9092, 'Kafka'],
  [9200, 'Elasticsearch'],
  [10250, 'kubelet'],
  [10255, 'kubelet (read-only)'],
  [11211, 'memcached'],
  [27017, 'MongoDB'],
]);

export interface ServicePort {
  port: number | undefined;
  targetPort: number | string | undefined;
  nodePort: number | undefined;
  protocol: string;
}

export function servicePorts(service: K8sObject): ServicePort[] {
  return asArray(asObject(service.value.spec)?.ports).flatMap((raw) => {
    const port = asObject(raw);
    if (!port) return [];
    const target = port.targetPort;
    return [
      {
        port: typeof port.port === 'number' ? port.port : undefined,
        targetPort: typeof target === 'number' || typeof target === 'string' ? target : undefined,
        nodePort: typeof port.nodePort === 'number' ? port.nodePort : undefined,
        protocol: asString(port.protocol) ?? 'TCP',
      },
    ];
  });
}

/** The sensitive services among the ports (by service port or numeric target port). */
export function sensitiveServices(ports: readonly ServicePort[]): string[] {
  const out = new Set<string>();
  for (const p of ports) {
    for (const n of [p.port, typeof p.targetPort === 'number' ? p.targetPort : undefined]) {
      const name = n === undefined ? undefined : SENSITIVE_PORTS.get(n);
      if (name) out.add(`${name} (${n})`);
    }
  }
  return [...out];
}

export function describePorts(ports: readonly ServicePort[], withNodePorts: boolean): string {
  const list = ports
    .filter((p) => p.port !== undefined)
    .map((p) => `${withNodePorts && p.nodePort !== undefined ? `${p.nodePort}->` : ''}${p.port}/${p.protocol}`);
  return list.length > 0 ? list.join(', ') : 'its ports';
}
