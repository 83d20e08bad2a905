CREATE TABLE "activation_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"sent_to" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "port_ins" ADD COLUMN "attempt" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "port_ins" ADD COLUMN "refusal_code" text;--> statement-breakpoint
ALTER TABLE "port_ins" ADD COLUMN "refused_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "sim_provisioned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "user_acted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "number_live_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "activation_links" ADD CONSTRAINT "activation_links_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activation_links" ADD CONSTRAINT "activation_links_service_same_company_fk" FOREIGN KEY ("company_id","service_id") REFERENCES "public"."services"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "activation_links_token_uq" ON "activation_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "activation_links_service_idx" ON "activation_links" USING btree ("company_id","service_id");