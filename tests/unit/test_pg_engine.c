/*
 * The PostgreSQL engine beneath the store:
 *  - its migrations from a database made at an earlier version: one at
 *    schema 2 (the checklist counted by a trigger per row) keeps its
 *    counts when it is migrated, and rows added afterwards are counted;
 *  - one at schema 3, where the owner (as whom the triggers run) was held
 *    to the policies that look a row's case up, no longer is;
 *  - the session's settings (dates, time zone, encoding, no JIT);
 *  - statements prepared on the server when they run again, dropped when
 *    they are finalized, and sent as text again once a lost connection
 *    has taken them away.
 * Only on PostgreSQL (label pg, TEST_PG_ONLY): SQLite's migrations are
 * tested with old files (tests/cli/store_migrate*.sh).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "test_db.h"
#include "../../src/store/pg/pg_int.h"
#include "../../src/store/store_int.h"

#define TEST_PG_ONLY

static char *dbname;

/* Makes a database of schema version `version` by running the first
 * migrations themselves, as an older samtale did, with the tester in a
 * team and one meeting of two items counted as that version counts. */
static char *database_at(int version)
{
	char *sqlfile = xasprintf("%s/samtale-pg-migrate-%d.sql", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp",
				  (int)getpid());
	FILE *f = fopen(sqlfile, "w");
	char *cmd;

	assert_non_null(f);
	free(dbname);
	dbname = xasprintf("u_%d_migrate%d", (int)getpid(), version);
	fprintf(f, "BEGIN;\n");
	for (int v = 0; v < version; v++)
		fprintf(f, "%s;\n", pg_migrations[v]);
	fprintf(f, "RESET ROLE;\nUPDATE samtale.samtale_schema SET version = %d;\nCOMMIT;\n"
		   "CREATE ROLE %s_team NOLOGIN; INSERT INTO samtale.teams (name) VALUES ('%s_team');"
		   " GRANT %s_team TO current_user;\n"
		   "SET search_path = samtale;\n"
		   "INSERT INTO cases (ref, initials, caseworker, opened) VALUES ('2026-0001', 'AB', 'mette', '2026-01-05');\n"
		   "INSERT INTO meetings (case_id, date, type, caseworker) SELECT id, '2026-02-01', 'foerste', 'mette' FROM cases;\n"
		   "INSERT INTO section_keys (key) VALUES ('tro');\n"
		   "INSERT INTO item_keys (key, section) SELECT 'tro.sig-det', id FROM section_keys;\n"
		   "INSERT INTO item_keys (key, section) SELECT 'tro.afdaek-kvalifikationer', id FROM section_keys;\n"
		   "INSERT INTO wordings (item, hash, text) SELECT id, 0, key FROM item_keys;\n"
		   "INSERT INTO checklist (meeting_id, position, wording, state)"
		   " SELECT m.id, w.id, w.id, w.id %% 2 FROM meetings m, wordings w;\n",
		version, dbname, dbname, dbname);
	assert_int_equal(fclose(f), 0);
	cmd = xasprintf("createdb %s && psql -X -q -v ON_ERROR_STOP=1 -f %s %s >/dev/null", dbname, sqlfile,
			dbname);
	test_db_run(cmd);
	unlink(sqlfile);
	free(sqlfile);
	free(cmd);
	return xasprintf("postgresql:///%s", dbname);
}

static void test_counts_survive_migration_from_2(void **state)
{
	static const struct meeting_item_spec items[] = {
		{ "tro.sig-det", "tro", "Sig det" },
		{ "dialog.lyt-inddrag", "dialog", "Lyt og inddrag" },
	};
	char *uri = database_at(2);
	struct store *st = NULL;
	struct case_rec c = { 0 };
	int64_t meeting_id = 0;

	(void)state;
	assert_int_equal(store_open(uri, "mette", 0, &st), SAM_OK);
	assert_int_equal(test_query_int(st, "SELECT version FROM samtale_schema"), pg_schema_version);
	assert_int_equal(test_query_int(st, "SELECT sum(open + done + not_relevant) FROM section_counts"), 2);
	assert_true(test_db_checked(st));

	/* After the migration: new rows, a change of state and a deletion. */
	assert_int_equal(store_case_get(st, "2026-0001", &c), SAM_OK);
	assert_int_equal(store_meeting_add(st, c.id, "2026-02-20", "foerste", items, 2, &meeting_id),
			 SAM_OK);
	assert_int_equal(test_query_int(st, "SELECT sum(open) FROM section_counts"), 3);
	assert_int_equal(store_item_set_state(st, meeting_id, "tro.sig-det", ITEM_DONE), SAM_OK);
	assert_true(test_db_checked(st));
	assert_int_equal(test_query_int(st, "SELECT sum(done) FROM section_counts"), 2);
	assert_int_equal(store_meeting_delete(st, meeting_id), SAM_OK);
	assert_int_equal(test_query_int(st, "SELECT sum(open + done + not_relevant) FROM section_counts"), 2);
	assert_true(test_db_checked(st));
	case_rec_free(&c);
	store_close(st);
	free(uri);
}

