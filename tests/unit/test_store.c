/* Unit tests for src/store: cases, meetings, items, follow-ups, audit,
 * transactions, erasure, migrations, the compact checklist and the
 * database file itself. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include <sqlite3.h>

#include "samtale/store.h"
#include "sqlite_store.h"
#include "samtale/util.h"
#include "test_db.h"

/* Not in store.h: reached here so that the refusal of network file systems
 * can be tested without one. */
const char *store_network_fs_name(unsigned long magic, const char *fuse_type);

/*
 * Helpers
 */

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

static char *tmpdir(void)
{
	char tmpl[] = "/tmp/samtale-store-XXXXXX";

	assert_non_null(mkdtemp(tmpl));
	return xstrdup(tmpl);
}

static void rmtree(char *dir)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);

	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(dir);
}

static mode_t file_mode(const char *path)
{
	struct stat sb;

	assert_int_equal(stat(path, &sb), 0);
	return sb.st_mode & 07777;
}

static int64_t add_case(struct store *st, const char *ref)
{
	int64_t id = 0;

	assert_int_equal(store_case_add(st, ref, NULL, NULL, &id), SAM_OK);
	assert_true(id > 0);
	return id;
}

static const struct meeting_item_spec items[] = {
	{ "tro.afdaek-kvalifikationer", "tro", "Afdæk hendes kvalifikationer" },
	{ "tro.sig-det", "tro", "Sig det" },
	{ "dialog.lyt-inddrag", "dialog", "Lyt og inddrag" },
	{ "forventning.formaal", "forventning", "Formålet" },
};

static int64_t add_meeting_of(struct store *st, int64_t case_id, const char *date,
			      const struct meeting_item_spec *v, size_t n)
{
	int64_t id = 0;

	assert_int_equal(store_meeting_add(st, case_id, date, "foerste", v, n, &id), SAM_OK);
	return id;
}

static int64_t add_meeting(struct store *st, int64_t case_id, const char *date)
{
	return add_meeting_of(st, case_id, date, items, ARRAY_SIZE(items));
}

static void exec(struct store *st, const char *sql)
{
	assert_true(test_exec(st, sql));
}

/* SQL of a wording's hash beneath the store: the function each engine's
 * schema has (store/wordings.c). */
static const char *hash_fn(void)
{
	return test_on_pg() ? "samtale_wording_hash" : "wording_hash";
}


/* What the meeting's item i reads as. */
static void assert_item(struct store *st, int64_t meeting_id, size_t i, const char *item_id,
			const char *text)
{
	struct meeting_rec m;

	assert_int_equal(store_meeting_get(st, meeting_id, &m), SAM_OK);
	assert_true(i < m.nitems);
	assert_string_equal(m.items[i].item_id, item_id);
	assert_string_equal(m.items[i].text, text);
	meeting_rec_free(&m);
}

/* The counts of one meeting's section: "open done not_relevant", or "" when
 * there is no row. */
static char *counts_of(struct store *st, int64_t meeting_id, const char *section)
{
	char *sql = xasprintf("SELECT c.open || ' ' || c.done || ' ' || c.not_relevant"
			      " FROM section_counts c JOIN section_keys s ON s.id = c.section"
			      " WHERE c.meeting_id = %lld AND s.key = '%s'",
			      (long long)meeting_id, section);
	char *v = test_query_text(st, sql);

	assert_non_null(v);
	free(sql);
	return v;
}

#define assert_counts(st, mid, section, want) \
	do { \
		char *got_ = counts_of(st, mid, section); \
		assert_string_equal(got_, want); \
		free(got_); \
	} while (0)


static int setup(void **state)
{
	(void)state;
	sam_set_lang(SAM_LANG_EN);
	setenv("SAMTALE_TODAY", "2026-03-01", 1);
	return 0;
}

/*
 * Cases
 */

static void test_case_add_get(void **state)
{
	struct store *st = mem_store();
	struct case_rec c;
	int64_t id = 0;

	(void)state;
	assert_int_equal(store_case_add(st, "2026-0117", "AB", NULL, &id), SAM_OK);
	assert_int_equal(store_case_get(st, "2026-0117", &c), SAM_OK);
	assert_int_equal(c.id, id);
	assert_string_equal(c.ref, "2026-0117");
	assert_string_equal(c.initials, "AB");
	assert_string_equal(c.caseworker, "mette");
	assert_string_equal(c.opened, "2026-03-01");
	assert_null(c.closed);
	assert_null(c.profile[PROFILE_QUALIFICATIONS]);
	case_rec_free(&c);

	assert_int_equal(store_case_add(st, "2026-0117", NULL, NULL, NULL), SAM_ERR_INVALID);
	assert_non_null(strstr(sam_errmsg(), "already"));
	assert_int_equal(store_case_get(st, "nope", &c), SAM_ERR_NOT_FOUND);
	assert_non_null(strstr(sam_errmsg(), "nope"));
	assert_int_equal(store_case_get_by_id(st, id, &c), SAM_OK);
	assert_string_equal(c.ref, "2026-0117");
	case_rec_free(&c);
	assert_int_equal(query_int(st, "SELECT count(*) FROM audit WHERE action = 'case.add'"), 1);
	store_close(st);
}

static void test_case_refs_refused(void **state)
{
	static const char *const bad[] = { "", "  ", "010190-1234", "0101901234", "J 010190-1234",
					   "a\tb", "a\nb", "\x7f" };
	struct store *st = mem_store();
	char longref[66];

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		assert_int_equal(store_case_add(st, bad[i], NULL, NULL, NULL), SAM_ERR_INVALID);
		assert_null(strstr(sam_errmsg(), "1234"));
	}
	memset(longref, 'x', 65);
	longref[65] = '\0';
	assert_int_equal(store_case_add(st, longref, NULL, NULL, NULL), SAM_ERR_INVALID);
	longref[64] = '\0';
	assert_int_equal(store_case_add(st, longref, NULL, NULL, NULL), SAM_OK);
	assert_int_equal(store_case_add(st, "2026-1", "010190-1234", NULL, NULL), SAM_ERR_INVALID);
	assert_int_equal(store_case_add(st, "2026-2", NULL, "2026-02-30", NULL), SAM_ERR_INVALID);
	assert_int_equal(store_case_add(st, "bad\xff", NULL, NULL, NULL), SAM_ERR_INVALID);
	assert_int_equal(query_int(st, "SELECT count(*) FROM cases"), 1);
	/* The Danish messages read right whatever the noun's gender or number. */
	sam_set_lang(SAM_LANG_DA);
	assert_int_equal(store_case_add(st, " ", NULL, NULL, NULL), SAM_ERR_INVALID);
	assert_string_equal(sam_errmsg(), "journalnummeret mangler");
	assert_int_equal(store_case_add(st, "2026-3", "AB\xff", NULL, NULL), SAM_ERR_INVALID);
	assert_string_equal(sam_errmsg(), "initialerne indeholder ugyldig UTF-8 (byte 3)");
	memset(longref, 'x', 65);
	assert_int_equal(store_case_add(st, longref, NULL, NULL, NULL), SAM_ERR_INVALID);
	assert_string_equal(sam_errmsg(), "journalnummeret fylder for meget (højst 64 byte)");
	sam_set_lang(SAM_LANG_EN);
	store_close(st);
}

static void test_case_profile_and_cpr_in_text(void **state)
{
	struct store *st = mem_store();
	int64_t id = add_case(st, "2026-0001");
	struct case_rec c;

	(void)state;
	assert_int_equal(store_case_set_profile(st, id, PROFILE_JOB_WISHES, "Arbejde i en børnehave"),
			 SAM_OK);
	assert_int_equal(store_case_set_profile(st, id, PROFILE_QUALIFICATIONS,
						"Født 010190-1234, lærer"), SAM_ERR_INVALID);
	assert_null(strstr(sam_errmsg(), "010190"));
	assert_non_null(strstr(sam_errmsg(), "CPR"));
	/* Nothing that a terminal would take as a command; tabs and line ends
	 * are text. */
	assert_int_equal(store_case_set_profile(st, id, PROFILE_EDUCATION_WISHES, "Rød \x1b[2J"),
			 SAM_ERR_INVALID);
	assert_string_equal(sam_errmsg(),
			    "the education wishes must not hold control characters (byte 6)");
	assert_int_equal(store_case_set_profile(st, id, PROFILE_EDUCATION_WISHES, "a\x7f"),
			 SAM_ERR_INVALID);
	assert_int_equal(store_case_set_profile(st, id, PROFILE_EDUCATION_WISHES,
						"Sosu\tkursus\r\nGym"), SAM_OK);
	assert_int_equal(store_case_set_initials(st, id, "FH"), SAM_OK);
	assert_int_equal(store_case_get_by_id(st, id, &c), SAM_OK);
	assert_string_equal(c.profile[PROFILE_JOB_WISHES], "Arbejde i en børnehave");
	assert_null(c.profile[PROFILE_QUALIFICATIONS]);
	assert_string_equal(c.initials, "FH");
	case_rec_free(&c);
	/* Empty text clears the field. */
	assert_int_equal(store_case_set_profile(st, id, PROFILE_JOB_WISHES, ""), SAM_OK);
	assert_int_equal(store_case_get_by_id(st, id, &c), SAM_OK);
	assert_null(c.profile[PROFILE_JOB_WISHES]);
	case_rec_free(&c);
	assert_int_equal(store_case_set_profile(st, 999, PROFILE_JOB_WISHES, "x"), SAM_ERR_NOT_FOUND);
	/* The audit log names the field, never the text. */
	assert_int_equal(query_int(st, "SELECT count(*) FROM audit WHERE detail LIKE '%rnehave%'"), 0);
	assert_int_equal(query_int(st, "SELECT count(*) FROM audit WHERE action = 'case.profile'"
				       " AND detail = 'job_wishes'"), 2);
	store_close(st);
}

/* Every field of the profile is its own column, each in her words. */
static void test_profile_every_field(void **state)
{
	struct store *st = mem_store();
	int64_t id = add_case(st, "2026-0002");
	struct case_rec c;

	(void)state;
	for (int f = 0; f < PROFILE_NFIELDS; f++) {
		char *text = xasprintf("%s: æøå %d", profile_fields[f].key, f);

		assert_int_equal(store_case_set_profile(st, id, f, text), SAM_OK);
		free(text);
	}
	assert_int_equal(store_case_set_profile(st, id, PROFILE_GOALS, "Mit mål 010190-1234"),
			 SAM_ERR_INVALID);
	assert_non_null(strstr(sam_errmsg(), "her goals looks like it holds a CPR number"));
	assert_int_equal(store_case_set_profile(st, id, PROFILE_NFIELDS, "x"), SAM_ERR_INVALID);
	assert_int_equal(store_case_get_by_id(st, id, &c), SAM_OK);
	for (int f = 0; f < PROFILE_NFIELDS; f++) {
		char *text = xasprintf("%s: æøå %d", profile_fields[f].key, f);

		assert_string_equal(c.profile[f], text);
		free(text);
	}
	case_rec_free(&c);
	assert_int_equal(query_int(st, "SELECT count(*) FROM audit WHERE action = 'case.profile'"
				       " AND detail = 'work_experience'"), 1);
	store_close(st);
}

