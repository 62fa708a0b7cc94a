/*
 * The report against a fixture whose every number was counted by hand.
 *
 * Today is 2026-03-01. Guide: sections tro (tro.a: every type; tro.b:
 * foerste only), dialog (dialog.c: every type; dialog.d: opfoelgning only),
 * forventning (forventning.e: foer-praktik only, never held). gammel.x is an
 * item of older meetings that the guide no longer has.
 *
 *  meeting  case       by     date        type         items (D done, O open, N not relevant)
 *  M1       2026-0001  mette  2025-12-10  foerste      tro.a D  tro.b N  dialog.c O
 *  M2       2026-0001  mette  2026-01-15  opfoelgning  tro.a D  dialog.c D  dialog.d O
 *  M3       2026-0002  ali    2026-02-20  opfoelgning  tro.a O  dialog.c N  dialog.d D  gammel.x D
 *  M4       2026-0001  ali    2026-02-25  foerste      tro.a O  tro.b O  dialog.c O (never touched)
 *  M5       2026-0004  ali    2025-09-15  foerste      tro.a D  tro.b D  dialog.c N
 *
 * Cases: 2026-0001 (mette, opened 2025-11-01), 2026-0002 (ali, 2025-12-01),
 * 2026-0003 (mette, 2025-10-01, no meetings), 2026-0004 (ali, 2025-09-01,
 * closed 2026-01-01).
 * Follow-ups: 2026-0001: due 02-20 open (overdue), 03-01 open (today), 02-01
 * done; 2026-0002: 03-10 open, 02-27 open (overdue); 2026-0003: 2026-01-01
 * open (overdue).
 */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "samtale/report.h"
#include "samtale/util.h"
#include "test_db.h"

/*
 * The guide
 */

static const char *only_foerste[] = { "foerste" };
static const char *only_opfoelgning[] = { "opfoelgning" };
static const char *only_foer_praktik[] = { "foer-praktik" };

static struct content_item tro_items[] = {
	{ .id = "a", .full_id = "tro.a", .text = "A" },
	{ .id = "b", .full_id = "tro.b", .text = "B", .meetings = only_foerste, .nmeetings = 1 },
};
static struct content_item dialog_items[] = {
	{ .id = "c", .full_id = "dialog.c", .text = "C" },
	{ .id = "d", .full_id = "dialog.d", .text = "D", .meetings = only_opfoelgning,
	  .nmeetings = 1 },
};
static struct content_item forventning_items[] = {
	{ .id = "e", .full_id = "forventning.e", .text = "E", .meetings = only_foer_praktik,
	  .nmeetings = 1 },
};
static struct content_section sections[] = {
	{ .id = "tro", .number = 1, .title = "Tro", .items = tro_items, .nitems = 2 },
	{ .id = "dialog", .number = 2, .title = "Dialog", .items = dialog_items, .nitems = 2 },
	{ .id = "forventning", .number = 3, .title = "Forventning", .items = forventning_items,
	  .nitems = 1 },
};
static struct content_meeting_type types[] = {
	{ .id = "foerste", .title = "Første samtale" },
	{ .id = "opfoelgning", .title = "Opfølgning" },
	{ .id = "foer-praktik", .title = "Før praktik" },
};
static struct content_guide guide = {
	.language = "da", .title = "Test", .intro = "",
	.sections = sections, .nsections = 3,
	.meeting_types = types, .nmeeting_types = 3,
};

/*
 * The fixture
 */

struct fixture {
	char dir[64];
	char path[96];
	struct store *st;
};

struct item_state_spec {
	const char *id;
	char state;		/* 'D', 'O' (left untouched), 'N' */
};

static struct store *open_as(struct fixture *f, const char *user)
{
	struct store *st = NULL;

	store_close(f->st);
	f->st = NULL;
	assert_int_equal(store_open(f->path, user, STORE_CREATE, &st), SAM_OK);
	f->st = st;
	return st;
}

static int64_t add_case(struct store *st, const char *ref, const char *opened)
{
	int64_t id = 0;

	assert_int_equal(store_case_add(st, ref, NULL, opened, &id), SAM_OK);
	return id;
}

