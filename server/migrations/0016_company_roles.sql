ALTER TABLE "accounts" ADD COLUMN "company_role" text;--> statement-breakpoint
-- today's fleet administrators keep today's rights; each company's owner is then invited by operator staff
UPDATE "accounts" SET "company_role" = 'administrator' WHERE "role" = 'admin';--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_company_role_ck" CHECK (("accounts"."role" = 'admin') = ("accounts"."company_role" is not null));--> statement-breakpoint
-- a change of role alters what a session may do: announce it like the other account changes (0010)
DROP TRIGGER accounts_announce_change ON accounts;--> statement-breakpoint
CREATE TRIGGER accounts_announce_change AFTER UPDATE OF status, password_hash, email, full_name, role, company_role, language, company_id OR DELETE ON accounts FOR EACH ROW EXECUTE FUNCTION fd_notify_session_change();
