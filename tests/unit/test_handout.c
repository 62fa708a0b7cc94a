/* Her copy: the model from the store holds only what she is given; rows
 * wrap by display width; the agreed summary's draft; the labels' loader. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "samtale/handout.h"
#include "samtale/util.h"
#include "test_db.h"

#define CONTENT SOURCE_DIR "/content"

static char *row(const char *s, int width, size_t *next)
{
	return xstrndup(s, handout_row(s, width, next));
}

static void test_rows_wrap_by_columns(void **state)
{
	size_t next;
	char *r;
	const char *text = "Du går på sprogskole";

	(void)state;
	r = row(text, 12, &next);
	assert_string_equal(r, "Du går på");	/* å counts one column, not two bytes */
	assert_string_equal(text + next, "sprogskole");
	free(r);
	r = row("sprogskole", 4, &next);	/* a word longer than the row is cut */
	assert_string_equal(r, "spro");
	assert_int_equal(next, 4);
	free(r);
	r = row("to\nlinjer", 40, &next);	/* a line end ends the row */
	assert_string_equal(r, "to");
	assert_int_equal(next, 3);
	free(r);
	r = row("ሰላም ትግርኛ", 4, &next);
	assert_string_equal(r, "ሰላም");
	free(r);
}


static void test_draft(void **state)
{
	struct handout_task hv[] = { { "2026-03-08", "Tag dit bevis med" } };
	struct handout_task ov[] = { { "2026-03-05", "Ring til praktikstedet" } };
	struct handout_tasks hers = { hv, 1 }, ours = { ov, 1 }, none = { NULL, 0 };
	char *d;

	(void)state;
	sam_set_lang(SAM_LANG_DA);
	assert_null(handout_agreed_draft(&none, &none));
	d = handout_agreed_draft(&hers, &ours);
	assert_string_equal(d, "Det gør du:\n- Tag dit bevis med (senest 2026-03-08)\n\n"
			       "Det gør vi:\n- Ring til praktikstedet (senest 2026-03-05)\n");
	free(d);
	d = handout_agreed_draft(&none, &ours);
	assert_string_equal(d, "Det gør vi:\n- Ring til praktikstedet (senest 2026-03-05)\n");
	free(d);
}

static void test_labels(void **state)
{
	struct content_diags d = { 0 };
	struct content_handout *h;

	(void)state;
	assert_int_equal(content_handout_load(CONTENT, "da", &h, &d), SAM_OK);
	assert_string_equal(h->label[HL_YOU_WILL_DO], "Det gør du");
	assert_non_null(h->contact_line);
	content_handout_free(h);
	assert_int_equal(content_handout_load(CONTENT, "en", &h, &d), SAM_OK);
	assert_string_equal(h->label[HL_NEXT_MEETING], "When we meet next");
	content_handout_free(h);
	assert_int_equal(d.n, 0);
	assert_int_equal(content_handout_load(CONTENT, "xx", &h, &d), SAM_ERR_NOT_FOUND);
	assert_null(h);
	assert_int_equal(content_handout_load(CONTENT, "../content/da", &h, &d), SAM_ERR_NOT_FOUND);
	assert_int_equal(content_handout_load(FIXTURES "/content/bad/handout-keys", "so", &h, &d),
			 SAM_ERR_INVALID);
	assert_null(h);
	assert_true(d.nerrors >= 2);
	content_diags_free(&d);
}

/* A meeting with everything a caseworker writes, and the copy of it. */
static void test_model_from_store(void **state)
{
	struct content_diags d = { 0 };
	struct meeting_item_spec items[] = { { "tro.sig-det", "tro", "Sig det højt" } };
	struct store *st = NULL;
	struct handout h;
	struct handout_lines l;
	int64_t case_id, m1, m2, f;
	struct strbuf all = { 0 };

	(void)state;
	sam_set_lang(SAM_LANG_DA);
	assert_int_equal(test_store_open("mette", &st), SAM_OK);
	assert_int_equal(store_case_add(st, "2026-0117", "AB", "2026-01-10", &case_id), SAM_OK);
	assert_int_equal(store_case_set_profile(st, case_id, PROFILE_QUALIFICATIONS, "PROFIL"), SAM_OK);
	assert_int_equal(store_meeting_add(st, case_id, "2026-02-01", "foerste", items, 1, &m1), SAM_OK);
	assert_int_equal(store_meeting_add(st, case_id, "2026-03-01", "opfoelgning", items, 1, &m2), SAM_OK);
	assert_int_equal(store_item_set_note(st, m2, "tro.sig-det", "PUNKTNOTE"), SAM_OK);
	assert_int_equal(store_meeting_set(st, m2, MEETING_NOTE, "MØDENOTE"), SAM_OK);
	/* A bidi override is refused on input (it would make the text read
	 * otherwise than it is); what an older database holds is left out. */
	assert_int_equal(store_meeting_set(st, m2, MEETING_AGREED, "Det aftalte\u202e vendt"),
			 SAM_ERR_INVALID);
	assert_int_equal(store_meeting_set(st, m2, MEETING_AGREED, "Det aftalte vendt"), SAM_OK);
	assert_int_equal(store_meeting_set_next(st, m2, "2026-03-15", NULL, "Lokale 3"), SAM_OK);
	assert_int_equal(store_followup_add(st, case_id, m2, "2026-03-08", "Hendes", "mette", &f), SAM_OK);
	assert_int_equal(store_followup_set_her(st, f, true), SAM_OK);
	assert_int_equal(store_followup_add(st, case_id, m1, "2026-02-05", "Vores fra før", "mette", &f),
			 SAM_OK);

	assert_int_equal(handout_build(st, "2026-0117", NULL, CONTENT, "da", &h, &d), SAM_OK);
	assert_string_equal(h.date, "2026-03-01");
	assert_string_equal(h.agreed, "Det aftalte vendt");	/* no bidi override */
	assert_int_equal(h.hers.n, 1);
	assert_string_equal(h.hers.v[0].text, "Hendes");
	assert_int_equal(h.ours.n, 1);		/* still open, from the meeting before */
	assert_string_equal(h.next_date, "2026-03-15");
	assert_null(h.next_time);
	handout_lines(&h, &l);
	for (size_t i = 0; i < l.n; i++)
		strbuf_addf(&all, "%s\n", l.v[i].text ? l.v[i].text : "");
	assert_non_null(strstr(strbuf_str(&all), "Sted: Lokale 3"));
	assert_null(strstr(strbuf_str(&all), "NOTE"));
	assert_null(strstr(strbuf_str(&all), "PROFIL"));
	assert_null(strstr(strbuf_str(&all), "Sig det"));
	strbuf_free(&all);
	handout_lines_free(&l);
	handout_free(&h);

	/* The earlier meeting: only its own follow-ups. */
	assert_int_equal(handout_build(st, "2026-0117", "2026-02-01", CONTENT, "en", &h, &d), SAM_OK);
	assert_int_equal(h.hers.n, 0);
	assert_int_equal(h.ours.n, 1);
	assert_null(h.agreed);
	assert_null(h.next_date);
	assert_string_equal(h.labels->label[HL_WE_WILL_DO], "What we will do");
	handout_free(&h);
	assert_int_equal(handout_build(st, "2026-0117", "2026-01-01", CONTENT, "da", &h, &d),
			 SAM_ERR_NOT_FOUND);
	assert_int_equal(d.n, 0);
	store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows_wrap_by_columns),
		cmocka_unit_test(test_draft),
		cmocka_unit_test(test_labels),
		cmocka_unit_test(test_model_from_store),
	};

	if (test_db_unavailable())
		return 77;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
