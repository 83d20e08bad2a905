-- Each instance keeps the sessions it has checked in memory (modules/auth/session-cache.ts). Every
-- change that ends a session or alters what a session carries is announced on the channel
-- fd_sessions, from the database itself, so no code path can forget it and every instance hears it
-- when the change commits: 's:<id_hash>' a session ended (sign-out, replaced, purged, deactivation);
-- 'a:<account id>' the account changed (status, password, name, e-mail, role, language, company);
-- 'c:<company id>' the company's name changed.
CREATE FUNCTION fd_notify_session_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'sessions' THEN
    PERFORM pg_notify('fd_sessions', 's:' || OLD.id_hash);
  ELSIF TG_TABLE_NAME = 'accounts' THEN
    PERFORM pg_notify('fd_sessions', 'a:' || OLD.id);
  ELSE
    PERFORM pg_notify('fd_sessions', 'c:' || OLD.id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sessions_announce_end AFTER DELETE ON sessions FOR EACH ROW EXECUTE FUNCTION fd_notify_session_change();
--> statement-breakpoint
CREATE TRIGGER accounts_announce_change AFTER UPDATE OF status, password_hash, email, full_name, role, language, company_id OR DELETE ON accounts FOR EACH ROW EXECUTE FUNCTION fd_notify_session_change();
--> statement-breakpoint
CREATE TRIGGER companies_announce_rename AFTER UPDATE OF name ON companies FOR EACH ROW EXECUTE FUNCTION fd_notify_session_change();
