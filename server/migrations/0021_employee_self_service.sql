CREATE TABLE "employee_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"mobile_user_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"bundle_code" text,
	"option_codes" text[],
	"note" text,
	"decision_reason" text,
	"decided_by_account_id" uuid,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employee_requests_bundle_ck" CHECK (("employee_requests"."kind" = 'bundle_change') = ("employee_requests"."bundle_code" is not null))
);
--> statement-breakpoint
CREATE TABLE "employee_sessions" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"mobile_user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"user_agent" text,
	"ip_address" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "employee_sign_in_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"mobile_user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "employee_requests" ADD CONSTRAINT "employee_requests_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_requests" ADD CONSTRAINT "employee_requests_bundle_code_bundles_code_fk" FOREIGN KEY ("bundle_code") REFERENCES "public"."bundles"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_requests" ADD CONSTRAINT "employee_requests_decided_by_account_id_accounts_id_fk" FOREIGN KEY ("decided_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_requests" ADD CONSTRAINT "employee_requests_user_same_company_fk" FOREIGN KEY ("company_id","mobile_user_id") REFERENCES "public"."mobile_users"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_requests" ADD CONSTRAINT "employee_requests_service_same_company_fk" FOREIGN KEY ("company_id","service_id") REFERENCES "public"."services"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_sessions" ADD CONSTRAINT "employee_sessions_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_sessions" ADD CONSTRAINT "employee_sessions_user_same_company_fk" FOREIGN KEY ("company_id","mobile_user_id") REFERENCES "public"."mobile_users"("company_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_sign_in_links" ADD CONSTRAINT "employee_sign_in_links_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_sign_in_links" ADD CONSTRAINT "employee_sign_in_links_user_same_company_fk" FOREIGN KEY ("company_id","mobile_user_id") REFERENCES "public"."mobile_users"("company_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "employee_requests_one_pending_uq" ON "employee_requests" USING btree ("service_id","kind") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "employee_requests_company_status_idx" ON "employee_requests" USING btree ("company_id","status","created_at");--> statement-breakpoint
CREATE INDEX "employee_requests_user_idx" ON "employee_requests" USING btree ("company_id","mobile_user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "employee_sessions_id_uq" ON "employee_sessions" USING btree ("id");--> statement-breakpoint
CREATE INDEX "employee_sessions_user_idx" ON "employee_sessions" USING btree ("company_id","mobile_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "employee_sign_in_links_token_uq" ON "employee_sign_in_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "employee_sign_in_links_user_idx" ON "employee_sign_in_links" USING btree ("company_id","mobile_user_id");--> statement-breakpoint
-- Hand-written: employee sessions are announced on fd_sessions like account sessions
-- (modules/auth/session-cache.ts): 's:<id_hash>' when one ends, 'e:<mobile user id>' when what it
-- carries changes (name, language). A changed e-mail address ends the employee's sessions: the
-- address is how they signed in, and a leaver's address is what an administrator changes.
CREATE FUNCTION fd_notify_employee_session_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'employee_sessions' THEN
    PERFORM pg_notify('fd_sessions', 's:' || OLD.id_hash);
  ELSE
    IF TG_OP = 'UPDATE' AND OLD.email IS DISTINCT FROM NEW.email THEN
      DELETE FROM employee_sessions WHERE mobile_user_id = OLD.id;
      UPDATE employee_sign_in_links SET used_at = now() WHERE mobile_user_id = OLD.id AND used_at IS NULL;
    END IF;
    PERFORM pg_notify('fd_sessions', 'e:' || OLD.id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER employee_sessions_announce_end AFTER DELETE ON employee_sessions FOR EACH ROW EXECUTE FUNCTION fd_notify_employee_session_change();
--> statement-breakpoint
CREATE TRIGGER mobile_users_announce_change AFTER UPDATE OF email, first_name, last_name, language, company_id OR DELETE ON mobile_users FOR EACH ROW EXECUTE FUNCTION fd_notify_employee_session_change();
