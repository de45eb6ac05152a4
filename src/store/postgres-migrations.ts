export interface PostgresMigration {
  /** Applied in ascending order; never renumber or edit a released migration, add a new one. */
  version: number;
  name: string;
  sql: string;
}

/*
 * The SQLite schema (sqlite-migrations.ts) transliterated, table for table and index for index, so
 * both stores keep the same rules. Where Postgres differs:
 * - Keys and names that the store orders by are COLLATE "C": SQLite orders text bytewise, and a
 *   database created with an en-US collation would otherwise list "_x" before "A1" (and ignore case).
 * - Bodies are `json`, not `jsonb`: they are read whole and never queried inside, `json` keeps the
 *   text as written, and `jsonb` refuses "\u0000", which a CRM field can carry into an event or a
 *   decision's evidence.
 * - Times are timestamptz, so they compare as instants whatever ISO shape the caller used.
 * - Ids are identities and never reused: a worker whose lease expired may still ack its old ids.
 */
const initialSchema = `
CREATE TABLE tenants (
  crm           text COLLATE "C" NOT NULL CHECK (crm IN ('hubspot', 'salesforce')),
  tenant_id     text COLLATE "C" NOT NULL,
  name          text        NOT NULL,
  active        boolean     NOT NULL,
  credentials   text        NOT NULL,
  instance_url  text,
  installed_at  timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  PRIMARY KEY (crm, tenant_id)
);

CREATE TABLE definitions (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  crm           text COLLATE "C" NOT NULL,
  tenant_id     text COLLATE "C" NOT NULL,
  version       integer     NOT NULL,
  status        text        NOT NULL CHECK (status IN ('draft', 'published')),
  body          json        NOT NULL,
  created_by    text        NOT NULL,
  created_at    timestamptz NOT NULL,
  published_by  text,
  published_at  timestamptz,
  CHECK (
    (status = 'draft' AND version = 0 AND published_by IS NULL AND published_at IS NULL)
    OR (status = 'published' AND version >= 1 AND published_by IS NOT NULL AND published_at IS NOT NULL)
  )
);
CREATE UNIQUE INDEX definitions_published_version ON definitions (crm, tenant_id, version) WHERE status = 'published';
CREATE INDEX definitions_by_tenant ON definitions (crm, tenant_id, id);

-- Decisions and CRM fields cite a definition version: if a published body could change, old
-- decisions would explain themselves with rules they were never scored by.
CREATE FUNCTION refuse_published_definition_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' AND NOT EXISTS (SELECT 1 FROM definitions WHERE status = 'published') THEN
    RETURN NULL;
  END IF;
  RAISE EXCEPTION 'published definitions are immutable'
    USING ERRCODE = 'restrict_violation', HINT = 'save a new draft and publish it as the next version';
END
$$;
CREATE TRIGGER definitions_published_are_immutable
BEFORE UPDATE OR DELETE ON definitions FOR EACH ROW WHEN (OLD.status = 'published')
EXECUTE FUNCTION refuse_published_definition_change();
-- TRUNCATE skips row triggers; without this one it would be the back door.
CREATE TRIGGER definitions_published_are_not_truncated
BEFORE TRUNCATE ON definitions FOR EACH STATEMENT
EXECUTE FUNCTION refuse_published_definition_change();

CREATE TABLE inbox (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  dedupe_key    text COLLATE "C" NOT NULL UNIQUE,
  crm           text COLLATE "C" NOT NULL,
  tenant_id     text COLLATE "C" NOT NULL,
  record_id     text COLLATE "C" NOT NULL,
  event         json        NOT NULL,
  status        text        NOT NULL CHECK (status IN ('pending', 'claimed')),
  attempts      integer     NOT NULL DEFAULT 0,
  available_at  timestamptz NOT NULL,
  claimed_by    text,
  claimed_at    timestamptz,
  lease_until   timestamptz,
  received_at   timestamptz NOT NULL,
  last_error    text,
  CHECK (
    (status = 'pending' AND claimed_by IS NULL AND claimed_at IS NULL AND lease_until IS NULL)
    OR (status = 'claimed' AND claimed_by IS NOT NULL AND claimed_at IS NOT NULL AND lease_until IS NOT NULL)
  )
);
CREATE INDEX inbox_due ON inbox (status, available_at, id);
CREATE INDEX inbox_leased ON inbox (status, lease_until, id);

-- HubSpot redelivers an event hours after it was acked; the key must outlive its inbox row.
CREATE TABLE processed_keys (
  dedupe_key    text COLLATE "C" PRIMARY KEY,
  crm           text COLLATE "C" NOT NULL,
  tenant_id     text COLLATE "C" NOT NULL,
  processed_at  timestamptz NOT NULL
);
CREATE INDEX processed_keys_by_age ON processed_keys (processed_at);

CREATE TABLE dead_letters (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  dedupe_key    text COLLATE "C" NOT NULL,
  crm           text COLLATE "C" NOT NULL,
  tenant_id     text COLLATE "C" NOT NULL,
  record_id     text COLLATE "C" NOT NULL,
  event         json        NOT NULL,
  attempts      integer     NOT NULL,
  reason        text        NOT NULL,
  received_at   timestamptz NOT NULL,
  dead_at       timestamptz NOT NULL
);
CREATE INDEX dead_letters_by_key ON dead_letters (dedupe_key);
CREATE INDEX dead_letters_by_tenant ON dead_letters (crm, tenant_id, id);

CREATE TABLE decisions (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  crm                 text COLLATE "C" NOT NULL,
  tenant_id           text COLLATE "C" NOT NULL,
  record_id           text COLLATE "C" NOT NULL,
  decided_at          timestamptz      NOT NULL,
  stage               text             NOT NULL,
  score               double precision NOT NULL,
  definition_version  integer          NOT NULL,
  body                json             NOT NULL,
  written_fields      json             NOT NULL
);
CREATE INDEX decisions_by_record ON decisions (crm, tenant_id, record_id, id);

CREATE TABLE routing_state (
  crm           text COLLATE "C" NOT NULL,
  tenant_id     text COLLATE "C" NOT NULL,
  state         json NOT NULL,
  PRIMARY KEY (crm, tenant_id)
);

CREATE TABLE owners (
  crm           text COLLATE "C" NOT NULL,
  tenant_id     text COLLATE "C" NOT NULL,
  owner_id      text COLLATE "C" NOT NULL,
  position      integer     NOT NULL,
  body          json        NOT NULL,
  synced_at     timestamptz NOT NULL,
  PRIMARY KEY (crm, tenant_id, owner_id)
);

CREATE TABLE audit (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  crm           text COLLATE "C" NOT NULL,
  tenant_id     text COLLATE "C" NOT NULL,
  at            timestamptz NOT NULL,
  actor         text        NOT NULL,
  action        text        NOT NULL,
  record_id     text,
  detail        json        NOT NULL
);
CREATE INDEX audit_by_tenant ON audit (crm, tenant_id, id);

CREATE TABLE leases (
  name          text COLLATE "C" PRIMARY KEY,
  holder        text        NOT NULL,
  until         timestamptz NOT NULL
);
`;