static void add_meeting(struct store *st, int64_t case_id, const char *date, const char *type,
			const struct item_state_spec *items, size_t n)
{
	struct meeting_item_spec spec[8];
	char section[8][32];
	int64_t id = 0;

	assert_true(n <= 8);
	for (size_t i = 0; i < n; i++) {
		size_t len = strcspn(items[i].id, ".");

		snprintf(section[i], sizeof(section[i]), "%.*s", (int)len, items[i].id);
		spec[i] = (struct meeting_item_spec){ items[i].id, section[i], "tekst" };
	}
	assert_int_equal(store_meeting_add(st, case_id, date, type, spec, n, &id), SAM_OK);
	for (size_t i = 0; i < n; i++) {
		if (items[i].state == 'D')
			assert_int_equal(store_item_set_state(st, id, items[i].id, ITEM_DONE), SAM_OK);
		else if (items[i].state == 'N')
			assert_int_equal(store_item_set_state(st, id, items[i].id, ITEM_NOT_RELEVANT),
					 SAM_OK);
	}
}

static void add_followup(struct store *st, int64_t case_id, const char *due, const char *who,
			 bool done)
{
	int64_t id = 0;

	assert_int_equal(store_followup_add(st, case_id, 0, due, "ring til hende", who, &id), SAM_OK);
	if (done)
		assert_int_equal(store_followup_set_done(st, id, true), SAM_OK);
}

static int setup(void **state)
{
	static const struct item_state_spec m1[] = { { "tro.a", 'D' }, { "tro.b", 'N' },
						      { "dialog.c", 'O' } };
	static const struct item_state_spec m2[] = { { "tro.a", 'D' }, { "dialog.c", 'D' },
						      { "dialog.d", 'O' } };
	static const struct item_state_spec m3[] = { { "tro.a", 'O' }, { "dialog.c", 'N' },
						      { "dialog.d", 'D' }, { "gammel.x", 'D' } };
	static const struct item_state_spec m4[] = { { "tro.a", 'O' }, { "tro.b", 'O' },
						      { "dialog.c", 'O' } };
	static const struct item_state_spec m5[] = { { "tro.a", 'D' }, { "tro.b", 'D' },
						      { "dialog.c", 'N' } };
	struct fixture *f = xcalloc(1, sizeof(*f));
	struct store *st;
	int64_t c1, c2, c3, c4;

	for (size_t i = 0; i < ARRAY_SIZE(sections); i++)
		for (size_t j = 0; j < sections[i].nitems; j++)
			sections[i].items[j].section = &sections[i];
	/* One database, opened again as each caseworker: a file in a
	 * directory of its own, or a PostgreSQL database of its own. */
	if (test_on_pg()) {
		assert_int_equal(test_store_open("mette", &f->st), SAM_OK);
		snprintf(f->path, sizeof(f->path), "%s", store_path(f->st));
	} else {
		strcpy(f->dir, "/tmp/samtale-report-XXXXXX");
		assert_non_null(mkdtemp(f->dir));
		snprintf(f->path, sizeof(f->path), "%s/samtale.db", f->dir);
	}

	st = open_as(f, "mette");
	c1 = add_case(st, "2026-0001", "2025-11-01");
	c3 = add_case(st, "2026-0003", "2025-10-01");
	add_meeting(st, c1, "2025-12-10", "foerste", m1, ARRAY_SIZE(m1));
	add_meeting(st, c1, "2026-01-15", "opfoelgning", m2, ARRAY_SIZE(m2));
	add_followup(st, c1, "2026-02-20", "mette", false);
	add_followup(st, c1, "2026-03-01", "mette", false);
	add_followup(st, c1, "2026-02-01", "mette", true);
	add_followup(st, c3, "2026-01-01", "mette", false);

	st = open_as(f, "ali");
	c2 = add_case(st, "2026-0002", "2025-12-01");
	c4 = add_case(st, "2026-0004", "2025-09-01");
	add_meeting(st, c2, "2026-02-20", "opfoelgning", m3, ARRAY_SIZE(m3));
	add_meeting(st, c1, "2026-02-25", "foerste", m4, ARRAY_SIZE(m4));
	add_meeting(st, c4, "2025-09-15", "foerste", m5, ARRAY_SIZE(m5));
	assert_int_equal(store_case_close(st, c4, "2026-01-01"), SAM_OK);
	add_followup(st, c2, "2026-03-10", "ali", false);
	add_followup(st, c2, "2026-02-27", "ali", false);

	*state = f;
	return 0;
}

