/* Unit tests for internships: the store's functions and their refusals, the
 * current internship, erasure, and the internship report on a hand-counted
 * fixture. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "samtale/report.h"
#include "samtale/store.h"
#include "samtale/util.h"
#include "test_db.h"

static struct store *mem_store(void)
{
	struct store *st = NULL;

	assert_int_equal(test_store_open("mette", &st), SAM_OK);
	return st;
}

static int64_t query_int(struct store *st, const char *sql)
{
	return test_query_int(st, sql);
}

static void exec(struct store *st, const char *sql)
{
	assert_true(test_exec(st, sql));
}

static int64_t add_case(struct store *st, const char *ref)
{
	int64_t id = 0;

	assert_int_equal(store_case_add(st, ref, NULL, NULL, &id), SAM_OK);
	return id;
}

static int64_t add(struct store *st, int64_t case_id, const char *workplace, const char *from,
		   enum job_possible job)
{
	struct internship_spec in = { .workplace = workplace, .from = from, .job_possible = job };
	int64_t id = 0;

	assert_int_equal(store_internship_add(st, case_id, &in, &id), SAM_OK);
	assert_true(id > 0);
	return id;
}

/*
 * Store
 */

static void test_add_get_list(void **state)
{
	struct store *st = mem_store();
	int64_t c1 = add_case(st, "2026-0001"), c2 = add_case(st, "2026-0002");
	struct internship_spec in = {
		.workplace = "Plejecenter Solhøj", .field = "ældrepleje", .from = "2026-03-02",
		.planned_to = "2026-04-10", .contact = "Hanne Jensen, afdelingsleder",
		.goal = "Jeg vil arbejde med ældre.\nJeg har passet min mor.",
		.job_possible = JOB_POSSIBLE_YES,
	};
	struct internship_query q = { .case_id = c1 };
	struct internship_list l;
	struct internship_rec r;
	int64_t id;

	(void)state;
	assert_int_equal(store_internship_add(st, c1, &in, &id), SAM_OK);
	add(st, c2, "Kantinen på rådhuset", "2026-01-05", JOB_POSSIBLE_NO);
	add(st, c1, "Netto", "2025-10-01", JOB_POSSIBLE_UNKNOWN);
	assert_int_equal(store_internship_get(st, id, &r), SAM_OK);
	assert_string_equal(r.case_ref, "2026-0001");
	assert_string_equal(r.workplace, "Plejecenter Solhøj");
	assert_string_equal(r.field, "ældrepleje");
	assert_string_equal(r.from, "2026-03-02");
	assert_string_equal(r.planned_to, "2026-04-10");
	assert_null(r.ended);
	assert_string_equal(r.contact, "Hanne Jensen, afdelingsleder");
	assert_string_equal(r.goal, in.goal);
	assert_int_equal(r.job_possible, JOB_POSSIBLE_YES);
	assert_int_equal(r.outcome, OUTCOME_NONE);
	assert_string_equal(r.caseworker, "mette");
	internship_rec_free(&r);

	assert_int_equal(store_internship_list(st, &q, &l), SAM_OK);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0].workplace, "Netto");	/* by start */
	assert_string_equal(l.v[1].workplace, "Plejecenter Solhøj");
	internship_list_free(&l);
	q.case_id = 0;
	assert_int_equal(store_internship_list(st, &q, &l), SAM_OK);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.v[2].case_ref, "2026-0002");	/* by case, then start */
	internship_list_free(&l);
	assert_int_equal(query_int(st, "SELECT count(*) FROM audit WHERE action = 'internship.add'"
				       " AND detail IS NULL"), 3);

	assert_int_equal(store_internship_get(st, 99, &r), SAM_ERR_NOT_FOUND);
	assert_int_equal(store_internship_add(st, 99, &in, &id), SAM_ERR_NOT_FOUND);
	store_close(st);
}

