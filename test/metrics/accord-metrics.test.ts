import { createAccordMetrics } from '../../src/metrics/accord-metrics';
import { sample } from './prometheus-sample';

describe('createAccordMetrics', () => {
  it('counts through typed helpers, by label', async () => {
    const metrics = createAccordMetrics({ processMetrics: false });
    metrics.eventsReceived.inc({ crm: 'hubspot', outcome: 'accepted' }, 3);
    metrics.eventsReceived.inc({ crm: 'hubspot', outcome: 'duplicate' });
    metrics.decisions.inc({ crm: 'salesforce', stage: 'sales_ready' });
    metrics.slaBreaches.inc({ crm: 'hubspot', tier: 'hot' });
    metrics.deadLettered.inc({ crm: 'hubspot' });
    metrics.jobRuns.inc({ job: 'sla-sweep', outcome: 'ok' });
    metrics.jobSeconds.observe({ job: 'sla-sweep' }, 0.3);
    metrics.workerLagSeconds.observe({ crm: 'hubspot' }, 0.07);

    const text = await metrics.registry.metrics();
    expect(sample(text, 'accord_events_received_total', { crm: 'hubspot', outcome: 'accepted' })).toBe(3);
    expect(sample(text, 'accord_events_received_total', { crm: 'hubspot', outcome: 'duplicate' })).toBe(1);
    expect(sample(text, 'accord_decisions_total', { crm: 'salesforce', stage: 'sales_ready' })).toBe(1);
    expect(sample(text, 'accord_sla_breaches_total', { crm: 'hubspot', tier: 'hot' })).toBe(1);
    expect(sample(text, 'accord_dead_lettered_events_total', { crm: 'hubspot' })).toBe(1);
    expect(sample(text, 'accord_job_runs_total', { job: 'sla-sweep', outcome: 'ok' })).toBe(1);
    expect(sample(text, 'accord_job_seconds_count', { job: 'sla-sweep' })).toBe(1);
    expect(sample(text, 'accord_worker_lag_seconds_bucket', { crm: 'hubspot', le: '0.1' })).toBe(1);
    expect(sample(text, 'accord_worker_lag_seconds_bucket', { crm: 'hubspot', le: '0.05' })).toBe(0);
  });

  it('records a CRM call by endpoint and status, a 429 also as rate limited', async () => {
    const metrics = createAccordMetrics({ processMetrics: false });
    const endpoint = 'POST /crm/v3/objects/contacts/batch/read';
    metrics.recordCrmCall({ crm: 'hubspot', endpoint, status: 200, seconds: 0.12 });
    metrics.recordCrmCall({ crm: 'hubspot', endpoint, status: 429, seconds: 0.02 });
    metrics.recordCrmCall({ crm: 'hubspot', endpoint, status: 'network_error', seconds: 5 });

    const text = await metrics.registry.metrics();
    expect(sample(text, 'accord_crm_api_calls_total', { crm: 'hubspot', endpoint, status: '200' })).toBe(1);
    expect(sample(text, 'accord_crm_api_calls_total', { crm: 'hubspot', endpoint, status: '429' })).toBe(1);
    expect(sample(text, 'accord_crm_api_calls_total', { crm: 'hubspot', endpoint, status: 'network_error' })).toBe(1);
    expect(sample(text, 'accord_crm_rate_limited_total', { crm: 'hubspot', endpoint })).toBe(1);
    expect(sample(text, 'accord_crm_api_call_seconds_count', { crm: 'hubspot', endpoint })).toBe(3);
  });

  it('keeps each instance in its own registry, with Node process metrics unless turned off', async () => {
    const a = createAccordMetrics();
    const b = createAccordMetrics({ processMetrics: false });
    a.decisions.inc({ crm: 'hubspot', stage: 'mql' });

    expect(sample(await b.registry.metrics(), 'accord_decisions_total', { crm: 'hubspot', stage: 'mql' })).toBeUndefined();
    expect(await a.registry.metrics()).toMatch(/^process_cpu_user_seconds_total /m);
    expect(await b.registry.metrics()).not.toMatch(/process_cpu/);
  });

  it('reads the queue from the store on each scrape, once per scrape', async () => {
    const metrics = createAccordMetrics({ processMetrics: false });
    let calls = 0;
    let stats = { pending: 4, oldestReceivedAt: '2026-03-02T08:58:30.000Z' as string | null, deadLetters: 2 };
    metrics.watchInbox({
      store: { inboxStats: async () => ((calls += 1), stats) },
      now: () => Date.parse('2026-03-02T09:00:00.000Z'),
    });

    let text = await metrics.registry.metrics();
    expect(calls).toBe(1);
    expect(sample(text, 'accord_queue_depth')).toBe(4);
    expect(sample(text, 'accord_queue_oldest_event_age_seconds')).toBe(90);
    expect(sample(text, 'accord_dead_letters')).toBe(2);
    expect(sample(text, 'accord_store_up')).toBe(1);

    stats = { pending: 0, oldestReceivedAt: null, deadLetters: 0 };
    text = await metrics.registry.metrics();
    expect(calls).toBe(2);
    expect(sample(text, 'accord_queue_depth')).toBe(0);
    expect(sample(text, 'accord_queue_oldest_event_age_seconds')).toBe(0);
  });

  it('reports the store down, and no stale queue numbers, when it does not answer', async () => {
    const metrics = createAccordMetrics({ processMetrics: false });
    let up = true;
    metrics.watchInbox({
      store: {
        inboxStats: async () => {
          if (!up) throw new Error('connection refused');
          return { pending: 7, oldestReceivedAt: null, deadLetters: 0 };
        },
      },
      now: () => 0,
    });
    expect(sample(await metrics.registry.metrics(), 'accord_queue_depth')).toBe(7);

    up = false;
    const text = await metrics.registry.metrics();
    expect(sample(text, 'accord_store_up')).toBe(0);
    expect(sample(text, 'accord_queue_depth')).toBeNaN();
    expect(sample(text, 'accord_dead_letters')).toBeNaN();
  });
});
