-- Accounts, groups, sessions, annotations and the change log; row-level security on what readers may see.
-- The service runs every transaction as the role apparatus_app (SET LOCAL ROLE) with the signed-in user in the
-- per-transaction setting app.user_id; RLS is FORCEd so that even the tables' owner is held to the policies.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'apparatus_app') THEN
    CREATE ROLE apparatus_app NOLOGIN;
  END IF;
END
$$;

CREATE TABLE users (
  id uuid PRIMARY KEY,
  name text NOT NULL UNIQUE CHECK (name ~ '^[A-Za-z0-9_.-]{1,64}$'),
  password_hash text NOT NULL,
  created timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE groups (
  id uuid PRIMARY KEY,
  name text NOT NULL UNIQUE CHECK (name ~ '^[A-Za-z0-9_.-]{1,64}$'),
  created timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE memberships (
  group_id uuid NOT NULL REFERENCES groups (id),
  user_id uuid NOT NULL REFERENCES users (id),
  role text NOT NULL CHECK (role IN ('owner', 'editor', 'member', 'reader')),
  PRIMARY KEY (group_id, user_id)
);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  expires timestamptz NOT NULL
);

CREATE TABLE annotations (
  work text NOT NULL,
  id text NOT NULL,
  author_id uuid NOT NULL REFERENCES users (id),
  visibility text NOT NULL CHECK (visibility IN ('private', 'group', 'public')),
  group_id uuid REFERENCES groups (id),
  hidden boolean NOT NULL DEFAULT false,
  etag text NOT NULL,
  body jsonb NOT NULL,
  seq bigint NOT NULL,
  created_seq bigint NOT NULL,
  PRIMARY KEY (work, id),
  CHECK ((visibility = 'group') = (group_id IS NOT NULL))
);
CREATE INDEX annotations_work_created ON annotations (work, created_seq);

-- One row per committed change, in commit order (writers to one work take an advisory lock first).
CREATE TABLE changes (
  seq bigserial PRIMARY KEY,
  work text NOT NULL,
  id text NOT NULL,
  op text NOT NULL CHECK (op IN ('put', 'delete')),
  etag text,
  author_id uuid NOT NULL,
  visibility text NOT NULL,
  group_id uuid,
  body jsonb
);
CREATE INDEX changes_work_seq ON changes (work, seq);

CREATE FUNCTION app_user() RETURNS uuid LANGUAGE sql STABLE AS
  $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;

CREATE FUNCTION app_can_see(author uuid, vis text, grp uuid) RETURNS boolean LANGUAGE sql STABLE AS
  $$ SELECT vis = 'public' OR author = app_user()
       OR (vis = 'group' AND EXISTS (SELECT 1 FROM memberships m WHERE m.group_id = grp AND m.user_id = app_user())) $$;

CREATE FUNCTION app_can_moderate(grp uuid) RETURNS boolean LANGUAGE sql STABLE AS
  $$ SELECT grp IS NOT NULL AND EXISTS (SELECT 1 FROM memberships m
       WHERE m.group_id = grp AND m.user_id = app_user() AND m.role IN ('owner', 'editor')) $$;

ALTER TABLE annotations ENABLE ROW LEVEL SECURITY;
ALTER TABLE annotations FORCE ROW LEVEL SECURITY;
CREATE POLICY annotations_see ON annotations FOR SELECT USING (app_can_see(author_id, visibility, group_id));
CREATE POLICY annotations_add ON annotations FOR INSERT WITH CHECK (author_id = app_user());
CREATE POLICY annotations_edit ON annotations FOR UPDATE
  USING (author_id = app_user() OR app_can_moderate(group_id))
  WITH CHECK (author_id = app_user() OR app_can_moderate(group_id));
CREATE POLICY annotations_remove ON annotations FOR DELETE USING (author_id = app_user());

ALTER TABLE changes ENABLE ROW LEVEL SECURITY;
ALTER TABLE changes FORCE ROW LEVEL SECURITY;
CREATE POLICY changes_see ON changes FOR SELECT USING (app_can_see(author_id, visibility, group_id));
CREATE POLICY changes_add ON changes FOR INSERT WITH CHECK (app_user() IS NOT NULL);

GRANT SELECT, INSERT, UPDATE, DELETE ON users, groups, memberships, sessions, annotations, changes TO apparatus_app;
GRANT USAGE, SELECT ON SEQUENCE changes_seq_seq TO apparatus_app;