static int remove_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb; (void)flag; (void)ftw;
	return remove(path);
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	store_close(f->st);
	if (*f->dir)
		nftw(f->dir, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
	free(f);
	return 0;
}

/*
 * Checks
 */

static void check_row(const struct report_row *r, const char *key, int meetings, int done,
		      int open, int not_relevant, const char *pct)
{
	char buf[REPORT_PCT_LEN];

	if (key)
		assert_string_equal(r->key, key);
	else
		assert_null(r->key);
	assert_int_equal(r->meetings, meetings);
	assert_int_equal(r->done, done);
	assert_int_equal(r->open, open);
	assert_int_equal(r->not_relevant, not_relevant);
	assert_string_equal(report_pct_format(r->done, r->open, buf), pct);
}

static void check_case(const struct report_row *r, const char *last, int fu_open, int fu_overdue)
{
	if (last)
		assert_string_equal(r->last_meeting, last);
	else
		assert_null(r->last_meeting);
	assert_int_equal(r->followups_open, fu_open);
	assert_int_equal(r->followups_overdue, fu_overdue);
}

static void run(void **state, const struct report_query *q, struct report *r)
{
	struct fixture *f = *state;

	assert_int_equal(report_run(f->st, &guide, q, r), SAM_OK);
}

static void test_by_section(void **state)
{
	struct report_query q = { .by = REPORT_BY_SECTION, .stale_days = -1 };
	struct report r;

	run(state, &q, &r);
	assert_int_equal(r.n, 4);
	check_row(&r.rows[0], "tro", 5, 4, 3, 1, "57.1");
	check_row(&r.rows[1], "dialog", 5, 2, 3, 2, "40.0");
	check_row(&r.rows[2], "forventning", 0, 0, 0, 0, "");
	check_row(&r.rows[3], "gammel", 1, 1, 0, 0, "100.0");
	check_row(&r.total, NULL, 5, 7, 6, 3, "53.8");
	report_free(&r);
}

static void test_by_item(void **state)
{
	struct report_query q = { .by = REPORT_BY_ITEM, .stale_days = -1 };
	struct report r;

	run(state, &q, &r);
	assert_int_equal(r.n, 6);
	check_row(&r.rows[0], "tro.a", 5, 3, 2, 0, "60.0");
	check_row(&r.rows[1], "tro.b", 3, 1, 1, 1, "50.0");
	check_row(&r.rows[2], "dialog.c", 5, 1, 2, 2, "33.3");
	check_row(&r.rows[3], "dialog.d", 2, 1, 1, 0, "50.0");
	check_row(&r.rows[4], "forventning.e", 0, 0, 0, 0, "");
	check_row(&r.rows[5], "gammel.x", 1, 1, 0, 0, "100.0");
	check_row(&r.total, NULL, 5, 7, 6, 3, "53.8");
	report_free(&r);
}

static void test_by_caseworker(void **state)
{
	struct report_query q = { .by = REPORT_BY_CASEWORKER, .stale_days = -1 };
	struct report r;

	run(state, &q, &r);
	assert_int_equal(r.n, 2);
	check_row(&r.rows[0], "ali", 3, 4, 4, 2, "50.0");
	check_row(&r.rows[1], "mette", 2, 3, 2, 1, "60.0");
	check_row(&r.total, NULL, 5, 7, 6, 3, "53.8");
	report_free(&r);
}

static void test_by_type(void **state)
{
	struct report_query q = { .by = REPORT_BY_TYPE, .stale_days = -1 };
	struct report r;

	run(state, &q, &r);
	assert_int_equal(r.n, 3);
	check_row(&r.rows[0], "foerste", 3, 3, 4, 2, "42.9");
	check_row(&r.rows[1], "opfoelgning", 2, 4, 2, 1, "66.7");
	check_row(&r.rows[2], "foer-praktik", 0, 0, 0, 0, "");
	check_row(&r.total, NULL, 5, 7, 6, 3, "53.8");
	report_free(&r);
}

