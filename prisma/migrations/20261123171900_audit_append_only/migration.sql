-- The audit log is append-only: refuse UPDATE and DELETE on it, whoever asks.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'AuditLog is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditLog_append_only"
  BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TRIGGER "AuditLog_no_truncate"
  BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- Revisions are history too: once written they never change.
CREATE OR REPLACE FUNCTION revision_immutable() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is immutable (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "ObservationRevision_immutable"
  BEFORE UPDATE OR DELETE ON "ObservationRevision"
  FOR EACH ROW EXECUTE FUNCTION revision_immutable();

CREATE TRIGGER "TaskProgressRevision_immutable"
  BEFORE UPDATE OR DELETE ON "TaskProgressRevision"
  FOR EACH ROW EXECUTE FUNCTION revision_immutable();
