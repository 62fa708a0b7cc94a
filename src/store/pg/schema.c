#include "../store_int.h"
#include "pg_int.h"

#include "samtale/util.h"

/*
 * The PostgreSQL schema: the tables and columns of SQLite's latest
 * migration (store/sqlite/schema.c), with what a server shared by teams needs beside
 * them: teams, row-level security, and the roles that own and use it.
 *
 * Choices, so that the store's SQL runs unchanged and answers as on SQLite:
 *   - dates stay text 'YYYY-MM-DD' (and the audit's 'YYYY-MM-DDTHH:MM:SSZ'):
 *     the store compares them with bound text, cuts months with substr and
 *     exports them as stored; a date column would need casts in every one
 *     of those places and print by DateStyle.
 *   - every text column is COLLATE "C": ORDER BY and < compare bytes, as
 *     SQLite's BINARY does, whatever the database's locale.
 *   - done and her stay integers 0/1, as SQLite gives them back.
 *   - ids are identities; a row inserted with an explicit NULL id (a
 *     meeting restored when its old id is taken) gets the next one, as
 *     SQLite's INTEGER PRIMARY KEY does.
 *   - instr and glob are SQLite's functions, defined here.
 *
 * Roles (cluster-wide, made when missing):
 *   samtale_owner       NOLOGIN; owns the schema, the tables, the functions
 *   samtale_caseworker  reads and changes her teams' cases
 *   samtale_lead        reads her teams' cases: the team lead's reports
 *   samtale_dpo         the data-protection role: purges and reads across teams
 * A team is a group role named in teams(name); a caseworker is a login role
 * that is a member of her team's role and of samtale_caseworker. Policies
 * rest on current_user's membership only, never on a setting a client can
 * change, and FORCE ROW LEVEL SECURITY holds the owner to them as well (only
 * superusers pass by them).
 */

/* A checklist row's state taken out of its meeting's counts (a row whose
 * counts are all 0 goes), and put in: PL/pgSQL for the counting trigger of
 * migrations 2 and 3, with s declared bigint. */
#define COUNT_OLD_ROW_OUT \
	"SELECT i.section INTO s FROM wordings w JOIN item_keys i ON i.id = w.item WHERE w.id = OLD.wording;" \
	" UPDATE section_counts SET open = open - (OLD.state = " SQL_OPEN ")::int," \
	" done = done - (OLD.state = " SQL_DONE ")::int," \
	" not_relevant = not_relevant - (OLD.state = " SQL_NOT_RELEVANT ")::int" \
	" WHERE meeting_id = OLD.meeting_id AND section = s;" \
	" DELETE FROM section_counts WHERE meeting_id = OLD.meeting_id" \
	" AND open = 0 AND done = 0 AND not_relevant = 0;"
#define COUNT_NEW_ROW_IN \
	"SELECT i.section INTO s FROM wordings w JOIN item_keys i ON i.id = w.item WHERE w.id = NEW.wording;" \
	" INSERT INTO section_counts AS c VALUES (NEW.meeting_id, s, (NEW.state = " SQL_OPEN ")::int," \
	" (NEW.state = " SQL_DONE ")::int, (NEW.state = " SQL_NOT_RELEVANT ")::int)" \
	" ON CONFLICT (meeting_id, section) DO UPDATE SET open = c.open + excluded.open," \
	" done = c.done + excluded.done, not_relevant = c.not_relevant + excluded.not_relevant;"

/* A table whose rows are seen through POLICY, for every role but the
 * owner, which sees them all as it sees every case. */
#define OWNER_SEES_ALL(table, policy) \
	"ALTER POLICY " policy " ON " table " TO samtale_caseworker, samtale_lead, samtale_dpo;" \
	"CREATE POLICY all_rows ON " table " FOR ALL TO samtale_owner USING (true) WITH CHECK (true);"

