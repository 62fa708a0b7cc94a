/* Unit tests for src/demo.c: the same seed gives the same data, the data is
 * what was asked for, holds nothing CPR-like, and fits the content. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "samtale/demo.h"
#include "samtale/demo_bank.h"
#include "samtale/util.h"
#include "test_db.h"

struct fixture {
	struct content_guide *guide;
	struct demo_bank bank;
};

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));
	struct content_diags diags = { 0 };

	if (content_load(SOURCE_DIR "/content", "da", &f->guide, &diags) != SAM_OK) {
		content_diags_print(&diags, stderr);
		content_diags_free(&diags);
		free(f);
		return -1;
	}
	setenv("SAMTALE_DEMO_DATA", SOURCE_DIR "/data/demo", 1);
	if (demo_bank_load(f->guide, &f->bank, &diags) != SAM_OK) {
		content_diags_print(&diags, stderr);
		fprintf(stderr, "%s\n", sam_errmsg());
		return -1;
	}
	content_diags_free(&diags);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	demo_bank_free(&f->bank);
	content_guide_free(f->guide);
	free(f);
	return 0;
}

static struct store *open_new(void)
{
	struct store *st = NULL;

	assert_int_equal(test_store_open("tester", &st), SAM_OK);
	return st;
}

static void fill(struct fixture *f, struct store *st, int cases, unsigned long seed,
		 struct demo_stats *stats)
{
	struct demo_opts o = { .cases = cases, .seed = seed, .bank = &f->bank };
	enum sam_status rc = demo_fill(st, f->guide, &o, stats);

	if (rc != SAM_OK)
		fail_msg("demo_fill: %s", sam_errmsg());
}

/* Everything the store holds, through its API, as text; with counts. */
struct dump {
	struct strbuf text;
	long cases, closed, meetings, items, followups;
};

static void add_field(struct dump *d, const char *name, const char *value)
{
	if (value && cpr_find(value, NULL, NULL))
		fail_msg("CPR-like text in %s", name);
	strbuf_addf(&d->text, " %s=%s", name, value ? value : "-");
}

static void dump_meeting(struct store *st, const struct content_guide *g, int64_t id,
			 struct dump *d)
{
	struct meeting_rec m;

	assert_int_equal(store_meeting_get(st, id, &m), SAM_OK);
	assert_non_null(content_meeting_type_find(g, m.type));
	strbuf_adds(&d->text, "  meeting");
	add_field(d, "date", m.date);
	add_field(d, "type", m.type);
	add_field(d, "cw", m.caseworker);
	add_field(d, "note", m.note);
	add_field(d, "agreed", m.agreed);
	add_field(d, "interpreter", m.interpreter);
	strbuf_addc(&d->text, '\n');
	for (size_t i = 0; i < m.nitems; i++) {
		const struct meeting_item *it = &m.items[i];
		const struct content_item *ci = content_item_find(g, it->item_id);

		if (!ci)
			fail_msg("unknown item id %s", it->item_id);
		assert_true(content_item_applies(ci, m.type));
		assert_string_equal(ci->section->id, it->section_id);
		assert_string_equal(ci->text, it->text);
		strbuf_adds(&d->text, "   item");
		add_field(d, "id", it->item_id);
		add_field(d, "state", item_state_name(it->state));
		add_field(d, "note", it->note);
		strbuf_addc(&d->text, '\n');
	}
	d->items += (long)m.nitems;
	meeting_rec_free(&m);
}

static void dump_case(struct store *st, const struct content_guide *g, const struct case_rec *c,
		      struct dump *d)
{
	struct meeting_list ml;

	strbuf_adds(&d->text, "case");
	add_field(d, "ref", c->ref);
	add_field(d, "initials", c->initials);
	add_field(d, "cw", c->caseworker);
	add_field(d, "opened", c->opened);
	add_field(d, "closed", c->closed);
	for (int p = 0; p < 3; p++)
		add_field(d, "profile", c->profile[p]);
	strbuf_addc(&d->text, '\n');
	d->closed += c->closed != NULL;
	assert_int_equal(store_meeting_list(st, c->id, &ml), SAM_OK);
	for (size_t i = 0; i < ml.n; i++)
		dump_meeting(st, g, ml.v[i].id, d);
	d->meetings += (long)ml.n;
	meeting_list_free(&ml);
}

static void dump_store(struct store *st, const struct content_guide *g, struct dump *d)
{
	struct followup_query q = { .include_done = true };
	struct case_list cl;
	struct followup_list fl;

	memset(d, 0, sizeof(*d));
	assert_int_equal(store_case_list(st, NULL, true, &cl), SAM_OK);
	for (size_t i = 0; i < cl.n; i++) {
		struct case_rec c;

		/* The list leaves out the profile: fetch the whole case. */
		assert_int_equal(store_case_get_by_id(st, cl.v[i].id, &c), SAM_OK);
		dump_case(st, g, &c, d);
		case_rec_free(&c);
	}
	d->cases = (long)cl.n;
	case_list_free(&cl);
	assert_int_equal(store_followup_list(st, &q, &fl), SAM_OK);
	for (size_t i = 0; i < fl.n; i++) {
		strbuf_adds(&d->text, "followup");
		add_field(d, "case", fl.v[i].case_ref);
		add_field(d, "due", fl.v[i].due);
		add_field(d, "text", fl.v[i].text);
		add_field(d, "assignee", fl.v[i].assignee);
		add_field(d, "done", fl.v[i].done ? "yes" : "no");
		strbuf_addc(&d->text, '\n');
	}
	d->followups = (long)fl.n;
	followup_list_free(&fl);
}

