CREATE TABLE "accreditation_applications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"call_id" uuid NOT NULL,
	"carrier_id" uuid NOT NULL,
	"applicant_org_id" uuid NOT NULL,
	"jurisdiction_code" char(6) NOT NULL,
	"center_name" text NOT NULL,
	"status" text NOT NULL,
	"declared" jsonb NOT NULL,
	"attachments" jsonb NOT NULL,
	"checks" jsonb,
	"site_visits" jsonb NOT NULL,
	"carrier_before" jsonb,
	"notice_id" uuid,
	"decision_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accreditation_calls" (
	"id" uuid PRIMARY KEY NOT NULL,
	"jurisdiction_code" char(6) NOT NULL,
	"carrier_kind" text NOT NULL,
	"rule_version_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"opened_on" date NOT NULL,
	"deadline" date NOT NULL,
	"status" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accreditation_changes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"accreditation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"occurred_on" date NOT NULL,
	"reported_on" date NOT NULL,
	"deadline" date NOT NULL,
	"late" boolean NOT NULL,
	"rule_version_id" uuid NOT NULL,
	"reported_by" uuid,
	"reassessment" text NOT NULL,
	"reassessed_on" date,
	"reassessment_note" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accreditation_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"note" text,
	"actor_user_id" uuid,
	"actor_name" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accreditation_rule_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"jurisdiction_code" char(6) NOT NULL,
	"carrier_kind" text NOT NULL,
	"version_label" text NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date NOT NULL,
	"document" jsonb NOT NULL,
	"source_file" text,
	"based_on" uuid,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accreditations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"carrier_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"application_id" uuid,
	"rule_version_id" uuid,
	"jurisdiction_code" char(6) NOT NULL,
	"carrier_kind" text NOT NULL,
	"level" text NOT NULL,
	"name" text NOT NULL,
	"certificate_no" text NOT NULL,
	"accredited_on" date NOT NULL,
	"source" text NOT NULL,
	"status" text NOT NULL,
	"ended_on" date,
	"end_reason" text,
	"end_cause" text,
	"barred_until" date,
	"explanation" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notice_objections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"notice_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"filed_by_user_id" uuid NOT NULL,
	"filed_by_org_id" uuid NOT NULL,
	"filed_on" date NOT NULL,
	"status" text NOT NULL,
	"resolution_note" text,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "performance_evaluations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"accreditation_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"rule_version_id" uuid NOT NULL,
	"evaluated_on" date NOT NULL,
	"participation" text NOT NULL,
	"skip_reason" text,
	"good_reason" boolean,
	"total_centi" integer,
	"band" text,
	"scorecard" jsonb,
	"consequence" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_notices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"call_id" uuid NOT NULL,
	"jurisdiction_code" char(6) NOT NULL,
	"rule_version_id" uuid NOT NULL,
	"title" text NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date NOT NULL,
	"workdays" jsonb NOT NULL,
	"explanation" jsonb NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"recipient_org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"data" jsonb NOT NULL,
	"dedupe_key" text,
	"deliveries" jsonb NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"title" text NOT NULL,
	"jurisdiction_code" char(6) NOT NULL,
	"definition" jsonb NOT NULL,
	"origin" text NOT NULL,
	"change_note" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_application_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"note" text,
	"amount_fen" bigint,
	"computation" jsonb,
	"actor_user_id" uuid,
	"actor_role" text,
	"actor_org_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_applications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"policy_code" text NOT NULL,
	"policy_version" integer NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"subject_name" text NOT NULL,
	"applicant_org_id" uuid NOT NULL,
	"applicant_user_id" uuid,
	"jurisdiction_code" char(6) NOT NULL,
	"year" smallint NOT NULL,
	"mode" text NOT NULL,
	"status" text NOT NULL,
	"declared" jsonb NOT NULL,
	"cost_items" jsonb NOT NULL,
	"evidence" jsonb NOT NULL,
	"note" text,
	"computation" jsonb NOT NULL,
	"approved_fen" bigint,
	"paid_fen" bigint DEFAULT 0 NOT NULL,
	"district_reviewer_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_cost_claims" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"policy_code" text NOT NULL,
	"fact" text NOT NULL,
	"item_key" text NOT NULL,
	"reference" text NOT NULL,
	"description" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"active" boolean NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_ledger_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"policy_code" text NOT NULL,
	"policy_version" integer NOT NULL,
	"subject_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"jurisdiction_code" char(6) NOT NULL,
	"year" smallint NOT NULL,
	"application_id" uuid NOT NULL,
	"finance_level" text,
	"amount_fen" bigint NOT NULL,
	"paid_on" date,
	"reference" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provider_credit_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"provider_org_id" uuid NOT NULL,
	"carrier_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"note" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provider_credit_records" (
	"provider_org_id" uuid PRIMARY KEY NOT NULL,
	"flagged" boolean NOT NULL,
	"reason" text NOT NULL,
	"flagged_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_order_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"note" text,
	"actor_user_id" uuid,
	"actor_role" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_orders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"enterprise_org_id" uuid NOT NULL,
	"carrier_id" uuid NOT NULL,
	"carrier_name" text NOT NULL,
	"provider_org_id" uuid NOT NULL,
	"jurisdiction_code" char(6) NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"price_fen" bigint NOT NULL,
	"status" text NOT NULL,
	"contract" jsonb,
	"payment_proof" jsonb,
	"contract_amount_fen" bigint,
	"enterprise_paid_fen" bigint,
	"allocations" jsonb NOT NULL,
	"voucher_fen" bigint DEFAULT 0 NOT NULL,
	"review_note" text,
	"false_claim" boolean DEFAULT false NOT NULL,
	"paid_on" date,
	"payout_reference" text,
	"rating" smallint,
	"rating_comment" text,
	"rated_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "voucher_pool_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"pool_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"voucher_id" uuid,
	"order_id" uuid,
	"note" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "voucher_pools" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"jurisdiction_code" char(6) NOT NULL,
	"year" smallint NOT NULL,
	"policy_code" text,
	"total_fen" bigint NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vouchers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"pool_id" uuid NOT NULL,
	"enterprise_org_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"balance_fen" bigint NOT NULL,
	"held_fen" bigint DEFAULT 0 NOT NULL,
	"categories" jsonb NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"status" text NOT NULL,
	"issued_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "verifications" ADD COLUMN "revision" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX "accreditation_applications_call_idx" ON "accreditation_applications" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "accreditation_applications_org_idx" ON "accreditation_applications" USING btree ("applicant_org_id");--> statement-breakpoint
CREATE INDEX "accreditation_applications_area_idx" ON "accreditation_applications" USING btree ("jurisdiction_code");--> statement-breakpoint
CREATE INDEX "accreditation_calls_area_idx" ON "accreditation_calls" USING btree ("jurisdiction_code");--> statement-breakpoint
CREATE INDEX "accreditation_changes_accreditation_idx" ON "accreditation_changes" USING btree ("accreditation_id");--> statement-breakpoint
CREATE INDEX "accreditation_events_application_idx" ON "accreditation_events" USING btree ("application_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "accreditation_rule_versions_code_version_key" ON "accreditation_rule_versions" USING btree ("code","version");--> statement-breakpoint
CREATE UNIQUE INDEX "accreditation_rule_versions_source_key" ON "accreditation_rule_versions" USING btree ("source_file") WHERE "accreditation_rule_versions"."source_file" is not null;--> statement-breakpoint
CREATE INDEX "accreditation_rule_versions_area_idx" ON "accreditation_rule_versions" USING btree ("jurisdiction_code","carrier_kind");--> statement-breakpoint
CREATE UNIQUE INDEX "accreditations_certificate_key" ON "accreditations" USING btree ("certificate_no");--> statement-breakpoint
CREATE INDEX "accreditations_carrier_idx" ON "accreditations" USING btree ("carrier_id");--> statement-breakpoint
CREATE INDEX "accreditations_org_idx" ON "accreditations" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "accreditations_area_idx" ON "accreditations" USING btree ("jurisdiction_code");--> statement-breakpoint
CREATE INDEX "notice_objections_notice_idx" ON "notice_objections" USING btree ("notice_id");--> statement-breakpoint
CREATE INDEX "notice_objections_app_idx" ON "notice_objections" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "performance_evaluations_year_key" ON "performance_evaluations" USING btree ("accreditation_id","year");--> statement-breakpoint
CREATE INDEX "public_notices_area_idx" ON "public_notices" USING btree ("jurisdiction_code");--> statement-breakpoint
CREATE INDEX "notifications_recipient_idx" ON "notifications" USING btree ("recipient_org_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_key" ON "notifications" USING btree ("dedupe_key") WHERE "notifications"."dedupe_key" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "policies_code_version_key" ON "policies" USING btree ("code","version");--> statement-breakpoint
CREATE INDEX "policies_jurisdiction_idx" ON "policies" USING btree ("jurisdiction_code");--> statement-breakpoint
CREATE INDEX "policy_application_events_application_idx" ON "policy_application_events" USING btree ("application_id","created_at");--> statement-breakpoint
CREATE INDEX "policy_applications_policy_idx" ON "policy_applications" USING btree ("policy_code","year");--> statement-breakpoint
CREATE INDEX "policy_applications_subject_idx" ON "policy_applications" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "policy_applications_applicant_idx" ON "policy_applications" USING btree ("applicant_org_id");--> statement-breakpoint
CREATE INDEX "policy_applications_area_idx" ON "policy_applications" USING btree ("jurisdiction_code","status");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_cost_claims_item_key" ON "policy_cost_claims" USING btree ("org_id","item_key") WHERE "policy_cost_claims"."active";--> statement-breakpoint
CREATE INDEX "policy_cost_claims_application_idx" ON "policy_cost_claims" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "policy_ledger_subject_idx" ON "policy_ledger_entries" USING btree ("subject_id","policy_code","year");--> statement-breakpoint
CREATE INDEX "policy_ledger_policy_idx" ON "policy_ledger_entries" USING btree ("policy_code","year");--> statement-breakpoint
CREATE INDEX "provider_credit_events_provider_idx" ON "provider_credit_events" USING btree ("provider_org_id","created_at");--> statement-breakpoint
CREATE INDEX "service_order_events_order_idx" ON "service_order_events" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "service_orders_enterprise_idx" ON "service_orders" USING btree ("enterprise_org_id");--> statement-breakpoint
CREATE INDEX "service_orders_provider_idx" ON "service_orders" USING btree ("provider_org_id");--> statement-breakpoint
CREATE INDEX "service_orders_area_idx" ON "service_orders" USING btree ("jurisdiction_code","status");--> statement-breakpoint
CREATE INDEX "voucher_pool_entries_pool_idx" ON "voucher_pool_entries" USING btree ("pool_id");--> statement-breakpoint
CREATE INDEX "voucher_pools_jurisdiction_idx" ON "voucher_pools" USING btree ("jurisdiction_code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "vouchers_code_key" ON "vouchers" USING btree ("code");--> statement-breakpoint
CREATE INDEX "vouchers_enterprise_idx" ON "vouchers" USING btree ("enterprise_org_id");--> statement-breakpoint
CREATE INDEX "vouchers_pool_idx" ON "vouchers" USING btree ("pool_id","status");