static void test_by_case(void **state)
{
	struct report_query q = { .by = REPORT_BY_CASE, .stale_days = -1 };
	struct report r;

	run(state, &q, &r);
	assert_int_equal(r.n, 3);
	check_row(&r.rows[0], "2026-0001", 3, 3, 5, 1, "37.5");
	check_case(&r.rows[0], "2026-02-25", 2, 1);
	check_row(&r.rows[1], "2026-0002", 1, 2, 1, 1, "66.7");
	check_case(&r.rows[1], "2026-02-20", 2, 1);
	check_row(&r.rows[2], "2026-0004", 1, 2, 0, 1, "100.0");
	check_case(&r.rows[2], "2025-09-15", 0, 0);
	check_row(&r.total, NULL, 5, 7, 6, 3, "53.8");
	check_case(&r.total, "2026-02-25", 4, 2);
	report_free(&r);
}

/* Both ends inclusive: M2 is on --from, M3 on --to. */
static void test_period(void **state)
{
	struct report_query q = { .by = REPORT_BY_SECTION, .from = "2026-01-15", .to = "2026-02-20",
				  .stale_days = -1 };
	struct report r;

	run(state, &q, &r);
	assert_int_equal(r.n, 4);
	check_row(&r.rows[0], "tro", 2, 1, 1, 0, "50.0");
	check_row(&r.rows[1], "dialog", 2, 2, 1, 1, "66.7");
	check_row(&r.rows[2], "forventning", 0, 0, 0, 0, "");
	check_row(&r.rows[3], "gammel", 1, 1, 0, 0, "100.0");
	check_row(&r.total, NULL, 2, 4, 2, 1, "66.7");
	report_free(&r);

	q.from = "2026-01-16";
	q.to = "2026-02-19";
	run(state, &q, &r);
	assert_int_equal(r.n, 3);
	check_row(&r.rows[0], "tro", 0, 0, 0, 0, "");
	check_row(&r.total, NULL, 0, 0, 0, 0, "");
	report_free(&r);
}

static void test_caseworker_filter(void **state)
{
	struct report_query q = { .by = REPORT_BY_ITEM, .caseworker = "mette", .stale_days = -1 };
	struct report r;

	run(state, &q, &r);
	assert_int_equal(r.n, 5);
	check_row(&r.rows[0], "tro.a", 2, 2, 0, 0, "100.0");
	check_row(&r.rows[1], "tro.b", 1, 0, 0, 1, "");
	check_row(&r.rows[2], "dialog.c", 2, 1, 1, 0, "50.0");
	check_row(&r.rows[3], "dialog.d", 1, 0, 1, 0, "0.0");
	check_row(&r.rows[4], "forventning.e", 0, 0, 0, 0, "");
	check_row(&r.total, NULL, 2, 3, 2, 1, "60.0");
	report_free(&r);
}

/* Only what applies to the type is listed: no forventning, no dialog.d. */
static void test_type_filter(void **state)
{
	struct report_query q = { .by = REPORT_BY_SECTION, .type = "foerste", .stale_days = -1 };
	struct report r;

	run(state, &q, &r);
	assert_int_equal(r.n, 2);
	check_row(&r.rows[0], "tro", 3, 3, 2, 1, "60.0");
	check_row(&r.rows[1], "dialog", 3, 0, 2, 1, "0.0");
	check_row(&r.total, NULL, 3, 3, 4, 2, "42.9");
	report_free(&r);

	q.by = REPORT_BY_ITEM;
	run(state, &q, &r);
	assert_int_equal(r.n, 3);
	check_row(&r.rows[0], "tro.a", 3, 2, 1, 0, "66.7");
	check_row(&r.rows[1], "tro.b", 3, 1, 1, 1, "50.0");
	check_row(&r.rows[2], "dialog.c", 3, 0, 2, 1, "0.0");
	report_free(&r);

	q.by = REPORT_BY_TYPE;
	run(state, &q, &r);
	assert_int_equal(r.n, 1);
	check_row(&r.rows[0], "foerste", 3, 3, 4, 2, "42.9");
	report_free(&r);
}

