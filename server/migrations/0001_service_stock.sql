CREATE TABLE "fixed_numbers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"number" text NOT NULL,
	"status" text DEFAULT 'available' NOT NULL,
	"service_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fixed_numbers_company_id_uq" UNIQUE("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "mobile_numbers" (
	"msisdn" text PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'free' NOT NULL,
	"company_id" uuid,
	"service_id" uuid,
	"quarantined_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "port_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"msisdn" text NOT NULL,
	"donor_operator" text NOT NULL,
	"account_type" text NOT NULL,
	"customer_number" text,
	"donor_sim_number" text,
	"holder_name" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"refusal_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "service_events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"event" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_account_id" uuid,
	"actor_name" text NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sim_cards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"iccid" text NOT NULL,
	"pin" text,
	"puk" text,
	"smdp_address" text,
	"matching_id" text,
	"status" text DEFAULT 'in_stock' NOT NULL,
	"service_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sim_cards_company_id_uq" UNIQUE("company_id","id")
);
--> statement-breakpoint
-- (company_id, id) must exist before the same-company foreign keys below can point at it
ALTER TABLE "services" ADD CONSTRAINT "services_company_id_uq" UNIQUE("company_id","id");--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "number_source" text;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "port_from_service_id" uuid;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "sim_choice" text;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "fixed_number_taken_from_service_id" uuid;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "activation_method" text;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "activation_timing" text;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "scheduled_start_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "activation_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "created_by_account_id" uuid;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "fixed_numbers" ADD CONSTRAINT "fixed_numbers_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fixed_numbers" ADD CONSTRAINT "fixed_numbers_service_same_company_fk" FOREIGN KEY ("company_id","service_id") REFERENCES "public"."services"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mobile_numbers" ADD CONSTRAINT "mobile_numbers_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mobile_numbers" ADD CONSTRAINT "mobile_numbers_service_same_company_fk" FOREIGN KEY ("company_id","service_id") REFERENCES "public"."services"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "port_ins" ADD CONSTRAINT "port_ins_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "port_ins" ADD CONSTRAINT "port_ins_service_same_company_fk" FOREIGN KEY ("company_id","service_id") REFERENCES "public"."services"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_events" ADD CONSTRAINT "service_events_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_events" ADD CONSTRAINT "service_events_actor_account_id_accounts_id_fk" FOREIGN KEY ("actor_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_events" ADD CONSTRAINT "service_events_service_same_company_fk" FOREIGN KEY ("company_id","service_id") REFERENCES "public"."services"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sim_cards" ADD CONSTRAINT "sim_cards_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sim_cards" ADD CONSTRAINT "sim_cards_service_same_company_fk" FOREIGN KEY ("company_id","service_id") REFERENCES "public"."services"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "fixed_numbers_number_uq" ON "fixed_numbers" USING btree ("number");--> statement-breakpoint
CREATE INDEX "fixed_numbers_company_status_idx" ON "fixed_numbers" USING btree ("company_id","status","number");--> statement-breakpoint
CREATE INDEX "fixed_numbers_service_idx" ON "fixed_numbers" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "mobile_numbers_status_idx" ON "mobile_numbers" USING btree ("status","msisdn");--> statement-breakpoint
CREATE INDEX "port_ins_company_service_idx" ON "port_ins" USING btree ("company_id","service_id");--> statement-breakpoint
CREATE UNIQUE INDEX "port_ins_open_msisdn_uq" ON "port_ins" USING btree ("msisdn") WHERE status in ('draft', 'submitted', 'refused');--> statement-breakpoint
CREATE INDEX "service_events_service_idx" ON "service_events" USING btree ("company_id","service_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "sim_cards_iccid_uq" ON "sim_cards" USING btree ("iccid");--> statement-breakpoint
CREATE INDEX "sim_cards_company_kind_status_idx" ON "sim_cards" USING btree ("company_id","kind","status");--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_created_by_account_id_accounts_id_fk" FOREIGN KEY ("created_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_port_from_same_company_fk" FOREIGN KEY ("company_id","port_from_service_id") REFERENCES "public"."services"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "services_company_status_idx" ON "services" USING btree ("company_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "services_open_port_from_uq" ON "services" USING btree ("port_from_service_id") WHERE port_from_service_id is not null and status not in ('terminated', 'cancelled', 'active');
