CREATE TABLE "product_order_cancellations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"product_order_id" uuid NOT NULL,
	"api_client_id" uuid NOT NULL,
	"state" text NOT NULL,
	"cancellation_reason" text,
	"requested_cancellation_date" timestamp with time zone,
	"effective_cancellation_date" timestamp with time zone,
	"failure" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "product_orders" ADD COLUMN "requested_completion_date" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "product_orders" ADD COLUMN "priority" text;--> statement-breakpoint
ALTER TABLE "product_orders" ADD COLUMN "category" text;--> statement-breakpoint
ALTER TABLE "product_orders" ADD COLUMN "related_party" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "product_orders" ADD COLUMN "notes" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "product_orders" ADD COLUMN "processed_at" timestamp with time zone;--> statement-breakpoint
-- orders placed before this migration had their items carried out when they came in
UPDATE "product_orders" SET "processed_at" = "created_at";--> statement-breakpoint
ALTER TABLE "product_orders" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "product_orders" ADD COLUMN "cancellation_reason" text;--> statement-breakpoint
ALTER TABLE "product_order_cancellations" ADD CONSTRAINT "product_order_cancellations_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_order_cancellations" ADD CONSTRAINT "product_order_cancellations_order_fk" FOREIGN KEY ("company_id","product_order_id") REFERENCES "public"."product_orders"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "product_order_cancellations_company_created_idx" ON "product_order_cancellations" USING btree ("company_id","created_at","id");--> statement-breakpoint
CREATE INDEX "product_order_cancellations_order_idx" ON "product_order_cancellations" USING btree ("product_order_id");