/* Stale: open cases whose last meeting (or opening) is DAYS or more ago. */
static void test_stale(void **state)
{
	struct report_query q = { .by = REPORT_BY_CASE, .stale_days = 30, .today = "2026-03-01" };
	struct report r;

	run(state, &q, &r);
	assert_int_equal(r.n, 1);
	check_row(&r.rows[0], "2026-0003", 0, 0, 0, 0, "");
	check_case(&r.rows[0], NULL, 1, 1);
	report_free(&r);

	q.stale_days = 5;	/* cutoff 2026-02-24: 2026-0002 met 02-20, 2026-0001 02-25 */
	run(state, &q, &r);
	assert_int_equal(r.n, 2);
	check_row(&r.rows[0], "2026-0002", 1, 2, 1, 1, "66.7");
	check_case(&r.rows[0], "2026-02-20", 2, 1);
	assert_string_equal(r.rows[1].key, "2026-0003");
	report_free(&r);

	q.stale_days = 4;	/* exactly four days since 2026-0001's last meeting */
	run(state, &q, &r);
	assert_int_equal(r.n, 3);
	assert_string_equal(r.rows[0].key, "2026-0001");
	assert_string_equal(r.rows[1].key, "2026-0002");
	assert_string_equal(r.rows[2].key, "2026-0003");
	report_free(&r);

	/* mette's cases; counts only her meetings, last meeting is anybody's */
	q.caseworker = "mette";
	run(state, &q, &r);
	assert_int_equal(r.n, 2);
	check_row(&r.rows[0], "2026-0001", 2, 3, 2, 1, "60.0");
	check_case(&r.rows[0], "2026-02-25", 2, 1);
	check_row(&r.rows[1], "2026-0003", 0, 0, 0, 0, "");
	check_row(&r.total, NULL, 2, 3, 2, 1, "60.0");
	check_case(&r.total, "2026-02-25", 3, 2);
	report_free(&r);
}

/* What waits on each caseworker: overdue follow-ups assigned to her (mette:
 * 01-01 and 02-20; ali: 02-27) and her open cases without a meeting for 30
 * days (mette's 2026-0003; ali's 2026-0004 is closed). */
static void test_caseworker_status(void **state)
{
	struct report_query q = { .by = REPORT_BY_CASEWORKER, .stale_days = -1 };
	struct report r;

	run(state, &q, &r);
	assert_int_equal(r.n, 2);
	check_row(&r.rows[0], "ali", 3, 4, 4, 2, "50.0");
	assert_int_equal(r.rows[0].followups_overdue, 1);
	assert_int_equal(r.rows[0].cases_stale, 0);
	check_row(&r.rows[1], "mette", 2, 3, 2, 1, "60.0");
	assert_int_equal(r.rows[1].followups_overdue, 2);
	assert_int_equal(r.rows[1].cases_stale, 1);
	assert_int_equal(r.total.followups_overdue, 3);
	assert_int_equal(r.total.cases_stale, 1);
	report_free(&r);

	/* Quiet since 2026-02-24: ali's 2026-0002, met on 02-20, is stale too. */
	q.stale_days = 5;
	run(state, &q, &r);
	assert_int_equal(r.rows[0].cases_stale, 1);
	report_free(&r);

	/* No meeting of hers in the period, but still a row: what waits on her. */
	q.stale_days = -1;
	q.from = "2026-02-01";
	run(state, &q, &r);
	assert_int_equal(r.n, 2);
	check_row(&r.rows[1], "mette", 0, 0, 0, 0, "");
	assert_int_equal(r.rows[1].followups_overdue, 2);
	report_free(&r);
}

