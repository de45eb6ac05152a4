import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { SlaTier } from '../core/decision';
import type { CrmKind } from '../core/lead';
import type { Stage } from '../core/stage';
import type { Store } from '../store/store';

/** What became of one event a CRM delivered. */
export type EventOutcome = 'accepted' | 'duplicate' | 'own_write' | 'bad_signature' | 'bad_request' | 'unknown_tenant';
export type JobOutcome = 'ok' | 'failed' | 'skipped';

/** A counter whose label names and values the type checker knows, so a typo is a compile error. */
export interface TypedCounter<Labels extends Record<string, string>> {
  inc(labels: Labels, value?: number): void;
}

export interface TypedHistogram<Labels extends Record<string, string>> {
  observe(labels: Labels, value: number): void;
}

/** Where the scrape-time gauges read the queue from. */
export interface InboxSource {
  store: Pick<Store, 'inboxStats'>;
  now(): number;
}

export interface AccordMetrics {
  /** Accord's own registry (never prom-client's global one), so tests and several apps in one process stay apart. */
  readonly registry: Registry;
  readonly eventsReceived: TypedCounter<{ crm: CrmKind; outcome: EventOutcome }>;
  readonly decisions: TypedCounter<{ crm: CrmKind; stage: Stage }>;
  /** `endpoint` is a route template ("POST /crm/v3/objects/contacts/batch/read"), never a URL with ids in it. */
  readonly crmApiCalls: TypedCounter<{ crm: CrmKind; endpoint: string; status: string }>;
  readonly crmRateLimited: TypedCounter<{ crm: CrmKind; endpoint: string }>;
  readonly crmApiSeconds: TypedHistogram<{ crm: CrmKind; endpoint: string }>;
  /** From an event's arrival in the inbox to its decision being committed. */
  readonly workerLagSeconds: TypedHistogram<{ crm: CrmKind }>;
  readonly deadLettered: TypedCounter<{ crm: CrmKind }>;
  readonly slaBreaches: TypedCounter<{ crm: CrmKind; tier: SlaTier }>;
  readonly jobRuns: TypedCounter<{ job: string; outcome: JobOutcome }>;
  readonly jobSeconds: TypedHistogram<{ job: string }>;
  /** One CRM call: counted by status, a 429 also as rate limited, and timed. */
  recordCrmCall(call: { crm: CrmKind; endpoint: string; status: number | 'network_error'; seconds: number }): void;
  /** Makes the queue gauges read `source` on every scrape (the last source given wins). */
  watchInbox(source: InboxSource): void;
}

export interface AccordMetricsOptions {
  /** Node process metrics (CPU, memory, event loop lag, GC) in the same registry; on by default. */
  processMetrics?: boolean;
}

