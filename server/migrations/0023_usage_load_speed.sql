CREATE INDEX "usage_records_roaming_idx" ON "usage_records" USING btree ("company_id","service_id","usage_day") WHERE "usage_records"."roaming_zone" is not null;--> statement-breakpoint
ALTER TABLE "usage_records" DROP CONSTRAINT "usage_records_pk";
--> statement-breakpoint
ALTER TABLE "usage_records" ADD CONSTRAINT "usage_records_pk" PRIMARY KEY("usage_day","company_id","service_id");--> statement-breakpoint
-- Written by hand: room on usage_monthly's pages, so that the loader's daily update of every line's
-- month writes each new version beside the old one (HOT: no new index entry, no page elsewhere).
ALTER TABLE "usage_monthly" SET (fillfactor = 50);