static void test_case_list_close(void **state)
{
	struct store *st = mem_store();
	int64_t b = add_case(st, "2026-0002"), a, m;
	struct case_list l;

	(void)state;
	assert_int_equal(store_case_add(st, "2026-0001", "ZZ", "2026-01-05", &a), SAM_OK);
	add_case(st, "2025-0100");
	m = add_meeting(st, a, "2026-02-01");
	add_meeting(st, a, "2026-02-20");
	assert_int_equal(store_followup_add(st, a, m, "2026-02-15", "Ring", NULL, NULL), SAM_OK);
	assert_int_equal(store_followup_add(st, a, 0, "2026-03-01", "Skriv", NULL, NULL), SAM_OK);
	assert_int_equal(store_followup_add(st, a, 0, "2026-01-01", "Gjort", NULL, NULL), SAM_OK);
	assert_int_equal(store_followup_set_done(st, 3, true), SAM_OK);

	assert_int_equal(store_case_close(st, b, "2026-01-01"), SAM_ERR_INVALID);	/* before opened */
	assert_int_equal(store_case_close(st, b, NULL), SAM_OK);
	assert_int_equal(store_case_list(st, NULL, false, &l), SAM_OK);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0].ref, "2025-0100");
	assert_string_equal(l.v[1].ref, "2026-0001");
	assert_string_equal(l.v[1].last_meeting, "2026-02-20");
	assert_int_equal(l.v[1].followups_open, 2);
	assert_int_equal(l.v[1].followups_overdue, 1);
	assert_null(l.v[0].last_meeting);
	case_list_free(&l);

	assert_int_equal(store_case_list(st, NULL, true, &l), SAM_OK);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.v[2].ref, "2026-0002");
	assert_string_equal(l.v[2].closed, "2026-03-01");
	case_list_free(&l);

	assert_int_equal(store_case_list(st, "zz", true, &l), SAM_OK);	/* initials, any case */
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].ref, "2026-0001");
	case_list_free(&l);
	assert_int_equal(store_case_list(st, "%", true, &l), SAM_OK);	/* no wildcard */
	assert_int_equal(l.n, 0);
	case_list_free(&l);
	assert_int_equal(store_case_list(st, "-0", false, &l), SAM_OK);
	assert_int_equal(l.n, 2);
	case_list_free(&l);
	store_close(st);
}

/*
 * Meetings and items
 */

static void test_meeting_items(void **state)
{
	struct store *st = mem_store();
	int64_t c = add_case(st, "2026-0001"), m;
	struct meeting_rec r;

	(void)state;
	m = add_meeting(st, c, NULL);
	assert_int_equal(store_meeting_get(st, m, &r), SAM_OK);
	assert_int_equal(r.case_id, c);
	assert_string_equal(r.date, "2026-03-01");
	assert_string_equal(r.type, "foerste");
	assert_string_equal(r.caseworker, "mette");
	assert_null(r.note);
	assert_null(r.interpreter);
	assert_int_equal(r.nitems, 4);
	for (size_t i = 0; i < r.nitems; i++) {
		assert_string_equal(r.items[i].item_id, items[i].item_id);
		assert_string_equal(r.items[i].section_id, items[i].section_id);
		assert_string_equal(r.items[i].text, items[i].text);
		assert_int_equal(r.items[i].state, ITEM_OPEN);
		assert_null(r.items[i].note);
	}
	meeting_rec_free(&r);

	assert_int_equal(store_item_set_state(st, m, "tro.sig-det", ITEM_DONE), SAM_OK);
	assert_int_equal(store_item_set_state(st, m, "dialog.lyt-inddrag", ITEM_NOT_RELEVANT), SAM_OK);
	assert_int_equal(store_item_set_state(st, m, "tro.sig-det", ITEM_OPEN), SAM_OK);
	assert_int_equal(store_item_set_state(st, m, "tro.sig-det", ITEM_DONE), SAM_OK);
	assert_int_equal(store_item_set_state(st, m, "tro.ukendt", ITEM_DONE), SAM_ERR_NOT_FOUND);
	assert_int_equal(store_item_set_state(st, 999, "tro.sig-det", ITEM_DONE), SAM_ERR_NOT_FOUND);
	assert_int_equal(store_item_set_note(st, m, "tro.sig-det", "Hun vil være sygeplejerske"), SAM_OK);
	assert_int_equal(store_item_set_note(st, m, "tro.sig-det", "CPR 0101901234"), SAM_ERR_INVALID);
	assert_null(strstr(sam_errmsg(), "0101901234"));
	assert_int_equal(store_meeting_set(st, m, MEETING_NOTE, "God samtale"), SAM_OK);
	assert_int_equal(store_meeting_set(st, m, MEETING_AGREED, "Du starter i praktik"), SAM_OK);
	assert_int_equal(store_meeting_set(st, m, MEETING_INTERPRETER, "arabisk"), SAM_OK);
	assert_int_equal(store_meeting_set(st, m, MEETING_AGREED, "nr. 010190-1234"), SAM_ERR_INVALID);
	assert_int_equal(store_meeting_set(st, m, MEETING_NOTE, "010190-1234"), SAM_ERR_INVALID);

	assert_int_equal(store_meeting_get(st, m, &r), SAM_OK);
	assert_int_equal(r.items[0].state, ITEM_OPEN);
	assert_int_equal(r.items[1].state, ITEM_DONE);
	assert_int_equal(r.items[2].state, ITEM_NOT_RELEVANT);
	assert_string_equal(r.items[1].note, "Hun vil være sygeplejerske");
	assert_string_equal(r.note, "God samtale");
	assert_string_equal(r.agreed, "Du starter i praktik");
	assert_string_equal(r.interpreter, "arabisk");
	meeting_rec_free(&r);

	assert_int_equal(store_meeting_set(st, m, MEETING_INTERPRETER, NULL), SAM_OK);
	assert_int_equal(store_meeting_get(st, m, &r), SAM_OK);
	assert_null(r.interpreter);
	meeting_rec_free(&r);
	store_close(st);
}

static void test_meeting_refused(void **state)
{
	static const struct meeting_item_spec twice[] = {
		{ "tro.sig-det", "tro", "a" },
		{ "tro.sig-det", "tro", "b" },
	};
	static const struct meeting_item_spec bad_id[] = { { "Tro.X", "tro", "a" } };
	struct store *st = mem_store();
	int64_t c = add_case(st, "2026-0001");

	(void)state;
	assert_int_equal(store_meeting_add(st, c, "2026-13-01", "foerste", items, 1, NULL), SAM_ERR_INVALID);
	assert_int_equal(store_meeting_add(st, c, NULL, "Første", items, 1, NULL), SAM_ERR_INVALID);
	assert_int_equal(store_meeting_add(st, c, NULL, "foerste", twice, 2, NULL), SAM_ERR_INVALID);
	assert_non_null(strstr(sam_errmsg(), "tro.sig-det"));
	assert_int_equal(store_meeting_add(st, c, NULL, "foerste", bad_id, 1, NULL), SAM_ERR_INVALID);
	assert_int_equal(store_meeting_add(st, 999, NULL, "foerste", items, 1, NULL), SAM_ERR_NOT_FOUND);
	/* Nothing of the refused meetings is left behind. */
	assert_int_equal(query_int(st, "SELECT count(*) FROM meetings"), 0);
	assert_int_equal(query_int(st, "SELECT count(*) FROM checklist"), 0);
	store_close(st);
}

static void test_meeting_keeps_wording(void **state)
{
	struct meeting_item_spec v2[] = { { "tro.sig-det", "tro", "Sig det – ny ordlyd" } };
	struct store *st = mem_store();
	int64_t c = add_case(st, "2026-0001"), old, now;
	struct meeting_rec r;

	(void)state;
	old = add_meeting(st, c, "2026-01-01");
	assert_int_equal(store_meeting_add(st, c, "2026-02-01", "opfoelgning", v2, 1, &now), SAM_OK);
	assert_int_equal(store_meeting_get(st, old, &r), SAM_OK);
	assert_string_equal(r.items[1].text, "Sig det");
	meeting_rec_free(&r);
	assert_int_equal(store_meeting_get(st, now, &r), SAM_OK);
	assert_int_equal(r.nitems, 1);
	assert_string_equal(r.items[0].text, "Sig det – ny ordlyd");
	meeting_rec_free(&r);
	store_close(st);
}

/* Asserts that the items in l are want[0..n), in order; frees l. */
static void assert_left_open(struct left_open_list *l, const char *const *want, size_t nwant)
{
	assert_int_equal(l->n, nwant);
	for (size_t i = 0; i < l->n; i++) {
		assert_string_equal(l->v[i].item.item_id, want[i]);
		assert_int_equal(l->v[i].item.state, ITEM_OPEN);
	}
	left_open_list_free(l);
}

static void assert_left_open_before(struct store *st, int64_t meeting, const char *const *want,
				    size_t nwant)
{
	struct left_open_list l;

	assert_int_equal(store_items_left_open_before(st, meeting, &l), SAM_OK);
	assert_left_open(&l, want, nwant);
}

static void test_progress_and_left_open(void **state)
{
	struct store *st = mem_store();
	int64_t c = add_case(st, "2026-0001"), m1, m2, m3;
	static const char *const after_m2[] = { "tro.sig-det", "forventning.formaal" };
	static const char *const after_m3[] = { "tro.afdaek-kvalifikationer", "dialog.lyt-inddrag",
						"forventning.formaal" };
	struct section_progress *p;
	struct meeting_list ml;
	struct left_open_list l;
	size_t n;

	(void)state;
	assert_int_equal(store_items_left_open(st, c, &l), SAM_OK);
	assert_left_open(&l, NULL, 0);

	m2 = add_meeting(st, c, "2026-02-01");
	m1 = add_meeting(st, c, "2026-01-01");	/* added later, held earlier */
	assert_int_equal(store_item_set_state(st, m1, "tro.sig-det", ITEM_DONE), SAM_OK);
	assert_int_equal(store_item_set_state(st, m2, "tro.afdaek-kvalifikationer", ITEM_DONE), SAM_OK);
	assert_int_equal(store_item_set_state(st, m2, "dialog.lyt-inddrag", ITEM_NOT_RELEVANT), SAM_OK);

	assert_int_equal(store_items_left_open(st, c, &l), SAM_OK);
	assert_left_open(&l, after_m2, ARRAY_SIZE(after_m2));

	assert_int_equal(store_meeting_progress(st, m2, &p, &n), SAM_OK);
	assert_int_equal(n, 3);
	assert_string_equal(p[0].section_id, "tro");
	assert_int_equal(p[0].done, 1);
	assert_int_equal(p[0].open, 1);
	assert_int_equal(p[0].not_relevant, 0);
	assert_string_equal(p[1].section_id, "dialog");
	assert_int_equal(p[1].done, 0);
	assert_int_equal(p[1].open, 0);
	assert_int_equal(p[1].not_relevant, 1);
	assert_string_equal(p[2].section_id, "forventning");
	assert_int_equal(p[2].open, 1);
	section_progress_free(p, n);

	assert_int_equal(store_meeting_list(st, c, &ml), SAM_OK);
	assert_int_equal(ml.n, 2);
	assert_int_equal(ml.v[0].id, m1);
	assert_int_equal(ml.v[1].id, m2);
	assert_int_equal(ml.v[0].nitems, 0);
	meeting_list_free(&ml);

	/* Two meetings on one day: the one added last is the latest. */
	m3 = add_meeting(st, c, "2026-02-01");
	assert_int_equal(store_item_set_state(st, m3, "tro.sig-det", ITEM_DONE), SAM_OK);
	assert_int_equal(store_items_left_open(st, c, &l), SAM_OK);
	assert_int_equal(l.v[0].meeting_id, m3);
	assert_left_open(&l, after_m3, ARRAY_SIZE(after_m3));
	store_close(st);
}