const char *const pg_migrations[] = {
	/* 1: the schema of SQLite's migration 5, with teams and their policies */
	/* Roles belong to the cluster, and another database's db init may
	 * be making them at the same moment: the one that loses waits for the
	 * other's commit and finds them made. */
	"DO $$ DECLARE r text; BEGIN"
	" FOREACH r IN ARRAY ARRAY['samtale_owner', 'samtale_caseworker', 'samtale_lead', 'samtale_dpo'] LOOP"
	"  BEGIN"
	"   IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN"
	"    EXECUTE format('CREATE ROLE %I NOLOGIN', r); END IF;"
	"  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;"
	"  END;"
	" END LOOP;"
	/* The role that runs db init makes the objects as their owner. */
	" IF NOT pg_has_role(current_user, 'samtale_owner', 'MEMBER') THEN"
	"  EXECUTE format('GRANT samtale_owner TO %I', current_user); END IF;"
	" END $$;"
	"CREATE SCHEMA " PG_SCHEMA " AUTHORIZATION samtale_owner;"
	"SET LOCAL ROLE samtale_owner;"
	"SET LOCAL search_path = " PG_SCHEMA ", pg_catalog;"

	"CREATE TABLE samtale_schema (version integer NOT NULL);"
	"INSERT INTO samtale_schema VALUES (0);"
	"CREATE TABLE teams (name text COLLATE \"C\" PRIMARY KEY);"

	/* The teams whose role current_user is a member of (directly or not).
	 * By the role's oid, so that a team whose role was dropped is nobody's
	 * rather than an error in every query. */
	"CREATE FUNCTION samtale_my_teams() RETURNS SETOF text LANGUAGE sql STABLE"
	" SET search_path = " PG_SCHEMA ", pg_catalog AS $$"
	" SELECT t.name FROM teams t JOIN pg_roles r ON r.rolname = t.name"
	" WHERE pg_has_role(current_user, r.oid, 'MEMBER') $$;"
	/* A new case is the team's of whoever adds it. */
	"CREATE FUNCTION samtale_default_team() RETURNS text LANGUAGE plpgsql STABLE"
	" SET search_path = " PG_SCHEMA ", pg_catalog AS $$"
	" DECLARE t text; BEGIN"
	" SELECT min(m) INTO t FROM samtale_my_teams() m;"
	" IF t IS NULL THEN RAISE EXCEPTION 'the role % is in no team', current_user"
	"  USING ERRCODE = 'SAMT1'; END IF;"
	" RETURN t; END $$;"

	"CREATE TABLE cases ("
	" id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
	" ref text COLLATE \"C\" NOT NULL UNIQUE,"
	" initials text COLLATE \"C\","
	" caseworker text COLLATE \"C\" NOT NULL,"
	" opened text COLLATE \"C\" NOT NULL,"
	" closed text COLLATE \"C\","
	" qualifications text COLLATE \"C\","
	" job_wishes text COLLATE \"C\","
	" education_wishes text COLLATE \"C\","
	" education text COLLATE \"C\","
	" work_experience text COLLATE \"C\","
	" languages text COLLATE \"C\","
	" other_skills text COLLATE \"C\","
	" goals text COLLATE \"C\","
	" batch bigint,"
	" team text COLLATE \"C\" NOT NULL DEFAULT samtale_default_team()"
	"  REFERENCES teams(name) ON UPDATE CASCADE);"
	"CREATE INDEX cases_batch ON cases(batch) WHERE batch IS NOT NULL;"
	"CREATE INDEX cases_team ON cases(team, ref);"
	"CREATE TABLE meetings ("
	" id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
	" case_id bigint NOT NULL REFERENCES cases(id) ON DELETE CASCADE,"
	" date text COLLATE \"C\" NOT NULL,"
	" type text COLLATE \"C\" NOT NULL,"
	" caseworker text COLLATE \"C\" NOT NULL,"
	" note text COLLATE \"C\","
	" agreed text COLLATE \"C\","
	" interpreter text COLLATE \"C\","
	" next_date text COLLATE \"C\","
	" next_time text COLLATE \"C\","
	" next_place text COLLATE \"C\");"
	"CREATE INDEX meetings_case ON meetings(case_id, date);"
	"CREATE INDEX meetings_date ON meetings(date);"
	"CREATE TABLE meeting_items ("
	" meeting_id bigint NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,"
	" item_id text COLLATE \"C\" NOT NULL,"
	" section_id text COLLATE \"C\" NOT NULL,"
	" position integer NOT NULL,"
	" text text COLLATE \"C\" NOT NULL,"
	" state text COLLATE \"C\" NOT NULL DEFAULT 'open'"
	"  CHECK (state IN ('open', 'done', 'not_relevant')),"
	" note text COLLATE \"C\","
	" PRIMARY KEY (meeting_id, item_id));"
	"CREATE INDEX meeting_items_meeting ON meeting_items(meeting_id, position);"
	"CREATE TABLE followups ("
	" id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
	" case_id bigint NOT NULL REFERENCES cases(id) ON DELETE CASCADE,"
	" meeting_id bigint REFERENCES meetings(id) ON DELETE SET NULL,"
	" due text COLLATE \"C\" NOT NULL,"
	" text text COLLATE \"C\" NOT NULL,"
	" assignee text COLLATE \"C\" NOT NULL,"
	" done integer NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),"
	" her integer NOT NULL DEFAULT 0 CHECK (her IN (0, 1)));"
	"CREATE INDEX followups_case ON followups(case_id);"
	"CREATE INDEX followups_due ON followups(done, due);"
	"CREATE INDEX followups_assignee ON followups(assignee, done, due);"
	"CREATE TABLE internships ("
	" id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
	" case_id bigint NOT NULL REFERENCES cases(id) ON DELETE CASCADE,"
	" workplace text COLLATE \"C\" NOT NULL,"
	" field text COLLATE \"C\","
	" from_date text COLLATE \"C\" NOT NULL,"
	" planned_to text COLLATE \"C\","
	" ended text COLLATE \"C\","
	" contact text COLLATE \"C\","
	" goal text COLLATE \"C\","
	" job_possible text COLLATE \"C\" NOT NULL DEFAULT 'unknown'"
	"  CHECK (job_possible IN ('yes', 'no', 'unknown')),"
	" outcome text COLLATE \"C\""
	"  CHECK (outcome IN ('employed', 'education', 'extended', 'ended-early', 'completed')),"
	" outcome_reason text COLLATE \"C\","
	" caseworker text COLLATE \"C\" NOT NULL);"
	"CREATE INDEX internships_case ON internships(case_id, from_date);"
	"CREATE INDEX internships_from ON internships(from_date);"
	/* db_role: the server's role that wrote the line, which neither --user
	 * nor the client can set (samtale_audit_role). */
	"CREATE TABLE audit ("
	" id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
	" at text COLLATE \"C\" NOT NULL,"
	" \"user\" text COLLATE \"C\" NOT NULL,"
	" action text COLLATE \"C\" NOT NULL,"
	" case_id bigint,"
	" object_id bigint,"
	" login text COLLATE \"C\","
	" detail text COLLATE \"C\","
	" db_role text COLLATE \"C\" NOT NULL DEFAULT current_user);"
	"CREATE INDEX audit_case ON audit(case_id);"
	"CREATE TABLE batches ("
	" id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
	" kind text COLLATE \"C\" NOT NULL CHECK (kind IN ('add', 'erase')),"
	" action text COLLATE \"C\" NOT NULL);"

	/* SQLite's INTEGER PRIMARY KEY: an explicit NULL id is the next one. */
	"CREATE FUNCTION samtale_next_id() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER"
	" SET search_path = " PG_SCHEMA ", pg_catalog, pg_temp AS $$ BEGIN"
	" IF NEW.id IS NULL THEN"
	"  NEW.id := nextval(pg_get_serial_sequence(TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME, 'id'));"
	" END IF; RETURN NEW; END $$;"
	"CREATE TRIGGER meetings_next_id BEFORE INSERT ON meetings"
	" FOR EACH ROW EXECUTE FUNCTION samtale_next_id();"
	/* Runs as the role inserting the line: current_user is hers. */
	"CREATE FUNCTION samtale_audit_role() RETURNS trigger LANGUAGE plpgsql"
	" SET search_path = " PG_SCHEMA ", pg_catalog, pg_temp AS $$ BEGIN"
	" NEW.db_role := current_user; RETURN NEW; END $$;"
	"CREATE TRIGGER audit_role BEFORE INSERT OR UPDATE ON audit"
	" FOR EACH ROW EXECUTE FUNCTION samtale_audit_role();"

	/* SQLite's instr(X, Y) and glob(Y, X), as the store's SQL calls them. */
	"CREATE FUNCTION instr(s text, sub text) RETURNS integer LANGUAGE sql"
	" IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT strpos(s, sub) $$;"
	/* A GLOB pattern as an anchored regular expression: * ? and [...]
	 * (with ^ and ranges) as SQLite reads them, everything else literal.
	 * An unclosed [ matches nothing, as in SQLite. */
	"CREATE FUNCTION samtale_glob_regex(pat text) RETURNS text LANGUAGE plpgsql"
	" IMMUTABLE STRICT PARALLEL SAFE AS $$"
	" DECLARE re text := '^'; i int := 1; n int := length(pat); c text; j int; cls text;"
	" BEGIN"
	" WHILE i <= n LOOP"
	"  c := substr(pat, i, 1);"
	"  IF c = '*' THEN re := re || '.*';"
	"  ELSIF c = '?' THEN re := re || '.';"
	"  ELSIF c = '[' THEN"
	"   j := i + 1; cls := '';"
	"   IF substr(pat, j, 1) = '^' THEN cls := '^'; j := j + 1; END IF;"
	"   IF substr(pat, j, 1) = ']' THEN cls := cls || '\\]'; j := j + 1; END IF;"
	"   WHILE j <= n AND substr(pat, j, 1) <> ']' LOOP"
	"    c := substr(pat, j, 1);"
	"    IF c = '-' AND cls NOT IN ('', '^') AND j < n AND substr(pat, j + 1, 1) <> ']' THEN"
	"     cls := cls || '-';"
	"    ELSIF strpos('\\]^-[', c) > 0 THEN cls := cls || '\\' || c;"
	"    ELSE cls := cls || c; END IF;"
	"    j := j + 1;"
	"   END LOOP;"
	"   IF j > n THEN RETURN '[^\\s\\S]'; END IF;"
	"   re := re || '[' || cls || ']'; i := j;"
	"  ELSIF strpos('.^$|+(){}\\]', c) > 0 THEN re := re || '\\' || c;"
	"  ELSE re := re || c;"
	"  END IF;"
	"  i := i + 1;"
	" END LOOP;"
	" RETURN re || '$'; END $$;"
	"CREATE FUNCTION glob(pat text, s text) RETURNS boolean LANGUAGE sql"
	" IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT s ~ samtale_glob_regex(pat) $$;"

	/* The rewrite that leaves no deleted row in the table files
	 * (store_erased): CLUSTER writes each table and its indexes anew, as
	 * VACUUM FULL does, which only the owner may do. It waits for the
	 * readers of each table, up to lock_timeout. */
	"CREATE FUNCTION samtale_compact() RETURNS void LANGUAGE plpgsql SECURITY DEFINER"
	" SET search_path = " PG_SCHEMA ", pg_catalog, pg_temp AS $$ BEGIN"
	" SET LOCAL lock_timeout = '10s';"
	" CLUSTER cases USING cases_pkey;"
	" CLUSTER meetings USING meetings_pkey;"
	" CLUSTER meeting_items USING meeting_items_pkey;"
	" CLUSTER followups USING followups_pkey;"
	" CLUSTER internships USING internships_pkey;"
	" CLUSTER audit USING audit_pkey;"
	" CLUSTER batches USING batches_pkey;"
	" END $$;"
	"REVOKE ALL ON FUNCTION samtale_compact() FROM PUBLIC;"
	"GRANT EXECUTE ON FUNCTION samtale_compact() TO samtale_caseworker, samtale_dpo;"

	/* Who may do what: privileges by function, rows by team. */
	"GRANT USAGE ON SCHEMA " PG_SCHEMA " TO samtale_caseworker, samtale_lead, samtale_dpo;"
	"GRANT SELECT ON ALL TABLES IN SCHEMA " PG_SCHEMA
	" TO samtale_caseworker, samtale_lead, samtale_dpo;"
	"GRANT INSERT, UPDATE, DELETE ON cases, meetings, meeting_items, followups, internships,"
	" batches TO samtale_caseworker;"
	"GRANT INSERT, DELETE ON audit TO samtale_caseworker, samtale_dpo;"
	"GRANT UPDATE, DELETE ON cases TO samtale_dpo;"
	"GRANT INSERT, DELETE ON batches TO samtale_dpo;"

	"ALTER TABLE cases ENABLE ROW LEVEL SECURITY;"
	"ALTER TABLE cases FORCE ROW LEVEL SECURITY;"
	"CREATE POLICY team_work ON cases FOR ALL TO samtale_caseworker"
	" USING (team IN (SELECT samtale_my_teams())) WITH CHECK (team IN (SELECT samtale_my_teams()));"
	"CREATE POLICY team_read ON cases FOR SELECT TO samtale_lead"
	" USING (team IN (SELECT samtale_my_teams()));"
	"CREATE POLICY all_cases ON cases FOR ALL TO samtale_dpo, samtale_owner"
	" USING (true) WITH CHECK (true);"
	/* A case's rows are seen where the case is: the subquery on cases is
	 * held to cases' policies for the same role. */
	"ALTER TABLE meetings ENABLE ROW LEVEL SECURITY;"
	"ALTER TABLE meetings FORCE ROW LEVEL SECURITY;"
	"CREATE POLICY by_case ON meetings"
	" TO samtale_caseworker, samtale_lead, samtale_dpo, samtale_owner"
	" USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id))"
	" WITH CHECK (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id));"
	"ALTER TABLE meeting_items ENABLE ROW LEVEL SECURITY;"
	"ALTER TABLE meeting_items FORCE ROW LEVEL SECURITY;"
	"CREATE POLICY by_meeting ON meeting_items"
	" TO samtale_caseworker, samtale_lead, samtale_dpo, samtale_owner"
	" USING (EXISTS (SELECT 1 FROM meetings m WHERE m.id = meeting_id))"
	" WITH CHECK (EXISTS (SELECT 1 FROM meetings m WHERE m.id = meeting_id));"
	"ALTER TABLE followups ENABLE ROW LEVEL SECURITY;"
	"ALTER TABLE followups FORCE ROW LEVEL SECURITY;"
	"CREATE POLICY by_case ON followups"
	" TO samtale_caseworker, samtale_lead, samtale_dpo, samtale_owner"
	" USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id))"
	" WITH CHECK (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id));"
	"ALTER TABLE internships ENABLE ROW LEVEL SECURITY;"
	"ALTER TABLE internships FORCE ROW LEVEL SECURITY;"
	"CREATE POLICY by_case ON internships"
	" TO samtale_caseworker, samtale_lead, samtale_dpo, samtale_owner"
	" USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id))"
	" WITH CHECK (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id));"
	/* The audit log: the lines of her teams' cases and of the database
	 * itself; across teams only for the data-protection role. A purge is
	 * hers alone: nobody else may begin one or log it. */
	"ALTER TABLE audit ENABLE ROW LEVEL SECURITY;"
	"ALTER TABLE audit FORCE ROW LEVEL SECURITY;"
	"CREATE POLICY team_lines ON audit FOR SELECT TO samtale_caseworker, samtale_lead"
	" USING (case_id IS NULL OR EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id));"
	"CREATE POLICY team_log ON audit FOR INSERT TO samtale_caseworker"
	" WITH CHECK (action <> 'case.purge'"
	"  AND (case_id IS NULL OR EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id)));"
	"CREATE POLICY team_forget ON audit FOR DELETE TO samtale_caseworker"
	" USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id));"
	"CREATE POLICY all_lines ON audit FOR ALL TO samtale_dpo, samtale_owner"
	" USING (true) WITH CHECK (true);"
	"ALTER TABLE batches ENABLE ROW LEVEL SECURITY;"
	"ALTER TABLE batches FORCE ROW LEVEL SECURITY;"
	"CREATE POLICY seen ON batches FOR SELECT"
	" TO samtale_caseworker, samtale_lead, samtale_dpo, samtale_owner USING (true);"
	"CREATE POLICY team_batch ON batches FOR INSERT TO samtale_caseworker"
	" WITH CHECK (action <> 'case.purge');"
	"CREATE POLICY team_done ON batches FOR DELETE TO samtale_caseworker USING (true);"
	"CREATE POLICY all_batches ON batches FOR ALL TO samtale_dpo, samtale_owner"
	" USING (true) WITH CHECK (true);",

	/* 2: SQLite's migration 6: each wording once, the checklist as small
	 * integers, the counts per meeting and section and each case's last
	 * meeting kept by triggers (as the owner: whoever changes a meeting,
	 * a caseworker or the data-protection role's purge, keeps them), the
	 * open cases and follow-ups in partial indexes. The keys and wordings
	 * are the guide's words, not hers: every team reads and adds them. */
	"SET LOCAL ROLE samtale_owner;"
	"SET LOCAL search_path = " PG_SCHEMA ", pg_catalog;"
	/* wording_hash (store/wordings.c): 64-bit FNV-1a of the UTF-8 bytes,
	 * as a signed bigint; the product is taken modulo 2^64 in numeric. */
	"CREATE FUNCTION samtale_wording_hash(t text) RETURNS bigint LANGUAGE plpgsql"
	" IMMUTABLE STRICT PARALLEL SAFE AS $$"
	" DECLARE b bytea := convert_to(t, 'UTF8'); h numeric := 14695981039346656037; x bigint;"
	" BEGIN"
	" FOR i IN 0 .. length(b) - 1 LOOP"
	"  x := (CASE WHEN h >= 9223372036854775808 THEN h - 18446744073709551616 ELSE h END)::bigint;"
	"  x := x # get_byte(b, i);"
	"  h := ((CASE WHEN x < 0 THEN x + 18446744073709551616::numeric ELSE x END)"
	"   * 1099511628211) % 18446744073709551616;"
	" END LOOP;"
	" RETURN (CASE WHEN h >= 9223372036854775808 THEN h - 18446744073709551616 ELSE h END)::bigint;"
	" END $$;"
	"CREATE TABLE section_keys ("
	" id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
	" key text COLLATE \"C\" NOT NULL UNIQUE);"
	"CREATE TABLE item_keys ("
	" id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
	" key text COLLATE \"C\" NOT NULL,"
	" section bigint NOT NULL REFERENCES section_keys(id), UNIQUE (key, section));"
	"CREATE TABLE wordings ("
	" id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
	" item bigint NOT NULL REFERENCES item_keys(id),"
	" hash bigint NOT NULL,"
	" text text COLLATE \"C\" NOT NULL);"
	"CREATE INDEX wordings_hash ON wordings(hash);"
	"CREATE TABLE checklist ("
	" meeting_id bigint NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,"
	" position integer NOT NULL,"
	" wording bigint NOT NULL REFERENCES wordings(id),"
	" state integer NOT NULL DEFAULT " SQL_OPEN
	" CHECK (state IN (" SQL_OPEN ", " SQL_DONE ", " SQL_NOT_RELEVANT ")),"
	" note text COLLATE \"C\","
	" PRIMARY KEY (meeting_id, position));"
	"CREATE TABLE section_counts ("
	" meeting_id bigint NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,"
	" section bigint NOT NULL REFERENCES section_keys(id),"
	" open integer NOT NULL, done integer NOT NULL, not_relevant integer NOT NULL,"
	" PRIMARY KEY (meeting_id, section));"
	"INSERT INTO section_keys (key) SELECT DISTINCT section_id FROM meeting_items ORDER BY 1;"
	"INSERT INTO item_keys (key, section) SELECT DISTINCT mi.item_id, s.id FROM meeting_items mi"
	" JOIN section_keys s ON s.key = mi.section_id ORDER BY 1, 2;"
	"INSERT INTO wordings (item, hash, text) SELECT i.id, samtale_wording_hash(t.text), t.text"
	" FROM (SELECT DISTINCT item_id, section_id, text FROM meeting_items) t"
	" JOIN section_keys s ON s.key = t.section_id JOIN item_keys i ON i.key = t.item_id AND i.section = s.id"
	" ORDER BY i.id, t.text;"
	"INSERT INTO checklist (meeting_id, position, wording, state, note)"
	" SELECT mi.meeting_id, row_number() OVER (PARTITION BY mi.meeting_id ORDER BY mi.position, mi.item_id) - 1,"
	" w.id, CASE mi.state WHEN 'done' THEN " SQL_DONE " WHEN 'not_relevant' THEN " SQL_NOT_RELEVANT
	" ELSE " SQL_OPEN " END, mi.note"
	" FROM meeting_items mi JOIN section_keys s ON s.key = mi.section_id"
	" JOIN item_keys i ON i.key = mi.item_id AND i.section = s.id"
	" JOIN wordings w ON w.item = i.id AND w.text = mi.text;"
	"INSERT INTO section_counts " SECTION_COUNTS_OF_CHECKLIST ";"
	"DROP TABLE meeting_items;"
	"ALTER TABLE cases ADD COLUMN last_meeting text COLLATE \"C\";"
	"UPDATE cases SET last_meeting = " LAST_MEETING_OF("cases.id") ";"
	SCHEMA6_INDEXES
	/* The planner's statistics keep samples of a column's values in
	 * pg_statistic, which erasure cannot rewrite: none for her words. */
	"ALTER TABLE cases ALTER COLUMN ref SET STATISTICS 0, ALTER COLUMN initials SET STATISTICS 0,"
	" ALTER COLUMN qualifications SET STATISTICS 0, ALTER COLUMN education SET STATISTICS 0,"
	" ALTER COLUMN work_experience SET STATISTICS 0, ALTER COLUMN languages SET STATISTICS 0,"
	" ALTER COLUMN other_skills SET STATISTICS 0, ALTER COLUMN job_wishes SET STATISTICS 0,"
	" ALTER COLUMN education_wishes SET STATISTICS 0, ALTER COLUMN goals SET STATISTICS 0;"
	"ALTER TABLE meetings ALTER COLUMN note SET STATISTICS 0, ALTER COLUMN agreed SET STATISTICS 0,"
	" ALTER COLUMN next_place SET STATISTICS 0;"
	"ALTER TABLE checklist ALTER COLUMN note SET STATISTICS 0;"
	"ALTER TABLE followups ALTER COLUMN text SET STATISTICS 0;"
	"ALTER TABLE internships ALTER COLUMN workplace SET STATISTICS 0,"
	" ALTER COLUMN field SET STATISTICS 0, ALTER COLUMN contact SET STATISTICS 0,"
	" ALTER COLUMN goal SET STATISTICS 0, ALTER COLUMN outcome_reason SET STATISTICS 0;"
	/* The counts follow the checklist; a row whose counts are all 0 goes. */
	"CREATE FUNCTION samtale_count_items() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER"
	" SET search_path = " PG_SCHEMA ", pg_catalog, pg_temp AS $$ DECLARE s bigint; BEGIN"
	" IF TG_OP IN ('DELETE', 'UPDATE') THEN"
	" " COUNT_OLD_ROW_OUT
	" END IF;"
	" IF TG_OP IN ('INSERT', 'UPDATE') THEN"
	" " COUNT_NEW_ROW_IN
	" END IF;"
	" RETURN NULL; END $$;"
	"CREATE TRIGGER checklist_counts AFTER INSERT OR DELETE OR UPDATE OF meeting_id, wording, state"
	" ON checklist FOR EACH ROW EXECUTE FUNCTION samtale_count_items();"
	"CREATE FUNCTION samtale_last_meeting() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER"
	" SET search_path = " PG_SCHEMA ", pg_catalog, pg_temp AS $$ BEGIN"
	" IF TG_OP IN ('DELETE', 'UPDATE') THEN"
	"  UPDATE cases SET last_meeting = " LAST_MEETING_OF("OLD.case_id") " WHERE id = OLD.case_id;"
	" END IF;"
	" IF TG_OP IN ('INSERT', 'UPDATE') THEN"
	"  UPDATE cases SET last_meeting = " LAST_MEETING_OF("NEW.case_id") " WHERE id = NEW.case_id;"
	" END IF;"
	" RETURN NULL; END $$;"
	"CREATE TRIGGER meetings_last AFTER INSERT OR DELETE OR UPDATE OF case_id, date ON meetings"
	" FOR EACH ROW EXECUTE FUNCTION samtale_last_meeting();"
	/* Erasure's rewrite: the checklist holds her notes. */
	"CREATE OR REPLACE FUNCTION samtale_compact() RETURNS void LANGUAGE plpgsql SECURITY DEFINER"
	" SET search_path = " PG_SCHEMA ", pg_catalog, pg_temp AS $$ BEGIN"
	" SET LOCAL lock_timeout = '10s';"
	" CLUSTER cases USING cases_pkey;"
	" CLUSTER meetings USING meetings_pkey;"
	" CLUSTER checklist USING checklist_pkey;"
	" CLUSTER section_counts USING section_counts_pkey;"
	" CLUSTER followups USING followups_pkey;"
	" CLUSTER internships USING internships_pkey;"
	" CLUSTER audit USING audit_pkey;"
	" CLUSTER batches USING batches_pkey;"
	" END $$;"
	"GRANT SELECT ON section_keys, item_keys, wordings, checklist, section_counts"
	" TO samtale_caseworker, samtale_lead, samtale_dpo;"
	"GRANT INSERT ON section_keys, item_keys, wordings TO samtale_caseworker;"
	"GRANT INSERT, UPDATE, DELETE ON checklist TO samtale_caseworker;"
	"ALTER TABLE section_keys ENABLE ROW LEVEL SECURITY;"
	"ALTER TABLE section_keys FORCE ROW LEVEL SECURITY;"
	"CREATE POLICY shared ON section_keys"
	" TO samtale_caseworker, samtale_lead, samtale_dpo, samtale_owner USING (true) WITH CHECK (true);"
	"ALTER TABLE item_keys ENABLE ROW LEVEL SECURITY;"
	"ALTER TABLE item_keys FORCE ROW LEVEL SECURITY;"
	"CREATE POLICY shared ON item_keys"
	" TO samtale_caseworker, samtale_lead, samtale_dpo, samtale_owner USING (true) WITH CHECK (true);"
	"ALTER TABLE wordings ENABLE ROW LEVEL SECURITY;"
	"ALTER TABLE wordings FORCE ROW LEVEL SECURITY;"
	"CREATE POLICY shared ON wordings"
	" TO samtale_caseworker, samtale_lead, samtale_dpo, samtale_owner USING (true) WITH CHECK (true);"
	"ALTER TABLE checklist ENABLE ROW LEVEL SECURITY;"
	"ALTER TABLE checklist FORCE ROW LEVEL SECURITY;"
	"CREATE POLICY by_meeting ON checklist"
	" TO samtale_caseworker, samtale_lead, samtale_dpo, samtale_owner"
	" USING (EXISTS (SELECT 1 FROM meetings m WHERE m.id = meeting_id))"
	" WITH CHECK (EXISTS (SELECT 1 FROM meetings m WHERE m.id = meeting_id));"
	"ALTER TABLE section_counts ENABLE ROW LEVEL SECURITY;"
	"ALTER TABLE section_counts FORCE ROW LEVEL SECURITY;"
	"CREATE POLICY by_meeting ON section_counts"
	" TO samtale_caseworker, samtale_lead, samtale_dpo, samtale_owner"
	" USING (EXISTS (SELECT 1 FROM meetings m WHERE m.id = meeting_id))"
	" WITH CHECK (EXISTS (SELECT 1 FROM meetings m WHERE m.id = meeting_id));",

	/* 3: new checklist rows are counted once per statement, from its
	 * transition table: an import writes a meeting's items in one INSERT,
	 * and a trigger per row cost as much as the rows themselves. */
	"SET LOCAL ROLE samtale_owner;"
	"SET LOCAL search_path = " PG_SCHEMA ", pg_catalog;"
	"CREATE FUNCTION samtale_count_added() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER"
	" SET search_path = " PG_SCHEMA ", pg_catalog, pg_temp AS $$ BEGIN"
	" INSERT INTO section_counts AS c (meeting_id, section, open, done, not_relevant)"
	"  SELECT a.meeting_id, i.section, count(*) FILTER (WHERE a.state = " SQL_OPEN "),"
	"   count(*) FILTER (WHERE a.state = " SQL_DONE "),"
	"   count(*) FILTER (WHERE a.state = " SQL_NOT_RELEVANT ")"
	"  FROM added a JOIN wordings w ON w.id = a.wording JOIN item_keys i ON i.id = w.item"
	"  GROUP BY a.meeting_id, i.section"
	"  ON CONFLICT (meeting_id, section) DO UPDATE SET open = c.open + excluded.open,"
	"  done = c.done + excluded.done, not_relevant = c.not_relevant + excluded.not_relevant;"
	" RETURN NULL; END $$;"
	"CREATE OR REPLACE FUNCTION samtale_count_items() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER"
	" SET search_path = " PG_SCHEMA ", pg_catalog, pg_temp AS $$ DECLARE s bigint; BEGIN"
	" " COUNT_OLD_ROW_OUT
	" IF TG_OP = 'UPDATE' THEN"
	" " COUNT_NEW_ROW_IN
	" END IF;"
	" RETURN NULL; END $$;"
	"DROP TRIGGER checklist_counts ON checklist;"
	"CREATE TRIGGER checklist_counts AFTER DELETE OR UPDATE OF meeting_id, wording, state"
	" ON checklist FOR EACH ROW EXECUTE FUNCTION samtale_count_items();"
	"CREATE TRIGGER checklist_counts_added AFTER INSERT ON checklist"
	" REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION samtale_count_added();",

	/* 4: the triggers run as samtale_owner, which sees every case; held
	 * to the policies through cases, each of their statements also tested
	 * its rows against a hash of every case, read anew each time. A plan
	 * the server cached while the tables were small kept doing so, and an
	 * import slowed with the square of its size. */
	"SET LOCAL ROLE samtale_owner;"
	"SET LOCAL search_path = " PG_SCHEMA ", pg_catalog;"
	OWNER_SEES_ALL("meetings", "by_case")
	OWNER_SEES_ALL("followups", "by_case")
	OWNER_SEES_ALL("internships", "by_case")
	OWNER_SEES_ALL("checklist", "by_meeting")
	OWNER_SEES_ALL("section_counts", "by_meeting"),
};

const int pg_schema_version = (int)ARRAY_SIZE(pg_migrations);

/* The triggers the schema's rules rest on, as table.trigger, when one is
 * gone or disabled: the ids and counts they keep would go out of step. */
const char pg_missing_triggers[] =
	"SELECT t.tab || '.' || t.name FROM (VALUES ('meetings', 'meetings_next_id'),"
	" ('meetings', 'meetings_last'), ('audit', 'audit_role'), ('checklist', 'checklist_counts'),"
	" ('checklist', 'checklist_counts_added')) t (tab, name)"
	" WHERE NOT EXISTS (SELECT 1 FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid"
	" JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '" PG_SCHEMA "'"
	" AND c.relname = t.tab AND g.tgname = t.name AND g.tgenabled <> 'D') ORDER BY 1";
