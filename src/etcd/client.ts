/**
 * A read-only etcd v3 client over etcd's JSON gRPC gateway (`POST /v3/kv/range`), with TLS client
 * certificates through node:https. Keys and values travel base64-encoded in JSON; 64-bit numbers
 * arrive as strings. Reads are paged by key and pinned to one revision, so memory stays bounded
 * by the page size and the pages form one consistent snapshot.
 */
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

export interface EtcdTls {
  /** CA bundle to verify the server with (PEM). */
  ca?: Buffer | undefined;
  /** Client certificate and key (PEM). */
  cert?: Buffer | undefined;
  key?: Buffer | undefined;
}

export interface EtcdClientOptions {
  endpoints: readonly string[];
  tls?: EtcdTls;
  /** Per-request timeout in milliseconds (default 30 s). */
  timeoutMs?: number;
}

export interface KeyValue {
  key: Buffer;
  value: Buffer;
  modRevision: number;
}

export interface RangeRequest {
  key: Buffer;
  rangeEnd?: Buffer;
  limit?: number;
  keysOnly?: boolean;
  countOnly?: boolean;
  revision?: number;
}

export interface RangeResponse {
  kvs: KeyValue[];
  more: boolean;
  count: number;
  revision: number;
}

/** An error talking to etcd: connection, TLS, HTTP status or a gateway error message. */
export class EtcdError extends Error {}

/** The smallest key greater than every key with this prefix (etcd's `range_end` for a prefix). */
export function prefixEnd(prefix: Buffer): Buffer {
  const end = Buffer.from(prefix);
  for (let i = end.length - 1; i >= 0; i--) {
    if ((end[i] as number) < 0xff) {
      end[i] = (end[i] as number) + 1;
      return end.subarray(0, i + 1);
    }
  }
  return Buffer.from([0]);
}

function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  return 0;
}