static void test_same_seed_same_data(void **state)
{
	struct fixture *f = *state;
	struct store *a = open_new(), *b = open_new(), *c = open_new();
	struct dump da, db, dc;

	fill(f, a, 60, 7, NULL);
	fill(f, b, 60, 7, NULL);
	fill(f, c, 60, 8, NULL);
	dump_store(a, f->guide, &da);
	dump_store(b, f->guide, &db);
	dump_store(c, f->guide, &dc);
	assert_true(da.text.len > 10000);
	assert_string_equal(strbuf_str(&da.text), strbuf_str(&db.text));
	assert_string_not_equal(strbuf_str(&da.text), strbuf_str(&dc.text));
	strbuf_free(&da.text);
	strbuf_free(&db.text);
	strbuf_free(&dc.text);
	store_close(a);
	store_close(b);
	store_close(c);
}

static void test_counts_as_asked(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_new();
	struct demo_stats stats;
	struct dump d;

	fill(f, st, 200, 1, &stats);
	dump_store(st, f->guide, &d);
	assert_int_equal(d.cases, 200);
	assert_int_equal(stats.cases, 200);
	assert_int_equal(stats.closed, d.closed);
	assert_int_equal(stats.meetings, d.meetings);
	assert_int_equal(stats.items, d.items);
	assert_int_equal(stats.followups, d.followups);
	/* A job centre's proportions: about ten meetings and four follow-ups a
	 * case, some cases closed but most still open. */
	assert_in_range(d.meetings, 200 * 6, 200 * 12);
	assert_in_range(d.followups, 200 * 2, 200 * 6);
	assert_in_range(d.closed, 10, 120);
	strbuf_free(&d.text);
	store_close(st);
}

/* Follow-ups done, due and overdue; several caseworkers; interpreters
 * sometimes; references like 2025-0412 and two-letter initials. */
static void test_looks_real(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_new();
	struct followup_query all = { .include_done = true };
	struct followup_list fl;
	struct case_list cl;
	sam_date today;
	int done = 0, due = 0, overdue = 0;
	const char *first_cw = NULL;
	bool other_cw = false, demo = false;

	assert_int_equal(store_is_demo(st, &demo), SAM_OK);
	assert_false(demo);
	fill(f, st, 100, 3, NULL);
	date_today(today);
	assert_int_equal(store_followup_list(st, &all, &fl), SAM_OK);
	for (size_t i = 0; i < fl.n; i++) {
		if (fl.v[i].done)
			done++;
		else if (strcmp(fl.v[i].due, today) < 0 && ++overdue)
			/* Days to weeks overdue, never years. */
			assert_true(date_diff_days(today, fl.v[i].due) <= 60);
		else
			due++;
	}
	followup_list_free(&fl);
	assert_true(done > 0 && due > 0 && overdue > 0);
	/* Made-up cases mark their database, for the TUI's banner. */
	assert_int_equal(store_is_demo(st, &demo), SAM_OK);
	assert_true(demo);

	assert_int_equal(store_case_list(st, NULL, true, &cl), SAM_OK);
	for (size_t i = 0; i < cl.n; i++) {
		const struct case_rec *c = &cl.v[i];
		struct meeting_list ml;

		assert_int_equal(strlen(c->ref), 9);
		assert_true(c->ref[4] == '-' && strtol(c->ref, NULL, 10) >= 2022);
		assert_int_equal(strlen(c->initials), 2);
		assert_true(c->initials[0] >= 'A' && c->initials[0] <= 'Z');
		if (!first_cw)
			first_cw = c->caseworker;
		else if (strcmp(first_cw, c->caseworker))
			other_cw = true;
		assert_int_equal(store_meeting_list(st, c->id, &ml), SAM_OK);
		/* Only a case opened in the last days may still wait for its first meeting. */
		if (ml.n == 0) {
			assert_true(date_diff_days(today, c->opened) <= 10);
			meeting_list_free(&ml);
			continue;
		}
		assert_string_equal(ml.v[0].type, "foerste");
		assert_true(strcmp(c->opened, ml.v[0].date) <= 0);
		assert_true(strcmp(ml.v[ml.n - 1].date, today) < 0);
		for (size_t k = 1; k < ml.n; k++)
			assert_true(strcmp(ml.v[k - 1].date, ml.v[k].date) < 0);
		meeting_list_free(&ml);
	}
	assert_true(other_cw);
	case_list_free(&cl);
	store_close(st);
}

/* With --yes on a database that holds cases: new references, none lost. */
static void test_adds_beside_existing_cases(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_new();
	struct dump d;
	bool yes;

	assert_int_equal(store_has_cases(st, &yes), SAM_OK);
	assert_false(yes);
	fill(f, st, 30, 1, NULL);
	fill(f, st, 30, 1, NULL);
	dump_store(st, f->guide, &d);
	assert_int_equal(d.cases, 60);
	strbuf_free(&d.text);
	store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_seed_same_data),
		cmocka_unit_test(test_counts_as_asked),
		cmocka_unit_test(test_looks_real),
		cmocka_unit_test(test_adds_beside_existing_cases),
	};

	if (test_db_unavailable())
		return 77;
	return cmocka_run_group_tests(tests, setup, teardown);
}
