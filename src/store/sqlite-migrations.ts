export interface SqliteMigration {
  /** Applied in ascending order; never renumber or edit a released migration, add a new one. */
  version: number;
  name: string;
  sql: string;
}

/*
 * Written in the SQL subset SQLite and Postgres share (ON CONFLICT, partial indexes, CHECK), so the
 * Postgres schema is a transliteration: INTEGER PRIMARY KEY AUTOINCREMENT → identity, TEXT JSON → jsonb,
 * TEXT times → timestamptz, 0/1 → boolean, RAISE triggers → plpgsql triggers.
 * Times are stored as normalised ISO strings (see iso-instant.ts) so text order is time order.
 */
const initialSchema = `
CREATE TABLE tenants (
  crm           TEXT    NOT NULL CHECK (crm IN ('hubspot', 'salesforce')),
  tenant_id     TEXT    NOT NULL,
  name          TEXT    NOT NULL,
  active        INTEGER NOT NULL CHECK (active IN (0, 1)),
  credentials   TEXT    NOT NULL,
  instance_url  TEXT,
  installed_at  TEXT    NOT NULL,
  updated_at    TEXT    NOT NULL,
  PRIMARY KEY (crm, tenant_id)
);

CREATE TABLE definitions (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  crm           TEXT    NOT NULL,
  tenant_id     TEXT    NOT NULL,
  version       INTEGER NOT NULL,
  status        TEXT    NOT NULL CHECK (status IN ('draft', 'published')),
  body          TEXT    NOT NULL,
  created_by    TEXT    NOT NULL,
  created_at    TEXT    NOT NULL,
  published_by  TEXT,
  published_at  TEXT,
  CHECK (
    (status = 'draft' AND version = 0 AND published_by IS NULL AND published_at IS NULL)
    OR (status = 'published' AND version >= 1 AND published_by IS NOT NULL AND published_at IS NOT NULL)
  )
);
CREATE UNIQUE INDEX definitions_published_version ON definitions (crm, tenant_id, version) WHERE status = 'published';
CREATE INDEX definitions_by_tenant ON definitions (crm, tenant_id, id);

-- Decisions and CRM fields cite a definition version: if a published body could change, old
-- decisions would explain themselves with rules they were never scored by.
CREATE TRIGGER definitions_published_are_immutable_on_update
BEFORE UPDATE ON definitions FOR EACH ROW WHEN OLD.status = 'published'
BEGIN
  SELECT RAISE(ABORT, 'published definitions are immutable');
END;
CREATE TRIGGER definitions_published_are_immutable_on_delete
BEFORE DELETE ON definitions FOR EACH ROW WHEN OLD.status = 'published'
BEGIN
  SELECT RAISE(ABORT, 'published definitions are immutable');
END;

-- AUTOINCREMENT so an id is never reused: a worker whose lease expired may still ack its old ids.
CREATE TABLE inbox (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  dedupe_key    TEXT    NOT NULL UNIQUE,
  crm           TEXT    NOT NULL,
  tenant_id     TEXT    NOT NULL,
  record_id     TEXT    NOT NULL,
  event         TEXT    NOT NULL,
  status        TEXT    NOT NULL CHECK (status IN ('pending', 'claimed')),
  attempts      INTEGER NOT NULL DEFAULT 0,
  available_at  TEXT    NOT NULL,
  claimed_by    TEXT,
  claimed_at    TEXT,
  lease_until   TEXT,
  received_at   TEXT    NOT NULL,
  last_error    TEXT,
  CHECK (
    (status = 'pending' AND claimed_by IS NULL AND claimed_at IS NULL AND lease_until IS NULL)
    OR (status = 'claimed' AND claimed_by IS NOT NULL AND claimed_at IS NOT NULL AND lease_until IS NOT NULL)
  )
);
CREATE INDEX inbox_due ON inbox (status, available_at, id);
CREATE INDEX inbox_leased ON inbox (status, lease_until, id);

-- HubSpot redelivers an event hours after it was acked; the key must outlive its inbox row.
CREATE TABLE processed_keys (
  dedupe_key    TEXT    PRIMARY KEY,
  crm           TEXT    NOT NULL,
  tenant_id     TEXT    NOT NULL,
  processed_at  TEXT    NOT NULL
);
CREATE INDEX processed_keys_by_age ON processed_keys (processed_at);

CREATE TABLE dead_letters (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  dedupe_key    TEXT    NOT NULL,
  crm           TEXT    NOT NULL,
  tenant_id     TEXT    NOT NULL,
  record_id     TEXT    NOT NULL,
  event         TEXT    NOT NULL,
  attempts      INTEGER NOT NULL,
  reason        TEXT    NOT NULL,
  received_at   TEXT    NOT NULL,
  dead_at       TEXT    NOT NULL
);
CREATE INDEX dead_letters_by_key ON dead_letters (dedupe_key);
CREATE INDEX dead_letters_by_tenant ON dead_letters (crm, tenant_id, id);

CREATE TABLE decisions (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  crm                 TEXT    NOT NULL,
  tenant_id           TEXT    NOT NULL,
  record_id           TEXT    NOT NULL,
  decided_at          TEXT    NOT NULL,
  stage               TEXT    NOT NULL,
  score               REAL    NOT NULL,
  definition_version  INTEGER NOT NULL,
  body                TEXT    NOT NULL,
  written_fields      TEXT    NOT NULL
);
CREATE INDEX decisions_by_record ON decisions (crm, tenant_id, record_id, id);

CREATE TABLE routing_state (
  crm           TEXT    NOT NULL,
  tenant_id     TEXT    NOT NULL,
  state         TEXT    NOT NULL,
  PRIMARY KEY (crm, tenant_id)
);

CREATE TABLE owners (
  crm           TEXT    NOT NULL,
  tenant_id     TEXT    NOT NULL,
  owner_id      TEXT    NOT NULL,
  position      INTEGER NOT NULL,
  body          TEXT    NOT NULL,
  synced_at     TEXT    NOT NULL,
  PRIMARY KEY (crm, tenant_id, owner_id)
);

CREATE TABLE audit (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  crm           TEXT    NOT NULL,
  tenant_id     TEXT    NOT NULL,
  at            TEXT    NOT NULL,
  actor         TEXT    NOT NULL,
  action        TEXT    NOT NULL,
  record_id     TEXT,
  detail        TEXT    NOT NULL
);
CREATE INDEX audit_by_tenant ON audit (crm, tenant_id, id);

CREATE TABLE leases (
  name          TEXT    PRIMARY KEY,
  holder        TEXT    NOT NULL,
  until         TEXT    NOT NULL
);
`;

