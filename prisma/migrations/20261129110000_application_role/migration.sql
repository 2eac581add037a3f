-- The application's own database role (docs/decisions/0008-workflow-and-append-only-audit.md).
--
-- Migrations run as the owner of the tables; the application connects as "gongkai_app", which
-- may read and write the application's tables but has no UPDATE, DELETE or TRUNCATE on
-- audit_events: the audit log is append-only by privilege, not only by the triggers of
-- 20261126200100_integrity_rules (which cannot intercept TRUNCATE). The role is created NOLOGIN;
-- whoever runs the application gives it a password and LOGIN (the embedded set-up does,
-- lib/database/app-role.ts). Roles belong to the whole cluster: where the migrating user may not
-- create roles (a managed PostgreSQL), an administrator creates "gongkai_app" first, and this
-- migration then only grants; without the role it does nothing and says so.

DO $$
DECLARE
  may_create_roles boolean;
  schema_name text := current_schema();
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'gongkai_app') THEN
    SELECT rolsuper OR rolcreaterole INTO may_create_roles FROM pg_roles WHERE rolname = current_user;
    IF NOT may_create_roles THEN
      RAISE NOTICE 'role gongkai_app does not exist and % may not create it: no grants made (see docs/decisions/0008)', current_user;
      RETURN;
    END IF;
    CREATE ROLE gongkai_app NOLOGIN;
  END IF;

  EXECUTE format('GRANT USAGE ON SCHEMA %I TO gongkai_app', schema_name);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO gongkai_app', schema_name);
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO gongkai_app', schema_name);
  -- Tables that later migrations create (as this same owner) get the same grants.
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO gongkai_app', schema_name);
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO gongkai_app', schema_name);

  -- The migration history is the migrator's business.
  -- (absent when Prisma replays the migrations in a shadow database)
  IF to_regclass('_prisma_migrations') IS NOT NULL THEN
    REVOKE ALL ON TABLE "_prisma_migrations" FROM gongkai_app;
  END IF;
  -- Append-only: the application adds and reads audit events, and can never change or remove one.
  REVOKE UPDATE, DELETE, TRUNCATE ON TABLE "audit_events" FROM gongkai_app;
  REVOKE ALL ON TABLE "audit_events" FROM PUBLIC;
END
$$;
