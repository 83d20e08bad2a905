DROP INDEX "mobile_users_company_name_idx";--> statement-breakpoint
DROP INDEX "services_company_user_idx";--> statement-breakpoint
DROP INDEX "services_company_msisdn_id_idx";--> statement-breakpoint
CREATE INDEX "mobile_users_company_name_id_idx" ON "mobile_users" USING btree ("company_id","last_name","first_name","id");--> statement-breakpoint
CREATE INDEX "sim_cards_company_service_idx" ON "sim_cards" USING btree ("company_id","service_id");--> statement-breakpoint
CREATE INDEX "services_company_msisdn_id_idx" ON "services" USING btree ("company_id",(coalesce("msisdn", '') collate "C"),"id");