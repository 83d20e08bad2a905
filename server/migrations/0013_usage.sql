CREATE TABLE "usage_company_daily" (
	"company_id" uuid NOT NULL,
	"usage_day" date NOT NULL,
	"lines" integer NOT NULL,
	"data_mb" bigint NOT NULL,
	"voice_min" bigint NOT NULL,
	"sms" bigint NOT NULL,
	"roaming_data_mb" bigint NOT NULL,
	"out_of_bundle_cents" bigint NOT NULL,
	CONSTRAINT "usage_company_daily_company_id_usage_day_pk" PRIMARY KEY("company_id","usage_day")
);
--> statement-breakpoint
CREATE TABLE "usage_feeds" (
	"feed_id" text PRIMARY KEY NOT NULL,
	"day" date NOT NULL,
	"records" integer NOT NULL,
	"unmatched" integer NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "usage_monthly" (
	"company_id" uuid NOT NULL,
	"month" date NOT NULL,
	"service_id" uuid NOT NULL,
	"data_mb" bigint NOT NULL,
	"voice_national_min" bigint NOT NULL,
	"voice_international_min" bigint NOT NULL,
	"sms" bigint NOT NULL,
	"roaming_data_mb" bigint NOT NULL,
	"roaming_voice_min" bigint NOT NULL,
	"roaming_days" integer NOT NULL,
	"out_of_bundle_cents" bigint NOT NULL,
	CONSTRAINT "usage_monthly_company_id_month_service_id_pk" PRIMARY KEY("company_id","month","service_id")
);
--> statement-breakpoint
CREATE TABLE "usage_records" (
	"company_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"usage_day" date NOT NULL,
	"msisdn" text NOT NULL,
	"data_mb" integer NOT NULL,
	"voice_national_min" integer NOT NULL,
	"voice_international_min" integer NOT NULL,
	"sms" integer NOT NULL,
	"roaming_zone" text,
	"roaming_data_mb" integer NOT NULL,
	"roaming_voice_min" integer NOT NULL,
	"out_of_bundle_cents" integer NOT NULL,
	"feed_id" text NOT NULL,
	CONSTRAINT "usage_records_pk" PRIMARY KEY("company_id","service_id","usage_day")
) PARTITION BY RANGE ("usage_day");
-- Written by hand (drizzle-kit knows no partitions): one partition per month, created by the usage
-- loader (modules/usage) before it loads a month's first day.
--> statement-breakpoint
ALTER TABLE "usage_company_daily" ADD CONSTRAINT "usage_company_daily_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_monthly" ADD CONSTRAINT "usage_monthly_service_same_company_fk" FOREIGN KEY ("company_id","service_id") REFERENCES "public"."services"("company_id","id") ON DELETE no action ON UPDATE no action;