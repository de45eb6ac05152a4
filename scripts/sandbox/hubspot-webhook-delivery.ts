import http from 'node:http';
import https from 'node:https';
import { signHubspotV3 } from '../../adapters/hubspot/hubspot-signature-v3';
import type { Clock } from './clock';
import type { HubspotWebhookEvent } from './hubspot-webhook-event';
import { postJson, type PendingPost } from './post-json';
import type { SandboxLogger } from './sandbox-logger';
import type { UnsentWebhookEvent } from './to-hubspot-webhook-events';

export interface WebhookDeliveryOptions {
  clientSecret: string;
  webhookUrl: string | null;
  /** Events wait this long to be batched together. */
  batchMs: number;
  /** HubSpot sends at most 100 events per request. */
  maxBatch: number;
  /** HubSpot's default: 10 requests in flight per account. */
  maxConcurrent: number;
  /** HubSpot counts an answer slower than 5 s as a failure. */
  timeoutMs: number;
  /** First retry after this, doubling each time (HubSpot spreads 10 attempts over 24 h; the sandbox over seconds). */
  retryBaseMs: number;
  maxAttempts: number;
  clock: Clock;
  logger: SandboxLogger;
}

export interface WebhookStats {
  /** Events delivered (answered 2xx). */
  sent: number;
  /** Events dropped after the last attempt failed. */
  failed: number;
  /** Event re-deliveries scheduled after a failed attempt. */
  retried: number;
  /** Events queued, waiting for a retry, or in flight. */
  pending: number;
  /** Events produced while no webhook URL was set (no subscription target: HubSpot sends nothing). */
  discarded: number;
  /** Delivery requests made, successful or not. */
  requests: number;
  inFlight: number;
  lastError: string | null;
  url: string | null;
}

interface Batch {
  events: UnsentWebhookEvent[];
  attemptNumber: number;
}

/**
 * Delivers webhook events the way HubSpot does: JSON arrays of ≤ 100 events, signed with v3,
 * ≤ 10 requests in flight, retried with exponential backoff and a growing attemptNumber.
 */
export class HubspotWebhookDelivery {
  private url: string | null;
  private fresh: UnsentWebhookEvent[] = [];
  private readonly dueRetries: Batch[] = [];
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  private waitingForRetry = 0;
  private readonly inFlight = new Set<PendingPost>();
  private inFlightEvents = 0;
  private flushTimer: NodeJS.Timeout | undefined;
  private idleWaiters: Array<() => void> = [];
  private closed = false;
  private readonly counts = { sent: 0, failed: 0, retried: 0, discarded: 0, requests: 0 };
  private lastError: string | null = null;
  private readonly httpAgent = new http.Agent({ keepAlive: true });
  private readonly httpsAgent = new https.Agent({ keepAlive: true });

  constructor(private readonly options: WebhookDeliveryOptions) {
    this.url = options.webhookUrl;
  }

  setUrl(url: string | null): void {
    this.url = url;
  }

  enqueue(events: readonly UnsentWebhookEvent[]): void {
    if (this.closed || events.length === 0) return;
    if (!this.url) {
      this.counts.discarded += events.length;
      return;
    }
    this.fresh.push(...events);
    if (this.fresh.length >= this.options.maxBatch) this.pump();
    else this.flushTimer ??= setTimeout(() => this.pump(), this.options.batchMs);
  }

  stats(): WebhookStats {
    return {
      ...this.counts,
      pending: this.fresh.length + this.dueRetries.reduce((n, b) => n + b.events.length, 0) + this.waitingForRetry + this.inFlightEvents,
      inFlight: this.inFlight.size,
      lastError: this.lastError,
      url: this.url,
    };
  }

  /** Resolves once nothing is queued, waiting for a retry or in flight. */
  idle(): Promise<void> {
    if (this.stats().pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.flushTimer);
    for (const timer of this.retryTimers) clearTimeout(timer);
    this.retryTimers.clear();
    for (const post of this.inFlight) post.abort();
    this.inFlight.clear();
    this.inFlightEvents = 0;
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
    this.fresh = [];
    this.dueRetries.length = 0;
    this.waitingForRetry = 0;
    this.resolveIdleWaiters();
  }

  private pump(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    while (!this.closed && this.inFlight.size < this.options.maxConcurrent) {
      const batch = this.dueRetries.shift() ?? this.takeFresh();
      if (!batch) break;
      this.send(batch);
    }
    this.notifyIfIdle();
  }

  private takeFresh(): Batch | undefined {
    if (this.fresh.length === 0) return undefined;
    return { events: this.fresh.splice(0, this.options.maxBatch), attemptNumber: 0 };
  }

  private send(batch: Batch): void {
    const url = this.url;
    if (!url) {
      this.counts.discarded += batch.events.length;
      return;
    }
    const delivered: HubspotWebhookEvent[] = batch.events.map((event) => ({ ...event, attemptNumber: batch.attemptNumber }));
    const body = JSON.stringify(delivered);
    const timestamp = String(this.options.clock());
    const post = postJson(
      url,
      body,
      {
        'Content-Type': 'application/json',
        'User-Agent': 'HubSpot Connect 2.0 (http://dev.hubspot.com/) (sandbox)',
        'X-HubSpot-Signature-v3': signHubspotV3(this.options.clientSecret, 'POST', url, body, timestamp),
        'X-HubSpot-Signature-Version': 'v3',
        'X-HubSpot-Request-Timestamp': timestamp,
      },
      { agent: url.startsWith('https:') ? this.httpsAgent : this.httpAgent, timeoutMs: this.options.timeoutMs },
    );
    this.counts.requests += 1;
    this.inFlight.add(post);
    this.inFlightEvents += batch.events.length;
    post.status
      .then(
        (status) => (status >= 200 && status < 300 ? null : `HTTP ${status}`),
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      )
      .then((failure) => {
        if (this.closed) return;
        this.inFlight.delete(post);
        this.inFlightEvents -= batch.events.length;
        if (failure === null) this.counts.sent += batch.events.length;
        else this.scheduleRetry(batch, failure, url);
        this.pump();
      });
  }

  private scheduleRetry(batch: Batch, failure: string, url: string): void {
    this.lastError = failure;
    const nextAttempt = batch.attemptNumber + 1;
    if (nextAttempt >= this.options.maxAttempts) {
      this.counts.failed += batch.events.length;
      this.options.logger.warn({ url, events: batch.events.length, failure }, 'webhook delivery gave up');
      return;
    }
    this.counts.retried += batch.events.length;
    this.waitingForRetry += batch.events.length;
    const delay = this.options.retryBaseMs * 2 ** batch.attemptNumber;
    this.options.logger.debug({ url, failure, nextAttempt, delay }, 'webhook delivery failed; retrying');
    const timer = setTimeout(() => {
      this.retryTimers.delete(timer);
      this.waitingForRetry -= batch.events.length;
      this.dueRetries.push({ events: batch.events, attemptNumber: nextAttempt });
      this.pump();
    }, delay);
    this.retryTimers.add(timer);
  }

  private notifyIfIdle(): void {
    if (this.stats().pending === 0) this.resolveIdleWaiters();
  }

  private resolveIdleWaiters(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
