CREATE TABLE "line_operations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"details" jsonb NOT NULL,
	"requested_by_account_id" uuid,
	"requested_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "bundles" ADD COLUMN "suspended_monthly_price_cents" integer;--> statement-breakpoint
ALTER TABLE "service_changes" ADD COLUMN "from_suspended" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "service_changes" ADD COLUMN "to_suspended" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "suspended_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "line_operations" ADD CONSTRAINT "line_operations_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "line_operations" ADD CONSTRAINT "line_operations_requested_by_account_id_accounts_id_fk" FOREIGN KEY ("requested_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "line_operations" ADD CONSTRAINT "line_operations_service_same_company_fk" FOREIGN KEY ("company_id","service_id") REFERENCES "public"."services"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "line_operations_service_idx" ON "line_operations" USING btree ("company_id","service_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "line_operations_one_swap_uq" ON "line_operations" USING btree ("service_id") WHERE kind = 'swap_sim' and status = 'pending';