import type { Database } from 'better-sqlite3';
import type { AuditRow, DeadLetterRow, DefinitionRow, DigestRow, InboxRowRow, LeadFactsRow, TenantRow } from './sqlite-rows';

interface TenantKey {
  crm: string;
  tenantId: string;
}

/** A JSON array bound as one parameter and read with json_each: one prepared statement whatever the list length. */
interface JsonList {
  ids: string;
}

/**
 * Every statement the SQLite store runs, prepared once per connection.
 * Id lists go through json_each rather than a generated `IN (?, ?, …)` so the SQL text never varies;
 * the Postgres store will bind arrays with `= ANY($1)` instead.
 */
export function prepareSqliteStatements(db: Database) {
  return {
    upsertTenant: db.prepare<TenantKey & {
      name: string;
      active: number;
      credentials: string;
      instanceUrl: string | null;
      installedAt: string;
      updatedAt: string;
    }>(`
      INSERT INTO tenants (crm, tenant_id, name, active, credentials, instance_url, installed_at, updated_at)
      VALUES (@crm, @tenantId, @name, @active, @credentials, @instanceUrl, @installedAt, @updatedAt)
      ON CONFLICT (crm, tenant_id) DO UPDATE SET
        name = excluded.name, active = excluded.active, credentials = excluded.credentials,
        instance_url = excluded.instance_url, installed_at = excluded.installed_at, updated_at = excluded.updated_at`),
    getTenant: db.prepare<TenantKey, TenantRow>('SELECT * FROM tenants WHERE crm = @crm AND tenant_id = @tenantId'),
    listTenants: db.prepare<[], TenantRow>('SELECT * FROM tenants ORDER BY crm, tenant_id'),
    listTenantsOfCrm: db.prepare<{ crm: string }, TenantRow>('SELECT * FROM tenants WHERE crm = @crm ORDER BY tenant_id'),
    setTenantActive: db.prepare<TenantKey & { active: number; now: string }>(
      'UPDATE tenants SET active = @active, updated_at = @now WHERE crm = @crm AND tenant_id = @tenantId',
    ),

    insertDraft: db.prepare<TenantKey & { body: string; author: string; now: string }, DefinitionRow>(`
      INSERT INTO definitions (crm, tenant_id, version, status, body, created_by, created_at)
      VALUES (@crm, @tenantId, 0, 'draft', @body, @author, @now)
      RETURNING *`),
    getDefinition: db.prepare<TenantKey & { id: number }, DefinitionRow>(
      'SELECT * FROM definitions WHERE id = @id AND crm = @crm AND tenant_id = @tenantId',
    ),
    getPublishedDefinition: db.prepare<TenantKey, DefinitionRow>(`
      SELECT * FROM definitions WHERE crm = @crm AND tenant_id = @tenantId AND status = 'published'
      ORDER BY version DESC LIMIT 1`),
    listDefinitions: db.prepare<TenantKey, DefinitionRow>(
      'SELECT * FROM definitions WHERE crm = @crm AND tenant_id = @tenantId ORDER BY id',
    ),
    newestPublishedVersion: db.prepare<TenantKey, { version: number }>(`
      SELECT COALESCE(MAX(version), 0) AS version FROM definitions
      WHERE crm = @crm AND tenant_id = @tenantId AND status = 'published'`),
    publishDraft: db.prepare<{ id: number; version: number; body: string; publisher: string; now: string }, DefinitionRow>(`
      UPDATE definitions
      SET status = 'published', version = @version, body = @body, published_by = @publisher, published_at = @now
      WHERE id = @id AND status = 'draft'
      RETURNING *`),

    // A key is a duplicate while it waits in the inbox, lies in the dead letters, or was processed
    // recently; dead letters count so a redelivery cannot slip past an event an admin is still to requeue.
    // One statement per webhook request over its events as a JSON array (`CrmEvent`s), in array order so
    // ids follow arrival: a hundred single-row statements cost twice as much. The second of two equal
    // keys in one array is a duplicate like any other.
    enqueueEvents: db.prepare<{ events: string; receivedAt: string }>(`
      INSERT INTO inbox (dedupe_key, crm, tenant_id, record_id, event, status, attempts, available_at, received_at)
      SELECT e.value ->> '$.dedupeKey', e.value ->> '$.crm', e.value ->> '$.tenantId', e.value ->> '$.recordId', e.value,
             'pending', 0, @receivedAt, @receivedAt
      FROM json_each(@events) e
      WHERE NOT EXISTS (SELECT 1 FROM processed_keys WHERE dedupe_key = e.value ->> '$.dedupeKey')
        AND NOT EXISTS (SELECT 1 FROM dead_letters WHERE dedupe_key = e.value ->> '$.dedupeKey')
      ORDER BY e.key
      ON CONFLICT (dedupe_key) DO NOTHING`),
    // A row whose lease ran out was abandoned mid-attempt (the worker crashed or hung): that attempt
    // counts, so an event that kills every worker that touches it still reaches the dead letters.
    // Postgres: add FOR UPDATE SKIP LOCKED to the inner SELECT so concurrent workers pass each other.
    claimEvents: db.prepare<{ workerId: string; now: string; leaseUntil: string; limit: number }, InboxRowRow>(`
      UPDATE inbox
      SET attempts = attempts + CASE WHEN status = 'claimed' THEN 1 ELSE 0 END,
          last_error = CASE WHEN status = 'claimed' THEN 'lease of ' || claimed_by || ' expired before it finished'
                            ELSE last_error END,
          status = 'claimed', claimed_by = @workerId, claimed_at = @now, lease_until = @leaseUntil
      WHERE id IN (
        -- NOT INDEXED: walking the table in id order stops after @limit due rows. Through the status
        -- indexes SQLite sorted every due row of the backlog by id first, at each claim.
        SELECT id FROM inbox NOT INDEXED
        WHERE ((status = 'pending' AND available_at <= @now) OR (status = 'claimed' AND lease_until <= @now))
          -- One tenant's rows go to one worker at a time (its routing state is read, then written back).
          -- Worked out once per claim, not per row: per row it re-read every claimed row, and with 250
          -- of this worker's own rows claimed a claim over a 20,000-event backlog took over a second.
          AND (crm, tenant_id) NOT IN (
            SELECT crm, tenant_id FROM inbox
            WHERE status = 'claimed' AND lease_until > @now AND claimed_by <> @workerId)
        ORDER BY id
        LIMIT @limit)
      RETURNING id, event, attempts, received_at, last_error`),
    // Retention is counted from when processing began (a caller-supplied time), not the wall clock.
    rememberProcessedKeys: db.prepare<JsonList>(`
      INSERT INTO processed_keys (dedupe_key, crm, tenant_id, processed_at)
      SELECT dedupe_key, crm, tenant_id, COALESCE(claimed_at, received_at) FROM inbox
      WHERE id IN (SELECT value FROM json_each(@ids))
      ON CONFLICT (dedupe_key) DO UPDATE SET processed_at = excluded.processed_at`),
    deleteInboxRows: db.prepare<JsonList>('DELETE FROM inbox WHERE id IN (SELECT value FROM json_each(@ids))'),
    retryEvents: db.prepare<JsonList & { availableAt: string; error: string }>(`
      UPDATE inbox
      SET status = 'pending', attempts = attempts + 1, available_at = @availableAt, last_error = @error,
          claimed_by = NULL, claimed_at = NULL, lease_until = NULL
      WHERE id IN (SELECT value FROM json_each(@ids))`),
    // The attempt that gave up counts, as retryEvents counts the attempts that failed before it.
    copyToDeadLetters: db.prepare<JsonList & { reason: string; now: string }>(`
      INSERT INTO dead_letters (dedupe_key, crm, tenant_id, record_id, event, attempts, reason, received_at, dead_at)
      SELECT dedupe_key, crm, tenant_id, record_id, event, attempts + 1, @reason, received_at, @now FROM inbox
      WHERE id IN (SELECT value FROM json_each(@ids))
      ORDER BY id`),
    listDeadLetters: db.prepare<[], DeadLetterRow>('SELECT id, event, attempts, reason, dead_at FROM dead_letters ORDER BY id'),
    listTenantDeadLetters: db.prepare<TenantKey, DeadLetterRow>(`
      SELECT id, event, attempts, reason, dead_at FROM dead_letters
      WHERE crm = @crm AND tenant_id = @tenantId ORDER BY id`),
    // The original dedupe key goes back with the event: it never reached processed_keys (only acks
    // put it there) and enqueue refused it while it was dead, so the inbox cannot hold it already.
    // DO NOTHING is the belt to that brace: should it be there, the event is pending anyway.
    copyToInbox: db.prepare<JsonList & { all: number; now: string }>(`
      INSERT INTO inbox (dedupe_key, crm, tenant_id, record_id, event, status, attempts, available_at, received_at, last_error)
      SELECT dedupe_key, crm, tenant_id, record_id, event, 'pending', 0, @now, @now, reason FROM dead_letters
      WHERE @all = 1 OR id IN (SELECT value FROM json_each(@ids))
      ORDER BY id
      ON CONFLICT (dedupe_key) DO NOTHING`),
    deleteDeadLetters: db.prepare<JsonList & { all: number }>(
      'DELETE FROM dead_letters WHERE @all = 1 OR id IN (SELECT value FROM json_each(@ids))',
    ),
    inboxBacklog: db.prepare<[], { pending: number; oldest: string | null }>(
      'SELECT COUNT(*) AS pending, MIN(received_at) AS oldest FROM inbox',
    ),
    countDeadLetters: db.prepare<[], { count: number }>('SELECT COUNT(*) AS count FROM dead_letters'),
    pruneProcessedKeys: db.prepare<{ olderThan: string }>('DELETE FROM processed_keys WHERE processed_at < @olderThan'),

    insertDecision: db.prepare<TenantKey & {
      recordId: string;
      decidedAt: string;
      stage: string;
      score: number;
      definitionVersion: number;
      body: string;
      writtenFields: string;
    }>(`
      INSERT INTO decisions (crm, tenant_id, record_id, decided_at, stage, score, definition_version, body, written_fields)
      VALUES (@crm, @tenantId, @recordId, @decidedAt, @stage, @score, @definitionVersion, @body, @writtenFields)`),
    latestDecision: db.prepare<TenantKey & { recordId: string }, { body: string }>(`
      SELECT body FROM decisions WHERE crm = @crm AND tenant_id = @tenantId AND record_id = @recordId
      ORDER BY id DESC LIMIT 1`),
    latestDecisionsOf: db.prepare<TenantKey & JsonList, { record_id: string; body: string }>(`
      SELECT d.record_id, d.body FROM decisions d
      WHERE d.crm = @crm AND d.tenant_id = @tenantId AND d.record_id IN (SELECT value FROM json_each(@ids))
        AND d.id = (SELECT MAX(x.id) FROM decisions x
                    WHERE x.crm = d.crm AND x.tenant_id = d.tenant_id AND x.record_id = d.record_id)`),
    currentDecisions: db.prepare<TenantKey, { body: string }>(`
      SELECT d.body FROM decisions d
      WHERE d.crm = @crm AND d.tenant_id = @tenantId
        AND d.id = (SELECT MAX(x.id) FROM decisions x
                    WHERE x.crm = d.crm AND x.tenant_id = d.tenant_id AND x.record_id = d.record_id)
      ORDER BY d.record_id`),
    decisionHistory: db.prepare<TenantKey & { recordId: string }, { body: string }>(`
      SELECT body FROM decisions WHERE crm = @crm AND tenant_id = @tenantId AND record_id = @recordId
      ORDER BY id`),

    upsertRoutingState: db.prepare<TenantKey & { state: string }>(`
      INSERT INTO routing_state (crm, tenant_id, state) VALUES (@crm, @tenantId, @state)
      ON CONFLICT (crm, tenant_id) DO UPDATE SET state = excluded.state`),
    getRoutingState: db.prepare<TenantKey, { state: string }>(
      'SELECT state FROM routing_state WHERE crm = @crm AND tenant_id = @tenantId',
    ),

    deleteOwners: db.prepare<TenantKey>('DELETE FROM owners WHERE crm = @crm AND tenant_id = @tenantId'),
    // A CRM listing the same owner twice (paging overlap) keeps its first place and its last details.
    insertOwner: db.prepare<TenantKey & { ownerId: string; position: number; body: string; now: string }>(`
      INSERT INTO owners (crm, tenant_id, owner_id, position, body, synced_at)
      VALUES (@crm, @tenantId, @ownerId, @position, @body, @now)
      ON CONFLICT (crm, tenant_id, owner_id) DO UPDATE SET body = excluded.body`),
    listOwners: db.prepare<TenantKey, { body: string }>(
      'SELECT body FROM owners WHERE crm = @crm AND tenant_id = @tenantId ORDER BY position',
    ),

    insertAudit: db.prepare<TenantKey & { at: string; actor: string; action: string; recordId: string | null; detail: string }>(`
      INSERT INTO audit (crm, tenant_id, at, actor, action, record_id, detail)
      VALUES (@crm, @tenantId, @at, @actor, @action, @recordId, @detail)`),
    listAudit: db.prepare<TenantKey & { limit: number }, AuditRow>(`
      SELECT crm, tenant_id, at, actor, action, record_id, detail FROM audit
      WHERE crm = @crm AND tenant_id = @tenantId ORDER BY id DESC LIMIT @limit`),

    getCursor: db.prepare<TenantKey & { name: string }, { value: string }>(
      'SELECT value FROM sync_cursors WHERE crm = @crm AND tenant_id = @tenantId AND name = @name',
    ),
    setCursor: db.prepare<TenantKey & { name: string; value: string; now: string }>(`
      INSERT INTO sync_cursors (crm, tenant_id, name, value, updated_at) VALUES (@crm, @tenantId, @name, @value, @now)
      ON CONFLICT (crm, tenant_id, name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`),

    decisionsInRange: db.prepare<TenantKey & { from: string | null; to: string | null }, { body: string }>(`
      SELECT body FROM decisions
      WHERE crm = @crm AND tenant_id = @tenantId
        AND (@from IS NULL OR decided_at >= @from) AND (@to IS NULL OR decided_at < @to)
      ORDER BY record_id, id`),
    upsertLeadFacts: db.prepare<TenantKey & Omit<LeadFactsRow, 'crm' | 'tenant_id'> & { now: string }>(`
      INSERT INTO lead_facts (crm, tenant_id, record_id, created_at, source, campaign, country, region, outcome, outcome_at, amount, updated_at)
      VALUES (@crm, @tenantId, @record_id, @created_at, @source, @campaign, @country, @region, @outcome, @outcome_at, @amount, @now)
      ON CONFLICT (crm, tenant_id, record_id) DO UPDATE SET
        created_at = COALESCE(excluded.created_at, lead_facts.created_at),
        source = excluded.source, campaign = excluded.campaign, country = excluded.country, region = excluded.region,
        outcome = COALESCE(excluded.outcome, lead_facts.outcome),
        outcome_at = CASE WHEN excluded.outcome IS NULL OR (excluded.outcome_at IS NULL AND excluded.outcome = lead_facts.outcome) THEN lead_facts.outcome_at ELSE excluded.outcome_at END,
        amount = COALESCE(excluded.amount, lead_facts.amount),
        updated_at = excluded.updated_at`),
    listLeadFacts: db.prepare<TenantKey, LeadFactsRow>(`
      SELECT record_id, created_at, source, campaign, country, region, outcome, outcome_at, amount FROM lead_facts
      WHERE crm = @crm AND tenant_id = @tenantId ORDER BY record_id`),

    acquireLease: db.prepare<{ name: string; holder: string; now: string; until: string }>(`
      INSERT INTO leases (name, holder, until) VALUES (@name, @holder, @until)
      ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
      WHERE leases.holder = excluded.holder OR leases.until <= @now`),
    releaseLease: db.prepare<{ name: string; holder: string }>('DELETE FROM leases WHERE name = @name AND holder = @holder'),
    insertFeedback: db.prepare<TenantKey & {
      recordId: string;
      rejectedAt: string;
      reason: string;
      source: string | null;
      campaign: string | null;
      body: string;
      now: string;
    }>(`
      INSERT INTO feedback (crm, tenant_id, record_id, rejected_at, reason, source, campaign, body, recorded_at)
      VALUES (@crm, @tenantId, @recordId, @rejectedAt, @reason, @source, @campaign, @body, @now)
      ON CONFLICT (crm, tenant_id, record_id, rejected_at) DO NOTHING`),
    listFeedback: db.prepare<TenantKey & { since: string | null; until: string | null }, { body: string }>(`
      SELECT body FROM feedback
      WHERE crm = @crm AND tenant_id = @tenantId
        AND (@since IS NULL OR rejected_at >= @since) AND (@until IS NULL OR rejected_at < @until)
      ORDER BY rejected_at, id`),
    insertDigest: db.prepare<TenantKey & { periodEnd: string; body: string; now: string }, DigestRow>(`
      INSERT INTO digests (crm, tenant_id, period_end, body, created_at)
      VALUES (@crm, @tenantId, @periodEnd, @body, @now)
      RETURNING id, crm, tenant_id, period_end, body, created_at`),
    latestDigest: db.prepare<TenantKey, DigestRow>(`
      SELECT id, crm, tenant_id, period_end, body, created_at FROM digests
      WHERE crm = @crm AND tenant_id = @tenantId ORDER BY id DESC LIMIT 1`),
    openSlas: db.prepare<TenantKey, { body: string }>(`
      SELECT d.body FROM decisions d
      WHERE d.crm = @crm AND d.tenant_id = @tenantId AND d.stage = 'sales_ready'
        AND d.id = (SELECT MAX(x.id) FROM decisions x
                    WHERE x.crm = d.crm AND x.tenant_id = d.tenant_id AND x.record_id = d.record_id)
      ORDER BY d.record_id`),
  };
}

export type SqliteStatements = ReturnType<typeof prepareSqliteStatements>;