export class EtcdClient {
  readonly endpoints: readonly URL[];
  private readonly tls: EtcdTls;
  private readonly timeoutMs: number;
  private readonly httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 4 });
  private readonly httpsAgent: HttpsAgent;
  private current = 0;
  /** `/v3` on etcd 3.4+, `/v3beta` on 3.3. */
  private apiPrefix: string | undefined;

  constructor(options: EtcdClientOptions) {
    if (options.endpoints.length === 0) throw new EtcdError('no etcd endpoint given');
    this.endpoints = options.endpoints.map((e) => {
      try {
        const url = new URL(e);
        if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme');
        return url;
      } catch {
        throw new EtcdError(`"${e}" is not an http:// or https:// URL`);
      }
    });
    this.tls = options.tls ?? {};
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.httpsAgent = new HttpsAgent({
      keepAlive: true,
      maxSockets: 4,
      ...(this.tls.ca ? { ca: this.tls.ca } : {}),
      ...(this.tls.cert ? { cert: this.tls.cert } : {}),
      ...(this.tls.key ? { key: this.tls.key } : {}),
    });
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  /** One POST to the gateway, trying each endpoint in turn on connection failures. */
  async call(method: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
    let lastError: Error | undefined;
    for (let attempt = 0; attempt < this.endpoints.length; attempt++) {
      const endpoint = this.endpoints[this.current] as URL;
      try {
        if (this.apiPrefix === undefined) this.apiPrefix = await this.detectPrefix(endpoint);
        return await this.post(endpoint, `${this.apiPrefix}/${method}`, body);
      } catch (error) {
        lastError = error instanceof Error ? error : new Error(String(error));
        if (error instanceof EtcdError && !(error as EtcdError & { connection?: boolean }).connection) throw error;
        this.current = (this.current + 1) % this.endpoints.length;
      }
    }
    throw new EtcdError(
      `cannot reach etcd (${this.endpoints.map((e) => e.origin).join(', ')}): ${lastError?.message ?? 'unknown error'}`,
    );
  }

  private async detectPrefix(endpoint: URL): Promise<string> {
    try {
      await this.post(endpoint, '/v3/maintenance/status', {});
      return '/v3';
    } catch (error) {
      if (error instanceof EtcdError && /HTTP 404/.test(error.message)) return '/v3beta';
      throw error;
    }
  }

  private post(endpoint: URL, path: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const payload = Buffer.from(JSON.stringify(body));
    const https = endpoint.protocol === 'https:';
    const request = https ? httpsRequest : httpRequest;
    const base = endpoint.pathname.replace(/\/+$/, '');
    return new Promise((resolve, reject) => {
      const req = request(
        {
          protocol: endpoint.protocol,
          hostname: endpoint.hostname,
          port: endpoint.port,
          path: `${base}${path}`,
          method: 'POST',
          agent: https ? this.httpsAgent : this.httpAgent,
          headers: { 'content-type': 'application/json', 'content-length': payload.length },
          timeout: this.timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', (error) => reject(connectionError(error)));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown;
            try {
              parsed = text === '' ? {} : JSON.parse(text);
            } catch {
              reject(new EtcdError(`etcd answered HTTP ${res.statusCode ?? '?'} with a body that is not JSON`));
              return;
            }
            const object = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
            if (res.statusCode !== 200) {
              const message =
                typeof object.message === 'string'
                  ? object.message
                  : typeof object.error === 'string'
                    ? object.error
                    : text.slice(0, 200);
              reject(new EtcdError(`etcd answered HTTP ${res.statusCode ?? '?'}: ${message}`));
              return;
            }
            resolve(object);
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer within ${this.timeoutMs} ms`)));
      req.on('error', (error) => reject(connectionError(error)));
      req.end(payload);
    });
  }

  async range(request: RangeRequest): Promise<RangeResponse> {
    const body: Record<string, unknown> = { key: request.key.toString('base64') };
    if (request.rangeEnd) body.range_end = request.rangeEnd.toString('base64');
    if (request.limit !== undefined) body.limit = String(request.limit);
    if (request.keysOnly) body.keys_only = true;
    if (request.countOnly) body.count_only = true;
    if (request.revision !== undefined && request.revision > 0) body.revision = String(request.revision);
    const response = await this.call('kv/range', body);
    const header = (response.header ?? {}) as Record<string, unknown>;
    const kvs = Array.isArray(response.kvs) ? response.kvs : [];
    return {
      kvs: kvs.map((kv) => {
        const entry = kv as Record<string, unknown>;
        return {
          key: Buffer.from(String(entry.key ?? ''), 'base64'),
          value: Buffer.from(String(entry.value ?? ''), 'base64'),
          modRevision: toNumber(entry.mod_revision),
        };
      }),
      more: response.more === true,
      count: toNumber(response.count),
      revision: toNumber(header.revision),
    };
  }

  /**
   * Every key under a prefix, page by page, at one revision. Each page is handed over and then
   * dropped, so memory is bounded by `pageSize` values.
   */
  async *scan(prefix: Buffer, options: { pageSize?: number; keysOnly?: boolean } = {}): AsyncGenerator<KeyValue[]> {
    const pageSize = options.pageSize ?? 500;
    const end = prefixEnd(prefix);
    let start = prefix;
    let revision = 0;
    for (;;) {
      const page = await this.range({
        key: start,
        rangeEnd: end,
        limit: pageSize,
        ...(options.keysOnly ? { keysOnly: true } : {}),
        ...(revision > 0 ? { revision } : {}),
      });
      if (revision === 0) revision = page.revision;
      if (page.kvs.length > 0) yield page.kvs;
      const last = page.kvs[page.kvs.length - 1];
      if (!page.more || !last) return;
      start = Buffer.concat([last.key, Buffer.from([0])]);
    }
  }
}

function connectionError(error: Error): EtcdError {
  const wrapped = new EtcdError(error.message) as EtcdError & { connection?: boolean };
  wrapped.connection = true;
  return wrapped;
}
