import http from 'node:http';
import https from 'node:https';

export interface PendingPost {
  /** Resolves with the HTTP status; rejects on network errors, timeouts and aborts. */
  status: Promise<number>;
  abort(): void;
}

/** POSTs a body and resolves with the status once the answer is fully read (so the socket can be reused). */
export function postJson(url: string, body: string, headers: Record<string, string>, options: { agent: http.Agent; timeoutMs: number }): PendingPost {
  const target = new URL(url);
  const transport = target.protocol === 'https:' ? https : http;
  let request: http.ClientRequest | undefined;
  let timer: NodeJS.Timeout | undefined;
  const status = new Promise<number>((resolve, reject) => {
    request = transport.request(
      target,
      { method: 'POST', headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) }, agent: options.agent },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    timer = setTimeout(() => request?.destroy(new Error(`no answer within ${options.timeoutMs} ms`)), options.timeoutMs);
    request.end(body);
  }).finally(() => clearTimeout(timer));
  return {
    status,
    abort: () => request?.destroy(new Error('delivery aborted')),
  };
}