// Where a tenant's polling jobs resume (reconciliation of missed Salesforce outbound messages).
const syncCursors = `
CREATE TABLE sync_cursors (
  crm           text COLLATE "C" NOT NULL,
  tenant_id     text COLLATE "C" NOT NULL,
  name          text COLLATE "C" NOT NULL,
  value         text        NOT NULL,
  updated_at    timestamptz NOT NULL,
  PRIMARY KEY (crm, tenant_id, name)
);
`;

// What the dashboard groups leads by: a snapshot per record, since decisions carry none of it.
const leadFacts = `
CREATE TABLE lead_facts (
  crm           text COLLATE "C" NOT NULL,
  tenant_id     text COLLATE "C" NOT NULL,
  record_id     text COLLATE "C" NOT NULL,
  created_at    timestamptz,
  source        text,
  campaign      text,
  country       text,
  region        text,
  outcome       text        CHECK (outcome IN ('won', 'lost')),
  outcome_at    timestamptz,
  amount        double precision,
  updated_at    timestamptz NOT NULL,
  PRIMARY KEY (crm, tenant_id, record_id)
);
CREATE INDEX decisions_by_decided_at ON decisions (crm, tenant_id, decided_at);
`;

// The loop between the teams: rejections as feedback (once each), weekly digests, the SLA sweep's index.
const loopFeedback = `
CREATE TABLE feedback (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  crm           text COLLATE "C" NOT NULL,
  tenant_id     text COLLATE "C" NOT NULL,
  record_id     text COLLATE "C" NOT NULL,
  rejected_at   timestamptz NOT NULL,
  reason        text        NOT NULL,
  source        text,
  campaign      text,
  body          json        NOT NULL,
  recorded_at   timestamptz NOT NULL,
  UNIQUE (crm, tenant_id, record_id, rejected_at)
);
CREATE INDEX feedback_by_time ON feedback (crm, tenant_id, rejected_at);

CREATE TABLE digests (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  crm           text COLLATE "C" NOT NULL,
  tenant_id     text COLLATE "C" NOT NULL,
  period_end    timestamptz NOT NULL,
  body          json        NOT NULL,
  created_at    timestamptz NOT NULL
);
CREATE INDEX digests_by_tenant ON digests (crm, tenant_id, id);
CREATE INDEX decisions_by_stage ON decisions (crm, tenant_id, stage, record_id);
`;


/*
 * What the CRM pages' API keeps: lead snapshots for the settings preview, draft sign-offs, re-scoring
 * runs, rejections sent from the record card, per-tenant API key hashes, used OAuth state nonces.
 */