// Where a tenant's polling jobs resume (reconciliation of missed Salesforce outbound messages).
const syncCursors = `
CREATE TABLE sync_cursors (
  crm           TEXT    NOT NULL,
  tenant_id     TEXT    NOT NULL,
  name          TEXT    NOT NULL,
  value         TEXT    NOT NULL,
  updated_at    TEXT    NOT NULL,
  PRIMARY KEY (crm, tenant_id, name)
);
`;

/*
 * What the dashboard groups leads by (source, campaign, region, creation time, CRM outcome): a
 * snapshot per record, since decisions carry none of it. The decided_at index serves the dashboard's
 * date-bounded reads of whole decision histories.
 */
const leadFacts = `
CREATE TABLE lead_facts (
  crm           TEXT    NOT NULL,
  tenant_id     TEXT    NOT NULL,
  record_id     TEXT    NOT NULL,
  created_at    TEXT,
  source        TEXT,
  campaign      TEXT,
  country       TEXT,
  region        TEXT,
  outcome       TEXT    CHECK (outcome IN ('won', 'lost')),
  outcome_at    TEXT,
  amount        REAL,
  updated_at    TEXT    NOT NULL,
  PRIMARY KEY (crm, tenant_id, record_id)
);
CREATE INDEX decisions_by_decided_at ON decisions (crm, tenant_id, decided_at);
`;

