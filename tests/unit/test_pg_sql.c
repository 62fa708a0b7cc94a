/* Unit tests for the PostgreSQL engine's parameters (src/store/pg/pg_sql.c):
 * SQLite's ?N, ? and :name become $1..$n in the order they first appear,
 * nothing inside strings, quoted names, comments or :: casts is touched,
 * and a NULL becomes the word NULL. No server is needed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#ifdef SAMTALE_WITH_PG
#include "../../src/store/pg/pg_int.h"

static void rewrites(const char *sql, const char *want, int nparams)
{
	struct pg_sql q;

	if (!pg_sql_rewrite(sql, &q))
		fail_msg("refused: %s", sql);
	if (strcmp(q.text, want))
		fail_msg("[%s] became [%s], not [%s]", sql, q.text, want);
	assert_int_equal(q.nparams, nparams);
	pg_sql_free(&q);
}

static void test_numbers(void **state)
{
	(void)state;
	rewrites("SELECT 1 FROM cases WHERE id = ?1", "SELECT 1 FROM cases WHERE id = $1", 1);
	/* Only ?3 is used: it is $1, and the server never sees an untyped $1..$2. */
	rewrites("SELECT x FROM f WHERE 1 = 1 AND f.due < ?3", "SELECT x FROM f WHERE 1 = 1 AND f.due < $1", 1);
	rewrites("UPDATE t SET a = ?2 WHERE id = ?1", "UPDATE t SET a = $1 WHERE id = $2", 2);
	rewrites("SELECT ?2 IS NULL OR m.id = ?2", "SELECT $1 IS NULL OR m.id = $1", 1);
	/* A bare ? is one more than the largest number so far, as in SQLite. */
	rewrites("VALUES (?1, ?2, ?, ?)", "VALUES ($1, $2, $3, $4)", 4);
}

static void test_names(void **state)
{
	struct pg_sql q;

	(void)state;
	/* :today takes number 1 first, so ?1 is the same parameter. */
	assert_true(pg_sql_rewrite("SELECT :today, ?1, :pat, :today WHERE glob(:pat, ref)", &q));
	assert_string_equal(q.text, "SELECT $1, $1, $2, $1 WHERE glob($2, ref)");
	assert_int_equal(q.nparams, 2);
	assert_int_equal(pg_sql_param_index(&q, ":today"), 1);
	assert_int_equal(pg_sql_param_index(&q, ":pat"), 2);
	assert_int_equal(pg_sql_param_index(&q, ":none"), 0);
	pg_sql_free(&q);
}

static void test_left_alone(void **state)
{
	(void)state;
	rewrites("SELECT '?1 :x', 'it''s ?', \"a?b\", x::text, y FROM t -- ?9 :z\nWHERE a = ?1",
		 "SELECT '?1 :x', 'it''s ?', \"a?b\", x::text, y FROM t -- ?9 :z\nWHERE a = $1", 1);
	rewrites("SELECT /* :c ?2 */ ?1", "SELECT /* :c ?2 */ $1", 1);
	rewrites("SELECT 'unclosed ?1", "SELECT 'unclosed ?1", 0);
}

static void test_refused(void **state)
{
	struct pg_sql q;

	(void)state;
	assert_false(pg_sql_rewrite("SELECT ?0", &q));
	assert_false(pg_sql_rewrite("SELECT ?32767", &q));
	assert_null(q.text);
}

static void test_nulls(void **state)
{
	struct pg_sql q;
	bool is_null[3] = { false, true, false };
	int renum[3];
	char *sql;

	(void)state;
	assert_true(pg_sql_rewrite("SELECT ?1, ?2 IS NULL OR m.id = ?2, ?3", &q));
	sql = pg_sql_with_nulls(&q, is_null, renum);
	assert_string_equal(sql, "SELECT $1, NULL IS NULL OR m.id = NULL, $2");
	assert_int_equal(renum[0], 1);
	assert_int_equal(renum[2], 2);
	free(sql);
	pg_sql_free(&q);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_left_alone),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_nulls),
	};

	return cmocka_run_group_tests_name("pg_sql", tests, NULL, NULL);
}
#else
/* Built without libpq: there is no engine to test. */
int main(void)
{
	return 77;
}
#endif
