/* Unit tests for the store's corrections (SPEC §1 rule 6): a meeting's date
 * and type, removing a meeting and bringing it back, editing and removing a
 * follow-up, reopening a case, the case list by caseworker, and the audit
 * line each leaves. Today is 2026-03-01 (tests/CMakeLists.txt). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>


#include "samtale/store.h"
#include "samtale/util.h"
#include "test_db.h"

static const struct meeting_item_spec first_items[] = {
	{ "tro.a", "tro", "Punkt a" },
	{ "tro.b", "tro", "Punkt b" },
	{ "dialog.c", "dialog", "Punkt c" },
};

static const struct meeting_item_spec later_items[] = {
	{ "dialog.c", "dialog", "Punkt c, nu med andre ord" },
	{ "tro.a", "tro", "Punkt a, nu med andre ord" },
	{ "dialog.d", "dialog", "Punkt d" },
};

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

static int64_t audit_lines(struct store *st, const char *action)
{
	char *sql = xasprintf("SELECT count(*) FROM audit WHERE action = '%s'", action);
	int64_t n = query_int(st, sql);

	free(sql);
	return n;
}

/* A case opened 2026-01-10 with a first meeting on 2026-02-20: tro.a done
 * with a note, tro.b not relevant, an agreed summary. */
static int64_t case_with_meeting(struct store *st, int64_t *mid)
{
	int64_t cid = 0;

	assert_int_equal(store_case_add(st, "2026-0117", "AB", "2026-01-10", &cid), SAM_OK);
	assert_int_equal(store_meeting_add(st, cid, "2026-02-20", "foerste", first_items, 3, mid), SAM_OK);
	assert_int_equal(store_item_set_state(st, *mid, "tro.a", ITEM_DONE), SAM_OK);
	assert_int_equal(store_item_set_note(st, *mid, "tro.a", "Sagt tydeligt"), SAM_OK);
	assert_int_equal(store_item_set_state(st, *mid, "tro.b", ITEM_NOT_RELEVANT), SAM_OK);
	assert_int_equal(store_meeting_set(st, *mid, MEETING_AGREED, "Hun ringer"), SAM_OK);
	return cid;
}

static void test_set_date(void **state)
{
	struct store *st = mem_store();
	struct meeting_rec m;
	int64_t mid;

	(void)state;
	case_with_meeting(st, &mid);
	assert_int_equal(store_meeting_set_date(st, mid, "2026-03-02"), SAM_ERR_INVALID);
	assert_string_equal(sam_errmsg(), "samtalens dato 2026-03-02 er i fremtiden; den kan højst være i dag");
	assert_int_equal(store_meeting_set_date(st, mid, "2026-01-09"), SAM_ERR_INVALID);
	assert_string_equal(sam_errmsg(), "samtalens dato 2026-01-09 er før sagen blev oprettet (2026-01-10)");
	assert_int_equal(store_meeting_set_date(st, mid, "2026-02-30"), SAM_ERR_INVALID);
	assert_int_equal(store_meeting_set_date(st, mid + 1, "2026-02-28"), SAM_ERR_NOT_FOUND);
	assert_int_equal(audit_lines(st, "meeting.date"), 0);
	assert_int_equal(store_meeting_set_date(st, mid, "2026-01-10"), SAM_OK);
	assert_int_equal(store_meeting_set_date(st, mid, "2026-03-01"), SAM_OK);
	assert_int_equal(store_meeting_get(st, mid, &m), SAM_OK);
	assert_string_equal(m.date, "2026-03-01");
	assert_int_equal(m.items[0].state, ITEM_DONE);
	meeting_rec_free(&m);
	assert_int_equal(audit_lines(st, "meeting.date"), 2);
	store_close(st);
}

