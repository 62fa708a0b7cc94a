/* Unit tests for src/store/caselist.c (the case list a page at a time) and
 * for util's fatal hook, which gives the terminal back before an abort. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "samtale/store.h"
#include "samtale/util.h"
#include "test_db.h"

/*
 * A store of six cases: refs out of order, initials with æøå, one closed,
 * meetings and follow-ups on two of them. Today is 2026-03-01 (ctest).
 */

static int setup(void **state)
{
	static const struct {
		const char *ref, *initials;
	} cases[] = {
		{ "2026-0300", "ØÅ" }, { "2025-0999", NULL }, { "2026-0117", "AB" },
		{ "2026-0200", "æk" }, { "2024-0001", "ZZ" }, { "X*[?]", "QQ" },
	};
	struct store *st = NULL;
	int64_t id;

	assert_int_equal(test_store_open("mette", &st), SAM_OK);
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		assert_int_equal(store_case_add(st, cases[i].ref, cases[i].initials, "2024-01-01", &id),
				 SAM_OK);
		if (!strcmp(cases[i].ref, "2024-0001"))
			assert_int_equal(store_case_close(st, id, "2025-01-01"), SAM_OK);
		if (!strcmp(cases[i].ref, "2026-0117")) {
			assert_int_equal(store_meeting_add(st, id, "2026-01-10", "foerste", NULL, 0, NULL),
					 SAM_OK);
			assert_int_equal(store_meeting_add(st, id, "2026-02-14", "opfoelgning", NULL, 0, NULL),
					 SAM_OK);
			assert_int_equal(store_followup_add(st, id, 0, "2026-02-01", "ring", "mette", NULL),
					 SAM_OK);
			assert_int_equal(store_followup_add(st, id, 0, "2026-04-01", "skriv", "mette", NULL),
					 SAM_OK);
			assert_int_equal(store_followup_add(st, id, 0, "2026-01-01", "mød", "mette", &id),
					 SAM_OK);
			assert_int_equal(store_followup_set_done(st, id, true), SAM_OK);
		}
	}
	*state = st;
	return 0;
}

static int teardown(void **state)
{
	store_close(*state);
	return 0;
}

static size_t count(struct store *st, const char *filter, bool closed)
{
	struct case_query q = { .filter = filter, .include_closed = closed };
	size_t n = 99;

	assert_int_equal(store_case_count(st, &q, &n), SAM_OK);
	return n;
}

/* The refs of rows offset.. (limit), joined by spaces. */
static char *refs(struct store *st, const char *filter, size_t offset, size_t limit)
{
	struct case_query q = { .filter = filter };
	struct case_rows r;
	struct strbuf sb = { 0 };

	assert_int_equal(store_case_rows(st, &q, offset, limit, &r), SAM_OK);
	for (size_t i = 0; i < r.n; i++)
		strbuf_addf(&sb, "%s%s", i ? " " : "", r.v[i].ref);
	case_rows_free(&r);
	return strbuf_detach(&sb);
}

static void assert_refs(struct store *st, const char *filter, size_t offset, size_t limit,
			const char *want)
{
	char *got = refs(st, filter, offset, limit);

	assert_string_equal(got, want);
	free(got);
}

static void test_count(void **state)
{
	struct store *st = *state;

	assert_int_equal(count(st, NULL, false), 5);
	assert_int_equal(count(st, "", false), 5);
	assert_int_equal(count(st, NULL, true), 6);
	assert_int_equal(count(st, "2026", false), 3);
	assert_int_equal(count(st, "2024", false), 0);	/* closed */
	assert_int_equal(count(st, "2024", true), 1);
	assert_int_equal(count(st, "nothing", false), 0);
}

static void test_pages(void **state)
{
	struct store *st = *state;
	struct case_rows r;

	assert_refs(st, NULL, 0, 10, "2025-0999 2026-0117 2026-0200 2026-0300 X*[?]");
	assert_refs(st, NULL, 0, 2, "2025-0999 2026-0117");
	assert_refs(st, NULL, 2, 2, "2026-0200 2026-0300");
	assert_refs(st, NULL, 4, 2, "X*[?]");
	assert_refs(st, NULL, 5, 2, "");
	assert_int_equal(store_case_rows(st, NULL, 0, 0, &r), SAM_OK);
	assert_int_equal(r.n, 0);
	case_rows_free(&r);
}

