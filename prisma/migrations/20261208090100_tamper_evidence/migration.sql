-- Tamper evidence (docs/decisions/0020-tamper-evident-audit-and-publications.md).
--
-- Each audit row carries the hash of the row before it (chain_seq orders the chain), and every
-- published file is entered in an append-only ledger with the same kind of chain. A change made
-- past the triggers (by the database owner) breaks a link that `npm run gongkai -- verify` names.
-- TRUNCATE, which row triggers cannot see, is refused by statement triggers.

-- --- audit_events --------------------------------------------------------------------------
ALTER TABLE "audit_events"
  ADD COLUMN "chain_seq" BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN "prev_hash" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "row_hash" TEXT NOT NULL DEFAULT '';

-- The text a row's hash covers: every column, NULL told apart from '' (quote_nullable).
CREATE FUNCTION "audit_event_canonical"(e "audit_events") RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT concat_ws('|',
    e.chain_seq::text, e.id::text,
    to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS'),
    quote_nullable(e.user_id), quote_literal(e.action), quote_nullable(e.object_type),
    quote_nullable(e.object_id), e.result::text, quote_nullable(e.client_address), e.details::text)
$$;

CREATE FUNCTION "chain_hash"(prev_hash text, canonical text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(prev_hash || '|' || canonical, 'UTF8')), 'hex')
$$;

-- One writer at a time extends the chain (a transaction-scoped advisory lock, released at commit),
-- so concurrent transactions never fork it.
CREATE FUNCTION "audit_events_chain"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  last_seq bigint;
  last_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(73100001);
  SELECT chain_seq, row_hash INTO last_seq, last_hash FROM "audit_events" ORDER BY chain_seq DESC LIMIT 1;
  NEW.chain_seq := coalesce(last_seq, 0) + 1;
  NEW.prev_hash := coalesce(last_hash, repeat('0', 64));
  NEW.row_hash := "chain_hash"(NEW.prev_hash, "audit_event_canonical"(NEW));
  RETURN NEW;
END;
$$;

-- Rows written before this migration join the chain in the order they were written.
ALTER TABLE "audit_events" DISABLE TRIGGER "audit_events_append_only";
DO $$
DECLARE
  r record;
  seq bigint := 0;
  previous text := repeat('0', 64);
BEGIN
  FOR r IN SELECT id FROM "audit_events" ORDER BY id LOOP
    seq := seq + 1;
    UPDATE "audit_events" SET chain_seq = seq, prev_hash = previous WHERE id = r.id;
    UPDATE "audit_events" e SET row_hash = "chain_hash"(previous, "audit_event_canonical"(e))
      WHERE id = r.id RETURNING row_hash INTO previous;
  END LOOP;
END
$$;
ALTER TABLE "audit_events" ENABLE TRIGGER "audit_events_append_only";

CREATE UNIQUE INDEX "audit_events_chain_seq_key" ON "audit_events"("chain_seq");

CREATE TRIGGER "audit_events_chain"
  BEFORE INSERT ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "audit_events_chain"();

CREATE TRIGGER "audit_events_no_truncate"
  BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_reject_change"();

-- --- publication ledger ----------------------------------------------------------------------
CREATE TABLE "publication_ledger" (
    "chain_seq" BIGINT NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "document_scope" TEXT NOT NULL,
    "artifact_id" INTEGER NOT NULL,
    "snapshot_id" INTEGER NOT NULL,
    "kind" "artifact_kind" NOT NULL,
    "file_name" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "prev_hash" TEXT NOT NULL,
    "row_hash" TEXT NOT NULL,

    CONSTRAINT "publication_ledger_pkey" PRIMARY KEY ("chain_seq")
);

CREATE UNIQUE INDEX "publication_ledger_document_scope_artifact_id_key" ON "publication_ledger"("document_scope", "artifact_id");