static void test_refusals(void **state)
{
	struct store *st = mem_store();
	int64_t c = add_case(st, "2026-0001");
	struct internship_spec good = { .workplace = "Føtex", .from = "2026-03-02" }, in;
	int64_t id;

	(void)state;
	in = good;
	in.workplace = "";
	assert_int_equal(store_internship_add(st, c, &in, &id), SAM_ERR_INVALID);
	in = good;
	in.from = NULL;
	assert_int_equal(store_internship_add(st, c, &in, &id), SAM_ERR_INVALID);
	in = good;
	in.planned_to = "2026-03-01";
	assert_int_equal(store_internship_add(st, c, &in, &id), SAM_ERR_INVALID);
	assert_non_null(strstr(sam_errmsg(), "2026-03-02"));
	in = good;
	in.contact = "Lise, tlf. 010190-1234";
	assert_int_equal(store_internship_add(st, c, &in, &id), SAM_ERR_INVALID);
	assert_null(strstr(sam_errmsg(), "010190"));
	in = good;
	in.goal = "Mit CPR er 0101901234";
	assert_int_equal(store_internship_add(st, c, &in, &id), SAM_ERR_INVALID);
	in = good;
	in.workplace = "Føtex\x1b[31m";
	assert_int_equal(store_internship_add(st, c, &in, &id), SAM_ERR_INVALID);
	in = good;
	in.goal = "godt\x07";
	assert_int_equal(store_internship_add(st, c, &in, &id), SAM_ERR_INVALID);
	in = good;
	in.field = "køkken\nkantine";
	assert_int_equal(store_internship_add(st, c, &in, &id), SAM_ERR_INVALID);
	assert_int_equal(query_int(st, "SELECT count(*) FROM internships"), 0);
	store_close(st);
}

static void test_edit_and_end(void **state)
{
	struct store *st = mem_store();
	int64_t c = add_case(st, "2026-0001"), id = add(st, c, "Føtex", "2026-03-02", JOB_POSSIBLE_UNKNOWN);
	struct internship_spec in = { .workplace = "Føtex Vest", .field = "supermarked",
				      .from = "2026-03-02", .planned_to = "2026-04-30",
				      .job_possible = JOB_POSSIBLE_YES };
	struct internship_rec r;

	(void)state;
	assert_int_equal(store_internship_edit(st, id, &in), SAM_OK);
	assert_int_equal(query_int(st, "SELECT count(*) FROM audit WHERE action = 'internship.edit'"
				       " AND detail = 'workplace,field,planned_to,job_possible'"), 1);
	/* The same again changes nothing and logs nothing. */
	assert_int_equal(store_internship_edit(st, id, &in), SAM_OK);
	assert_int_equal(query_int(st, "SELECT count(*) FROM audit WHERE action = 'internship.edit'"), 1);
	in.contact = "Ali, 12345678 010190-1234";
	assert_int_equal(store_internship_edit(st, id, &in), SAM_ERR_INVALID);
	in.contact = NULL;

	assert_int_equal(store_internship_end(st, id, OUTCOME_NONE, "2026-04-01", NULL), SAM_ERR_INVALID);
	assert_int_equal(store_internship_end(st, id, OUTCOME_EMPLOYED, "2026-03-01", NULL),
			 SAM_ERR_INVALID);
	assert_int_equal(store_internship_end(st, id, OUTCOME_EMPLOYED, "2026-04-01", "010190-1234"),
			 SAM_ERR_INVALID);
	assert_int_equal(store_internship_end(st, 42, OUTCOME_EMPLOYED, "2026-04-01", NULL),
			 SAM_ERR_NOT_FOUND);
	assert_int_equal(store_internship_end(st, id, OUTCOME_ENDED_EARLY, "2026-03-20",
					      "Hun fik ondt i ryggen."), SAM_OK);
	assert_int_equal(store_internship_get(st, id, &r), SAM_OK);
	assert_string_equal(r.workplace, "Føtex Vest");
	assert_string_equal(r.ended, "2026-03-20");
	assert_int_equal(r.outcome, OUTCOME_ENDED_EARLY);
	assert_string_equal(r.outcome_reason, "Hun fik ondt i ryggen.");
	internship_rec_free(&r);
	assert_int_equal(query_int(st, "SELECT count(*) FROM audit WHERE action = 'internship.end'"
				       " AND detail = 'ended-early'"), 1);
	/* An edit may not move the start past the end. */
	in.from = "2026-03-21";
	assert_int_equal(store_internship_edit(st, id, &in), SAM_ERR_INVALID);
	/* Without a date, it ends today (SAMTALE_TODAY). */
	assert_int_equal(store_internship_end(st, id, OUTCOME_EMPLOYED, NULL, NULL), SAM_ERR_INVALID);
	in.from = "2026-02-01";
	assert_int_equal(store_internship_edit(st, id, &in), SAM_OK);
	assert_int_equal(store_internship_end(st, id, OUTCOME_EMPLOYED, NULL, NULL), SAM_OK);
	assert_int_equal(store_internship_get(st, id, &r), SAM_OK);
	assert_string_equal(r.ended, "2026-03-01");
	assert_null(r.outcome_reason);
	internship_rec_free(&r);
	store_close(st);
}