static void test_left_open_before(void **state)
{
	static const char *const after_m1[] = { "tro.afdaek-kvalifikationer", "dialog.lyt-inddrag",
						"forventning.formaal" };
	static const char *const after_m2[] = { "tro.sig-det", "forventning.formaal" };
	struct store *st = mem_store();
	int64_t c = add_case(st, "2026-0001"), d = add_case(st, "2026-0002"), m1, m2, m3, m4, dm;

	(void)state;
	m2 = add_meeting(st, c, "2026-02-01");
	m1 = add_meeting(st, c, "2026-01-01");	/* added later, held earlier */
	dm = add_meeting(st, d, "2026-01-15");	/* another case's, in between */
	m3 = add_meeting(st, c, "2026-02-01");	/* same day as m2, added later */
	assert_int_equal(store_item_set_state(st, m1, "tro.sig-det", ITEM_DONE), SAM_OK);
	assert_int_equal(store_item_set_state(st, m2, "tro.afdaek-kvalifikationer", ITEM_DONE), SAM_OK);
	assert_int_equal(store_item_set_state(st, m2, "dialog.lyt-inddrag", ITEM_NOT_RELEVANT), SAM_OK);
	assert_int_equal(store_item_set_state(st, dm, "forventning.formaal", ITEM_DONE), SAM_OK);
	assert_int_equal(store_item_set_state(st, m3, "tro.sig-det", ITEM_DONE), SAM_OK);

	assert_left_open_before(st, m1, NULL, 0);	/* the first meeting */
	assert_left_open_before(st, m2, after_m1, ARRAY_SIZE(after_m1));
	assert_left_open_before(st, m3, after_m2, ARRAY_SIZE(after_m2));
	assert_left_open_before(st, dm, NULL, 0);
	assert_left_open_before(st, 999, NULL, 0);	/* no such meeting */

	/* A meeting held later than all the others, whatever its id. */
	m4 = add_meeting(st, c, "2026-03-01");
	assert_int_equal(store_item_set_state(st, m3, "forventning.formaal", ITEM_DONE), SAM_OK);
	assert_left_open_before(st, m4, after_m1, 2);	/* m3's: afdaek and dialog */
	store_close(st);
}

/* Carry-over follows the course: a meeting whose type leaves an item out
 * (before an internship) does not end its carrying over, and the item
 * comes back with the wording and the note of the meeting that left it
 * open. */
static void test_left_open_follows_course(void **state)
{
	static const struct meeting_item_spec praktik[] = { { "forventning.formaal", "forventning", "Formålet" } };
	static const struct meeting_item_spec reworded[] = {
		{ "tro.afdaek-kvalifikationer", "tro", "Afdæk – ny ordlyd" },
		{ "tro.sig-det", "tro", "Sig det – ny ordlyd" },
		{ "dialog.lyt-inddrag", "dialog", "Lyt – ny ordlyd" },
		{ "forventning.formaal", "forventning", "Formålet – ny ordlyd" },
	};
	static const char *const before_m2[] = { "forventning.formaal" };
	static const char *const before_m3[] = { "tro.sig-det", "dialog.lyt-inddrag" };
	static const char *const after_m2[] = { "tro.sig-det", "dialog.lyt-inddrag" };
	static const char *const after_m3[] = { "tro.sig-det" };
	struct store *st = mem_store();
	int64_t c = add_case(st, "2026-0001"), m1, m2, m3;
	struct left_open_list l;

	(void)state;
	m1 = add_meeting(st, c, "2026-01-01");
	assert_int_equal(store_item_set_state(st, m1, "tro.afdaek-kvalifikationer", ITEM_DONE), SAM_OK);
	assert_int_equal(store_item_set_note(st, m1, "tro.sig-det", "Hun var ikke klar"), SAM_OK);
	assert_int_equal(store_meeting_add(st, c, "2026-01-15", "foer-praktik", praktik, 1, &m2), SAM_OK);
	assert_left_open_before(st, m2, before_m2, 1);
	assert_int_equal(store_item_set_state(st, m2, "forventning.formaal", ITEM_DONE), SAM_OK);

	assert_int_equal(store_items_left_open(st, c, &l), SAM_OK);
	assert_string_equal(l.v[0].item.text, "Sig det");
	assert_string_equal(l.v[0].item.note, "Hun var ikke klar");
	assert_string_equal(l.v[0].date, "2026-01-01");
	assert_int_equal(l.v[0].meeting_id, m1);
	assert_left_open(&l, after_m2, ARRAY_SIZE(after_m2));

	assert_int_equal(store_meeting_add(st, c, "2026-02-01", "opfoelgning", reworded, 4, &m3), SAM_OK);
	assert_int_equal(store_items_left_open_before(st, m3, &l), SAM_OK);
	assert_string_equal(l.v[0].item.text, "Sig det");
	assert_string_equal(l.v[0].item.note, "Hun var ikke klar");
	assert_null(l.v[1].item.note);
	assert_left_open(&l, before_m3, ARRAY_SIZE(before_m3));

	/* Held at m3 now: m3's wording, m3's state. */
	assert_int_equal(store_item_set_state(st, m3, "dialog.lyt-inddrag", ITEM_DONE), SAM_OK);
	assert_int_equal(store_item_set_state(st, m3, "tro.afdaek-kvalifikationer", ITEM_NOT_RELEVANT),
			 SAM_OK);
	assert_int_equal(store_item_set_state(st, m3, "forventning.formaal", ITEM_DONE), SAM_OK);
	assert_int_equal(store_items_left_open(st, c, &l), SAM_OK);
	assert_string_equal(l.v[0].item.text, "Sig det – ny ordlyd");
	assert_null(l.v[0].item.note);
	assert_left_open(&l, after_m3, ARRAY_SIZE(after_m3));
	store_close(st);
}

/*
 * Follow-ups
 */

static void test_followups(void **state)
{
	struct store *st = mem_store();
	int64_t a = add_case(st, "2026-0002"), b = add_case(st, "2026-0001"), m = add_meeting(st, a, NULL);
	int64_t f1, f2, f3, f4;
	struct followup_query q = { 0 };
	struct followup_list l;

	(void)state;
	assert_int_equal(store_followup_add(st, a, m, "2026-02-20", "Ring til sprogskolen", NULL, &f1),
			 SAM_OK);
	assert_int_equal(store_followup_add(st, b, 0, "2026-02-20", "Find praktik", "anna", &f2), SAM_OK);
	assert_int_equal(store_followup_add(st, b, 0, "2026-03-01", "Møde", NULL, &f3), SAM_OK);
	assert_int_equal(store_followup_add(st, a, 0, "2026-04-01", "Opfølgning", "anna", &f4), SAM_OK);
	assert_int_equal(store_followup_add(st, a, 0, "2026-04-31", "x", NULL, NULL), SAM_ERR_INVALID);
	assert_int_equal(store_followup_add(st, a, 0, "2026-04-01", "", NULL, NULL), SAM_ERR_INVALID);
	assert_int_equal(store_followup_add(st, a, 0, "2026-04-01", "ring 010190-1234", NULL, NULL),
			 SAM_ERR_INVALID);
	assert_null(strstr(sam_errmsg(), "010190"));
	assert_int_equal(store_followup_add(st, 999, 0, "2026-04-01", "x", NULL, NULL), SAM_ERR_NOT_FOUND);
	/* A meeting of another case is refused. */
	assert_int_equal(store_followup_add(st, b, m, "2026-04-01", "x", NULL, NULL), SAM_ERR_NOT_FOUND);

	assert_int_equal(store_followup_list(st, &q, &l), SAM_OK);
	assert_int_equal(l.n, 4);
	assert_int_equal(l.v[0].id, f2);	/* same due: by ref */
	assert_string_equal(l.v[0].case_ref, "2026-0001");
	assert_string_equal(l.v[0].assignee, "anna");
	assert_int_equal(l.v[0].meeting_id, 0);
	assert_int_equal(l.v[1].id, f1);
	assert_int_equal(l.v[1].meeting_id, m);
	assert_string_equal(l.v[1].assignee, "mette");
	assert_string_equal(l.v[1].text, "Ring til sprogskolen");
	assert_int_equal(l.v[2].id, f3);
	assert_int_equal(l.v[3].id, f4);
	followup_list_free(&l);

	q.due_before = "2026-03-01";
	assert_int_equal(store_followup_list(st, &q, &l), SAM_OK);
	assert_int_equal(l.n, 2);
	followup_list_free(&l);
	q.due_before = NULL;
	q.due_until = "2026-03-01";
	assert_int_equal(store_followup_list(st, &q, &l), SAM_OK);
	assert_int_equal(l.n, 3);
	followup_list_free(&l);
	q.due_until = NULL;
	q.assignee = "anna";
	assert_int_equal(store_followup_list(st, &q, &l), SAM_OK);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.v[0].id, f2);
	assert_int_equal(l.v[1].id, f4);
	followup_list_free(&l);
	q.assignee = NULL;
	q.case_id = a;
	assert_int_equal(store_followup_list(st, &q, &l), SAM_OK);
	assert_int_equal(l.n, 2);
	followup_list_free(&l);

	assert_int_equal(store_followup_set_done(st, f1, true), SAM_OK);
	assert_int_equal(store_followup_set_due(st, f4, "2026-01-01"), SAM_OK);
	assert_int_equal(store_followup_set_due(st, f4, "soon"), SAM_ERR_INVALID);
	assert_int_equal(store_followup_set_done(st, 999, true), SAM_ERR_NOT_FOUND);
	assert_int_equal(store_followup_list(st, &q, &l), SAM_OK);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].id, f4);
	assert_string_equal(l.v[0].due, "2026-01-01");
	followup_list_free(&l);
	q.include_done = true;
	assert_int_equal(store_followup_list(st, &q, &l), SAM_OK);
	assert_int_equal(l.n, 2);
	assert_true(l.v[1].done);
	followup_list_free(&l);

	/* Follow-ups stay when their meeting goes, without the meeting. */
	exec(st, "DELETE FROM meetings");
	assert_int_equal(query_int(st, "SELECT count(*) FROM followups WHERE meeting_id IS NULL"), 4);
	store_close(st);
}