/* Every section for every caseworker, the empty cells too; older ids after. */
static void test_split_caseworker(void **state)
{
	struct report_query q = { .by = REPORT_BY_SECTION, .split_caseworker = true, .stale_days = -1 };
	struct report r;

	run(state, &q, &r);
	assert_int_equal(r.n, 7);
	check_row(&r.rows[0], "tro", 3, 2, 3, 0, "40.0");
	assert_string_equal(r.rows[0].caseworker, "ali");
	check_row(&r.rows[1], "tro", 2, 2, 0, 1, "100.0");
	assert_string_equal(r.rows[1].caseworker, "mette");
	check_row(&r.rows[2], "dialog", 3, 1, 1, 2, "50.0");
	check_row(&r.rows[3], "dialog", 2, 1, 2, 0, "33.3");
	check_row(&r.rows[4], "forventning", 0, 0, 0, 0, "");
	assert_string_equal(r.rows[4].caseworker, "ali");
	check_row(&r.rows[5], "forventning", 0, 0, 0, 0, "");
	assert_string_equal(r.rows[5].caseworker, "mette");
	check_row(&r.rows[6], "gammel", 1, 1, 0, 0, "100.0");
	assert_string_equal(r.rows[6].caseworker, "ali");
	check_row(&r.total, NULL, 5, 7, 6, 3, "53.8");
	report_free(&r);
}

/* The trend: each month from the first meeting to the last, empty ones too. */
static void test_by_month(void **state)
{
	struct report_query q = { .by = REPORT_BY_MONTH, .stale_days = -1 };
	struct report r;

	run(state, &q, &r);
	assert_int_equal(r.n, 6);
	check_row(&r.rows[0], "2025-09", 1, 2, 0, 1, "100.0");
	check_row(&r.rows[1], "2025-10", 0, 0, 0, 0, "");
	check_row(&r.rows[2], "2025-11", 0, 0, 0, 0, "");
	check_row(&r.rows[3], "2025-12", 1, 1, 1, 1, "50.0");
	check_row(&r.rows[4], "2026-01", 1, 2, 1, 0, "66.7");
	check_row(&r.rows[5], "2026-02", 2, 2, 4, 1, "33.3");
	check_row(&r.total, NULL, 5, 7, 6, 3, "53.8");
	report_free(&r);

	/* A period's months, from its first to its last, whether met or not. */
	q.from = "2025-11-15";
	q.to = "2026-03-01";
	run(state, &q, &r);
	assert_int_equal(r.n, 5);
	assert_string_equal(r.rows[0].key, "2025-11");
	assert_string_equal(r.rows[4].key, "2026-03");
	check_row(&r.total, NULL, 4, 5, 6, 2, "45.5");
	report_free(&r);
}

/* Her open cases, each with how long since it was met and whether stale. */
static void test_open_cases(void **state)
{
	struct report_query q = { .by = REPORT_BY_CASE, .caseworker = "mette", .open_cases = true,
				  .stale_days = -1 };
	struct report r;

	run(state, &q, &r);
	assert_int_equal(r.n, 2);
	check_row(&r.rows[0], "2026-0001", 2, 3, 2, 1, "60.0");
	check_case(&r.rows[0], "2026-02-25", 2, 1);
	assert_int_equal(r.rows[0].quiet_days, 4);
	assert_false(r.rows[0].stale);
	check_row(&r.rows[1], "2026-0003", 0, 0, 0, 0, "");
	assert_int_equal(r.rows[1].quiet_days, 151);
	assert_true(r.rows[1].stale);
	assert_false(r.stale_list);
	report_free(&r);
}

static void check_range(enum report_period p, const char *today, const char *from, const char *to)
{
	sam_date f, t;

	assert_true(report_period_range(p, today, f, t));
	assert_string_equal(f, from);
	assert_string_equal(t, to);
}

static void check_before(enum report_period p, const char *from, const char *to,
			 const char *pfrom, const char *pto)
{
	sam_date f, t;

	report_period_before(p, from, to, f, t);
	assert_string_equal(f, pfrom);
	assert_string_equal(t, pto);
}