CREATE FUNCTION "publication_ledger_canonical"(l "publication_ledger") RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT concat_ws('|',
    l.chain_seq::text, to_char(l.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS'),
    l.document_scope, l.artifact_id::text, l.snapshot_id::text, l.kind::text,
    quote_literal(l.file_name), l.sha256, l.size::text)
$$;

CREATE FUNCTION "publication_ledger_append"(scope text, artifact_id integer, snapshot_id integer,
  kind "artifact_kind", file_name text, sha256 text, size integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  last_seq bigint;
  last_hash text;
  entry "publication_ledger";
BEGIN
  PERFORM pg_advisory_xact_lock(73100002);
  SELECT l.chain_seq, l.row_hash INTO last_seq, last_hash FROM "publication_ledger" l ORDER BY l.chain_seq DESC LIMIT 1;
  entry.chain_seq := coalesce(last_seq, 0) + 1;
  entry.recorded_at := date_trunc('milliseconds', clock_timestamp());
  entry.document_scope := scope;
  entry.artifact_id := artifact_id;
  entry.snapshot_id := snapshot_id;
  entry.kind := kind;
  entry.file_name := file_name;
  entry.sha256 := sha256;
  entry.size := size;
  entry.prev_hash := coalesce(last_hash, repeat('0', 64));
  entry.row_hash := "chain_hash"(entry.prev_hash, "publication_ledger_canonical"(entry));
  INSERT INTO "publication_ledger" SELECT entry.*;
END;
$$;

CREATE FUNCTION "published_artifacts_to_ledger"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "publication_ledger_append"(TG_ARGV[0], NEW.id, NEW.snapshot_id, NEW.kind, NEW.file_name, NEW.sha256, NEW.size);
  RETURN NULL;
END;
$$;

-- Files published before this migration enter the ledger first, unit files then department files.
DO $$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT 'unit' AS scope, id, snapshot_id, kind, file_name, sha256, size, created_at FROM "published_artifacts"
    UNION ALL
    SELECT 'department', id, snapshot_id, kind, file_name, sha256, size, created_at FROM "department_artifacts"
    ORDER BY created_at, scope DESC, id
  LOOP
    PERFORM "publication_ledger_append"(r.scope, r.id, r.snapshot_id, r.kind, r.file_name, r.sha256, r.size);
  END LOOP;
END
$$;

CREATE TRIGGER "published_artifacts_ledger"
  AFTER INSERT ON "published_artifacts"
  FOR EACH ROW EXECUTE FUNCTION "published_artifacts_to_ledger"('unit');

CREATE TRIGGER "department_artifacts_ledger"
  AFTER INSERT ON "department_artifacts"
  FOR EACH ROW EXECUTE FUNCTION "published_artifacts_to_ledger"('department');

CREATE FUNCTION "publication_ledger_reject_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'publication_ledger is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "publication_ledger_append_only"
  BEFORE UPDATE OR DELETE ON "publication_ledger"
  FOR EACH ROW EXECUTE FUNCTION "publication_ledger_reject_change"();

CREATE TRIGGER "publication_ledger_no_truncate"
  BEFORE TRUNCATE ON "publication_ledger"
  FOR EACH STATEMENT EXECUTE FUNCTION "publication_ledger_reject_change"();

CREATE FUNCTION "published_files_no_truncate"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: TRUNCATE is not allowed', TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "published_artifacts_no_truncate"
  BEFORE TRUNCATE ON "published_artifacts"
  FOR EACH STATEMENT EXECUTE FUNCTION "published_files_no_truncate"();

CREATE TRIGGER "department_artifacts_no_truncate"
  BEFORE TRUNCATE ON "department_artifacts"
  FOR EACH STATEMENT EXECUTE FUNCTION "published_files_no_truncate"();

-- The application role appends to the ledger (through the triggers) and reads it; nothing else.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'gongkai_app') THEN
    REVOKE UPDATE, DELETE, TRUNCATE ON TABLE "publication_ledger" FROM gongkai_app;
    REVOKE TRUNCATE ON TABLE "published_artifacts", "department_artifacts" FROM gongkai_app;
  END IF;
END
$$;