static void test_words(void **state)
{
	(void)state;
	assert_int_equal(store_word_find(job_possible_words, JOB_POSSIBLE_N, "yes"), JOB_POSSIBLE_YES);
	assert_int_equal(store_word_find(job_possible_words, JOB_POSSIBLE_N, "unknown"),
			 JOB_POSSIBLE_UNKNOWN);
	assert_int_equal(store_word_find(job_possible_words, JOB_POSSIBLE_N, "ja"), -1);
	assert_int_equal(store_word_find(outcome_words, OUTCOME_N, "ended-early"), OUTCOME_ENDED_EARLY);
	assert_int_equal(store_word_find(outcome_words, OUTCOME_N, NULL), -1);
	assert_int_equal(store_word_find(outcome_words, OUTCOME_N, "employed"), OUTCOME_EMPLOYED);
	assert_null(outcome_words[OUTCOME_NONE].word);
}

static void test_current(void **state)
{
	struct store *st = mem_store();
	int64_t c = add_case(st, "2026-0001"), other = add_case(st, "2026-0002");
	struct internship_rec r;
	bool found = true;
	int64_t a, b;

	(void)state;
	assert_int_equal(store_internship_current(st, c, &r, &found), SAM_OK);
	assert_false(found);
	a = add(st, c, "Bageriet", "2026-01-05", JOB_POSSIBLE_NO);
	b = add(st, c, "Børnehaven Mælkebøtten", "2026-02-02", JOB_POSSIBLE_YES);
	add(st, other, "Lageret", "2026-02-20", JOB_POSSIBLE_YES);
	assert_int_equal(store_internship_current(st, c, &r, &found), SAM_OK);
	assert_true(found);
	assert_int_equal(r.id, b);
	internship_rec_free(&r);
	/* An ended one gives way to an older one still running ... */
	assert_int_equal(store_internship_end(st, b, OUTCOME_EXTENDED, "2026-02-20", NULL), SAM_OK);
	assert_int_equal(store_internship_current(st, c, &r, &found), SAM_OK);
	assert_int_equal(r.id, a);
	internship_rec_free(&r);
	/* ... and when all have ended, the latest begun is current. */
	assert_int_equal(store_internship_end(st, a, OUTCOME_COMPLETED, "2026-02-01", NULL), SAM_OK);
	assert_int_equal(store_internship_current(st, c, &r, &found), SAM_OK);
	assert_int_equal(r.id, b);
	internship_rec_free(&r);
	store_close(st);
}