/* The triggers run as samtale_owner, which sees every case: a policy
 * that looked her rows' case up for it again made each of their
 * statements read every case (migration 4). */
static void test_owner_held_to_no_lookup(void **state)
{
	static const char owner_lookups[] =
		"SELECT count(*) FROM pg_policies WHERE schemaname = 'samtale'"
		" AND 'samtale_owner' = ANY (roles) AND (qual <> 'true' OR with_check <> 'true')";
	char *uri = database_at(3);
	struct store *st = NULL;

	(void)state;
	assert_int_equal(store_open(uri, "mette", 0, &st), SAM_OK);
	assert_int_equal(test_query_int(st, "SELECT version FROM samtale_schema"), pg_schema_version);
	assert_int_equal(test_query_int(st, owner_lookups), 0);
	/* Everyone else still sees a case's rows through the case. */
	assert_int_equal(test_query_int(st, "SELECT count(*) FROM pg_policies WHERE schemaname = 'samtale'"
					    " AND 'samtale_caseworker' = ANY (roles) AND qual LIKE '%EXISTS%' AND tablename IN"
					    " ('meetings', 'followups', 'internships', 'checklist', 'section_counts')"),
			 5);
	assert_true(test_db_checked(st));
	store_close(st);
	free(uri);
}

/* The session's settings are the connection's: values as SQLite gives
 * them, and plans without JIT, which cost a report more than it saved. */
static void test_session_settings(void **state)
{
	static const char *const settings[][2] = {
		{ "SHOW DateStyle", "ISO, YMD" }, { "SHOW TimeZone", "UTC" },
		{ "SHOW client_encoding", "UTF8" }, { "SHOW jit", "off" },
	};
	struct store *st = NULL;

	(void)state;
	assert_int_equal(test_store_open("mette", &st), SAM_OK);
	for (size_t i = 0; i < ARRAY_SIZE(settings); i++) {
		struct db_stmt *stmt = NULL;

		/* Through the store's own connection, not a psql of the test's. */
		assert_int_equal(db_prepare(st, settings[i][0], &stmt), SAM_OK);
		assert_int_equal(db_step(stmt), DB_ROW);
		assert_string_equal(db_col_text(stmt, 0), settings[i][1]);
		db_finalize(stmt);
	}
	store_close(st);
}

/* The statement's single integer, run through the store's own connection. */
static int64_t step_int(struct store *st, struct db_stmt *stmt)
{
	int64_t n;

	assert_int_equal(db_step(stmt), DB_ROW);
	n = db_col_int(stmt, 0);
	assert_int_equal(db_step(stmt), DB_DONE);
	db_reset(stmt);
	(void)st;
	return n;
}

static int64_t prepared_now(struct store *st)
{
	struct db_stmt *stmt = NULL;
	int64_t n;

	assert_int_equal(db_prepare(st, "SELECT count(*) FROM pg_prepared_statements", &stmt), SAM_OK);
	n = step_int(st, stmt);
	db_finalize(stmt);
	return n;
}

static void test_statements_prepared_when_run_again(void **state)
{
	struct store *st = NULL;
	struct db_stmt *stmt = NULL;
	char *kill;

	(void)state;
	assert_int_equal(test_store_open("mette", &st), SAM_OK);
	assert_int_equal(db_prepare(st, "SELECT count(*) + ?1 FROM cases", &stmt), SAM_OK);
	db_bind_int(stmt, 1, 1);
	assert_int_equal(step_int(st, stmt), 1);
	assert_int_equal(prepared_now(st), 0);
	db_bind_int(stmt, 1, 2);
	assert_int_equal(step_int(st, stmt), 2);
	assert_int_equal(prepared_now(st), 1);
	/* A NULL makes another text, which is not prepared the first time. */
	db_bind_str(stmt, 1, NULL);
	assert_int_equal(db_step(stmt), DB_ROW);
	db_reset(stmt);
	assert_int_equal(prepared_now(st), 1);

	/* The server ends the session: the statement runs again as text. */
	kill = xasprintf("psql -X -q -c \"SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
			 " WHERE datname = '%s' AND pid <> pg_backend_pid()\" postgres >/dev/null",
			 store_path(st) + strlen("postgresql:///"));
	test_db_run(kill);
	free(kill);
	db_bind_int(stmt, 1, 3);
	assert_int_equal(step_int(st, stmt), 3);
	db_bind_int(stmt, 1, 4);
	assert_int_equal(step_int(st, stmt), 4);
	assert_int_equal(prepared_now(st), 1);

	/* Finalized, it is dropped on the server before the next statement. */
	db_finalize(stmt);
	assert_int_equal(prepared_now(st), 0);
	store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts_survive_migration_from_2),
		cmocka_unit_test(test_owner_held_to_no_lookup),
		cmocka_unit_test(test_session_settings),
		cmocka_unit_test(test_statements_prepared_when_run_again),
	};
	int failed;

	if (test_db_unavailable())
		return 77;
	failed = cmocka_run_group_tests(tests, NULL, NULL);
	free(dbname);
	return failed;
}
