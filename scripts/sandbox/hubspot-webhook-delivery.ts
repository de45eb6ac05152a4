import type http from 'node:http';
import { signHubspotV3 } from '../../adapters/hubspot/hubspot-signature-v3';
import type { Clock } from './clock';
import type { HubspotWebhookEvent } from './hubspot-webhook-event';
import { postJson } from './post-json';
import { describeDeliveryError, RetryingDeliveryQueue, type DeliveryBatch, type PendingDelivery, type RetryPlan } from './retrying-delivery-queue';
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

/**
 * Delivers webhook events the way HubSpot does: JSON arrays of ≤ 100 events, signed with v3,
 * ≤ 10 requests in flight, retried with exponential backoff and a growing attemptNumber.
 */
export class HubspotWebhookDelivery {
  private failed = 0;
  private readonly queue: RetryingDeliveryQueue<UnsentWebhookEvent>;

  constructor(private readonly options: WebhookDeliveryOptions) {
    this.queue = new RetryingDeliveryQueue<UnsentWebhookEvent>({
      url: options.webhookUrl,
      batchMs: options.batchMs,
      maxBatch: options.maxBatch,
      sendFullBatchesAtOnce: true,
      maxConcurrent: options.maxConcurrent,
      timeoutMs: options.timeoutMs,
      send: (url, batch, post) => this.send(url, batch, post),
      planRetry: (batch, failure, url) => this.planRetry(batch, failure, url),
    });
  }

  setUrl(url: string | null): void {
    this.queue.setUrl(url);
  }

  enqueue(events: readonly UnsentWebhookEvent[]): void {
    this.queue.enqueue(events);
  }

  stats(): WebhookStats {
    const { sent, retried, discarded, requests, pending, inFlight, lastError, url } = this.queue.stats();
    return { sent, failed: this.failed, retried, discarded, requests, pending, inFlight, lastError, url };
  }

  /** Resolves once nothing is queued, waiting for a retry or in flight. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  close(): void {
    this.queue.close();
  }

  private send(url: string, batch: DeliveryBatch<UnsentWebhookEvent>, post: { agent: http.Agent; timeoutMs: number }): PendingDelivery {
    const delivered: HubspotWebhookEvent[] = batch.items.map((event) => ({ ...event, attemptNumber: batch.attempt }));
    const body = JSON.stringify(delivered);
    const timestamp = String(this.options.clock());
    const pending = postJson(
      url,
      body,
      {
        'Content-Type': 'application/json',
        'User-Agent': 'HubSpot Connect 2.0 (http://dev.hubspot.com/) (sandbox)',
        'X-HubSpot-Signature-v3': signHubspotV3(this.options.clientSecret, 'POST', url, body, timestamp),
        'X-HubSpot-Signature-Version': 'v3',
        'X-HubSpot-Request-Timestamp': timestamp,
      },
      post,
    );
    return {
      failure: pending.status.then((status) => (status >= 200 && status < 300 ? null : `HTTP ${status}`), describeDeliveryError),
      abort: () => pending.abort(),
    };
  }

  private planRetry(batch: DeliveryBatch<UnsentWebhookEvent>, failure: string, url: string): RetryPlan<UnsentWebhookEvent> | null {
    const nextAttempt = batch.attempt + 1;
    if (nextAttempt >= this.options.maxAttempts) {
      this.failed += batch.items.length;
      this.options.logger.warn({ url, events: batch.items.length, failure }, 'webhook delivery gave up');
      return null;
    }
    const delay = this.options.retryBaseMs * 2 ** batch.attempt;
    this.options.logger.debug({ url, failure, nextAttempt, delay }, 'webhook delivery failed; retrying');
    return { items: batch.items, delayMs: delay };
  }
}
