/*
 * The PostgreSQL schema's migrations from a database made at an earlier
 * version: a database at schema 2 (the checklist counted by a trigger per
 * row) keeps its counts when it is migrated to the current version, and
 * rows added afterwards are counted as well. Only on PostgreSQL (label
 * pg, TEST_PG_ONLY): SQLite's migrations are tested with old files
 * (tests/cli/store_migrate*.sh).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "test_db.h"
#include "../../src/store/pg/pg_int.h"

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
	dbname = xasprintf("u_%d_migrate", (int)getpid());
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

static void assert_checked(struct store *st)
{
	char *report = NULL;
	bool ok = false;

	assert_int_equal(store_check(st, &ok, &report), SAM_OK);
	if (!ok)
		fail_msg("db check: %s", report);
	free(report);
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
	assert_checked(st);

	/* After the migration: new rows, a change of state and a deletion. */
	assert_int_equal(store_case_get(st, "2026-0001", &c), SAM_OK);
	assert_int_equal(store_meeting_add(st, c.id, "2026-02-20", "foerste", items, 2, &meeting_id),
			 SAM_OK);
	assert_int_equal(test_query_int(st, "SELECT sum(open) FROM section_counts"), 3);
	assert_int_equal(store_item_set_state(st, meeting_id, "tro.sig-det", ITEM_DONE), SAM_OK);
	assert_checked(st);
	assert_int_equal(test_query_int(st, "SELECT sum(done) FROM section_counts"), 2);
	assert_int_equal(store_meeting_delete(st, meeting_id), SAM_OK);
	assert_int_equal(test_query_int(st, "SELECT sum(open + done + not_relevant) FROM section_counts"), 2);
	assert_checked(st);
	case_rec_free(&c);
	store_close(st);
	free(uri);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts_survive_migration_from_2),
	};
	int failed;

	if (test_db_unavailable())
		return 77;
	failed = cmocka_run_group_tests(tests, NULL, NULL);
	free(dbname);
	return failed;
}
