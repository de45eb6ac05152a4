/** A statement node-postgres prepares once per connection (by name) and then only binds and runs. */
export interface PostgresStatement {
  name: string;
  text: string;
}

function statement(name: string, text: string): PostgresStatement {
  return { name: `accord_${name}`, text };
}

/*
 * Every statement the Postgres store runs, mirroring sqlite-statements.ts. Lists are bound as one
 * array parameter (`= ANY($1)`, `unnest($1, $2…)`) so the text never varies with their length and
 * each stays one prepared statement. Column lists are spelled out, never `*`: a prepared statement
 * whose result shape changed under it (another instance migrated) fails instead of re-planning.
 * Times are bound as ISO text and cast, so the session's TimeZone never enters into it.
 */

const tenantColumns = 'crm, tenant_id, name, active, credentials, instance_url, installed_at, updated_at';
const definitionColumns =
  'id, crm, tenant_id, version, status, body, created_by, created_at, published_by, published_at';

export const postgresStatements = {
  upsertTenant: statement('upsert_tenant', `
    INSERT INTO tenants (${tenantColumns})
    VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz, $8::timestamptz)
    ON CONFLICT (crm, tenant_id) DO UPDATE SET
      name = excluded.name, active = excluded.active, credentials = excluded.credentials,
      instance_url = excluded.instance_url, installed_at = excluded.installed_at, updated_at = excluded.updated_at`),
  getTenant: statement('get_tenant', `SELECT ${tenantColumns} FROM tenants WHERE crm = $1 AND tenant_id = $2`),
  listTenants: statement('list_tenants', `SELECT ${tenantColumns} FROM tenants ORDER BY crm, tenant_id`),
  listTenantsOfCrm: statement('list_tenants_of_crm', `SELECT ${tenantColumns} FROM tenants WHERE crm = $1 ORDER BY tenant_id`),
  setTenantActive: statement('set_tenant_active',
    'UPDATE tenants SET active = $3, updated_at = $4::timestamptz WHERE crm = $1 AND tenant_id = $2'),

  insertDraft: statement('insert_draft', `
    INSERT INTO definitions (crm, tenant_id, version, status, body, created_by, created_at)
    VALUES ($1, $2, 0, 'draft', $3::json, $4, $5::timestamptz)
    RETURNING ${definitionColumns}`),
  getDefinition: statement('get_definition',
    `SELECT ${definitionColumns} FROM definitions WHERE id = $3 AND crm = $1 AND tenant_id = $2`),
  getPublishedDefinition: statement('get_published_definition', `
    SELECT ${definitionColumns} FROM definitions WHERE crm = $1 AND tenant_id = $2 AND status = 'published'
    ORDER BY version DESC LIMIT 1`),
  listDefinitions: statement('list_definitions',
    `SELECT ${definitionColumns} FROM definitions WHERE crm = $1 AND tenant_id = $2 ORDER BY id`),
  newestPublishedVersion: statement('newest_published_version', `
    SELECT COALESCE(MAX(version), 0) AS version FROM definitions
    WHERE crm = $1 AND tenant_id = $2 AND status = 'published'`),
  publishDraft: statement('publish_draft', `
    UPDATE definitions
    SET status = 'published', version = $2, body = $3::json, published_by = $4, published_at = $5::timestamptz
    WHERE id = $1 AND status = 'draft'
    RETURNING ${definitionColumns}`),

  // A key is a duplicate while it waits in the inbox, lies in the dead letters, or was processed
  // recently (see enqueueEvents for the second look that closes the race with a concurrent ack).
  // ORDER BY the input position: ids, and so claim order, follow the order events arrived in.
  enqueueEvents: statement('enqueue_events', `
    INSERT INTO inbox (dedupe_key, crm, tenant_id, record_id, event, status, attempts, available_at, received_at)
    SELECT e.dedupe_key, e.crm, e.tenant_id, e.record_id, e.event::json, 'pending', 0, $6::timestamptz, $6::timestamptz
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
           WITH ORDINALITY AS e (dedupe_key, crm, tenant_id, record_id, event, position)
    WHERE NOT EXISTS (SELECT 1 FROM processed_keys p WHERE p.dedupe_key = e.dedupe_key)
      AND NOT EXISTS (SELECT 1 FROM dead_letters d WHERE d.dedupe_key = e.dedupe_key)
    ORDER BY e.position
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING id`),
  dropSettledDuplicates: statement('drop_settled_duplicates', `
    DELETE FROM inbox i
    WHERE i.id = ANY($1::bigint[])
      AND (EXISTS (SELECT 1 FROM processed_keys p WHERE p.dedupe_key = i.dedupe_key)
           OR EXISTS (SELECT 1 FROM dead_letters d WHERE d.dedupe_key = i.dedupe_key))`),
  // FOR UPDATE SKIP LOCKED: a row another instance is claiming right now is passed over, not waited
  // for; without the row lock, two claims could both pick a row from their snapshots and both take it.
  // A row whose lease ran out was abandoned mid-attempt (the worker crashed or hung): that attempt
  // counts, so an event that kills every worker that touches it still reaches the dead letters.
  // SET reads the row as it was, so the CASEs see the old status.
  claimEvents: statement('claim_events', `
    WITH due AS (
      SELECT id FROM inbox
      WHERE ((status = 'pending' AND available_at <= $2::timestamptz)
         OR (status = 'claimed' AND lease_until <= $2::timestamptz))
        -- One tenant's rows are worked by one instance at a time: processing reads the tenant's routing
        -- state, calls the CRM and writes the state back, so two instances at once would lose updates.
        AND NOT EXISTS (
          SELECT 1 FROM inbox busy
          WHERE busy.crm = inbox.crm AND busy.tenant_id = inbox.tenant_id
            AND busy.status = 'claimed' AND busy.lease_until > $2::timestamptz AND busy.claimed_by <> $1)
      ORDER BY id
      LIMIT $4
      FOR UPDATE SKIP LOCKED)
    UPDATE inbox i
    SET attempts = i.attempts + CASE WHEN i.status = 'claimed' THEN 1 ELSE 0 END,
        last_error = CASE WHEN i.status = 'claimed' THEN 'lease of ' || i.claimed_by || ' expired before it finished'
                          ELSE i.last_error END,
        status = 'claimed', claimed_by = $1, claimed_at = $2::timestamptz, lease_until = $3::timestamptz
    FROM due
    WHERE i.id = due.id
    RETURNING i.id, i.event, i.attempts, i.received_at, i.last_error`),
  // One statement, so an ack is one round trip. Retention is counted from when processing began
  // (a caller-supplied time), not the wall clock.
  ackEvents: statement('ack_events', `
    WITH acked AS (
      DELETE FROM inbox WHERE id = ANY($1::bigint[])
      RETURNING dedupe_key, crm, tenant_id, claimed_at, received_at)
    INSERT INTO processed_keys (dedupe_key, crm, tenant_id, processed_at)
    SELECT dedupe_key, crm, tenant_id, COALESCE(claimed_at, received_at) FROM acked
    ON CONFLICT (dedupe_key) DO UPDATE SET processed_at = excluded.processed_at`),
  retryEvents: statement('retry_events', `
    UPDATE inbox
    SET status = 'pending', attempts = attempts + 1, available_at = $2::timestamptz, last_error = $3,
        claimed_by = NULL, claimed_at = NULL, lease_until = NULL
    WHERE id = ANY($1::bigint[])`),
  // The attempt that gave up counts, as retryEvents counts the attempts that failed before it.
  deadLetterEvents: statement('dead_letter_events', `
    WITH dead AS (
      DELETE FROM inbox WHERE id = ANY($1::bigint[])
      RETURNING id, dedupe_key, crm, tenant_id, record_id, event, attempts, received_at)
    INSERT INTO dead_letters (dedupe_key, crm, tenant_id, record_id, event, attempts, reason, received_at, dead_at)
    SELECT dedupe_key, crm, tenant_id, record_id, event, attempts + 1, $2, received_at, $3::timestamptz FROM dead
    ORDER BY id`),
  listDeadLetters: statement('list_dead_letters',
    'SELECT id, event, attempts, reason, dead_at FROM dead_letters ORDER BY id'),
  listTenantDeadLetters: statement('list_tenant_dead_letters', `
    SELECT id, event, attempts, reason, dead_at FROM dead_letters
    WHERE crm = $1 AND tenant_id = $2 ORDER BY id`),
  // The original dedupe key goes back with the event: it never reached processed_keys (only acks
  // put it there) and enqueue refused it while it was dead, so the inbox cannot hold it already.
  // DO NOTHING is the belt to that brace: should it be there, the event is pending anyway.
  requeueDeadLetters: statement('requeue_dead_letters', `
    WITH revived AS (
      DELETE FROM dead_letters WHERE $1::boolean OR id = ANY($2::bigint[])
      RETURNING id, dedupe_key, crm, tenant_id, record_id, event, reason)
    INSERT INTO inbox (dedupe_key, crm, tenant_id, record_id, event, status, attempts, available_at, received_at, last_error)
    SELECT dedupe_key, crm, tenant_id, record_id, event, 'pending', 0, $3::timestamptz, $3::timestamptz, reason FROM revived
    ORDER BY id
    ON CONFLICT (dedupe_key) DO NOTHING`),
  // One statement, so the three numbers come from one snapshot.
  inboxStats: statement('inbox_stats', `
    SELECT (SELECT COUNT(*) FROM inbox)::integer AS pending,
           (SELECT MIN(received_at) FROM inbox) AS oldest,
           (SELECT COUNT(*) FROM dead_letters)::integer AS dead_letters`),
  pruneProcessedKeys: statement('prune_processed_keys', 'DELETE FROM processed_keys WHERE processed_at < $1::timestamptz'),

  // ORDER BY the input position: the last decision of a commit gets the highest id and is the latest.
  insertDecisions: statement('insert_decisions', `
    INSERT INTO decisions (crm, tenant_id, record_id, decided_at, stage, score, definition_version, body, written_fields)
    SELECT $1, $2, d.record_id, d.decided_at, d.stage, d.score, d.definition_version, d.body::json, d.written_fields::json
    FROM unnest($3::text[], $4::timestamptz[], $5::text[], $6::float8[], $7::integer[], $8::text[], $9::text[])
           WITH ORDINALITY AS d (record_id, decided_at, stage, score, definition_version, body, written_fields, position)
    ORDER BY d.position`),
  latestDecision: statement('latest_decision', `
    SELECT body FROM decisions WHERE crm = $1 AND tenant_id = $2 AND record_id = $3
    ORDER BY id DESC LIMIT 1`),
  latestDecisionsOf: statement('latest_decisions_of', `
    SELECT DISTINCT ON (record_id) record_id, body FROM decisions
    WHERE crm = $1 AND tenant_id = $2 AND record_id = ANY($3::text[])
    ORDER BY record_id, id DESC`),
  currentDecisions: statement('current_decisions', `
    SELECT DISTINCT ON (record_id) body FROM decisions
    WHERE crm = $1 AND tenant_id = $2
    ORDER BY record_id, id DESC`),
  decisionHistory: statement('decision_history', `
    SELECT body FROM decisions WHERE crm = $1 AND tenant_id = $2 AND record_id = $3
    ORDER BY id`),

  upsertRoutingState: statement('upsert_routing_state', `
    INSERT INTO routing_state (crm, tenant_id, state) VALUES ($1, $2, $3::json)
    ON CONFLICT (crm, tenant_id) DO UPDATE SET state = excluded.state`),
  getRoutingState: statement('get_routing_state', 'SELECT state FROM routing_state WHERE crm = $1 AND tenant_id = $2'),

  deleteOwners: statement('delete_owners', 'DELETE FROM owners WHERE crm = $1 AND tenant_id = $2'),
  insertOwners: statement('insert_owners', `
    INSERT INTO owners (crm, tenant_id, owner_id, position, body, synced_at)
    SELECT $1, $2, o.owner_id, o.position, o.body::json, $6::timestamptz
    FROM unnest($3::text[], $4::integer[], $5::text[]) AS o (owner_id, position, body)`),
  listOwners: statement('list_owners', 'SELECT body FROM owners WHERE crm = $1 AND tenant_id = $2 ORDER BY position'),

  insertAudit: statement('insert_audit', `
    INSERT INTO audit (crm, tenant_id, at, actor, action, record_id, detail)
    SELECT a.crm, a.tenant_id, a.at, a.actor, a.action, a.record_id, a.detail::json
    FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[])
           WITH ORDINALITY AS a (crm, tenant_id, at, actor, action, record_id, detail, position)
    ORDER BY a.position`),
  listAudit: statement('list_audit', `
    SELECT crm, tenant_id, at, actor, action, record_id, detail FROM audit
    WHERE crm = $1 AND tenant_id = $2 ORDER BY id DESC LIMIT $3`),

  getCursor: statement('get_cursor', 'SELECT value FROM sync_cursors WHERE crm = $1 AND tenant_id = $2 AND name = $3'),
  setCursor: statement('set_cursor', `
    INSERT INTO sync_cursors (crm, tenant_id, name, value, updated_at) VALUES ($1, $2, $3, $4, $5::timestamptz)
    ON CONFLICT (crm, tenant_id, name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`),

  insertFeedback: statement('insert_feedback', `
    INSERT INTO feedback (crm, tenant_id, record_id, rejected_at, reason, source, campaign, body, recorded_at)
    SELECT $1, $2, r.record_id, r.rejected_at::timestamptz, r.reason, r.source, r.campaign, r.body::json, $9::timestamptz
    FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS r(record_id, rejected_at, reason, source, campaign, body)
    ON CONFLICT (crm, tenant_id, record_id, rejected_at) DO NOTHING`),
  listFeedback: statement('list_feedback', `
    SELECT body FROM feedback
    WHERE crm = $1 AND tenant_id = $2
      AND ($3::timestamptz IS NULL OR rejected_at >= $3::timestamptz) AND ($4::timestamptz IS NULL OR rejected_at < $4::timestamptz)
    ORDER BY rejected_at, id`),
  insertDigest: statement('insert_digest', `
    INSERT INTO digests (crm, tenant_id, period_end, body, created_at)
    VALUES ($1, $2, $3::timestamptz, $4::json, $5::timestamptz)
    RETURNING id, crm, tenant_id, period_end, body, created_at`),
  latestDigest: statement('latest_digest', `
    SELECT id, crm, tenant_id, period_end, body, created_at FROM digests
    WHERE crm = $1 AND tenant_id = $2 ORDER BY id DESC LIMIT 1`),
  openSlas: statement('open_slas', `
    SELECT d.body FROM decisions d
    WHERE d.crm = $1 AND d.tenant_id = $2 AND d.stage = 'sales_ready'
      AND d.id = (SELECT max(x.id) FROM decisions x WHERE x.crm = d.crm AND x.tenant_id = d.tenant_id AND x.record_id = d.record_id)
    ORDER BY d.record_id`),

  decisionsInRange: statement('decisions_in_range', `
    SELECT body FROM decisions
    WHERE crm = $1 AND tenant_id = $2
      AND ($3::timestamptz IS NULL OR decided_at >= $3::timestamptz) AND ($4::timestamptz IS NULL OR decided_at < $4::timestamptz)
    ORDER BY record_id, id`),
  // One INSERT may not touch a row twice: the store keeps each record's last snapshot before binding.
  upsertLeadFacts: statement('upsert_lead_facts', `
    INSERT INTO lead_facts (crm, tenant_id, record_id, created_at, source, campaign, country, region, outcome, outcome_at, amount, updated_at)
    SELECT $1, $2, f.record_id, f.created_at, f.source, f.campaign, f.country, f.region, f.outcome, f.outcome_at, f.amount, $12::timestamptz
    FROM unnest($3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::timestamptz[], $11::float8[])
           AS f (record_id, created_at, source, campaign, country, region, outcome, outcome_at, amount)
    ON CONFLICT (crm, tenant_id, record_id) DO UPDATE SET
      created_at = COALESCE(excluded.created_at, lead_facts.created_at),
      source = excluded.source, campaign = excluded.campaign, country = excluded.country, region = excluded.region,
      outcome = COALESCE(excluded.outcome, lead_facts.outcome),
      outcome_at = CASE WHEN excluded.outcome IS NULL OR (excluded.outcome_at IS NULL AND excluded.outcome = lead_facts.outcome) THEN lead_facts.outcome_at ELSE excluded.outcome_at END,
      amount = COALESCE(excluded.amount, lead_facts.amount),
      updated_at = excluded.updated_at`),
  listLeadFacts: statement('list_lead_facts', `
    SELECT record_id, created_at, source, campaign, country, region, outcome, outcome_at, amount FROM lead_facts
    WHERE crm = $1 AND tenant_id = $2 ORDER BY record_id`),

  // $1 is one of postgresLockKeys: what about the tenant is locked.
  lockTenant: statement('lock_tenant', "SELECT pg_advisory_xact_lock($1, hashtext($2::text || '/' || $3::text))"),
  // Claims run one at a time across instances, so each sees the tenants the others just claimed.
  lockClaims: statement('lock_claims', 'SELECT pg_advisory_xact_lock($1, 0)'),
  tryLockLease: statement('try_lock_lease', 'SELECT pg_try_advisory_xact_lock($1, hashtext($2::text)) AS locked'),
  acquireLease: statement('acquire_lease', `
    INSERT INTO leases (name, holder, until) VALUES ($1, $2, $4::timestamptz)
    ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
    WHERE leases.holder = excluded.holder OR leases.until <= $3::timestamptz
    RETURNING holder`),
  releaseLease: statement('release_lease', 'DELETE FROM leases WHERE name = $1 AND holder = $2'),
};