static void test_set_type(void **state)
{
	struct store *st = mem_store();
	struct meeting_type_diff d;
	struct meeting_rec m;
	int64_t mid;

	(void)state;
	case_with_meeting(st, &mid);
	assert_int_equal(store_meeting_get(st, mid, &m), SAM_OK);
	meeting_type_diff(&m, later_items, 3, &d);
	assert_int_equal(d.kept, 2);
	assert_int_equal(d.kept_marked, 1);
	assert_int_equal(d.dropped, 1);
	assert_int_equal(d.dropped_marked, 1);
	assert_int_equal(d.dropped_notes, 0);
	assert_int_equal(d.added, 1);
	meeting_rec_free(&m);

	assert_int_equal(store_meeting_set_type(st, mid, "Bad Type", later_items, 3), SAM_ERR_INVALID);
	assert_int_equal(store_meeting_set_type(st, mid, "opfoelgning", later_items, 3), SAM_OK);
	assert_int_equal(store_meeting_get(st, mid, &m), SAM_OK);
	assert_string_equal(m.type, "opfoelgning");
	assert_int_equal(m.nitems, 3);
	/* the new type's order; shared items keep state, note and wording */
	assert_string_equal(m.items[0].item_id, "dialog.c");
	assert_string_equal(m.items[0].text, "Punkt c");
	assert_string_equal(m.items[1].item_id, "tro.a");
	assert_int_equal(m.items[1].state, ITEM_DONE);
	assert_string_equal(m.items[1].note, "Sagt tydeligt");
	assert_string_equal(m.items[1].text, "Punkt a");
	assert_string_equal(m.items[2].item_id, "dialog.d");
	assert_int_equal(m.items[2].state, ITEM_OPEN);
	assert_string_equal(m.agreed, "Hun ringer");
	meeting_rec_free(&m);
	assert_int_equal(audit_lines(st, "meeting.type"), 1);
	store_close(st);
}

static void test_delete_and_restore(void **state)
{
	struct store *st = mem_store();
	struct meeting_rec m, back;
	int64_t mid, cid, fid = 0, other = 0, rid = 0, relink[2];
	char *losses;

	(void)state;
	cid = case_with_meeting(st, &mid);
	assert_int_equal(store_followup_add(st, cid, mid, "2026-03-10", "Ring", NULL, &fid), SAM_OK);
	assert_int_equal(store_followup_add(st, cid, 0, "2026-03-11", "Skriv", NULL, &other), SAM_OK);
	assert_int_equal(store_meeting_get(st, mid, &m), SAM_OK);
	losses = meeting_losses(&m);
	assert_string_equal(losses, "1 afkrydset punkt, 1 ikke relevant, 1 note og det aftalte");
	free(losses);

	assert_int_equal(store_meeting_delete(st, mid), SAM_OK);
	assert_int_equal(store_meeting_delete(st, mid), SAM_ERR_NOT_FOUND);
	assert_int_equal(query_int(st, "SELECT count(*) FROM checklist"), 0);
	/* the follow-up stays on the case, no longer tied to the meeting */
	assert_int_equal(query_int(st, "SELECT count(*) FROM followups WHERE meeting_id IS NULL"), 2);
	assert_int_equal(audit_lines(st, "meeting.delete"), 1);

	/* back with its ticks, notes and summary, under its old id, and tied
	 * to its follow-up again (not to one that never was) */
	relink[0] = fid;
	relink[1] = other;
	assert_int_equal(store_meeting_restore(st, &m, relink, 1, &rid), SAM_OK);
	assert_int_equal(rid, mid);
	assert_int_equal(store_meeting_get(st, rid, &back), SAM_OK);
	assert_string_equal(back.date, "2026-02-20");
	assert_string_equal(back.agreed, "Hun ringer");
	assert_int_equal(back.nitems, 3);
	assert_int_equal(back.items[0].state, ITEM_DONE);
	assert_string_equal(back.items[0].note, "Sagt tydeligt");
	assert_int_equal(back.items[1].state, ITEM_NOT_RELEVANT);
	assert_int_equal(back.items[2].state, ITEM_OPEN);
	meeting_rec_free(&back);
	assert_int_equal(query_int(st, "SELECT count(*) FROM followups WHERE meeting_id = 1"), 1);
	assert_int_equal(audit_lines(st, "meeting.restore"), 1);

	/* when its id was taken meanwhile, it comes back under a new one
	 * (SQLite gives the id of the last row deleted again; PostgreSQL's
	 * ids never come again, and then it gets its own back) */
	assert_int_equal(store_meeting_delete(st, mid), SAM_OK);
	assert_int_equal(store_meeting_add(st, cid, NULL, "opfoelgning", later_items, 3, &other), SAM_OK);
	assert_int_equal(other == mid, strcmp(store_engine(st), "sqlite") == 0);
	assert_int_equal(store_meeting_restore(st, &m, NULL, 0, &rid), SAM_OK);
	assert_true(other == mid ? rid != mid : rid == mid);
	assert_int_equal(query_int(st, "SELECT count(*) FROM meetings"), 2);
	meeting_rec_free(&m);
	store_close(st);
}