/** Every operational metric Accord exposes at GET /metrics. */
export function createAccordMetrics(options: AccordMetricsOptions = {}): AccordMetrics {
  const registry = new Registry();
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const counter = <L extends Record<string, string>>(name: string, help: string, labelNames: Array<keyof L & string>): TypedCounter<L> => {
    const metric = new Counter({ name, help, labelNames, registers });
    return { inc: (labels, value = 1) => metric.inc(labels, value) };
  };
  const histogram = <L extends Record<string, string>>(
    name: string,
    help: string,
    labelNames: Array<keyof L & string>,
    buckets: number[],
  ): TypedHistogram<L> => {
    const metric = new Histogram({ name, help, labelNames, buckets, registers });
    return { observe: (labels, value) => metric.observe(labels, value) };
  };

  const crmApiCalls = counter<{ crm: CrmKind; endpoint: string; status: string }>(
    'accord_crm_api_calls_total',
    'CRM API calls Accord made, by endpoint and HTTP status',
    ['crm', 'endpoint', 'status'],
  );
  const crmRateLimited = counter<{ crm: CrmKind; endpoint: string }>(
    'accord_crm_rate_limited_total',
    'CRM API calls answered 429 (rate limited)',
    ['crm', 'endpoint'],
  );
  const crmApiSeconds = histogram<{ crm: CrmKind; endpoint: string }>(
    'accord_crm_api_call_seconds',
    'CRM API call duration',
    ['crm', 'endpoint'],
    [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  );

  const inbox = inboxGauges(registry);
  return {
    registry,
    eventsReceived: counter('accord_events_received_total', 'Webhook events received, by CRM and what became of them', ['crm', 'outcome']),
    decisions: counter('accord_decisions_total', 'Decisions recorded, by the stage decided', ['crm', 'stage']),
    crmApiCalls,
    crmRateLimited,
    crmApiSeconds,
    workerLagSeconds: histogram(
      'accord_worker_lag_seconds',
      'Time from an event entering the inbox to its decision being committed',
      ['crm'],
      [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 1800],
    ),
    deadLettered: counter('accord_dead_lettered_events_total', 'Events moved to the dead letters after their last attempt', ['crm']),
    slaBreaches: counter('accord_sla_breaches_total', 'Leads whose response SLA passed without a response from sales', ['crm', 'tier']),
    jobRuns: counter('accord_job_runs_total', 'Scheduled job runs, by job and outcome', ['job', 'outcome']),
    jobSeconds: histogram('accord_job_seconds', 'Scheduled job run duration', ['job'], [0.1, 0.5, 1, 5, 15, 60, 300]),
    recordCrmCall({ crm, endpoint, status, seconds }) {
      crmApiCalls.inc({ crm, endpoint, status: String(status) });
      if (status === 429) crmRateLimited.inc({ crm, endpoint });
      crmApiSeconds.observe({ crm, endpoint }, seconds);
    },
    watchInbox: inbox.watch,
  };
}

/**
 * Queue depth, age of the oldest event, dead letters and whether the store answered, read from the
 * store when Prometheus scrapes rather than kept up to date by every writer: several instances share
 * one Postgres inbox, and only the store knows its depth. The gauges' collects run concurrently on a
 * scrape; they share one in-flight read, so a scrape is one inboxStats call. A failed read reports the
 * store down and the queue gauges as NaN rather than repeat stale numbers.
 */
function inboxGauges(registry: Registry): { watch(source: InboxSource): void } {
  let source: InboxSource | null = null;
  let inflight: Promise<{ pending: number; oldestAgeSeconds: number; deadLetters: number } | null> | null = null;
  const read = () => {
    inflight ??= (async () => {
      if (source === null) return null;
      const now = source.now();
      try {
        const stats = await source.store.inboxStats(new Date(now).toISOString());
        const oldest = stats.oldestReceivedAt === null ? null : Date.parse(stats.oldestReceivedAt);
        return { pending: stats.pending, oldestAgeSeconds: oldest === null ? 0 : Math.max(0, (now - oldest) / 1000), deadLetters: stats.deadLetters };
      } catch {
        return null;
      }
    })().finally(() => {
      inflight = null;
    });
    return inflight;
  };
  const gauge = (name: string, help: string, pick: (stats: NonNullable<Awaited<ReturnType<typeof read>>>) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        const stats = await read();
        // A label-less gauge cannot be left out of the exposition; NaN says "unknown", where 0 would lie.
        this.set(stats === null ? Number.NaN : pick(stats));
      },
    });
  gauge('accord_queue_depth', 'Events in the inbox: waiting, waiting for a retry, or being processed', (s) => s.pending);
  gauge('accord_queue_oldest_event_age_seconds', 'Age of the oldest event in the inbox (0 when empty)', (s) => s.oldestAgeSeconds);
  gauge('accord_dead_letters', 'Events in the dead letters, waiting for a replay', (s) => s.deadLetters);
  new Gauge({
    name: 'accord_store_up',
    help: 'Whether the store answered the last scrape (1) or not (0)',
    registers: [registry],
    async collect() {
      this.set(source === null || (await read()) === null ? 0 : 1);
    },
  });
  return {
    watch(next) {
      source = next;
    },
  };
}