/*
 * The loop between the teams: rejections as recorded feedback (one row per rejection, so a re-score
 * never counts a lead twice), the weekly digests as composed, and an index for the SLA sweep's
 * "latest decisions still waiting for sales".
 */
const loopFeedback = `
CREATE TABLE feedback (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  crm           TEXT    NOT NULL,
  tenant_id     TEXT    NOT NULL,
  record_id     TEXT    NOT NULL,
  rejected_at   TEXT    NOT NULL,
  reason        TEXT    NOT NULL,
  source        TEXT,
  campaign      TEXT,
  body          TEXT    NOT NULL,
  recorded_at   TEXT    NOT NULL,
  UNIQUE (crm, tenant_id, record_id, rejected_at)
);
CREATE INDEX feedback_by_time ON feedback (crm, tenant_id, rejected_at);

CREATE TABLE digests (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  crm           TEXT    NOT NULL,
  tenant_id     TEXT    NOT NULL,
  period_end    TEXT    NOT NULL,
  body          TEXT    NOT NULL,
  created_at    TEXT    NOT NULL
);
CREATE INDEX digests_by_tenant ON digests (crm, tenant_id, id);
CREATE INDEX decisions_by_stage ON decisions (crm, tenant_id, stage, record_id);
`;


/*
 * What the CRM pages' API keeps: the lead each record was last decided from (the settings preview
 * re-decides from it without calling the CRM), draft sign-offs, re-scoring runs, rejections sent from
 * the record card with who sent them, per-tenant API key hashes, and used OAuth state nonces.
 */
const crmApi = `
CREATE TABLE lead_snapshots (
  crm           TEXT    NOT NULL,
  tenant_id     TEXT    NOT NULL,
  record_id     TEXT    NOT NULL,
  body          TEXT    NOT NULL,
  PRIMARY KEY (crm, tenant_id, record_id)
);

CREATE TABLE draft_approvals (
  crm            TEXT    NOT NULL,
  tenant_id      TEXT    NOT NULL,
  draft_id       INTEGER NOT NULL,
  role           TEXT    NOT NULL CHECK (role IN ('sales', 'marketing')),
  approver_id    TEXT    NOT NULL,
  approver_email TEXT,
  approved_at    TEXT    NOT NULL,
  PRIMARY KEY (crm, tenant_id, draft_id, role)
);

CREATE TABLE backfills (
  crm                 TEXT    NOT NULL,
  tenant_id           TEXT    NOT NULL,
  id                  TEXT    NOT NULL,
  definition_version  INTEGER NOT NULL,
  status              TEXT    NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
  total               INTEGER NOT NULL,
  enqueue_done        INTEGER NOT NULL CHECK (enqueue_done IN (0, 1)),
  created_at          TEXT    NOT NULL,
  started_at          TEXT,
  finished_at         TEXT,
  error               TEXT,
  PRIMARY KEY (crm, tenant_id, id)
);

CREATE TABLE record_rejections (
  crm           TEXT    NOT NULL,
  tenant_id     TEXT    NOT NULL,
  record_id     TEXT    NOT NULL,
  reason        TEXT    NOT NULL,
  note          TEXT,
  actor_id      TEXT    NOT NULL,
  actor_email   TEXT,
  rejected_at   TEXT    NOT NULL,
  PRIMARY KEY (crm, tenant_id, record_id)
);

CREATE TABLE api_keys (
  crm           TEXT    NOT NULL,
  tenant_id     TEXT    NOT NULL,
  key_hash      TEXT    NOT NULL UNIQUE,
  created_at    TEXT    NOT NULL,
  PRIMARY KEY (crm, tenant_id)
);

CREATE TABLE used_oauth_states (
  nonce         TEXT    PRIMARY KEY,
  used_at       TEXT    NOT NULL,
  expires_at    TEXT    NOT NULL
);
CREATE INDEX inbox_by_tenant ON inbox (crm, tenant_id);
`;