static void test_erased_with_the_case(void **state)
{
	struct store *st = mem_store();
	int64_t c = add_case(st, "2026-0001"), keep = add_case(st, "2026-0002");
	int64_t id = add(st, c, "Frisør Salon Nour", "2026-01-05", JOB_POSSIBLE_YES);

	(void)state;
	add(st, keep, "Rengøringsfirmaet Glans", "2026-01-05", JOB_POSSIBLE_NO);
	assert_int_equal(store_internship_end(st, id, OUTCOME_EMPLOYED, "2026-02-01", NULL), SAM_OK);
	assert_int_equal(store_case_delete(st, c), SAM_OK);
	assert_int_equal(query_int(st, "SELECT count(*) FROM internships"), 1);
	assert_int_equal(query_int(st, "SELECT count(*) FROM audit WHERE action LIKE 'internship.%'"
				       " AND case_id = 1"), 0);
	store_close(st);
}

/*
 * Report: a fixture counted by hand. The period is 2026-01-01 .. 2026-03-31.
 *
 *   #  from        ended       outcome      job      by     in the period
 *   A  2025-12-15  2026-01-20  employed     yes      mette  no: began before it (37 days)
 *   B  2026-01-01  2026-01-28  employed     yes      mette  yes, on its first day: 28 days
 *   C  2026-02-10  2026-02-19  ended-early  no       mette  yes: 10 days
 *   D  2026-03-20  -           running      yes      lars   yes, runs on past its end
 *   E  2026-03-31  2026-04-30  completed    unknown  lars   yes, on its last day, ends after it: 31 days
 *   F  2026-04-01  -           running      no       lars   no: began after it
 *   G  2026-01-15  2026-02-13  extended     yes      lars   yes: 30 days
 *   H  2026-02-01  -           never ended  unknown  mette  yes
 *
 * In the period: B C D E G H = 6; job possible B D G = 3 (50.0 %); ended B C
 * E G = 4, employed B = 1 (25.0 %), ended early C = 1 (25.0 %); running D H;
 * lengths 10 28 30 31: median (28 + 30) / 2 = 29.
 * mette: B C H = 3, job 1 (33.3), ended 2, employed 1 (50.0), early 1
 * (50.0), running 1, lengths 10 28: median 19.
 * lars: D E G = 3, job 2 (66.7), ended 2, employed 0 (0.0), early 0, running
 * 1, lengths 30 31: median 30.5.
 * Unbounded, all eight: job A B D G = 4, ended A B C E G = 5, employed 2,
 * running 3, lengths 10 28 30 31 37: median 30.
 */

static struct store *report_fixture(void)
{
	static const struct {
		const char *from, *ended;
		enum internship_outcome outcome;
		enum job_possible job;
		const char *cw;
	} f[] = {
		{ "2025-12-15", "2026-01-20", OUTCOME_EMPLOYED, JOB_POSSIBLE_YES, "mette" },
		{ "2026-01-01", "2026-01-28", OUTCOME_EMPLOYED, JOB_POSSIBLE_YES, "mette" },
		{ "2026-02-10", "2026-02-19", OUTCOME_ENDED_EARLY, JOB_POSSIBLE_NO, "mette" },
		{ "2026-03-20", NULL, OUTCOME_NONE, JOB_POSSIBLE_YES, "lars" },
		{ "2026-03-31", "2026-04-30", OUTCOME_COMPLETED, JOB_POSSIBLE_UNKNOWN, "lars" },
		{ "2026-04-01", NULL, OUTCOME_NONE, JOB_POSSIBLE_NO, "lars" },
		{ "2026-01-15", "2026-02-13", OUTCOME_EXTENDED, JOB_POSSIBLE_YES, "lars" },
		{ "2026-02-01", NULL, OUTCOME_NONE, JOB_POSSIBLE_UNKNOWN, "mette" },
	};
	struct store *st = mem_store();
	int64_t c = add_case(st, "2026-0001");

	for (size_t i = 0; i < ARRAY_SIZE(f); i++) {
		int64_t id = add(st, c, "Arbejdspladsen", f[i].from, f[i].job);
		char *sql = xasprintf("UPDATE internships SET caseworker = '%s' WHERE id = %lld", f[i].cw,
				      (long long)id);

		if (f[i].outcome != OUTCOME_NONE)
			assert_int_equal(store_internship_end(st, id, f[i].outcome, f[i].ended, NULL), SAM_OK);
		exec(st, sql);
		free(sql);
	}
	return st;
}

