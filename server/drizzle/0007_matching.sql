CREATE TABLE "match_feedback" (
	"id" uuid PRIMARY KEY NOT NULL,
	"from_type" varchar(40) NOT NULL,
	"from_key" text NOT NULL,
	"to_type" varchar(40) NOT NULL,
	"to_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"features" jsonb NOT NULL,
	"user_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reranker_models" (
	"to_type" varchar(40) PRIMARY KEY NOT NULL,
	"model" jsonb NOT NULL,
	"examples" integer NOT NULL,
	"trained_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "match_feedback_to_type_idx" ON "match_feedback" USING btree ("to_type","created_at");--> statement-breakpoint
CREATE INDEX "match_feedback_from_idx" ON "match_feedback" USING btree ("from_type","from_key");