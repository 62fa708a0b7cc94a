/* One copy of each record's input checks: a single change and bulk writing
 * (import, demo) refuse the same input with the same message. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "samtale/store.h"
#include "samtale/util.h"
#include "test_db.h"

#define CPR_NOTE "Hendes CPR er 010190-1235, siger hun."
#define CONTROL "ok\x1b[31m"

static const struct meeting_item_spec items[] = {
	{ .item_id = "tro.sig-det", .section_id = "tro", .text = "Sig det højt" },
};

static struct store *mem_store(void)
{
	struct store *st = NULL;

	assert_int_equal(test_store_open("mette", &st), SAM_OK);
	return st;
}

/* The bulk path's answer to one case: status, and the message in *msg. */
static enum sam_status bulk_case(const struct store_bulk_case *c, char **msg)
{
	struct store *st = mem_store();
	struct store_bulk *b = NULL;
	enum sam_status status;

	assert_int_equal(store_bulk_open(st, "test", &b), SAM_OK);
	status = store_bulk_case(b, c);
	*msg = xstrdup(status == SAM_OK ? "" : sam_errmsg());
	store_bulk_close(b);
	store_close(st);
	return status;
}

static void same_refusal(enum sam_status single, const struct store_bulk_case *c)
{
	char *single_msg = xstrdup(sam_errmsg()), *bulk_msg = NULL;
	enum sam_status bulk = bulk_case(c, &bulk_msg);

	assert_int_equal(single, SAM_ERR_INVALID);
	assert_int_equal(bulk, SAM_ERR_INVALID);
	assert_string_equal(bulk_msg, single_msg);
	free(single_msg);
	free(bulk_msg);
}

static void test_case_fields(void **state)
{
	static const struct {
		const char *ref, *initials, *opened;
	} bad[] = {
		{ "", NULL, "2026-01-01" },
		{ CONTROL, NULL, "2026-01-01" },
		{ "2026-0001", "ABCDEFGHIJKLMNOPQ", "2026-01-01" },
		{ "2026-0001", "A\x1b", "2026-01-01" },
		{ "2026-0001", NULL, "2026-13-01" },
		{ "010190-1235", NULL, "2026-01-01" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct store *st = mem_store();
		struct store_bulk_case c = { .ref = bad[i].ref, .initials = bad[i].initials,
					     .opened = bad[i].opened };
		enum sam_status single = store_case_add(st, bad[i].ref, bad[i].initials, bad[i].opened,
							NULL);

		store_close(st);
		same_refusal(single, &c);
	}
}

static void test_meeting_fields(void **state)
{
	static const struct {
		enum meeting_field field;
		const char *text;
	} bad[] = {
		{ MEETING_NOTE, CPR_NOTE },
		{ MEETING_NOTE, CONTROL },
		{ MEETING_AGREED, CPR_NOTE },
		{ MEETING_INTERPRETER, CONTROL },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct store *st = mem_store();
		struct store_bulk_meeting m = { .date = "2026-02-01", .type = "first", .items = items,
						.nitems = 1 };
		struct store_bulk_case c = { .ref = "2026-0001", .opened = "2026-01-01",
					     .meetings = &m, .nmeetings = 1 };
		int64_t case_id, meeting_id;
		enum sam_status single;

		assert_int_equal(store_case_add(st, "2026-0001", NULL, "2026-01-01", &case_id), SAM_OK);
		assert_int_equal(store_meeting_add(st, case_id, "2026-02-01", "first", items, 1,
						   &meeting_id), SAM_OK);
		single = store_meeting_set(st, meeting_id, bad[i].field, bad[i].text);
		store_close(st);
		*(bad[i].field == MEETING_NOTE ? &m.note : bad[i].field == MEETING_AGREED ? &m.agreed
										   : &m.interpreter) = bad[i].text;
		same_refusal(single, &c);
	}
}

static void test_item_note(void **state)
{
	struct store *st = mem_store();
	const char *notes[] = { CPR_NOTE };
	struct store_bulk_meeting m = { .date = "2026-02-01", .type = "first", .items = items,
					.nitems = 1, .notes = notes };
	struct store_bulk_case c = { .ref = "2026-0001", .opened = "2026-01-01", .meetings = &m,
				     .nmeetings = 1 };
	int64_t case_id, meeting_id;
	enum sam_status single;

	(void)state;
	assert_int_equal(store_case_add(st, "2026-0001", NULL, "2026-01-01", &case_id), SAM_OK);
	assert_int_equal(store_meeting_add(st, case_id, "2026-02-01", "first", items, 1, &meeting_id),
			 SAM_OK);
	single = store_item_set_note(st, meeting_id, "tro.sig-det", CPR_NOTE);
	store_close(st);
	same_refusal(single, &c);
}

static void test_followup_fields(void **state)
{
	static const struct {
		const char *due, *text, *assignee;
	} bad[] = {
		{ "2026-02-30", "Ring til hende", "mette" },
		{ "2026-03-01", "", "mette" },
		{ "2026-03-01", CPR_NOTE, "mette" },
		{ "2026-03-01", "Ring til hende", "" },
		{ "2026-03-01", "Ring til hende", CONTROL },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct store *st = mem_store();
		struct store_bulk_followup f = { .due = bad[i].due, .text = bad[i].text,
						 .assignee = bad[i].assignee,
						 .meeting = STORE_BULK_NO_MEETING };
		struct store_bulk_case c = { .ref = "2026-0001", .opened = "2026-01-01",
					     .followups = &f, .nfollowups = 1 };
		int64_t case_id;
		enum sam_status single;

		assert_int_equal(store_case_add(st, "2026-0001", NULL, "2026-01-01", &case_id), SAM_OK);
		single = store_followup_add(st, case_id, 0, bad[i].due, bad[i].text, bad[i].assignee,
					    NULL);
		store_close(st);
		same_refusal(single, &c);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_case_fields),
		cmocka_unit_test(test_meeting_fields),
		cmocka_unit_test(test_item_note),
		cmocka_unit_test(test_followup_fields),
	};

	if (test_db_unavailable())
		return 77;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
