import http from 'node:http';
import https from 'node:https';
import type { Clock } from './clock';
import { postText, type PendingTextPost } from './post-text';
import { isAcknowledged, outboundSoapMessage, type OutboundEnvelope, type QueuedNotification } from './salesforce-outbound-soap';
import type { SandboxLogger } from './sandbox-logger';

export interface OutboundDeliveryOptions {
  url: string | null;
  envelope: () => OutboundEnvelope;
  /** Notifications wait this long to be sent together. */
  batchMs: number;
  /** Salesforce puts at most 100 notifications in one message. */
  maxBatch: number;
  maxConcurrent: number;
  timeoutMs: number;
  /** First retry after this, doubling each time up to `maxRetryDelayMs` (Salesforce: up to 2 h apart). */
  retryBaseMs: number;
  maxRetryDelayMs: number;
  /** A notification still undelivered this long after it was queued is dropped (Salesforce: 24 h). */
  maxAgeMs: number;
  clock: Clock;
  logger: SandboxLogger;
}

export interface OutboundStats {
  /** Notifications acknowledged. */
  sent: number;
  /** Notifications dropped for good after `maxAgeMs` of failed deliveries. */
  dropped: number;
  /** Notification re-deliveries scheduled after a failed attempt. */
  retried: number;
  /** Queued, waiting for a retry, or in flight. */
  pending: number;
  /** Produced while no endpoint was set (the outbound message action had no URL). */
  discarded: number;
  requests: number;
  inFlight: number;
  lastError: string | null;
  url: string | null;
}

interface Pending extends QueuedNotification {
  queuedAt: number;
  attempt: number;
}

/**
 * Delivers outbound messages as Salesforce does: SOAP batches of ≤ 100 notifications, a delivery only
 * counts when the listener answers `<Ack>true</Ack>`, failures are retried with exponential backoff,
 * and a notification is dropped once it is older than the maximum age — scaled down from 24 h.
 */
export class SalesforceOutboundDelivery {
  private url: string | null;
  private fresh: Pending[] = [];
  private readonly due: Pending[][] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private waiting = 0;
  private readonly inFlight = new Set<PendingTextPost>();
  private inFlightCount = 0;
  private flushTimer: NodeJS.Timeout | undefined;
  private idleWaiters: Array<() => void> = [];
  private closed = false;
  private readonly counts = { sent: 0, dropped: 0, retried: 0, discarded: 0, requests: 0 };
  private lastError: string | null = null;
  private readonly httpAgent = new http.Agent({ keepAlive: true });
  private readonly httpsAgent = new https.Agent({ keepAlive: true });

  constructor(private readonly options: OutboundDeliveryOptions) {
    this.url = options.url;
  }

  setUrl(url: string | null): void {
    this.url = url;
  }

  enqueue(notification: QueuedNotification): void {
    if (this.closed) return;
    if (!this.url) {
      this.counts.discarded += 1;
      return;
    }
    this.fresh.push({ ...notification, queuedAt: this.options.clock(), attempt: 0 });
    this.flushTimer ??= setTimeout(() => this.pump(), this.options.batchMs);
  }

  stats(): OutboundStats {
    return {
      ...this.counts,
      pending: this.fresh.length + this.due.reduce((n, batch) => n + batch.length, 0) + this.waiting + this.inFlightCount,
      inFlight: this.inFlight.size,
      lastError: this.lastError,
      url: this.url,
    };
  }

  idle(): Promise<void> {
    if (this.stats().pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.flushTimer);
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const post of this.inFlight) post.abort();
    this.inFlight.clear();
    this.inFlightCount = 0;
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
    this.fresh = [];
    this.due.length = 0;
    this.waiting = 0;
    this.resolveIdle();
  }

  private pump(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    while (!this.closed && this.inFlight.size < this.options.maxConcurrent) {
      const batch = this.due.shift() ?? (this.fresh.length > 0 ? this.fresh.splice(0, this.options.maxBatch) : undefined);
      if (!batch) break;
      this.send(batch);
    }
    if (this.stats().pending === 0) this.resolveIdle();
  }

  private send(batch: Pending[]): void {
    const url = this.url;
    if (!url) {
      this.counts.discarded += batch.length;
      return;
    }
    const body = outboundSoapMessage(this.options.envelope(), batch);
    const post = postText(
      url,
      body,
      { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: '""', 'User-Agent': 'Salesforce Outbound Messaging (sandbox)' },
      { agent: url.startsWith('https:') ? this.httpsAgent : this.httpAgent, timeoutMs: this.options.timeoutMs },
    );
    this.counts.requests += 1;
    this.inFlight.add(post);
    this.inFlightCount += batch.length;
    post.answer
      .then(
        ({ status, body: answer }) => (status >= 200 && status < 300 && isAcknowledged(answer) ? null : `HTTP ${status}${isAcknowledged(answer) ? '' : ', no Ack'}: ${answer.slice(0, 200)}`),
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      )
      .then((failure) => {
        if (this.closed) return;
        this.inFlight.delete(post);
        this.inFlightCount -= batch.length;
        if (failure === null) this.counts.sent += batch.length;
        else this.retryLater(batch, failure, url);
        this.pump();
      });
  }

  private retryLater(batch: Pending[], failure: string, url: string): void {
    this.lastError = failure;
    const now = this.options.clock();
    const alive = batch.filter((notification) => now - notification.queuedAt < this.options.maxAgeMs);
    this.counts.dropped += batch.length - alive.length;
    if (alive.length < batch.length) this.options.logger.warn({ url, dropped: batch.length - alive.length }, 'outbound notifications dropped after the maximum age');
    if (alive.length === 0) return;
    const attempt = Math.max(...alive.map((n) => n.attempt));
    const delay = Math.min(this.options.retryBaseMs * 2 ** attempt, this.options.maxRetryDelayMs);
    this.counts.retried += alive.length;
    this.waiting += alive.length;
    this.options.logger.debug({ url, failure, delay }, 'outbound message failed; retrying');
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.waiting -= alive.length;
      this.due.push(alive.map((n) => ({ ...n, attempt: n.attempt + 1 })));
      this.pump();
    }, delay);
    this.timers.add(timer);
  }

  private resolveIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
