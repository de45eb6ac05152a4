import type { HttpRequest, HttpRequestOptions } from 'jsforce';
import { Transport } from 'jsforce/lib/transport';

/**
 * jsforce's HTTP transport without its own retries (it retries GETs on 429/5xx five times over 15 s)
 * and with Accord's timeout: retries and waiting belong to Accord's per-tenant limiter and worker,
 * which know about other tenants and other work.
 */
export class AccordTransport extends Transport {
  constructor(private readonly timeoutMs: number) {
    super();
  }

  override httpRequest(request: HttpRequest, options: HttpRequestOptions = {}) {
    return super.httpRequest(request, { ...options, timeout: this.timeoutMs, retry: { maxRetries: 0, methods: [] } });
  }
}