/* Full-table steps of the last follow-up list, counted by SQLite. */
static int followup_scan_trace(unsigned type, void *ctx, void *p, void *x)
{
	(void)x;
	if (type == SQLITE_TRACE_PROFILE && strstr(sqlite3_sql(p), "FROM followups f"))
		*(int *)ctx = sqlite3_stmt_status(p, SQLITE_STMTSTATUS_FULLSCAN_STEP, 0);
	return 0;
}

static int followup_scan_steps(struct store *st, const struct followup_query *q, size_t n)
{
	struct followup_list l;
	int steps = -1;

	sqlite3_trace_v2(store_sqlite(st), SQLITE_TRACE_PROFILE, followup_scan_trace, &steps);
	assert_int_equal(store_followup_list(st, q, &l), SAM_OK);
	sqlite3_trace_v2(store_sqlite(st), 0, NULL, NULL);
	assert_int_equal(l.n, n);
	followup_list_free(&l);
	return steps;
}

/* The lists the TUI and "samtale followups" ask for go through an index,
 * not a scan of every follow-up; and the filters combine. */
/* The next appointment, for her copy: never before the meeting, a real time. */
static void test_meeting_next(void **state)
{
	struct store *st = mem_store();
	int64_t case_id = add_case(st, "2026-0003"), mid = add_meeting(st, case_id, "2026-02-10");
	struct meeting_rec m;

	(void)state;
	assert_int_equal(store_meeting_set_next(st, mid, "2026-02-24", "10:30", "Jobcentret, lokale 3"),
			 SAM_OK);
	assert_int_equal(store_meeting_get(st, mid, &m), SAM_OK);
	assert_string_equal(m.next.date, "2026-02-24");
	assert_string_equal(m.next.time, "10:30");
	assert_string_equal(m.next.place, "Jobcentret, lokale 3");
	meeting_rec_free(&m);
	assert_int_equal(store_meeting_set_next(st, mid, "2026-02-09", NULL, NULL), SAM_ERR_INVALID);
	assert_string_equal(sam_errmsg(), "The next meeting cannot come before this one (2026-02-10).");
	assert_int_equal(store_meeting_set_next(st, mid, "2026-02-24", "24:00", NULL), SAM_ERR_INVALID);
	assert_int_equal(store_meeting_set_next(st, mid, "2026-02-24", "9:30", NULL), SAM_ERR_INVALID);
	assert_int_equal(store_meeting_set_next(st, mid, "2026-02-30", NULL, NULL), SAM_ERR_INVALID);
	assert_int_equal(store_meeting_set_next(st, mid, "2026-02-24", NULL, "Stue 010190-1234"),
			 SAM_ERR_INVALID);
	assert_int_equal(store_meeting_set_next(st, 999, "2026-02-24", NULL, NULL), SAM_ERR_NOT_FOUND);
	/* Refusals changed nothing; an empty date clears all three. */
	assert_int_equal(store_meeting_get(st, mid, &m), SAM_OK);
	assert_string_equal(m.next.time, "10:30");
	meeting_rec_free(&m);
	assert_int_equal(store_meeting_set_next(st, mid, "", "11:00", "x"), SAM_OK);
	assert_int_equal(store_meeting_get(st, mid, &m), SAM_OK);
	assert_null(m.next.date);
	assert_null(m.next.time);
	assert_null(m.next.place);
	meeting_rec_free(&m);
	assert_int_equal(query_int(st, "SELECT count(*) FROM audit WHERE action = 'meeting.set'"
				       " AND detail = 'next'"), 2);
	store_close(st);
}

/* She is the one to act: the follow-up stays her caseworker's to follow. */
static void test_followup_her(void **state)
{
	struct store *st = mem_store();
	int64_t case_id = add_case(st, "2026-0004"), id = 0;
	struct followup_list l;
	struct followup_query q = { .case_id = case_id };

	(void)state;
	assert_int_equal(store_followup_add(st, case_id, 0, "2026-03-05", "Du tager dit bevis med",
					    "mette", &id), SAM_OK);
	assert_int_equal(store_followup_set_her(st, id, true), SAM_OK);
	assert_int_equal(store_followup_list(st, &q, &l), SAM_OK);
	assert_int_equal(l.n, 1);
	assert_true(l.v[0].her);
	assert_string_equal(l.v[0].assignee, "mette");
	followup_list_free(&l);
	assert_int_equal(store_followup_set_her(st, id, false), SAM_OK);
	assert_int_equal(store_followup_list(st, &q, &l), SAM_OK);
	assert_false(l.v[0].her);
	followup_list_free(&l);
	assert_int_equal(store_followup_set_her(st, 999, true), SAM_ERR_NOT_FOUND);
	assert_int_equal(query_int(st, "SELECT count(*) FROM audit WHERE action = 'followup.set'"
				       " AND detail IN ('her', 'caseworker')"), 2);
	store_close(st);
}

static void test_followup_list_indexed(void **state)
{
	struct store *st;
	int64_t a, b, f;
	struct followup_query mine_today = { .assignee = "mette", .due_until = "2026-03-01" };
	struct followup_query all_today = { .due_until = "2026-03-01" };
	struct followup_query mine_overdue = { .assignee = "mette", .due_before = "2026-03-01" };
	struct followup_query all_overdue = { .due_before = "2026-03-01" };
	struct followup_query mine = { .assignee = "mette" };
	struct followup_query one_case = { 0 };
	struct followup_query case_anna = { .assignee = "anna", .include_done = true };

	(void)state;
	/* SQLite's own count of full-table steps: PostgreSQL's planner
	 * chooses by its statistics, not tested here. */
	if (test_on_pg())
		skip();
	st = mem_store();
	a = add_case(st, "2026-0001");
	b = add_case(st, "2026-0002");
	one_case.case_id = case_anna.case_id = a;
	assert_int_equal(store_followup_add(st, a, 0, "2026-02-01", "a", NULL, NULL), SAM_OK);
	assert_int_equal(store_followup_add(st, a, 0, "2026-03-01", "b", "anna", NULL), SAM_OK);
	assert_int_equal(store_followup_add(st, b, 0, "2026-03-01", "c", NULL, NULL), SAM_OK);
	assert_int_equal(store_followup_add(st, b, 0, "2026-05-01", "d", NULL, NULL), SAM_OK);
	assert_int_equal(store_followup_add(st, a, 0, "2026-01-01", "e", "anna", &f), SAM_OK);
	assert_int_equal(store_followup_set_done(st, f, true), SAM_OK);

	assert_int_equal(followup_scan_steps(st, &mine_today, 2), 0);
	assert_int_equal(followup_scan_steps(st, &all_today, 3), 0);
	assert_int_equal(followup_scan_steps(st, &mine_overdue, 1), 0);
	assert_int_equal(followup_scan_steps(st, &all_overdue, 1), 0);
	assert_int_equal(followup_scan_steps(st, &mine, 3), 0);
	assert_int_equal(followup_scan_steps(st, &one_case, 2), 0);
	assert_int_equal(followup_scan_steps(st, &case_anna, 2), 0);
	store_close(st);
}

/*
 * Transactions
 */

static void test_transactions(void **state)
{
	struct store *st = mem_store();
	int64_t c;

	(void)state;
	assert_int_equal(store_begin(st), SAM_OK);
	assert_int_not_equal(store_begin(st), SAM_OK);
	c = add_case(st, "2026-0001");
	add_meeting(st, c, NULL);
	store_rollback(st);
	assert_int_equal(query_int(st, "SELECT count(*) FROM cases"), 0);
	assert_int_equal(query_int(st, "SELECT count(*) FROM checklist"), 0);
	assert_int_equal(query_int(st, "SELECT count(*) FROM audit WHERE action != 'db.create'"), 0);

	/* A failing step inside a transaction undoes only itself. */
	assert_int_equal(store_begin(st), SAM_OK);
	c = add_case(st, "2026-0001");
	assert_int_equal(store_meeting_add(st, c, NULL, "foerste", items, 2, NULL), SAM_OK);
	assert_int_equal(store_case_add(st, "2026-0001", NULL, NULL, NULL), SAM_ERR_INVALID);
	assert_int_equal(store_commit(st), SAM_OK);
	assert_int_not_equal(store_commit(st), SAM_OK);
	assert_int_equal(query_int(st, "SELECT count(*) FROM cases"), 1);
	assert_int_equal(query_int(st, "SELECT count(*) FROM checklist"), 2);
	store_close(st);
}

/*
 * Erasure
 */

static void test_delete_and_purge(void **state)
{
	struct store *st = mem_store();
	int64_t a = add_case(st, "2026-0001"), b = add_case(st, "2026-0002"), c = add_case(st, "2026-0003");
	int64_t m = add_meeting(st, a, NULL);
	int n = -1;

	(void)state;
	add_meeting(st, b, NULL);
	assert_int_equal(store_followup_add(st, a, m, "2026-04-01", "Ring", NULL, NULL), SAM_OK);
	assert_int_equal(store_case_set_profile(st, a, PROFILE_QUALIFICATIONS, "Ingeniør"), SAM_OK);
	assert_int_equal(store_case_delete(st, a), SAM_OK);
	assert_int_equal(query_int(st, "SELECT count(*) FROM cases"), 2);
	assert_int_equal(query_int(st, "SELECT count(*) FROM meetings"), 1);
	assert_int_equal(query_int(st, "SELECT count(*) FROM checklist"), 4);
	assert_int_equal(query_int(st, "SELECT count(*) FROM followups"), 0);
	assert_int_equal(query_int(st, "SELECT count(*) FROM audit WHERE case_id = 1"), 0);
	assert_int_equal(query_int(st, "SELECT count(*) FROM audit WHERE action = 'case.delete'"
				       " AND case_id IS NULL AND object_id = 1"), 1);
	assert_int_equal(store_case_delete(st, a), SAM_ERR_NOT_FOUND);

	assert_int_equal(store_case_close(st, b, "2026-03-01"), SAM_OK);
	assert_int_equal(store_case_close(st, c, "2026-03-05"), SAM_OK);
	assert_int_equal(store_purge_closed_before(st, "2026-03-01", &n), SAM_OK);
	assert_int_equal(n, 0);
	assert_int_equal(store_purge_closed_before(st, "2026-03-02", &n), SAM_OK);
	assert_int_equal(n, 1);
	assert_int_equal(query_int(st, "SELECT count(*) FROM cases"), 1);
	assert_int_equal(query_int(st, "SELECT count(*) FROM checklist"), 0);
	assert_int_equal(query_int(st, "SELECT count(*) FROM audit WHERE action = 'case.purge'"), 1);
	assert_int_equal(store_purge_closed_before(st, "yesterday", &n), SAM_ERR_INVALID);
	store_close(st);
}

static bool file_contains(const char *path, const char *word)
{
	FILE *f = fopen(path, "rb");
	size_t n = strlen(word), got;
	char buf[65536 + 64];
	bool found = false;

	if (!f)
		return false;
	memset(buf, 0, sizeof(buf));
	while (!found && (got = fread(buf + n, 1, sizeof(buf) - n, f)) > 0) {
		for (size_t i = 0; i + n <= got + n && !found; i++)
			found = !memcmp(buf + i, word, n);
		memmove(buf, buf + got, n);
	}
	fclose(f);
	return found;
}

