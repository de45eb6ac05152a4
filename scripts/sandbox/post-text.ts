import http from 'node:http';
import https from 'node:https';

export interface PendingTextPost {
  /** Resolves with the status and the answer's text; rejects on network errors, timeouts and aborts. */
  answer: Promise<{ status: number; body: string }>;
  abort(): void;
}

/** POSTs a body and resolves with the whole answer, which the caller needs to read (a SOAP acknowledgement). */
export function postText(url: string, body: string, headers: Record<string, string>, options: { agent: http.Agent; timeoutMs: number; maxAnswerBytes?: number }): PendingTextPost {
  const target = new URL(url);
  const transport = target.protocol === 'https:' ? https : http;
  const limit = options.maxAnswerBytes ?? 64 * 1024;
  let request: http.ClientRequest | undefined;
  let timer: NodeJS.Timeout | undefined;
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request = transport.request(
      target,
      { method: 'POST', headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) }, agent: options.agent },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= limit) chunks.push(chunk);
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    timer = setTimeout(() => request?.destroy(new Error(`no answer within ${options.timeoutMs} ms`)), options.timeoutMs);
    request.end(body);
  }).finally(() => clearTimeout(timer));
  return { answer, abort: () => request?.destroy(new Error('delivery aborted')) };
}
