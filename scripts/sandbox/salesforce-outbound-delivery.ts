import type http from 'node:http';
import type { Clock } from './clock';
import { postText } from './post-text';
import { describeDeliveryError, RetryingDeliveryQueue, type DeliveryBatch, type PendingDelivery, type RetryPlan } from './retrying-delivery-queue';
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
}

/**
 * Delivers outbound messages as Salesforce does: SOAP batches of ≤ 100 notifications, a delivery only
 * counts when the listener answers `<Ack>true</Ack>`, failures are retried with exponential backoff,
 * and a notification is dropped once it is older than the maximum age — scaled down from 24 h.
 */
export class SalesforceOutboundDelivery {
  private dropped = 0;
  private readonly queue: RetryingDeliveryQueue<Pending>;

  constructor(private readonly options: OutboundDeliveryOptions) {
    this.queue = new RetryingDeliveryQueue<Pending>({
      url: options.url,
      batchMs: options.batchMs,
      maxBatch: options.maxBatch,
      // Salesforce collects notifications for the batch window even when a full batch is ready.
      sendFullBatchesAtOnce: false,
      maxConcurrent: options.maxConcurrent,
      timeoutMs: options.timeoutMs,
      send: (url, batch, post) => this.send(url, batch, post),
      planRetry: (batch, failure, url) => this.planRetry(batch, failure, url),
    });
  }

  setUrl(url: string | null): void {
    this.queue.setUrl(url);
  }

  enqueue(notification: QueuedNotification): void {
    this.queue.enqueue([{ ...notification, queuedAt: this.options.clock() }]);
  }

  stats(): OutboundStats {
    const { sent, retried, discarded, requests, pending, inFlight, lastError, url } = this.queue.stats();
    return { sent, dropped: this.dropped, retried, discarded, requests, pending, inFlight, lastError, url };
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }

  close(): void {
    this.queue.close();
  }

  private send(url: string, batch: DeliveryBatch<Pending>, post: { agent: http.Agent; timeoutMs: number }): PendingDelivery {
    const body = outboundSoapMessage(this.options.envelope(), batch.items);
    const pending = postText(url, body, { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: '""', 'User-Agent': 'Salesforce Outbound Messaging (sandbox)' }, post);
    return {
      failure: pending.answer.then(
        ({ status, body: answer }) => (status >= 200 && status < 300 && isAcknowledged(answer) ? null : `HTTP ${status}${isAcknowledged(answer) ? '' : ', no Ack'}: ${answer.slice(0, 200)}`),
        describeDeliveryError,
      ),
      abort: () => pending.abort(),
    };
  }

  private planRetry(batch: DeliveryBatch<Pending>, failure: string, url: string): RetryPlan<Pending> | null {
    const now = this.options.clock();
    const alive = batch.items.filter((notification) => now - notification.queuedAt < this.options.maxAgeMs);
    this.dropped += batch.items.length - alive.length;
    if (alive.length < batch.items.length) this.options.logger.warn({ url, dropped: batch.items.length - alive.length }, 'outbound notifications dropped after the maximum age');
    if (alive.length === 0) return null;
    const delay = Math.min(this.options.retryBaseMs * 2 ** batch.attempt, this.options.maxRetryDelayMs);
    this.options.logger.debug({ url, failure, delay }, 'outbound message failed; retrying');
    return { items: alive, delayMs: delay };
  }
}
