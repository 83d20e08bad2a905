CREATE TABLE "simulator_donor_numbers" (
	"msisdn" text PRIMARY KEY NOT NULL,
	"operator" text NOT NULL,
	"account_type" text NOT NULL,
	"customer_number" text,
	"sim_number" text,
	"holder_name" text NOT NULL,
	CONSTRAINT "simulator_donor_numbers_proof_ck" CHECK (("simulator_donor_numbers"."account_type" = 'postpaid' and "simulator_donor_numbers"."customer_number" is not null) or ("simulator_donor_numbers"."account_type" = 'prepaid' and "simulator_donor_numbers"."sim_number" is not null))
);
--> statement-breakpoint
CREATE TABLE "simulator_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" text NOT NULL,
	"kind" text NOT NULL,
	"msisdn" text NOT NULL,
	"payload" jsonb NOT NULL,
	"outcome" jsonb NOT NULL,
	"ready_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "simulator_requests_idempotency_key_uq" ON "simulator_requests" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "simulator_requests_msisdn_idx" ON "simulator_requests" USING btree ("msisdn","kind","ready_at");