CREATE TABLE "event_signups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"interested_record_ids" jsonb NOT NULL,
	"contact_name" text NOT NULL,
	"contact_phone" text NOT NULL,
	"note" text,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matchmaking_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"organizer_org_id" uuid NOT NULL,
	"jurisdiction_code" char(6) NOT NULL,
	"venue" text NOT NULL,
	"online_url" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"signup_deadline" timestamp with time zone NOT NULL,
	"capacity" integer,
	"featured" jsonb NOT NULL,
	"status" text NOT NULL,
	"cancel_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "event_signups" ADD CONSTRAINT "event_signups_event_id_matchmaking_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."matchmaking_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "event_signups_person_idx" ON "event_signups" USING btree ("event_id","user_id");--> statement-breakpoint
CREATE INDEX "matchmaking_events_jurisdiction_idx" ON "matchmaking_events" USING btree ("jurisdiction_code","starts_at");