/* Folded as the TUI's list filter folds: ASCII and æøå, in ref or initials. */
static void test_filter(void **state)
{
	struct store *st = *state;

	assert_refs(st, "2026-0", 0, 10, "2026-0117 2026-0200 2026-0300");
	assert_refs(st, "øå", 0, 10, "2026-0300");
	assert_refs(st, "ØÅ", 0, 10, "2026-0300");
	assert_refs(st, "Æ", 0, 10, "2026-0200");
	assert_refs(st, "ab", 0, 10, "2026-0117");
	assert_refs(st, "x", 0, 10, "X*[?]");
	/* GLOB's own characters are matched as themselves. */
	assert_refs(st, "*", 0, 10, "X*[?]");
	assert_refs(st, "[?]", 0, 10, "X*[?]");
	assert_refs(st, "?", 0, 10, "X*[?]");
	assert_refs(st, "-0?", 0, 10, "");
}

static void test_row_columns(void **state)
{
	struct store *st = *state;
	struct case_query q = { .filter = "0117" };
	struct case_rows r;

	assert_int_equal(store_case_rows(st, &q, 0, 5, &r), SAM_OK);
	assert_int_equal(r.n, 1);
	assert_string_equal(r.v[0].initials, "AB");
	assert_string_equal(r.v[0].last_meeting, "2026-02-14");
	assert_int_equal(r.v[0].followups_open, 2);
	assert_int_equal(r.v[0].followups_overdue, 1);
	case_rows_free(&r);
	q.filter = "0999";
	assert_int_equal(store_case_rows(st, &q, 0, 5, &r), SAM_OK);
	assert_int_equal(r.n, 1);
	assert_null(r.v[0].initials);
	assert_null(r.v[0].last_meeting);
	assert_int_equal(r.v[0].followups_open, 0);
	assert_int_equal(r.v[0].followups_overdue, 0);
	case_rows_free(&r);
}

static void test_position(void **state)
{
	struct store *st = *state;
	struct case_query all = { 0 }, y2026 = { .filter = "2026" };
	struct case_rec c;
	size_t pos = 99;

	assert_int_equal(store_case_get(st, "2026-0200", &c), SAM_OK);
	assert_int_equal(store_case_position(st, &all, c.id, &pos), SAM_OK);
	assert_int_equal(pos, 2);
	assert_int_equal(store_case_position(st, &y2026, c.id, &pos), SAM_OK);
	assert_int_equal(pos, 1);
	case_rec_free(&c);
	/* Not in the list: closed, filtered out, or no such case. */
	assert_int_equal(store_case_get(st, "2024-0001", &c), SAM_OK);
	assert_int_equal(store_case_position(st, &all, c.id, &pos), SAM_ERR_NOT_FOUND);
	case_rec_free(&c);
	assert_int_equal(store_case_get(st, "2025-0999", &c), SAM_OK);
	assert_int_equal(store_case_position(st, &y2026, c.id, &pos), SAM_ERR_NOT_FOUND);
	case_rec_free(&c);
	assert_int_equal(store_case_position(st, &all, 12345, &pos), SAM_ERR_NOT_FOUND);
}

/*
 * sam_oom() calls the fatal hook before it aborts: the TUI's endwin.
 */

static void hook(void)
{
	static const char msg[] = "hook ";

	(void)!write(STDERR_FILENO, msg, sizeof(msg) - 1);
}

static void test_fatal_hook(void **state)
{
	int fd[2], status;
	char buf[64] = { 0 };
	ssize_t n, got = 0;
	pid_t pid;

	(void)state;
	assert_int_equal(pipe(fd), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		dup2(fd[1], STDERR_FILENO);
		sam_set_fatal_hook(hook);
		sam_oom();
	}
	close(fd[1]);
	while ((n = read(fd[0], buf + got, sizeof(buf) - 1 - (size_t)got)) > 0)
		got += n;
	close(fd[0]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(WTERMSIG(status), SIGABRT);
	assert_string_equal(buf, "hook samtale: out of memory\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_count, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pages, setup, teardown),
		cmocka_unit_test_setup_teardown(test_filter, setup, teardown),
		cmocka_unit_test_setup_teardown(test_row_columns, setup, teardown),
		cmocka_unit_test_setup_teardown(test_position, setup, teardown),
		cmocka_unit_test(test_fatal_hook),
	};

	if (test_db_unavailable())
		return 77;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
