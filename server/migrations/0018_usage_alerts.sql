CREATE TABLE "company_usage_alerts" (
	"company_id" uuid PRIMARY KEY NOT NULL,
	"data_alerts" boolean NOT NULL,
	"spending_alert_cents" integer NOT NULL,
	"roaming_cap_mb" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_usage_alerts" (
	"company_id" uuid NOT NULL,
	"service_id" uuid PRIMARY KEY NOT NULL,
	"data_alerts" boolean,
	"spending_alert_cents" integer,
	"roaming_cap_mb" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "usage_alerts" (
	"company_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"month" date NOT NULL,
	"kind" text NOT NULL,
	"used" bigint NOT NULL,
	"threshold" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"blocked" boolean DEFAULT false NOT NULL,
	"lifted_at" timestamp with time zone,
	"lifted_by" text,
	CONSTRAINT "usage_alerts_service_id_month_kind_pk" PRIMARY KEY("service_id","month","kind")
);
--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "barrings" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "company_usage_alerts" ADD CONSTRAINT "company_usage_alerts_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_usage_alerts" ADD CONSTRAINT "service_usage_alerts_service_same_company_fk" FOREIGN KEY ("company_id","service_id") REFERENCES "public"."services"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_alerts" ADD CONSTRAINT "usage_alerts_service_same_company_fk" FOREIGN KEY ("company_id","service_id") REFERENCES "public"."services"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "usage_alerts_company_service_idx" ON "usage_alerts" USING btree ("company_id","service_id","month");