static void assert_row(const struct report_internship_row *r, int n, int job, int ended, int employed,
		       int early, int running, int measured, int median2)
{
	assert_int_equal(r->internships, n);
	assert_int_equal(r->job_possible, job);
	assert_int_equal(r->ended, ended);
	assert_int_equal(r->employed, employed);
	assert_int_equal(r->ended_early, early);
	assert_int_equal(r->running, running);
	assert_int_equal(r->measured, measured);
	assert_int_equal(r->median_days2, median2);
}

static void test_report_period(void **state)
{
	struct store *st = report_fixture();
	struct report_internship_query q = { .from = "2026-01-01", .to = "2026-03-31" };
	struct report_internships r;
	char buf[REPORT_PCT_LEN];

	(void)state;
	assert_int_equal(report_internships_run(st, &q, &r), SAM_OK);
	assert_int_equal(r.n, 0);
	assert_row(&r.total, 6, 3, 4, 1, 1, 2, 4, 58);
	assert_string_equal(report_median_format(r.total.median_days2, buf), "29");
	assert_string_equal(report_pct_format(r.total.job_possible,
					      r.total.internships - r.total.job_possible, buf), "50.0");
	report_internships_free(&r);

	q.split_caseworker = true;
	assert_int_equal(report_internships_run(st, &q, &r), SAM_OK);
	assert_int_equal(r.n, 2);
	assert_string_equal(r.rows[0].caseworker, "lars");	/* by name */
	assert_row(&r.rows[0], 3, 2, 2, 0, 0, 1, 2, 61);
	assert_string_equal(report_median_format(r.rows[0].median_days2, buf), "30.5");
	assert_string_equal(report_pct_format(r.rows[0].job_possible, 1, buf), "66.7");
	assert_string_equal(r.rows[1].caseworker, "mette");
	assert_row(&r.rows[1], 3, 1, 2, 1, 1, 1, 2, 38);
	assert_string_equal(report_median_format(r.rows[1].median_days2, buf), "19");
	assert_row(&r.total, 6, 3, 4, 1, 1, 2, 4, 58);
	assert_null(r.total.caseworker);
	report_internships_free(&r);
	store_close(st);
}

static void test_report_unbounded_and_empty(void **state)
{
	struct store *st = report_fixture();
	struct report_internship_query q = { 0 };
	struct report_internships r;
	char buf[REPORT_PCT_LEN];

	(void)state;
	assert_int_equal(report_internships_run(st, &q, &r), SAM_OK);
	assert_row(&r.total, 8, 4, 5, 2, 1, 3, 5, 60);
	report_internships_free(&r);

	/* Only a start bound: from the period's last day on, E and F. */
	q.from = "2026-03-31";
	assert_int_equal(report_internships_run(st, &q, &r), SAM_OK);
	assert_row(&r.total, 2, 0, 1, 0, 0, 1, 1, 62);
	report_internships_free(&r);

	/* A period without internships: zeros, and no median or shares. */
	q = (struct report_internship_query){ .from = "2027-01-01", .to = "2027-12-31",
					      .split_caseworker = true };
	assert_int_equal(report_internships_run(st, &q, &r), SAM_OK);
	assert_int_equal(r.n, 0);
	assert_row(&r.total, 0, 0, 0, 0, 0, 0, 0, -1);
	assert_string_equal(report_median_format(r.total.median_days2, buf), "");
	assert_string_equal(report_pct_format(0, 0, buf), "");
	report_internships_free(&r);

	q.from = "2026-13-01";
	assert_int_equal(report_internships_run(st, &q, &r), SAM_ERR_INVALID);
	store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_add_get_list),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_edit_and_end),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_current),
		cmocka_unit_test(test_erased_with_the_case),
		cmocka_unit_test(test_report_period),
		cmocka_unit_test(test_report_unbounded_and_empty),
	};

	if (test_db_unavailable())
		return 77;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