/* Named periods never reach past today; the one before is the unit before. */
static void test_periods(void **state)
{
	enum report_period p;
	sam_date f, t;

	(void)state;
	check_range(REPORT_PERIOD_THIS_MONTH, "2026-03-01", "2026-03-01", "2026-03-01");
	check_range(REPORT_PERIOD_LAST_MONTH, "2026-03-01", "2026-02-01", "2026-02-28");
	check_range(REPORT_PERIOD_LAST_MONTH, "2024-03-31", "2024-02-01", "2024-02-29");
	check_range(REPORT_PERIOD_LAST_MONTH, "2026-01-10", "2025-12-01", "2025-12-31");
	check_range(REPORT_PERIOD_LAST_QUARTER, "2026-03-01", "2025-10-01", "2025-12-31");
	check_range(REPORT_PERIOD_LAST_QUARTER, "2026-04-01", "2026-01-01", "2026-03-31");
	check_range(REPORT_PERIOD_THIS_YEAR, "2026-03-01", "2026-01-01", "2026-03-01");
	assert_false(report_period_range(REPORT_PERIOD_ALL, "2026-03-01", f, t));

	check_before(REPORT_PERIOD_THIS_MONTH, "2026-03-01", "2026-03-01", "2026-02-01", "2026-02-28");
	check_before(REPORT_PERIOD_LAST_QUARTER, "2025-10-01", "2025-12-31", "2025-07-01", "2025-09-30");
	check_before(REPORT_PERIOD_THIS_YEAR, "2026-01-01", "2026-03-01", "2025-01-01", "2025-12-31");
	check_before(REPORT_PERIOD_ALL, "2026-02-01", "2026-02-10", "2026-01-22", "2026-01-31");

	assert_true(report_period_parse("last-quarter", &p));
	assert_int_equal(p, REPORT_PERIOD_LAST_QUARTER);
	assert_false(report_period_parse("last-week", &p));
	assert_string_equal(report_period_name(REPORT_PERIOD_THIS_YEAR), "this-year");
}

static void test_bad_date(void **state)
{
	struct fixture *f = *state;
	struct report_query q = { .by = REPORT_BY_SECTION, .from = "2026-02-30", .stale_days = -1 };
	struct report r;

	assert_int_equal(report_run(f->st, &guide, &q, &r), SAM_ERR_INVALID);
	assert_non_null(strstr(sam_errmsg(), "2026-02-30"));
	assert_int_equal(r.n, 0);
}

static void test_pct(void **state)
{
	char buf[REPORT_PCT_LEN];

	(void)state;
	assert_int_equal(report_pct_tenths(0, 0), -1);
	assert_int_equal(report_pct_tenths(1, 7), 125);
	assert_int_equal(report_pct_tenths(1, 15), 63);	/* 6.25 rounds up */
	assert_int_equal(report_pct_tenths(2, 1), 667);
	assert_int_equal(report_pct_tenths(0, 5), 0);
	assert_int_equal(report_pct_tenths(3, 0), 1000);
	assert_string_equal(report_pct_format(1, 2, buf), "33.3");
	assert_string_equal(report_pct_format(0, 0, buf), "");
	assert_string_equal(report_pct_format(7, 0, buf), "100.0");
}

static void test_by_parse(void **state)
{
	enum report_by by;

	(void)state;
	assert_true(report_by_parse("caseworker", &by));
	assert_int_equal(by, REPORT_BY_CASEWORKER);
	assert_false(report_by_parse("sections", &by));
	assert_string_equal(report_by_name(REPORT_BY_TYPE), "type");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_by_section, setup, teardown),
		cmocka_unit_test_setup_teardown(test_by_item, setup, teardown),
		cmocka_unit_test_setup_teardown(test_by_caseworker, setup, teardown),
		cmocka_unit_test_setup_teardown(test_by_type, setup, teardown),
		cmocka_unit_test_setup_teardown(test_by_case, setup, teardown),
		cmocka_unit_test_setup_teardown(test_period, setup, teardown),
		cmocka_unit_test_setup_teardown(test_caseworker_filter, setup, teardown),
		cmocka_unit_test_setup_teardown(test_type_filter, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stale, setup, teardown),
		cmocka_unit_test_setup_teardown(test_caseworker_status, setup, teardown),
		cmocka_unit_test_setup_teardown(test_split_caseworker, setup, teardown),
		cmocka_unit_test_setup_teardown(test_by_month, setup, teardown),
		cmocka_unit_test_setup_teardown(test_open_cases, setup, teardown),
		cmocka_unit_test(test_periods),
		cmocka_unit_test_setup_teardown(test_bad_date, setup, teardown),
		cmocka_unit_test(test_pct),
		cmocka_unit_test(test_by_parse),
	};

	setenv("SAMTALE_TODAY", "2026-03-01", 1);
	if (test_db_unavailable())
		return 77;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