static void test_delete_leaves_no_trace(void **state)
{
	/* Her words in SQLite's file and WAL pages (PostgreSQL's erasure:
	 * tests/pg/run.sh, and db_holds in the command-line tests). */
	if (test_on_pg())
		skip();
	char *dir = tmpdir(), *db = xasprintf("%s/s.db", dir), *wal = xasprintf("%s/s.db-wal", dir);
	static char big[30000];
	struct store *st, *reader;
	int64_t a, m;

	(void)state;
	assert_int_equal(store_open(db, "mette", STORE_CREATE, &st), SAM_OK);
	a = add_case(st, "Zebrafinke-77");
	add_case(st, "2026-0002");
	m = add_meeting(st, a, NULL);
	assert_int_equal(store_meeting_set(st, m, MEETING_NOTE, "Kvindens drøm er Trompetfisk"), SAM_OK);
	assert_int_equal(store_case_set_profile(st, a, PROFILE_JOB_WISHES, "Blæksprutte-kok"), SAM_OK);
	/* Text over several pages: the overflow pages must be wiped as well. */
	memset(big, 'y', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	memcpy(big + 20000, "Havørnen", strlen("Havørnen"));
	assert_int_equal(store_item_set_note(st, m, "tro.sig-det", big), SAM_OK);
	/* A second connection keeps the database open, as a colleague would. */
	assert_int_equal(store_open(db, "anna", STORE_READONLY, &reader), SAM_OK);
	assert_true(file_contains(wal, "Trompetfisk") || file_contains(db, "Trompetfisk"));
	assert_true(file_contains(wal, "Havørnen") || file_contains(db, "Havørnen"));
	assert_int_equal(store_case_delete(st, a), SAM_OK);
	assert_false(file_contains(db, "Trompetfisk"));
	assert_false(file_contains(wal, "Trompetfisk"));
	assert_false(file_contains(db, "Zebrafinke"));
	assert_false(file_contains(wal, "Zebrafinke"));
	assert_false(file_contains(db, "Blæksprutte"));
	assert_false(file_contains(db, "Havørnen"));
	assert_false(file_contains(wal, "Havørnen"));
	assert_true(file_contains(db, "2026-0002") || file_contains(wal, "2026-0002"));
	store_close(reader);
	store_close(st);
	free(db);
	free(wal);
	rmtree(dir);
}

/*
 * The database file
 */

static void test_file_modes(void **state)
{
	/* SQLite's files, their modes and its pragmas. */
	if (test_on_pg())
		skip();
	char *dir = tmpdir(), *db = xasprintf("%s/a/b/s.db", dir), *sub = xasprintf("%s/a/b", dir);
	char *wal = xasprintf("%s-wal", db), *shm = xasprintf("%s-shm", db);
	mode_t old = umask(0);
	struct store *st;

	(void)state;
	assert_int_equal(store_open(db, "mette", STORE_CREATE, &st), SAM_OK);
	add_case(st, "2026-0001");
	umask(old);
	assert_int_equal(file_mode(sub), 0700);
	assert_int_equal(file_mode(db), 0600);
	assert_int_equal(file_mode(wal), 0600);
	assert_int_equal(file_mode(shm), 0600);
	assert_int_equal(query_int(st, "PRAGMA foreign_keys"), 1);
	assert_int_equal(query_int(st, "PRAGMA secure_delete"), 1);
	assert_int_equal(query_int(st, "PRAGMA synchronous"), 2);
	store_close(st);
	free(db);
	free(sub);
	free(wal);
	free(shm);
	rmtree(dir);
}

static void test_open_refusals(void **state)
{
	/* Files that are no samtale database, or no file at all. */
	if (test_on_pg())
		skip();
	char *dir = tmpdir(), *db = xasprintf("%s/s.db", dir), *junk = xasprintf("%s/junk", dir);
	char *missing = xasprintf("%s/nope/s.db", dir);
	struct store *st = NULL;
	sqlite3 *h;
	FILE *f;

	(void)state;
	/* Newer schema */
	assert_int_equal(store_open(db, "mette", STORE_CREATE, &st), SAM_OK);
	store_close(st);
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "PRAGMA user_version=99", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	assert_int_equal(store_open(db, "mette", STORE_CREATE, &st), SAM_ERR_INVALID);
	assert_null(st);
	assert_non_null(strstr(sam_errmsg(), "newer samtale"));

	/* Random bytes */
	f = fopen(junk, "wb");
	assert_non_null(f);
	for (int i = 0; i < 8192; i++)
		fputc((i * 7919 + 13) & 0xff, f);
	fclose(f);
	assert_int_equal(store_open(junk, "mette", STORE_CREATE, &st), SAM_ERR_DB);
	assert_non_null(strstr(sam_errmsg(), "not a samtale database"));
	assert_int_equal(store_open(junk, "mette", STORE_READONLY, &st), SAM_ERR_DB);

	/* Another program's SQLite database */
	unlink(junk);
	assert_int_equal(sqlite3_open(junk, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "CREATE TABLE t (x)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	assert_int_equal(store_open(junk, "mette", STORE_CREATE, &st), SAM_ERR_DB);
	assert_non_null(strstr(sam_errmsg(), "not a samtale database"));

	/* Missing file, read-only or without STORE_CREATE; a directory */
	assert_int_equal(store_open(missing, "mette", STORE_READONLY, &st), SAM_ERR_IO);
	assert_false(path_exists(missing));
	unlink(db);
	assert_int_equal(store_open(db, "mette", STORE_READONLY, &st), SAM_ERR_NOT_FOUND);
	assert_int_equal(store_open(db, "mette", 0, &st), SAM_ERR_NOT_FOUND);
	assert_false(path_exists(db));
	assert_int_not_equal(store_open(dir, "mette", STORE_CREATE, &st), SAM_OK);
	assert_int_not_equal(store_open(db, "", STORE_CREATE, &st), SAM_OK);
	free(db);
	free(junk);
	free(missing);
	rmtree(dir);
}

static void test_readonly_store(void **state)
{
	char *dir = NULL, *db;
	struct store *st;
	struct case_list l;

	(void)state;
	/* A database opened again by name: a file, or a server's database. */
	if (test_on_pg()) {
		assert_int_equal(test_store_open("mette", &st), SAM_OK);
		db = xstrdup(store_path(st));
	} else {
		dir = tmpdir();
		db = xasprintf("%s/s.db", dir);
		assert_int_equal(store_open(db, "mette", STORE_CREATE, &st), SAM_OK);
	}
	add_case(st, "2026-0001");
	assert_false(store_read_only(st));
	store_close(st);
	assert_int_equal(store_open(db, "mette", STORE_READONLY, &st), SAM_OK);
	assert_true(store_read_only(st));
	assert_int_equal(store_case_list(st, NULL, false, &l), SAM_OK);
	assert_int_equal(l.n, 1);
	case_list_free(&l);
	assert_int_not_equal(store_case_add(st, "2026-0002", NULL, NULL, NULL), SAM_OK);
	/* SQLite has the file open read-only beneath the store too. */
	if (!test_on_pg())
		assert_int_not_equal(sqlite3_exec(store_sqlite(st), "DELETE FROM cases", NULL, NULL, NULL),
				     SQLITE_OK);
	store_close(st);
	free(db);
	if (dir)
		rmtree(dir);
}

static void test_disk_full(void **state)
{
	/* SQLite's pages: a file that may not grow is a full disk. */
	if (test_on_pg())
		skip();
	char *dir = tmpdir(), *db = xasprintf("%s/s.db", dir);
	struct store *st;
	char *big = xmalloc(60000);
	int64_t c;
	enum sam_status s = SAM_OK;

	(void)state;
	memset(big, 'x', 59999);
	big[59999] = '\0';
	assert_int_equal(store_open(db, "mette", STORE_CREATE, &st), SAM_OK);
	c = add_case(st, "2026-0001");
	/* The file may not grow: the next page SQLite needs is a full disk. */
	assert_int_equal(sqlite3_exec(store_sqlite(st), "PRAGMA max_page_count = 1", NULL, NULL, NULL),
			 SQLITE_OK);
	for (int i = 0; i < 5 && s == SAM_OK; i++)
		s = store_case_set_profile(st, c, PROFILE_QUALIFICATIONS, big);
	assert_int_equal(s, SAM_ERR_IO);
	assert_non_null(strstr(sam_errmsg(), "is full; nothing was changed"));
	assert_int_equal(query_int(st, "SELECT qualifications IS NULL FROM cases"), 1);
	assert_int_equal(query_int(st, "SELECT count(*) FROM audit WHERE action = 'case.profile'"), 0);
	store_close(st);
	free(big);
	free(db);
	rmtree(dir);
}

static void test_backup_and_check(void **state)
{
	/* SQLite's online backup and foreign-key check (a PostgreSQL
	 * database is backed up by its operators: tests/pg/run.sh). */
	if (test_on_pg())
		skip();
	char *dir = tmpdir(), *db = xasprintf("%s/s.db", dir), *bak = xasprintf("%s/copy.db", dir);
	struct store *st, *copy;
	char *report = NULL;
	bool ok = false, yes = true;

	(void)state;
	assert_int_equal(store_open(db, "mette", STORE_CREATE, &st), SAM_OK);
	assert_int_equal(store_has_cases(st, &yes), SAM_OK);
	assert_false(yes);
	add_case(st, "2026-0001");
	assert_int_equal(store_has_cases(st, &yes), SAM_OK);
	assert_true(yes);
	assert_int_equal(store_backup(st, bak, false), SAM_OK);
	assert_int_equal(file_mode(bak), 0600);
	assert_int_equal(store_open(bak, "mette", STORE_READONLY, &copy), SAM_OK);
	assert_int_equal(query_int(copy, "SELECT count(*) FROM cases"), 1);
	store_close(copy);
	assert_int_not_equal(store_backup(st, "/nonexistent-dir/x.db", false), SAM_OK);
	assert_int_equal(store_backup(st, db, false), SAM_ERR_INVALID);
	assert_int_equal(query_int(st, "SELECT count(*) FROM cases"), 1);

	assert_int_equal(store_check(st, &ok, &report), SAM_OK);
	assert_true(ok);
	assert_string_equal(report, "");
	free(report);
	assert_int_equal(sqlite3_exec(store_sqlite(st), "PRAGMA foreign_keys=OFF;"
				      "INSERT INTO meetings (case_id, date, type, caseworker)"
				      " VALUES (42, '2026-01-01', 'foerste', 'x')", NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(store_check(st, &ok, &report), SAM_OK);
	assert_false(ok);
	assert_non_null(strstr(report, "foreign key: meetings"));
	free(report);
	store_close(st);
	free(db);
	free(bak);
	rmtree(dir);
}

static void test_migrate_v1_fixture(void **state)
{
	/* SQLite files of an earlier schema. */
	if (test_on_pg())
		skip();
	char *dir = tmpdir(), *db = xasprintf("%s/samtale.db", dir);
	char *bak = xasprintf("%s.v1-backup", db);
	char *cmd = xasprintf("cp '%s/db/v1.db' '%s' && chmod 600 '%s'", FIXTURES, db, db);
	struct store *st;
	struct case_rec c;
	struct meeting_rec m;
	struct followup_list l;
	struct followup_query q = { 0 };

	(void)state;
	assert_int_equal(system(cmd), 0);
	assert_int_equal(store_open(db, "mette", STORE_CREATE, &st), SAM_OK);
	assert_int_equal(query_int(st, "PRAGMA user_version"), 6);
	assert_int_equal(file_mode(bak), 0600);
	assert_int_equal(store_case_get(st, "2025-0042", &c), SAM_OK);
	assert_string_equal(c.initials, "FH");
	assert_string_equal(c.profile[PROFILE_JOB_WISHES], "Arbejde på et plejehjem");
	assert_string_equal(c.last_meeting, "2025-11-03");
	assert_int_equal(c.followups_overdue, 1);
	assert_int_equal(store_meeting_get(st, 1, &m), SAM_OK);
	assert_null(m.interpreter);
	assert_int_equal(m.nitems, 3);
	assert_int_equal(m.items[2].state, ITEM_NOT_RELEVANT);
	assert_string_equal(m.items[2].note, "ikke i dag");
	meeting_rec_free(&m);
	assert_int_equal(store_meeting_set(st, 1, MEETING_INTERPRETER, "arabisk"), SAM_OK);
	assert_int_equal(store_followup_list(st, &q, &l), SAM_OK);
	assert_int_equal(l.n, 1);
	followup_list_free(&l);
	assert_int_equal(query_int(st, "SELECT count(*) FROM audit WHERE action = 'db.migrate'"
				       " AND login IS NOT NULL"), 1);
	case_rec_free(&c);
	store_close(st);

	/* The backup is the database as it was, still schema 1. */
	assert_int_equal(store_open(db, "mette", STORE_CREATE, &st), SAM_OK);
	assert_int_equal(query_int(st, "SELECT count(*) FROM audit WHERE action = 'db.migrate'"), 1);
	store_close(st);
	{
		sqlite3 *h;
		sqlite3_stmt *s;

		assert_int_equal(sqlite3_open_v2(bak, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_prepare_v2(h, "PRAGMA user_version", -1, &s, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(s), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(s, 0), 1);
		sqlite3_finalize(s);
		sqlite3_close(h);
	}
	free(cmd);
	free(bak);
	free(db);
	rmtree(dir);
}

/* Schema 2 → 3: the backup first, every fact kept, the new fields empty. */
static void test_migrate_v2_fixture(void **state)
{
	/* SQLite files of an earlier schema. */
	if (test_on_pg())
		skip();
	char *dir = tmpdir(), *db = xasprintf("%s/samtale.db", dir);
	char *bak = xasprintf("%s.v2-backup", db), *bak1 = xasprintf("%s.v1-backup", db);
	char *cmd = xasprintf("cp '%s/db/v2.db' '%s' && chmod 600 '%s'", FIXTURES, db, db);
	struct store *st;
	struct meeting_rec m;
	struct case_rec c;
	struct followup_list l;
	struct followup_query q = { 0 };

	(void)state;
	assert_int_equal(system(cmd), 0);
	assert_int_equal(store_open(db, "mette", STORE_CREATE, &st), SAM_OK);
	assert_int_equal(query_int(st, "PRAGMA user_version"), 6);
	assert_true(path_exists(bak));
	assert_false(path_exists(bak1));
	assert_int_equal(query_int(st, "SELECT count(*) FROM audit WHERE action = 'db.migrate'"), 1);
	assert_int_equal(store_meeting_get(st, 1, &m), SAM_OK);
	assert_string_equal(m.interpreter, "arabisk");
	assert_int_equal(m.nitems, 3);
	assert_null(m.next.date);
	meeting_rec_free(&m);
	assert_int_equal(store_case_get(st, "2025-0042", &c), SAM_OK);
	assert_string_equal(c.profile[PROFILE_JOB_WISHES], "Arbejde på et plejehjem");
	assert_string_equal(c.profile[PROFILE_EDUCATION_WISHES], "Dansk uddannelse 3");
	for (int f = PROFILE_EDUCATION; f < PROFILE_JOB_WISHES; f++)
		assert_null(c.profile[f]);
	assert_null(c.profile[PROFILE_GOALS]);
	case_rec_free(&c);
	assert_int_equal(store_followup_list(st, &q, &l), SAM_OK);
	assert_true(l.n > 0);
	assert_false(l.v[0].her);
	followup_list_free(&l);
	store_close(st);

	/* Opened again: already current, so no second migration or backup. */
	assert_int_equal(store_open(db, "mette", STORE_CREATE, &st), SAM_OK);
	assert_int_equal(query_int(st, "SELECT count(*) FROM audit WHERE action = 'db.migrate'"), 1);
	store_close(st);
	free(cmd);
	free(bak);
	free(bak1);
	free(db);
	rmtree(dir);
}

/* Schema 3 → 4: the backup first, every fact kept, no internships yet. */
static void test_migrate_v3_fixture(void **state)
{
	/* SQLite files of an earlier schema. */
	if (test_on_pg())
		skip();
	char *dir = tmpdir(), *db = xasprintf("%s/samtale.db", dir);
	char *bak = xasprintf("%s.v3-backup", db);
	char *cmd = xasprintf("cp '%s/db/v3.db' '%s' && chmod 600 '%s'", FIXTURES, db, db);
	struct store *st;
	struct meeting_rec m;
	struct case_rec c;
	struct internship_rec in;
	bool found = true;

	(void)state;
	assert_int_equal(system(cmd), 0);
	assert_int_equal(store_open(db, "mette", STORE_CREATE, &st), SAM_OK);
	assert_int_equal(query_int(st, "PRAGMA user_version"), 6);
	assert_true(path_exists(bak));
	assert_int_equal(query_int(st, "SELECT count(*) FROM audit WHERE action = 'db.migrate'"), 1);
	assert_int_equal(store_meeting_get(st, 1, &m), SAM_OK);
	assert_string_equal(m.next.date, "2025-11-17");
	assert_string_equal(m.next.place, "Jobcentret");
	meeting_rec_free(&m);
	assert_int_equal(store_case_get(st, "2025-0042", &c), SAM_OK);
	assert_string_equal(c.profile[PROFILE_GOALS], "Jeg vil være sygeplejerske igen.");
	assert_int_equal(store_internship_current(st, c.id, &in, &found), SAM_OK);
	assert_false(found);
	case_rec_free(&c);
	assert_int_equal(query_int(st, "SELECT count(*) FROM followups WHERE her"), 1);
	store_close(st);
	free(cmd);
	free(bak);
	free(db);
	rmtree(dir);
}

/* A database of schema 4 opens migrated, after a backup. */
static void test_open_v4_fixture(void **state)
{
	/* SQLite files of an earlier schema. */
	if (test_on_pg())
		skip();
	char *dir = tmpdir(), *db = xasprintf("%s/samtale.db", dir);
	char *bak = xasprintf("%s.v4-backup", db);
	char *cmd = xasprintf("cp '%s/db/v4.db' '%s' && chmod 600 '%s'", FIXTURES, db, db);
	struct store *st;
	struct internship_rec in;
	bool found = false;

	(void)state;
	assert_int_equal(system(cmd), 0);
	assert_int_equal(store_open(db, "mette", STORE_CREATE, &st), SAM_OK);
	assert_int_equal(query_int(st, "PRAGMA user_version"), 6);
	assert_true(path_exists(bak));
	assert_int_equal(query_int(st, "SELECT count(*) FROM audit WHERE action = 'db.migrate'"), 1);
	assert_int_equal(store_internship_current(st, 1, &in, &found), SAM_OK);
	assert_true(found);
	assert_string_equal(in.workplace, "Plejecenter Åbrinken");
	assert_string_equal(in.ended, "2025-12-19");
	assert_int_equal(in.job_possible, JOB_POSSIBLE_YES);
	assert_int_equal(in.outcome, OUTCOME_EMPLOYED);
	internship_rec_free(&in);
	assert_int_equal(query_int(st, "SELECT count(*) FROM followups WHERE her"), 1);
	store_close(st);
	free(cmd);
	free(bak);
	free(db);
	rmtree(dir);
}

static void test_network_fs(void **state)
{
	(void)state;
	assert_string_equal(store_network_fs_name(0x6969, NULL), "NFS");
	assert_string_equal(store_network_fs_name(0xff534d42UL, NULL), "CIFS");
	assert_string_equal(store_network_fs_name(0xfe534d42UL, NULL), "SMB2");
	assert_string_equal(store_network_fs_name(0x517b, NULL), "SMB");
	assert_string_equal(store_network_fs_name(0x65735546UL, "fuse.sshfs"), "sshfs");
	assert_null(store_network_fs_name(0x65735546UL, "fuseblk"));
	assert_null(store_network_fs_name(0x65735546UL, NULL));
	assert_null(store_network_fs_name(0xef53, NULL));	/* ext4 */
	assert_null(store_network_fs_name(0x01021994, NULL));	/* tmpfs */
}

/*
 * Bulk writing
 */

/* The rows test_bulk's case is written as, beneath the store: hers, the
 * tick, each follow-up's meeting and assignee, the audit line. */
static void assert_bulk_written(struct store *st, const char *ref, const char *closed)
{
	char *sql = xasprintf("SELECT count(*) FROM cases WHERE ref = '%s' AND caseworker = 'mette'"
			      " AND closed %s", ref, closed);

	assert_int_equal(query_int(st, sql), 1);
	free(sql);
	assert_int_equal(query_int(st, "SELECT count(*) FROM checklist c JOIN wordings w ON w.id = c.wording"
				       " JOIN item_keys i ON i.id = w.item WHERE c.state = 1"
				       " AND i.key = 'tro.sig-det'"), 1);
	assert_int_equal(query_int(st, "SELECT count(*) FROM followups WHERE meeting_id IS NOT NULL "
				       "AND assignee = 'anna'"), 1);
	assert_int_equal(query_int(st, "SELECT count(*) FROM followups WHERE meeting_id IS NULL "
				       "AND assignee = 'mette' AND done = 1"), 1);
	assert_int_equal(query_int(st, "SELECT count(*) FROM audit WHERE action = 'case.add' "
				       "AND detail = 'test'"), 1);
}

static void test_bulk(void **state)
{
	static const struct meeting_item_spec specs[] = {
		{ "tro.sig-det", "tro", "Sig det" }, { "tro.lyt", "tro", "Lyt" },
	};
	static const enum item_state states[] = { ITEM_DONE, ITEM_OPEN };
	static const char *const notes[] = { NULL, "en note" };
	struct store_bulk_meeting m = {
		.date = "2026-01-10", .type = "forste", .caseworker = "anna", .items = specs,
		.nitems = 2, .states = states, .notes = notes, .interpreter = "arabisk",
	};
	struct store_bulk_followup f[] = {
		{ .due = "2026-02-01", .text = "Ring", .assignee = "anna", .meeting = 0 },
		{ .due = "2026-02-02", .text = "Skriv", .done = true, .meeting = STORE_BULK_NO_MEETING },
	};
	struct store_bulk_case c = {
		.ref = "2026-0001", .opened = "2026-01-05", .closed = "2026-02-28",
		.meetings = &m, .nmeetings = 1, .followups = f, .nfollowups = 2,
	};
	struct store *st = mem_store();
	struct store_bulk *b = NULL;

	struct case_rec cr;
	bool yes;

	(void)state;
	assert_int_equal(store_begin(st), SAM_OK);
	assert_int_not_equal(store_bulk_open(st, "test", &b), SAM_OK);	/* inside a transaction */
	store_rollback(st);
	assert_int_equal(store_bulk_open(st, "test", &b), SAM_OK);
	assert_int_equal(store_bulk_case(b, &c), SAM_OK);
	/* Beneath the store while the batch runs: SQLite has committed its
	 * steps; PostgreSQL's one transaction is not seen from another
	 * connection (its rows are looked at once finished, below). */
	if (!test_on_pg())
		assert_bulk_written(st, "2026-0001", "= '2026-02-28'");
	/* Written, but not seen until the batch is finished. */
	assert_int_equal(store_case_get(st, "2026-0001", &cr), SAM_ERR_NOT_FOUND);

	assert_int_equal(store_bulk_case(b, &c), SAM_ERR_INVALID);
	assert_string_equal(sam_errmsg(), "already exists in the database");
	c.ref = "2026-0002";
	c.closed = "2026-01-04";
	assert_int_equal(store_bulk_case(b, &c), SAM_ERR_INVALID);
	assert_string_equal(sam_errmsg(), "the case cannot close before it opened (2026-01-05)");
	c.ref = "2026-0003";
	c.closed = NULL;
	m.interpreter = "ar\tabisk";
	assert_int_equal(store_bulk_case(b, &c), SAM_ERR_INVALID);
	assert_string_equal(sam_errmsg(), "the interpreted language must not contain control characters");
	m.interpreter = NULL;
	f[1].meeting = 1;
	assert_int_not_equal(store_bulk_case(b, &c), SAM_OK);	/* a meeting that is not there */
	f[1].meeting = STORE_BULK_NO_MEETING;
	store_bulk_close(b);
	/* Closed unfinished: what it wrote is gone, with its audit lines. */
	assert_int_equal(query_int(st, "SELECT count(*) FROM cases"), 0);
	assert_int_equal(query_int(st, "SELECT count(*) FROM audit WHERE action = 'case.add'"), 0);
	assert_int_equal(query_int(st, "SELECT count(*) FROM batches"), 0);

	assert_int_equal(store_bulk_open(st, "test", &b), SAM_OK);
	assert_int_equal(store_bulk_case(b, &c), SAM_OK);
	assert_int_equal(store_bulk_finish(b), SAM_OK);
	store_bulk_close(b);
	assert_bulk_written(st, "2026-0003", "IS NULL");
	assert_int_equal(store_case_get(st, "2026-0003", &cr), SAM_OK);
	case_rec_free(&cr);
	assert_int_equal(store_has_cases(st, &yes), SAM_OK);
	assert_true(yes);
	assert_int_equal(query_int(st, "SELECT count(*) FROM batches"), 0);
	store_close(st);
}

/* Many cases erased as one: all of them, or none when one is not there. */
static void test_cases_delete(void **state)
{
	struct store *st = mem_store();
	int64_t ids[3];
	int n = 0;

	(void)state;
	assert_int_equal(store_case_add(st, "2026-0001", NULL, "2026-01-01", &ids[0]), SAM_OK);
	assert_int_equal(store_case_add(st, "2026-0002", NULL, "2026-01-01", &ids[1]), SAM_OK);
	assert_int_equal(store_case_add(st, "2026-0003", NULL, "2026-01-01", &ids[2]), SAM_OK);
	ids[2] += 10;
	assert_int_equal(store_cases_delete(st, ids, 3), SAM_ERR_NOT_FOUND);
	assert_int_equal(query_int(st, "SELECT count(*) FROM cases"), 3);
	assert_int_equal(store_cases_delete(st, ids, 2), SAM_OK);
	assert_int_equal(query_int(st, "SELECT count(*) FROM cases"), 1);
	assert_int_equal(query_int(st, "SELECT count(*) FROM audit WHERE action = 'case.delete'"), 2);
	assert_int_equal(query_int(st, "SELECT count(*) FROM audit WHERE case_id IS NOT NULL"), 1);
	assert_int_equal(query_int(st, "SELECT count(*) FROM batches"), 0);
	assert_int_equal(store_case_close(st, ids[2] - 10, "2026-02-01"), SAM_OK);
	assert_int_equal(store_purge_closed_before(st, "2026-02-01", &n), SAM_OK);
	assert_int_equal(n, 0);
	assert_int_equal(store_purge_closed_before(st, "2026-02-02", &n), SAM_OK);
	assert_int_equal(n, 1);
	assert_int_equal(query_int(st, "SELECT count(*) FROM cases"), 0);
	store_close(st);
}

static void test_item_states(void **state)
{
	enum item_state s = ITEM_DONE;

	(void)state;
	assert_string_equal(item_state_name(ITEM_OPEN), "open");
	assert_string_equal(item_state_name(ITEM_DONE), "done");
	assert_string_equal(item_state_name(ITEM_NOT_RELEVANT), "not_relevant");
	assert_true(item_state_parse("not_relevant", &s));
	assert_int_equal(s, ITEM_NOT_RELEVANT);
	assert_false(item_state_parse("Done", &s));
	assert_false(item_state_parse(NULL, &s));
	assert_int_equal(s, ITEM_NOT_RELEVANT);
}

/*
 * The compact checklist: each wording stored once and found by its hash
 * and text; the counts per meeting and section and each case's last
 * meeting kept through every change; db check and its repair of them.
 */

static void test_same_wording_once(void **state)
{
	struct store *st = mem_store();
	int64_t c = add_case(st, "2026-0001"), d = add_case(st, "2026-0002");
	char *sql;

	(void)state;
	add_meeting_of(st, c, "2026-01-10", items, ARRAY_SIZE(items));
	add_meeting_of(st, c, "2026-02-10", items, ARRAY_SIZE(items));
	add_meeting_of(st, d, "2026-02-11", items, 2);
	assert_int_equal(query_int(st, "SELECT count(*) FROM checklist"), 10);
	assert_int_equal(query_int(st, "SELECT count(*) FROM wordings"), ARRAY_SIZE(items));
	assert_int_equal(query_int(st, "SELECT count(*) FROM item_keys"), ARRAY_SIZE(items));
	assert_int_equal(query_int(st, "SELECT count(*) FROM section_keys"), 3);
	/* Each under the hash of its text. */
	sql = xasprintf("SELECT count(*) FROM wordings WHERE hash = %s(text)", hash_fn());
	assert_int_equal(query_int(st, sql), ARRAY_SIZE(items));
	free(sql);
	assert_true(test_db_checked(st));
	store_close(st);
}

static void test_wordings_kept_apart(void **state)
{
	static const struct meeting_item_spec reworded[] = {
		{ "tro.afdaek-kvalifikationer", "tro", "Afdæk – ny ordlyd" },
		{ "tro.sig-det", "tro", "Sig det" },
	};
	/* Two items with one text are two wordings: each belongs to its item. */
	static const struct meeting_item_spec shared[] = {
		{ "tro.sig-det", "tro", "Samme ord" },
		{ "dialog.lyt-inddrag", "dialog", "Samme ord" },
	};
	struct store *st = mem_store();
	int64_t c = add_case(st, "2026-0001"), old, now, both;

	(void)state;
	old = add_meeting_of(st, c, "2026-01-10", items, ARRAY_SIZE(items));
	now = add_meeting_of(st, c, "2026-02-10", reworded, ARRAY_SIZE(reworded));
	both = add_meeting_of(st, c, "2026-02-11", shared, ARRAY_SIZE(shared));
	assert_int_equal(query_int(st, "SELECT count(*) FROM wordings"), ARRAY_SIZE(items) + 3);
	/* An old meeting shows what was asked then. */
	assert_item(st, old, 0, "tro.afdaek-kvalifikationer", "Afdæk hendes kvalifikationer");
	assert_item(st, now, 0, "tro.afdaek-kvalifikationer", "Afdæk – ny ordlyd");
	assert_item(st, now, 1, "tro.sig-det", "Sig det");
	assert_item(st, both, 0, "tro.sig-det", "Samme ord");
	assert_item(st, both, 1, "dialog.lyt-inddrag", "Samme ord");
	store_close(st);
}

/* Two texts of the same hash (planted here, as FNV-1a collisions are rare)
 * stay two wordings: the text is compared, the hash only finds it. */
static void test_hash_collision(void **state)
{
	struct store *st = mem_store();
	int64_t c = add_case(st, "2026-0001"), first, second;
	char *sql = xasprintf("INSERT INTO wordings (item, hash, text) SELECT item, hash, 'Noget helt andet'"
			      " FROM wordings WHERE text = 'Sig det';"
			      "INSERT INTO wordings (item, hash, text) SELECT i.id, %s('Sig det'), 'Sig det'"
			      " FROM item_keys i WHERE i.key = 'dialog.lyt-inddrag';"
			      "UPDATE checklist SET wording = (SELECT id FROM wordings"
			      " WHERE text = 'Noget helt andet') WHERE position = 1", hash_fn());
	char *of_hash = xasprintf("SELECT count(*) FROM wordings WHERE hash = %s('Sig det')", hash_fn());

	(void)state;
	first = add_meeting_of(st, c, "2026-01-10", items, ARRAY_SIZE(items));
	/* Another text of tro.sig-det under the hash of "Sig det", and
	 * first's row pointed at it; and a row of another item with it too. */
	exec(st, sql);
	assert_item(st, first, 1, "tro.sig-det", "Noget helt andet");
	exec(st, "DELETE FROM wordings WHERE text = 'Sig det' AND item = (SELECT id FROM item_keys"
		 " WHERE key = 'tro.sig-det')");
	assert_int_equal(query_int(st, of_hash), 2);

	/* "Sig det" of tro.sig-det is neither of the two of its hash. */
	second = add_meeting_of(st, c, "2026-02-10", items, ARRAY_SIZE(items));
	assert_item(st, second, 1, "tro.sig-det", "Sig det");
	assert_item(st, first, 1, "tro.sig-det", "Noget helt andet");
	assert_int_equal(query_int(st, of_hash), 3);
	/* And found the next time: stored once. */
	add_meeting_of(st, c, "2026-02-11", items, ARRAY_SIZE(items));
	assert_int_equal(query_int(st, of_hash), 3);
	assert_true(test_db_checked(st));
	free(sql);
	free(of_hash);
	store_close(st);
}

static void test_item_twice_refused(void **state)
{
	static const struct meeting_item_spec twice[] = {
		{ "tro.sig-det", "tro", "a" },
		{ "dialog.taalmodig", "dialog", "b" },
		{ "tro.sig-det", "tro", "c" },
	};
	struct store *st = mem_store();
	int64_t c = add_case(st, "2026-0001"), m;

	(void)state;
	assert_int_equal(store_meeting_add(st, c, NULL, "foerste", twice, 3, NULL), SAM_ERR_INVALID);
	assert_non_null(strstr(sam_errmsg(), "tro.sig-det"));
	m = add_meeting_of(st, c, "2026-01-10", items, ARRAY_SIZE(items));
	assert_int_equal(store_meeting_set_type(st, m, "opfoelgning", twice, 3), SAM_ERR_INVALID);
	assert_int_equal(query_int(st, "SELECT count(*) FROM checklist"), ARRAY_SIZE(items));
	assert_int_equal(query_int(st, "SELECT count(*) FROM wordings"), ARRAY_SIZE(items));
	store_close(st);
}

/*
 * What the triggers keep
 */

/* The counts follow every change: ticks, a new type, removal and
 * restoring, erasure. */
static void test_counts_kept(void **state)
{
	static const struct meeting_item_spec retyped[] = {
		{ "dialog.lyt-inddrag", "dialog", "Lyt og inddrag" },
		{ "tro.sig-det", "tro", "Sig det" },
		{ "dialog.taalmodig", "dialog", "Vær tålmodig" },
	};
	struct store *st = mem_store();
	int64_t c = add_case(st, "2026-0001"), m, back = 0;
	struct meeting_rec r;

	(void)state;
	m = add_meeting_of(st, c, "2026-01-10", items, ARRAY_SIZE(items));
	assert_counts(st, m, "tro", "2 0 0");
	assert_counts(st, m, "dialog", "1 0 0");
	assert_int_equal(store_item_set_state(st, m, "tro.sig-det", ITEM_DONE), SAM_OK);
	assert_int_equal(store_item_set_state(st, m, "tro.afdaek-kvalifikationer", ITEM_NOT_RELEVANT),
			 SAM_OK);
	assert_int_equal(store_item_set_state(st, m, "tro.sig-det", ITEM_DONE), SAM_OK);
	assert_counts(st, m, "tro", "0 1 1");
	assert_int_equal(store_item_set_note(st, m, "tro.sig-det", "En note"), SAM_OK);
	assert_true(test_db_checked(st));

	/* A new type: kept items keep their state, forventning goes. */
	assert_int_equal(store_meeting_set_type(st, m, "opfoelgning", retyped, 3), SAM_OK);
	assert_counts(st, m, "tro", "0 1 0");
	assert_counts(st, m, "dialog", "2 0 0");
	assert_counts(st, m, "forventning", "");
	assert_item(st, m, 1, "tro.sig-det", "Sig det");
	assert_true(test_db_checked(st));

	/* Removed and brought back. */
	assert_int_equal(store_meeting_get(st, m, &r), SAM_OK);
	assert_int_equal(store_meeting_delete(st, m), SAM_OK);
	assert_int_equal(query_int(st, "SELECT count(*) FROM section_counts"), 0);
	assert_true(test_db_checked(st));
	assert_int_equal(store_meeting_restore(st, &r, NULL, 0, &back), SAM_OK);
	meeting_rec_free(&r);
	assert_counts(st, back, "tro", "0 1 0");
	assert_counts(st, back, "dialog", "2 0 0");
	assert_true(test_db_checked(st));

	assert_int_equal(store_case_delete(st, c), SAM_OK);
	assert_int_equal(query_int(st, "SELECT count(*) FROM section_counts"), 0);
	assert_int_equal(query_int(st, "SELECT count(*) FROM checklist"), 0);
	assert_true(test_db_checked(st));
	store_close(st);
}

static void test_counts_kept_bulk(void **state)
{
	static const enum item_state states[] = { ITEM_DONE, ITEM_OPEN, ITEM_NOT_RELEVANT, ITEM_DONE };
	struct store_bulk_meeting m[] = {
		{ .date = "2026-01-10", .type = "foerste", .items = items, .nitems = 4, .states = states },
		{ .date = "2026-02-10", .type = "opfoelgning", .items = items, .nitems = 2 },
	};
	struct store_bulk_case c = { .ref = "2026-0001", .opened = "2026-01-05", .meetings = m,
				     .nmeetings = 2 };
	struct store *st = mem_store();
	struct store_bulk *b = NULL;
	struct store_counts counts;
	struct store_count_filter all = { 0 };

	(void)state;
	assert_int_equal(store_bulk_open(st, "test", &b), SAM_OK);
	assert_int_equal(store_bulk_case(b, &c), SAM_OK);
	assert_int_equal(store_bulk_finish(b), SAM_OK);
	store_bulk_close(b);
	assert_true(test_db_checked(st));
	assert_int_equal(query_int(st, "SELECT count(*) FROM cases WHERE last_meeting = '2026-02-10'"), 1);
	assert_int_equal(query_int(st, "SELECT count(*) FROM wordings"), 4);

	/* The report by section reads them. */
	assert_int_equal(store_count_items(st, COUNT_BY_SECTION, false, &all, &counts), SAM_OK);
	assert_int_equal(counts.n, 3);
	assert_string_equal(counts.v[2].key, "tro");
	assert_int_equal(counts.v[2].meetings, 2);
	assert_int_equal(counts.v[2].done, 1);
	assert_int_equal(counts.v[2].open, 3);
	assert_string_equal(counts.v[0].key, "dialog");
	assert_int_equal(counts.v[0].not_relevant, 1);
	assert_int_equal(counts.v[0].meetings, 1);
	store_counts_free(&counts);
	store_close(st);
}

static void test_last_meeting_kept(void **state)
{
	struct store *st = mem_store();
	int64_t c = 0, a, b;
	struct case_rec r;

	(void)state;
	assert_int_equal(store_case_add(st, "2026-0001", NULL, "2026-01-02", &c), SAM_OK);
	assert_int_equal(query_int(st, "SELECT count(*) FROM cases WHERE last_meeting IS NULL"), 1);
	a = add_meeting_of(st, c, "2026-02-10", items, 1);
	b = add_meeting_of(st, c, "2026-01-10", items, 1);
	assert_int_equal(store_case_get(st, "2026-0001", &r), SAM_OK);
	assert_string_equal(r.last_meeting, "2026-02-10");
	case_rec_free(&r);
	assert_int_equal(store_meeting_set_date(st, b, "2026-02-20"), SAM_OK);
	assert_int_equal(query_int(st, "SELECT count(*) FROM cases WHERE last_meeting = '2026-02-20'"), 1);
	assert_int_equal(store_meeting_delete(st, b), SAM_OK);
	assert_int_equal(query_int(st, "SELECT count(*) FROM cases WHERE last_meeting = '2026-02-10'"), 1);
	assert_int_equal(store_meeting_delete(st, a), SAM_OK);
	assert_int_equal(query_int(st, "SELECT count(*) FROM cases WHERE last_meeting IS NULL"), 1);
	assert_true(test_db_checked(st));
	store_close(st);
}

/* Counts and last meetings put out of step beneath the store: db check
 * says so, and the repair mends exactly those rows. */
static void test_check_and_repair(void **state)
{
	struct store *st = mem_store();
	int64_t c = add_case(st, "2026-0001"), m, fixed = 0;
	char *report = NULL;
	bool ok = true;

	(void)state;
	m = add_meeting_of(st, c, "2026-01-10", items, ARRAY_SIZE(items));
	add_meeting(st, add_case(st, "2026-0002"), "2026-01-11");
	exec(st, "UPDATE section_counts SET done = done + 5 WHERE section = 1;"
		 "DELETE FROM section_counts WHERE section = 2 AND meeting_id = 2;"
		 "UPDATE cases SET last_meeting = '2020-01-01' WHERE id = 1");
	assert_int_equal(store_check(st, &ok, &report), SAM_OK);
	assert_false(ok);
	assert_non_null(strstr(report, "3 meetings and sections"));
	assert_non_null(strstr(report, "1 case is not its latest"));
	assert_non_null(strstr(report, "--repair"));
	free(report);

	assert_int_equal(store_repair(st, &fixed), SAM_OK);
	assert_int_equal(fixed, 4);
	assert_true(test_db_checked(st));
	assert_counts(st, m, "tro", "2 0 0");
	assert_int_equal(query_int(st, "SELECT count(*) FROM audit WHERE action = 'db.repair'"), 1);
	/* Nothing to mend: no change, no audit line. */
	assert_int_equal(store_repair(st, &fixed), SAM_OK);
	assert_int_equal(fixed, 0);
	assert_int_equal(query_int(st, "SELECT count(*) FROM audit WHERE action = 'db.repair'"), 1);

	/* A trigger gone is said too: SQLite's check of its own schema. */
	if (!test_on_pg()) {
		exec(st, "DROP TRIGGER checklist_add");
		assert_int_equal(store_check(st, &ok, &report), SAM_OK);
		assert_false(ok);
		assert_non_null(strstr(report, "1 of samtale's 6 triggers"));
		free(report);
	}
	store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_case_add_get),
		cmocka_unit_test(test_case_refs_refused),
		cmocka_unit_test(test_case_profile_and_cpr_in_text),
		cmocka_unit_test(test_case_list_close),
		cmocka_unit_test(test_meeting_items),
		cmocka_unit_test(test_meeting_refused),
		cmocka_unit_test(test_meeting_keeps_wording),
		cmocka_unit_test(test_progress_and_left_open),
		cmocka_unit_test(test_left_open_before),
		cmocka_unit_test(test_left_open_follows_course),
		cmocka_unit_test(test_followups),
		cmocka_unit_test(test_followup_list_indexed),
		cmocka_unit_test(test_transactions),
		cmocka_unit_test(test_delete_and_purge),
		cmocka_unit_test(test_delete_leaves_no_trace),
		cmocka_unit_test(test_file_modes),
		cmocka_unit_test(test_open_refusals),
		cmocka_unit_test(test_readonly_store),
		cmocka_unit_test(test_disk_full),
		cmocka_unit_test(test_backup_and_check),
		cmocka_unit_test(test_migrate_v1_fixture),
		cmocka_unit_test(test_migrate_v2_fixture),
		cmocka_unit_test(test_migrate_v3_fixture),
		cmocka_unit_test(test_open_v4_fixture),
		cmocka_unit_test(test_profile_every_field),
		cmocka_unit_test(test_meeting_next),
		cmocka_unit_test(test_followup_her),
		cmocka_unit_test(test_network_fs),
		cmocka_unit_test(test_item_states),
		cmocka_unit_test(test_bulk),
		cmocka_unit_test(test_cases_delete),
		cmocka_unit_test(test_same_wording_once),
		cmocka_unit_test(test_wordings_kept_apart),
		cmocka_unit_test(test_hash_collision),
		cmocka_unit_test(test_item_twice_refused),
		cmocka_unit_test(test_counts_kept),
		cmocka_unit_test(test_counts_kept_bulk),
		cmocka_unit_test(test_last_meeting_kept),
		cmocka_unit_test(test_check_and_repair),
	};

	if (test_db_unavailable())
		return 77;
	return cmocka_run_group_tests(tests, setup, NULL);
}
