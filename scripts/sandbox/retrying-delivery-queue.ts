import http from 'node:http';
import https from 'node:https';

/** A group of items sent in one request; every item in it has been tried `attempt` times before. */
export interface DeliveryBatch<Item> {
  items: Item[];
  attempt: number;
}

/** One request on its way: `failure` resolves with null once the receiver accepted the batch, or with why not. */
export interface PendingDelivery {
  failure: Promise<string | null>;
  abort(): void;
}

/** What to try again after a failed request, and after how long; null gives the batch up. */
export interface RetryPlan<Item> {
  items: Item[];
  delayMs: number;
}

export interface RetryingDeliveryQueueOptions<Item> {
  url: string | null;
  /** Items wait this long to be sent together. */
  batchMs: number;
  maxBatch: number;
  /** Send at once when a full batch is queued, instead of waiting out `batchMs`. */
  sendFullBatchesAtOnce: boolean;
  maxConcurrent: number;
  timeoutMs: number;
  send(url: string, batch: DeliveryBatch<Item>, post: { agent: http.Agent; timeoutMs: number }): PendingDelivery;
  /** Each CRM gives up on failed items by its own rule (age, attempt count) and counts them itself. */
  planRetry(batch: DeliveryBatch<Item>, failure: string, url: string): RetryPlan<Item> | null;
}

export interface DeliveryQueueStats {
  sent: number;
  retried: number;
  /** Items produced while no URL was set. */
  discarded: number;
  /** Requests made, successful or not. */
  requests: number;
  /** Items queued, waiting for a retry, or in flight. */
  pending: number;
  inFlight: number;
  lastError: string | null;
  url: string | null;
}

/** Turns a transport error (timeout, reset, abort) into the failure text a `PendingDelivery` resolves with. */
export function describeDeliveryError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The batching, concurrency limit and backoff retries that the simulated CRM push channels
 * (HubSpot webhooks, Salesforce outbound messages) share, so that they only differ in what they send.
 */
export class RetryingDeliveryQueue<Item> {
  private url: string | null;
  private fresh: Item[] = [];
  private readonly due: Array<DeliveryBatch<Item>> = [];
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  private waitingForRetry = 0;
  private readonly inFlight = new Set<PendingDelivery>();
  private inFlightItems = 0;
  private flushTimer: NodeJS.Timeout | undefined;
  private idleWaiters: Array<() => void> = [];
  private closed = false;
  private readonly counts = { sent: 0, retried: 0, discarded: 0, requests: 0 };
  private lastError: string | null = null;
  // Keep-alive agents so that bursts of deliveries reuse sockets, as a real CRM's sender would.
  private readonly httpAgent = new http.Agent({ keepAlive: true });
  private readonly httpsAgent = new https.Agent({ keepAlive: true });

  constructor(private readonly options: RetryingDeliveryQueueOptions<Item>) {
    this.url = options.url;
  }

  setUrl(url: string | null): void {
    this.url = url;
  }

  enqueue(items: readonly Item[]): void {
    if (this.closed || items.length === 0) return;
    if (!this.url) {
      this.counts.discarded += items.length;
      return;
    }
    this.fresh.push(...items);
    if (this.options.sendFullBatchesAtOnce && this.fresh.length >= this.options.maxBatch) this.pump();
    else this.flushTimer ??= setTimeout(() => this.pump(), this.options.batchMs);
  }

  stats(): DeliveryQueueStats {
    return {
      ...this.counts,
      pending: this.fresh.length + this.due.reduce((n, batch) => n + batch.items.length, 0) + this.waitingForRetry + this.inFlightItems,
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
    for (const delivery of this.inFlight) delivery.abort();
    this.inFlight.clear();
    this.inFlightItems = 0;
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
    this.fresh = [];
    this.due.length = 0;
    this.waitingForRetry = 0;
    this.resolveIdleWaiters();
  }

  private pump(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    while (!this.closed && this.inFlight.size < this.options.maxConcurrent) {
      // Retries go first so that a backlog of fresh items cannot starve them.
      const batch = this.due.shift() ?? this.takeFresh();
      if (!batch) break;
      this.send(batch);
    }
    if (this.stats().pending === 0) this.resolveIdleWaiters();
  }

  private takeFresh(): DeliveryBatch<Item> | undefined {
    if (this.fresh.length === 0) return undefined;
    return { items: this.fresh.splice(0, this.options.maxBatch), attempt: 0 };
  }

  private send(batch: DeliveryBatch<Item>): void {
    // The URL may have been cleared while the batch waited; the CRM then has nowhere to send it.
    const url = this.url;
    if (!url) {
      this.counts.discarded += batch.items.length;
      return;
    }
    const delivery = this.options.send(url, batch, { agent: url.startsWith('https:') ? this.httpsAgent : this.httpAgent, timeoutMs: this.options.timeoutMs });
    this.counts.requests += 1;
    this.inFlight.add(delivery);
    this.inFlightItems += batch.items.length;
    void delivery.failure.then((failure) => {
      if (this.closed) return;
      this.inFlight.delete(delivery);
      this.inFlightItems -= batch.items.length;
      if (failure === null) this.counts.sent += batch.items.length;
      else this.retryLater(batch, failure, url);
      this.pump();
    });
  }

  private retryLater(batch: DeliveryBatch<Item>, failure: string, url: string): void {
    this.lastError = failure;
    const plan = this.options.planRetry(batch, failure, url);
    if (!plan) return;
    const { items } = plan;
    this.counts.retried += items.length;
    this.waitingForRetry += items.length;
    const timer = setTimeout(() => {
      this.retryTimers.delete(timer);
      this.waitingForRetry -= items.length;
      this.due.push({ items, attempt: batch.attempt + 1 });
      this.pump();
    }, plan.delayMs);
    this.retryTimers.add(timer);
  }

  private resolveIdleWaiters(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