static void test_old_meeting_is_corrected(void **state)
{
	struct store *st = mem_store();
	int64_t mid, cid, today = 0;

	(void)state;
	cid = case_with_meeting(st, &mid);
	/* every change to the meeting of 2026-02-20 was a correction */
	assert_int_equal(audit_lines(st, "meeting.correct"), 4);
	assert_int_equal(audit_lines(st, "item.state"), 0);
	assert_int_equal(query_int(st, "SELECT count(*) FROM audit WHERE action = 'meeting.correct'"
				       " AND detail = 'item.state tro.a=done'"), 1);
	assert_int_equal(query_int(st, "SELECT count(*) FROM audit WHERE detail LIKE '%Sagt%'"
				       " OR detail LIKE '%ringer%'"), 0);
	/* a meeting of today is simply changed */
	assert_int_equal(store_meeting_add(st, cid, NULL, "foerste", first_items, 3, &today), SAM_OK);
	assert_int_equal(store_item_set_state(st, today, "tro.a", ITEM_DONE), SAM_OK);
	assert_int_equal(audit_lines(st, "item.state"), 1);
	assert_int_equal(audit_lines(st, "meeting.correct"), 4);
	store_close(st);
}

static void test_followup_edit_delete(void **state)
{
	struct store *st = mem_store();
	struct followup_rec f;
	struct followup_change ch = { .due = "2026-04-01" };
	int64_t mid, cid, fid = 0;

	(void)state;
	cid = case_with_meeting(st, &mid);
	assert_int_equal(store_followup_add(st, cid, mid, "2026-03-10", "Ring", NULL, &fid), SAM_OK);
	assert_int_equal(store_followup_get(st, fid + 1, &f), SAM_ERR_NOT_FOUND);
	assert_string_equal(sam_errmsg(), "der er ingen opfølgning 2");
	assert_int_equal(store_followup_edit(st, fid, &ch), SAM_OK);
	assert_int_equal(store_followup_get(st, fid, &f), SAM_OK);
	assert_string_equal(f.due, "2026-04-01");
	assert_string_equal(f.text, "Ring");
	assert_string_equal(f.assignee, "mette");
	assert_string_equal(f.case_ref, "2026-0117");
	followup_rec_free(&f);
	ch = (struct followup_change){ .text = "Ring til sprogskolen", .assignee = "søren" };
	assert_int_equal(store_followup_edit(st, fid, &ch), SAM_OK);
	assert_int_equal(store_followup_get(st, fid, &f), SAM_OK);
	assert_string_equal(f.due, "2026-04-01");
	assert_string_equal(f.text, "Ring til sprogskolen");
	assert_string_equal(f.assignee, "søren");
	followup_rec_free(&f);
	assert_int_equal(query_int(st, "SELECT count(*) FROM audit WHERE action = 'followup.edit'"
				       " AND detail IN ('due', 'text,assignee')"), 2);
	/* she acts: the caseworker who follows it up stays; a name undoes it */
	ch = (struct followup_change){ .her = true, .assignee = "her" };
	assert_int_equal(store_followup_edit(st, fid, &ch), SAM_OK);
	assert_int_equal(store_followup_get(st, fid, &f), SAM_OK);
	assert_true(f.her);
	assert_string_equal(f.assignee, "søren");
	followup_rec_free(&f);
	ch = (struct followup_change){ .assignee = "mette" };
	assert_int_equal(store_followup_edit(st, fid, &ch), SAM_OK);
	assert_int_equal(store_followup_get(st, fid, &f), SAM_OK);
	assert_false(f.her);
	assert_string_equal(f.assignee, "mette");
	followup_rec_free(&f);
	/* refusals change nothing */
	ch = (struct followup_change){ .text = "Ring 010190-1234" };
	assert_int_equal(store_followup_edit(st, fid, &ch), SAM_ERR_INVALID);
	ch = (struct followup_change){ .text = " " };
	assert_int_equal(store_followup_edit(st, fid, &ch), SAM_ERR_INVALID);
	ch = (struct followup_change){ .due = "2026-02-30" };
	assert_int_equal(store_followup_edit(st, fid, &ch), SAM_ERR_INVALID);
	ch = (struct followup_change){ .due = "2026-04-02" };
	assert_int_equal(store_followup_edit(st, fid + 1, &ch), SAM_ERR_NOT_FOUND);
	assert_int_equal(audit_lines(st, "followup.edit"), 4);

	assert_int_equal(store_followup_delete(st, fid), SAM_OK);
	assert_int_equal(store_followup_delete(st, fid), SAM_ERR_NOT_FOUND);
	assert_int_equal(query_int(st, "SELECT count(*) FROM followups"), 0);
	assert_int_equal(audit_lines(st, "followup.delete"), 1);
	store_close(st);
}