const crmApi = `
CREATE TABLE lead_snapshots (
  crm           text COLLATE "C" NOT NULL,
  tenant_id     text COLLATE "C" NOT NULL,
  record_id     text COLLATE "C" NOT NULL,
  body          jsonb       NOT NULL,
  PRIMARY KEY (crm, tenant_id, record_id)
);

CREATE TABLE draft_approvals (
  crm            text COLLATE "C" NOT NULL,
  tenant_id      text COLLATE "C" NOT NULL,
  draft_id       bigint      NOT NULL,
  role           text        NOT NULL CHECK (role IN ('sales', 'marketing')),
  approver_id    text        NOT NULL,
  approver_email text,
  approved_at    timestamptz NOT NULL,
  PRIMARY KEY (crm, tenant_id, draft_id, role)
);

CREATE TABLE backfills (
  crm                 text COLLATE "C" NOT NULL,
  tenant_id           text COLLATE "C" NOT NULL,
  id                  text COLLATE "C" NOT NULL,
  definition_version  integer     NOT NULL,
  status              text        NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
  total               integer     NOT NULL,
  enqueue_done        boolean     NOT NULL,
  created_at          timestamptz NOT NULL,
  started_at          timestamptz,
  finished_at         timestamptz,
  error               text,
  PRIMARY KEY (crm, tenant_id, id)
);

CREATE TABLE record_rejections (
  crm           text COLLATE "C" NOT NULL,
  tenant_id     text COLLATE "C" NOT NULL,
  record_id     text COLLATE "C" NOT NULL,
  reason        text        NOT NULL,
  note          text,
  actor_id      text        NOT NULL,
  actor_email   text,
  rejected_at   timestamptz NOT NULL,
  PRIMARY KEY (crm, tenant_id, record_id)
);

CREATE TABLE api_keys (
  crm           text COLLATE "C" NOT NULL,
  tenant_id     text COLLATE "C" NOT NULL,
  key_hash      text COLLATE "C" NOT NULL UNIQUE,
  created_at    timestamptz NOT NULL,
  PRIMARY KEY (crm, tenant_id)
);

CREATE TABLE used_oauth_states (
  nonce         text COLLATE "C" PRIMARY KEY,
  used_at       timestamptz NOT NULL,
  expires_at    timestamptz NOT NULL
);
CREATE INDEX inbox_by_tenant ON inbox (crm, tenant_id);
`;

// Backfills leave leads sales already accepted or rejected alone, and say how many.
const backfillSkipped = `
ALTER TABLE backfills ADD COLUMN skipped integer NOT NULL DEFAULT 0;
`;

/* Shadow runs: see sqlite-migrations.ts. */
const shadowRuns = `
CREATE TABLE shadow_runs (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  crm            text COLLATE "C" NOT NULL,
  tenant_id      text COLLATE "C" NOT NULL,
  definition_id  bigint      NOT NULL,
  started_at     timestamptz NOT NULL,
  ends_at        timestamptz NOT NULL,
  stopped_at     timestamptz,
  started_by     text        NOT NULL,
  CHECK (ends_at > started_at)
);
CREATE INDEX shadow_runs_by_tenant ON shadow_runs (crm, tenant_id, id);

CREATE TABLE shadow_decisions (
  crm               text COLLATE "C" NOT NULL,
  tenant_id         text COLLATE "C" NOT NULL,
  run_id            bigint      NOT NULL REFERENCES shadow_runs (id),
  record_id         text COLLATE "C" NOT NULL,
  score             double precision NOT NULL,
  stage             text        NOT NULL,
  probability       double precision,
  why               text        NOT NULL,
  live_score        double precision NOT NULL,
  live_stage        text        NOT NULL,
  live_probability  double precision,
  live_why          text        NOT NULL,
  live_version      integer     NOT NULL,
  decided_at        timestamptz NOT NULL,
  PRIMARY KEY (crm, tenant_id, run_id, record_id)
);
`;

/* Calibration jobs: see sqlite-migrations.ts. */
const calibrationJobs = `
CREATE TABLE calibration_jobs (
  crm           text COLLATE "C" NOT NULL,
  tenant_id     text COLLATE "C" NOT NULL,
  id            text COLLATE "C" NOT NULL,
  status        text        NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
  phase         text        CHECK (phase IN ('reading', 'learning')),
  outcomes_read integer     NOT NULL DEFAULT 0,
  holdout       double precision,
  requested_by  text        NOT NULL,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  started_at    timestamptz,
  finished_at   timestamptz,
  draft_id      bigint,
  summary       text,
  error         text,
  error_code    text,
  PRIMARY KEY (crm, tenant_id, id)
);
`;

/* Channel settings: see sqlite-migrations.ts. */
const channelSettings = `
CREATE TABLE channel_settings (
  crm         text COLLATE "C" NOT NULL,
  tenant_id   text COLLATE "C" NOT NULL,
  slack_url   text,
  teams_url   text,
  updated_by  text        NOT NULL,
  updated_at  timestamptz NOT NULL,
  PRIMARY KEY (crm, tenant_id)
);
`;

/** Versions and names match the SQLite migrations one for one. */
export const postgresMigrations: readonly PostgresMigration[] = [
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