// Backfills leave leads sales already accepted or rejected alone, and say how many.
const backfillSkipped = `
ALTER TABLE backfills ADD COLUMN skipped INTEGER NOT NULL DEFAULT 0;
`;

/*
 * Shadow runs: a candidate definition (a saved draft) decides alongside the live one for a period,
 * never written to the CRM. Each record keeps both definitions' last own call (before sales had
 * their say), so the comparison report can judge them by the outcomes that arrive. No foreign key to
 * definitions: Postgres would then refuse to TRUNCATE a table of drafts.
 */
const shadowRuns = `
CREATE TABLE shadow_runs (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  crm            TEXT    NOT NULL,
  tenant_id      TEXT    NOT NULL,
  definition_id  INTEGER NOT NULL,
  started_at     TEXT    NOT NULL,
  ends_at        TEXT    NOT NULL,
  stopped_at     TEXT,
  started_by     TEXT    NOT NULL,
  CHECK (ends_at > started_at)
);
CREATE INDEX shadow_runs_by_tenant ON shadow_runs (crm, tenant_id, id);

CREATE TABLE shadow_decisions (
  crm               TEXT    NOT NULL,
  tenant_id         TEXT    NOT NULL,
  run_id            INTEGER NOT NULL REFERENCES shadow_runs (id),
  record_id         TEXT    NOT NULL,
  score             REAL    NOT NULL,
  stage             TEXT    NOT NULL,
  probability       REAL,
  why               TEXT    NOT NULL,
  live_score        REAL    NOT NULL,
  live_stage        TEXT    NOT NULL,
  live_probability  REAL,
  live_why          TEXT    NOT NULL,
  live_version      INTEGER NOT NULL,
  decided_at        TEXT    NOT NULL,
  PRIMARY KEY (crm, tenant_id, run_id, record_id)
);
`;

/*
 * Calibrations started from the settings page: reading the CRM's outcomes and learning from them
 * outlasts a request, so they run in the background and the page polls this row.
 */
const calibrationJobs = `
CREATE TABLE calibration_jobs (
  crm           TEXT    NOT NULL,
  tenant_id     TEXT    NOT NULL,
  id            TEXT    NOT NULL,
  status        TEXT    NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
  phase         TEXT    CHECK (phase IN ('reading', 'learning')),
  outcomes_read INTEGER NOT NULL DEFAULT 0,
  holdout       REAL,
  requested_by  TEXT    NOT NULL,
  created_at    TEXT    NOT NULL,
  updated_at    TEXT    NOT NULL,
  started_at    TEXT,
  finished_at   TEXT,
  draft_id      INTEGER,
  summary       TEXT,
  error         TEXT,
  error_code    TEXT,
  PRIMARY KEY (crm, tenant_id, id)
);
`;

/*
 * Each tenant's own Slack / Teams channels (a marketplace app serves many companies; the environment's
 * channels are only the single-tenant fallback). The URLs are secrets: stored sealed, never in clear.
 */
const channelSettings = `
CREATE TABLE channel_settings (
  crm         TEXT NOT NULL,
  tenant_id   TEXT NOT NULL,
  slack_url   TEXT,
  teams_url   TEXT,
  updated_by  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (crm, tenant_id)
);
`;

export const sqliteMigrations: readonly SqliteMigration[] = [
  { version: 1, name: 'initial schema', sql: initialSchema },
  { version: 2, name: 'sync cursors', sql: syncCursors },
  { version: 3, name: 'lead facts', sql: leadFacts },
  { version: 4, name: 'loop feedback and digests', sql: loopFeedback },
  { version: 5, name: 'crm api', sql: crmApi },
  { version: 6, name: 'backfill skipped', sql: backfillSkipped },
  { version: 7, name: 'shadow runs', sql: shadowRuns },
  { version: 8, name: 'calibration jobs', sql: calibrationJobs },
  { version: 9, name: 'channel settings', sql: channelSettings },
];