static void test_reopen_and_list_by_caseworker(void **state)
{
	struct store *st = mem_store();
	struct case_query mine = { .caseworker = "mette" }, all = { .include_closed = true };
	struct case_rows rows;
	struct case_rec c;
	int64_t mid, cid;
	size_t n;

	(void)state;
	cid = case_with_meeting(st, &mid);
	assert_int_equal(store_case_add(st, "2026-0118", NULL, NULL, NULL), SAM_OK);
	assert_int_equal(store_case_close(st, cid, "2026-03-01"), SAM_OK);
	assert_int_equal(store_case_count(st, &mine, &n), SAM_OK);
	assert_int_equal(n, 1);
	assert_int_equal(store_case_count(st, &all, &n), SAM_OK);
	assert_int_equal(n, 2);
	assert_int_equal(store_case_rows(st, &all, 0, 10, &rows), SAM_OK);
	assert_int_equal(rows.n, 2);
	assert_string_equal(rows.v[0].caseworker, "mette");
	assert_string_equal(rows.v[0].closed, "2026-03-01");
	assert_null(rows.v[1].closed);
	case_rows_free(&rows);
	assert_int_equal(store_case_reopen(st, cid), SAM_OK);
	assert_int_equal(store_case_get_by_id(st, cid, &c), SAM_OK);
	assert_null(c.closed);
	case_rec_free(&c);
	assert_int_equal(audit_lines(st, "case.reopen"), 1);
	mine.caseworker = "søren";
	assert_int_equal(store_case_count(st, &mine, &n), SAM_OK);
	assert_int_equal(n, 0);
	store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_set_date),
		cmocka_unit_test(test_set_type),
		cmocka_unit_test(test_delete_and_restore),
		cmocka_unit_test(test_old_meeting_is_corrected),
		cmocka_unit_test(test_followup_edit_delete),
		cmocka_unit_test(test_reopen_and_list_by_caseworker),
	};

	if (test_db_unavailable())
		return 77;
	return cmocka_run_group_tests_name("corrections", tests, NULL, NULL);
}
