CREATE TABLE "billing_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"mobile_user_id" uuid NOT NULL,
	"billing_month" date NOT NULL,
	"occurred_on" date NOT NULL,
	"reason" text NOT NULL,
	"service_change_id" uuid,
	"item_kind" text NOT NULL,
	"item_code" text NOT NULL,
	"kind" text NOT NULL,
	"monthly_price_cents" integer NOT NULL,
	"days" integer NOT NULL,
	"days_in_month" integer NOT NULL,
	"amount_cents" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_prices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_kind" text NOT NULL,
	"item_code" text NOT NULL,
	"monthly_price_cents" integer NOT NULL,
	"effective_from" date NOT NULL,
	"created_by_account_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_prices_non_negative_ck" CHECK ("catalog_prices"."monthly_price_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "service_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"effective_on" date NOT NULL,
	"from_bundle_code" text NOT NULL,
	"from_option_codes" text[] NOT NULL,
	"to_bundle_code" text NOT NULL,
	"to_option_codes" text[] NOT NULL,
	"actor_account_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "account_manager_id" uuid;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "end_reason" text;--> statement-breakpoint
ALTER TABLE "billing_lines" ADD CONSTRAINT "billing_lines_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_lines" ADD CONSTRAINT "billing_lines_service_change_id_service_changes_id_fk" FOREIGN KEY ("service_change_id") REFERENCES "public"."service_changes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_lines" ADD CONSTRAINT "billing_lines_service_same_company_fk" FOREIGN KEY ("company_id","service_id") REFERENCES "public"."services"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_prices" ADD CONSTRAINT "catalog_prices_created_by_account_id_accounts_id_fk" FOREIGN KEY ("created_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_changes" ADD CONSTRAINT "service_changes_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_changes" ADD CONSTRAINT "service_changes_actor_account_id_accounts_id_fk" FOREIGN KEY ("actor_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_changes" ADD CONSTRAINT "service_changes_service_same_company_fk" FOREIGN KEY ("company_id","service_id") REFERENCES "public"."services"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "billing_lines_company_month_idx" ON "billing_lines" USING btree ("company_id","billing_month","mobile_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "billing_lines_once_uq" ON "billing_lines" USING btree ("service_id","reason","item_kind","item_code") WHERE reason in ('new_service', 'deletion');--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_prices_item_from_uq" ON "catalog_prices" USING btree ("item_kind","item_code","effective_from");--> statement-breakpoint
CREATE INDEX "service_changes_service_idx" ON "service_changes" USING btree ("company_id","service_id","effective_on");--> statement-breakpoint
ALTER TABLE "companies" ADD CONSTRAINT "companies_account_manager_id_accounts_id_fk" FOREIGN KEY ("account_manager_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "services_company_msisdn_id_idx" ON "services" USING btree ("company_id",coalesce("msisdn", ''),"id");--> statement-breakpoint
CREATE INDEX "services_company_activated_id_idx" ON "services" USING btree ("company_id",coalesce("activated_at", '-infinity'::timestamptz),"id");--> statement-breakpoint
CREATE INDEX "services_company_user_id_idx" ON "services" USING btree ("company_id","mobile_user_id","id");--> statement-breakpoint
CREATE INDEX "services_company_deleted_idx" ON "services" USING btree ("company_id","ended_at") WHERE end_reason = 'deleted';--> statement-breakpoint
-- prices so far become the first dated prices; services ended before this migration ended by a number move
INSERT INTO "catalog_prices" ("item_kind", "item_code", "monthly_price_cents", "effective_from") SELECT 'bundle', "code", "monthly_price_cents", '2000-01-01' FROM "bundles" ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "catalog_prices" ("item_kind", "item_code", "monthly_price_cents", "effective_from") SELECT 'option', "code", "monthly_price_cents", '2000-01-01' FROM "bundle_options" ON CONFLICT DO NOTHING;--> statement-breakpoint
UPDATE "services" SET "end_reason" = 'number_moved' WHERE "status" = 'terminated' AND "end_reason" IS NULL;
