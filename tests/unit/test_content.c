/* Content: the shipped guide, every class of error at its exact place, and a
 * section added in YAML alone. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "samtale/content.h"
#include "samtale/util.h"

#define BAD FIXTURES "/content/bad/"
#define GOOD FIXTURES "/content/good/"

static int setup_english(void **state)
{
	(void)state;
	sam_set_lang(SAM_LANG_EN);
	return 0;
}

/*
 * The shipped content
 */

static const char *const shipped_sections[] = { "tro", "dialog", "forventning" };
static const char *const shipped_items[] = {
	"tro.afdaek-kvalifikationer", "tro.forvent-vaerdi", "tro.sig-det", "tro.realistisk",
	"dialog.anerkendende", "dialog.lyt-inddrag", "dialog.hendes-oensker", "dialog.taalmodig",
	"forventning.formaal", "forventning.klart-maal", "forventning.loebende",
	"forventning.ansaettelse",
};
static const char *const shipped_meetings[] = {
	"foerste", "opfoelgning", "foer-praktik", "under-praktik", "efter-praktik",
};

static void check_shipped(const char *lang, const char *title, const char *first_meeting)
{
	struct content_diags d = { 0 };
	struct content_guide *g;
	size_t k = 0;

	assert_int_equal(content_load(SOURCE_DIR "/content", lang, &g, &d), SAM_OK);
	assert_int_equal(d.n, 0);
	assert_string_equal(g->language, lang);
	assert_string_equal(g->title, title);
	assert_int_equal(g->nsections, ARRAY_SIZE(shipped_sections));
	for (size_t i = 0; i < g->nsections; i++) {
		const struct content_section *s = &g->sections[i];

		assert_string_equal(s->id, shipped_sections[i]);
		assert_int_equal(s->number, (int)i + 1);
		assert_false(str_empty(s->why));
		assert_false(str_empty(s->short_title));
		assert_int_equal(s->nitems, 4);
		for (size_t j = 0; j < s->nitems; j++, k++) {
			assert_string_equal(s->items[j].full_id, shipped_items[k]);
			assert_ptr_equal(s->items[j].section, s);
			assert_false(str_empty(s->items[j].help));
		}
	}
	assert_int_equal(g->nmeeting_types, ARRAY_SIZE(shipped_meetings));
	for (size_t i = 0; i < g->nmeeting_types; i++)
		assert_string_equal(g->meeting_types[i].id, shipped_meetings[i]);
	assert_string_equal(g->meeting_types[0].title, first_meeting);
	assert_int_equal(g->nsources, 2);
	assert_string_equal(g->sources[0].title, "Det er ligesom om, nogen har tændt lyset på gangen...");
	content_guide_free(g);
}

static void test_shipped_da(void **state)
{
	(void)state;
	check_shipped("da", "Relationen til kvinden", "Første samtale");
}

static void test_shipped_en(void **state)
{
	(void)state;
	check_shipped("en", "The relationship with the woman", "First meeting");
}

static void test_shipped_check(void **state)
{
	struct content_diags d = { 0 };

	(void)state;
	assert_int_equal(content_check(SOURCE_DIR "/content", &d), SAM_OK);
	assert_int_equal(d.n, 0);
	/* The tree the bad fixtures are made from is itself sound. */
	assert_int_equal(content_check(GOOD "small", &d), SAM_OK);
	assert_int_equal(d.n, 0);
	content_diags_free(&d);
}

static void test_shipped_meetings(void **state)
{
	struct content_diags d = { 0 };
	struct content_guide *g;
	const struct content_item *it;

	(void)state;
	assert_int_equal(content_load(SOURCE_DIR "/content", "da", &g, &d), SAM_OK);
	it = content_item_find(g, "tro.afdaek-kvalifikationer");
	assert_non_null(it);
	assert_true(content_item_applies(it, "foerste"));
	assert_true(content_item_applies(it, "opfoelgning"));
	assert_false(content_item_applies(it, "under-praktik"));
	/* The internship items belong to the internship meetings only. */
	it = content_item_find(g, "forventning.loebende");
	assert_false(content_item_applies(it, "foerste"));
	assert_true(content_item_applies(it, "foer-praktik"));
	assert_true(content_item_applies(it, "under-praktik"));
	assert_true(content_item_applies(it, "efter-praktik"));
	/* General relationship items apply everywhere. */
	it = content_item_find(g, "tro.sig-det");
	assert_null(it->meetings);
	assert_true(content_item_applies(it, "under-praktik"));
	assert_int_equal(content_section_count_applicable(content_section_find(g, "forventning"),
							  "under-praktik"), 3);
	assert_int_equal(content_section_count_applicable(content_section_find(g, "tro"),
							  "foerste"), 4);
	assert_null(content_item_find(g, "tro"));
	assert_null(content_item_find(g, "tro.nope"));
	assert_null(content_item_find(g, "t.sig-det"));
	assert_null(content_section_find(g, "nope"));
	assert_null(content_meeting_type_find(g, "nope"));
	content_guide_free(g);
}


/*
 * Bad trees: one per class of error, each with its exact place
 */

struct bad_case {
	const char *tree;
	const char *file;	/* relative to the tree */
	unsigned line, col;
	const char *message;	/* a part of the message */
	size_t nerrors;
};

static const struct bad_case bad_cases[] = {
	{ "misspelled-key", "da/tro.yaml", 3, 1, "unknown key 'titel'; did you mean 'title'?", 2 },
	{ "duplicate-item-id", "da/tro.yaml", 10, 9, "duplicate item id 'sig-det' (first at line 6)", 1 },
	{ "unknown-meeting-type", "da/tro.yaml", 9, 25,
	  "unknown meeting type 'opfolgning'; did you mean 'opfoelgning'?", 1 },
	{ "missing-why", "da/dialog.yaml", 1, 1, "the section is missing the key 'why'", 1 },
	{ "yaml-syntax", "da/tro.yaml", 8, 4,
	  "YAML syntax error: a new list entry ('- ') was expected here; check the indentation", 1 },
	{ "languages-differ", "en/tro.yaml", 10, 9,
	  "item 'tro.realistic' is not in da/ (every language must have the same ids)", 3 },
	{ "invalid-utf8", "da/tro.yaml", 4, 16, "invalid UTF-8 (byte 0xe6)", 1 },
	{ "alias-bomb", "da/dialog.yaml", 1, 4, "anchors and aliases (& and *) are not allowed", 1 },
	{ "duplicate-key", "da/dialog.yaml", 5, 1, "duplicate key 'title' (first at line 3)", 1 },
	{ "malformed-id", "da/tro.yaml", 10, 9,
	  "malformed id 'Vær_realistisk': use only a-z, 0-9 and '-'", 1 },
	{ "wrong-type", "da/tro.yaml", 2, 9, "'number' must be a whole number, not 'en'", 2 },
	{ "empty-text", "da/dialog.yaml", 5, 6, "'why' is empty", 1 },
	{ "id-not-file-name", "da/dialog.yaml", 1, 5,
	  "id 'samtale' does not match the file name 'dialog.yaml'", 1 },
	{ "language-not-folder", "da/guide.yaml", 1, 11, "language 'en' does not match the folder 'da'", 1 },
	{ "missing-section-file", "da/guide.yaml", 4, 17,
	  "section 'dialgo' has no file dialgo.yaml; did you mean 'dialog'?", 1 },
};

/* Fails unless d holds an error at file:line:col whose message has msg. */
static void assert_diag(const struct content_diags *d, const char *file, unsigned line,
			unsigned col, const char *msg)
{
	for (size_t i = 0; i < d->n; i++) {
		const struct content_diag *g = &d->v[i];

		if (!strcmp(g->file, file) && g->line == line && g->column == col && g->is_error
		    && strstr(g->message, msg))
			return;
	}
	content_diags_print(d, stderr);
	fail_msg("no error at %s:%u:%u with \"%s\"", file, line, col, msg);
}

static void test_bad(void **state)
{
	const struct bad_case *c = *state;
	struct content_diags d = { 0 };
	char *root = xasprintf("%s%s", BAD, c->tree);
	char *file = xasprintf("%s/%s", root, c->file);

	assert_int_equal(content_check(root, &d), SAM_ERR_INVALID);
	assert_diag(&d, file, c->line, c->col, c->message);
	assert_int_equal(d.nerrors, c->nerrors);
	content_diags_free(&d);
	free(file);
	free(root);
}

/* The seed holds throughout the course: her competences are mapped again
 * after an internship, her wishes asked before and during one, the goal of
 * the activation kept in view, and placement decided before it starts. */
static void test_shipped_meeting_types_fit_the_seed(void **state)
{
	static const struct { const char *item, *type; bool applies; } cases[] = {
		{ "tro.afdaek-kvalifikationer", "efter-praktik", true },
		{ "dialog.hendes-oensker", "foer-praktik", true },
		{ "dialog.hendes-oensker", "under-praktik", true },
		{ "forventning.formaal", "under-praktik", true },
		{ "forventning.formaal", "efter-praktik", true },
		{ "forventning.klart-maal", "under-praktik", true },
		{ "forventning.klart-maal", "efter-praktik", true },
		{ "forventning.ansaettelse", "foer-praktik", true },
		{ "forventning.ansaettelse", "under-praktik", false },
		{ "forventning.ansaettelse", "efter-praktik", false },
	};

	(void)state;
	for (size_t l = 0; l < 2; l++) {
		struct content_diags d = { 0 };
		struct content_guide *g;

		assert_int_equal(content_load(SOURCE_DIR "/content", l ? "en" : "da", &g, &d), SAM_OK);
		for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
			const struct content_item *it = content_item_find(g, cases[i].item);

			assert_non_null(it);
			if (content_item_applies(it, cases[i].type) != cases[i].applies)
				fail_msg("%s in %s: expected %d", cases[i].item, cases[i].type, cases[i].applies);
		}
		content_guide_free(g);
	}
}

/* The caseworker's own attitude is a reflection, the rest are actions; the
 * help texts are the team's, the reasons and the item texts the seed's. */
static void test_shipped_kinds_and_sources(void **state)
{
	static const char *const reflections[] = { "tro.forvent-vaerdi", "tro.realistisk",
						   "dialog.anerkendende", "dialog.taalmodig" };

	(void)state;
	for (size_t l = 0; l < 2; l++) {
		struct content_diags d = { 0 };
		struct content_guide *g;
		size_t nreflections = 0;

		assert_int_equal(content_load(SOURCE_DIR "/content", l ? "en" : "da", &g, &d), SAM_OK);
		for (size_t i = 0; i < ARRAY_SIZE(reflections); i++)
			assert_int_equal(content_item_find(g, reflections[i])->kind, CONTENT_REFLECTION);
		for (size_t s = 0; s < g->nsections; s++) {
			assert_int_equal(g->sections[s].why_origin, ORIGIN_SEED);
			for (size_t i = 0; i < g->sections[s].nitems; i++) {
				const struct content_item *it = &g->sections[s].items[i];

				nreflections += it->kind == CONTENT_REFLECTION;
				assert_true(!it->help || it->help_origin == ORIGIN_LOCAL);
				assert_int_equal(content_item_carries_over(g, it->full_id),
						 it->kind == CONTENT_ACTION);
			}
		}
		assert_int_equal(nreflections, ARRAY_SIZE(reflections));
		assert_int_equal(content_item_find(g, "dialog.hendes-oensker")->text_origin, ORIGIN_LOCAL);
		assert_int_equal(content_item_find(g, "tro.sig-det")->text_origin, ORIGIN_SEED);
		/* An id the content does not know carries over: nothing is hidden. */
		assert_true(content_item_carries_over(g, "tro.gone"));
		content_guide_free(g);
	}
}

/* A syntax error in one file, a da/en id mismatch in another and two
 * sections with one number: one run tells all three, in Danish. */
static void test_every_error_in_one_run(void **state)
{
	struct content_diags d = { 0 };

	(void)state;
	sam_set_lang(SAM_LANG_DA);
	assert_int_equal(content_check(BAD "every-error", &d), SAM_ERR_INVALID);
	assert_diag(&d, BAD "every-error/da/tro.yaml", 4, 22,
		    "YAML-syntaksfejl: et kolon med mellemrum efter (': ') kan ikke stå her; "
		    "sæt teksten i anførselstegn, når den indeholder ': '");
	assert_diag(&d, BAD "every-error/en/dialog.yaml", 54, 9,
		    "punktet 'dialog.patient' findes ikke i da/");
	assert_diag(&d, BAD "every-error/da/forventning.yaml", 3, 9,
		    "afsnittet har samme nummer (2) som 'dialog'");
	/* The unread file's ids are not reported as missing from the others. */
	assert_int_equal(d.nerrors, 4);
	content_diags_free(&d);
	sam_set_lang(SAM_LANG_EN);
}

static void check_one_file(const char *name, const char *yaml, const char *message)
{
	struct content_diags d = { 0 };

	assert_int_equal(content_check_buffer(name, yaml, strlen(yaml), &d), SAM_ERR_INVALID);
	if (!d.n || !strstr(d.v[0].message, message)) {
		content_diags_print(&d, stderr);
		fail_msg("expected \"%s\"", message);
	}
	content_diags_free(&d);
}

static void test_yaml_syntax_in_the_ui_language(void **state)
{
	(void)state;
	sam_set_lang(SAM_LANG_DA);
	check_one_file("tro.yaml", "id: tro\nnumber: 1\n\ttitle: x\n",
		       "brug mellemrum, ikke tabulator, til indrykning");
	check_one_file("tro.yaml", "id: tro\nnumber: 1\nwhy: x\nitems:\n  - id: a\n\t text: b\n",
		       "brug mellemrum, ikke tabulator, til indrykning");
	check_one_file("tro.yaml", "id: tro\ntitle: \"Tro\n", "anførselstegnet er lukket");
	check_one_file("tro.yaml", "id: tro\ntitle: @x\n", "sæt teksten i anførselstegn");
	sam_set_lang(SAM_LANG_EN);
	check_one_file("tro.yaml", "id: tro\ntitle: Tro: på kvinden\n",
		       "put the text in quotes when it holds ': '");
}

/* A syntax error at the very end of a buffer without a NUL after it: the
 * hint looks at the character there without reading past the buffer
 * (found by fuzz_content; ASan tells). */
static void test_syntax_error_at_the_end(void **state)
{
	static const char yaml[] = "id: tro\nnumber: 1\ntitle: \"T";
	struct content_diags d = { 0 };
	char *buf = xmalloc(sizeof(yaml) - 1);

	(void)state;
	memcpy(buf, yaml, sizeof(yaml) - 1);
	assert_int_equal(content_check_buffer("tro.yaml", buf, sizeof(yaml) - 1, &d), SAM_ERR_INVALID);
	assert_int_equal(d.nerrors, 1);
	content_diags_free(&d);
	free(buf);
}

static void test_kind_and_source_values(void **state)
{
	(void)state;
	check_one_file("tro.yaml", "id: tro\nnumber: 1\ntitle: T\nwhy: W\nitems:\n"
		       "  - id: a\n    text: A\n    kind: reflektion\n",
		       "'kind' cannot be 'reflektion'; did you mean 'reflection'?");
	check_one_file("tro.yaml", "id: tro\nnumber: 1\ntitle: T\nwhy: W\nwhy_source: siri\nitems:\n"
		       "  - id: a\n    text: A\n", "'why_source' cannot be 'siri' (seed or local)");
	check_one_file("tro.yaml", "id: tro\nnumber: 1\ntitle: T\nwhy: W\nitems:\n"
		       "  - id: a\n    text: A\n    source: [seed]\n", "'source' must be a word, not a list");
}

/* Renaming a shipped id in both languages passes content check alone, but
 * not against a database whose meetings use the old id. */
static void test_ids_in_use(void **state)
{
	static const struct content_use items[] = {
		{ "tro.sig-det", "Husk at fortælle hende, at du tror på hende", 2009 },
		{ "tro.realistisk", "Vær realistisk", 12 },
		{ "gammel.punkt", "x", 3 },
	};
	static const struct content_use sections[] = { { "tro", NULL, 2009 }, { "gammel", NULL, 3 } };
	struct content_uses uses = { items, sections, ARRAY_SIZE(items), ARRAY_SIZE(sections) };
	struct content_diags d = { 0 };
	struct content_guide *g;

	(void)state;
	assert_int_equal(content_check_uses(SOURCE_DIR "/content", &uses, &d), SAM_ERR_INVALID);
	assert_int_equal(d.nerrors, 1);
	assert_diag(&d, SOURCE_DIR "/content/da/guide.yaml", 18, 1,
		    "the section 'gammel' is used by 3 meetings in the database but is not here");
	content_diags_free(&d);
	assert_int_equal(content_check_uses(BAD "renamed-id", &uses, &d), SAM_ERR_INVALID);
	assert_diag(&d, BAD "renamed-id/da/tro.yaml", 16, 1,
		    "the item 'tro.sig-det' is used by 2009 meetings in the database but is not here; "
		    "did you mean 'tro.sig-det-igen'?");
	content_diags_free(&d);
	assert_int_equal(content_check(BAD "renamed-id", &d), SAM_OK);
	assert_int_equal(content_load(BAD "renamed-id", "da", &g, &d), SAM_OK);
	assert_string_equal(content_first_missing(g, &uses)->id, "gammel");
	uses.nsections = 1;
	assert_string_equal(content_first_missing(g, &uses)->id, "tro.sig-det");
	content_guide_free(g);
	content_diags_free(&d);
}

static const char *const expected_changes[][5] = {
	/* kind, id, lang, before, after */
	{ "removed", "dialog.lyt", NULL, NULL, NULL },
	{ "added", "dialog.lyt-inddrag", NULL, NULL, NULL },
	{ "added", "dialog.taalmodig", NULL, NULL, NULL },
	{ "meetings", "tro.sig-det", NULL, "foerste", "foerste, opfoelgning" },
	{ "kind", "tro.realistisk", NULL, "action", "reflection" },
	{ "order", NULL, NULL, "tro, dialog", "dialog, tro" },
	{ "reworded", "tro.realistisk", "da", "Vær realistisk", "Vær realistisk – også over for dig selv" },
};

static void assert_str_or_null(const char *want, const char *got)
{
	if (want)
		assert_string_equal(got, want);
	else
		assert_null(got);
}

static void test_diff(void **state)
{
	static const char *const kinds[] = { "removed", "added", "reworded", "meetings", "kind", "order" };
	struct content_changes c;
	struct content_diags d = { 0 };

	(void)state;
	assert_int_equal(content_diff(FIXTURES "/content/diff/old", FIXTURES "/content/diff/new", &c, &d),
			 SAM_OK);
	assert_int_equal(c.n, ARRAY_SIZE(expected_changes));
	assert_int_equal(c.nerrors, 1);
	for (size_t i = 0; i < c.n; i++) {
		assert_string_equal(kinds[c.v[i].kind], expected_changes[i][0]);
		assert_str_or_null(expected_changes[i][1], c.v[i].id);
		assert_str_or_null(expected_changes[i][2], c.v[i].lang);
		assert_str_or_null(expected_changes[i][3], c.v[i].before);
		assert_str_or_null(expected_changes[i][4], c.v[i].after);
	}
	content_changes_free(&c);
	/* The same tree: nothing; an invalid one: its problems, no changes. */
	assert_int_equal(content_diff(FIXTURES "/content/diff/old", FIXTURES "/content/diff/old", &c, &d),
			 SAM_OK);
	assert_int_equal(c.n, 0);
	assert_int_equal(content_diff(FIXTURES "/content/diff/old", BAD "yaml-syntax", &c, &d),
			 SAM_ERR_INVALID);
	assert_int_equal(c.n, 0);
	assert_true(d.nerrors > 0);
	content_diags_free(&d);
}

static void test_bad_loads_nothing(void **state)
{
	struct content_diags d = { 0 };
	struct content_guide *g = (struct content_guide *)&d;	/* must become NULL */

	(void)state;
	assert_int_equal(content_load(BAD "duplicate-item-id", "da", &g, &d), SAM_ERR_INVALID);
	assert_null(g);
	assert_int_equal(d.nerrors, 1);
	content_diags_free(&d);
}

/* Every problem of a tree in one run, across files. */
static void test_all_in_one_run(void **state)
{
	struct content_diags d = { 0 };

	(void)state;
	assert_int_equal(content_check(BAD "wrong-type", &d), SAM_ERR_INVALID);
	assert_diag(&d, BAD "wrong-type/da/tro.yaml", 2, 9, "'number' must be a whole number");
	assert_diag(&d, BAD "wrong-type/da/dialog.yaml", 6, 8, "'items' must be a list, not a text");
	content_diags_free(&d);
}

static void test_languages_differ_both_ways(void **state)
{
	struct content_diags d = { 0 };

	(void)state;
	assert_int_equal(content_check(BAD "languages-differ", &d), SAM_ERR_INVALID);
	assert_diag(&d, BAD "languages-differ/en/tro.yaml", 5, 1,
		    "item 'tro.realistisk' from da/ is missing here");
	assert_diag(&d, BAD "languages-differ/en/guide.yaml", 5, 1,
		    "meeting type 'opfoelgning' from da/ is missing here");
	content_diags_free(&d);
}

static void test_missing_section_file_warns_unlisted(void **state)
{
	struct content_diags d = { 0 };
	const char *file = BAD "missing-section-file/da/dialog.yaml";

	(void)state;
	content_check(BAD "missing-section-file", &d);
	assert_int_equal(d.n, 2);
	assert_string_equal(d.v[1].file, file);
	assert_false(d.v[1].is_error);
	assert_non_null(strstr(d.v[1].message, "not listed in 'sections' of guide.yaml"));
	content_diags_free(&d);
}

static void write_file(const char *path, const char *text, size_t len)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

static void test_oversized(void **state)
{
	char dir[] = "/tmp/samtale-content-XXXXXX";
	struct content_diags d = { 0 };
	size_t big = 300 * 1024;
	char *text = xmalloc(big), *path;

	(void)state;
	assert_non_null(mkdtemp(dir));
	path = xasprintf("%s/da", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	free(path);
	path = xasprintf("%s/da/guide.yaml", dir);
	memset(text, '#', big);
	text[big - 1] = '\n';
	write_file(path, text, big);
	assert_int_equal(content_check(dir, &d), SAM_ERR_INVALID);
	assert_diag(&d, path, 1, 1, "the file is larger than 256 KiB; refused");
	assert_int_equal(d.nerrors, 1);
	content_diags_free(&d);
	unlink(path);
	free(path);
	path = xasprintf("%s/da", dir);
	rmdir(path);
	rmdir(dir);
	free(path);
	free(text);
}

/* The buffer entry point sees the same problems as the file loader. */
static void test_buffer(void **state)
{
	static const char section[] = "id: tro\nnumber: 1\ntitle: T\nwhy: W\nitems:\n  - id: a\n"
				      "    text: A\n    tekst: B\n";
	static const char guide[] = "language: da\ntitle: T\nintro: I\nsections: [tro]\n"
				    "meeting_types:\n  - id: x\n    title: X\n  - id: x\n    title: Y\n";
	struct content_diags d = { 0 };

	(void)state;
	assert_int_equal(content_check_buffer("da/tro.yaml", section, strlen(section), &d),
			 SAM_ERR_INVALID);
	assert_diag(&d, "da/tro.yaml", 8, 5, "unknown key 'tekst'; did you mean 'text'?");
	assert_int_equal(d.nerrors, 1);
	content_diags_free(&d);
	assert_int_equal(content_check_buffer("guide.yaml", guide, strlen(guide), &d),
			 SAM_ERR_INVALID);
	assert_diag(&d, "guide.yaml", 8, 9, "duplicate meeting type 'x' (first at line 6)");
	content_diags_free(&d);
	assert_int_equal(content_check_buffer("guide.yaml", "a: [b\n", 6, &d), SAM_ERR_INVALID);
	assert_int_equal(d.v[0].line, 2);
	content_diags_free(&d);
	assert_int_equal(content_check_buffer("guide.yaml", "", 0, &d), SAM_ERR_INVALID);
	assert_diag(&d, "guide.yaml", 1, 1, "the file is empty");
	content_diags_free(&d);
}

/* A byte order mark is skipped; positions stay as the editor shows them. */
static void test_byte_order_mark(void **state)
{
	static const char text[] = "\xef\xbb\xbfid: tro\nnumber: x\ntitle: T\nwhy: W\n"
				   "items: [{id: a, text: A}]\n";
	struct content_diags d = { 0 };

	(void)state;
	assert_int_equal(content_check_buffer("tro.yaml", text, strlen(text), &d), SAM_ERR_INVALID);
	assert_diag(&d, "tro.yaml", 2, 9, "'number' must be a whole number, not 'x'");
	assert_int_equal(d.nerrors, 1);
	content_diags_free(&d);
}

/* Nesting no guide needs is refused before it costs anything. */
static void test_deep_nesting(void **state)
{
	struct content_diags d = { 0 };
	char text[200];

	(void)state;
	memset(text, '[', 100);
	text[100] = '\0';
	assert_int_equal(content_check_buffer("tro.yaml", text, strlen(text), &d), SAM_ERR_INVALID);
	assert_diag(&d, "tro.yaml", 1, 17, "nested too deeply");
	assert_int_equal(d.nerrors, 1);
	content_diags_free(&d);
}

static void test_fourth_section(void **state)
{
	struct content_diags d = { 0 };
	struct content_guide *g;
	const struct content_item *it;

	(void)state;
	assert_int_equal(content_check(GOOD "fourth-section", &d), SAM_OK);
	assert_int_equal(content_load(GOOD "fourth-section", "da", &g, &d), SAM_OK);
	assert_int_equal(d.n, 0);
	assert_int_equal(g->nsections, 4);
	assert_string_equal(g->sections[3].id, "netvaerk");
	assert_int_equal(g->sections[3].number, 4);
	assert_string_equal(g->sections[3].short_title, "Byg netværk");
	it = content_item_find(g, "netvaerk.mentor");
	assert_non_null(it);
	assert_true(content_item_applies(it, "opfoelgning"));
	assert_false(content_item_applies(it, "foerste"));
	assert_int_equal(content_section_count_applicable(&g->sections[3], "foerste"), 0);
	content_guide_free(g);
}

static void test_messages_in_danish(void **state)
{
	struct content_diags d = { 0 };

	(void)state;
	sam_set_lang(SAM_LANG_DA);
	content_check(BAD "misspelled-key", &d);
	assert_diag(&d, BAD "misspelled-key/da/tro.yaml", 3, 1, "ukendt nøgle 'titel'; mente du 'title'?");
	content_diags_free(&d);
	sam_set_lang(SAM_LANG_EN);
}

static void test_print_format(void **state)
{
	struct content_diags d = { 0 };
	char buf[512] = "";
	FILE *f = tmpfile();

	(void)state;
	assert_non_null(f);
	content_check(BAD "empty-text", &d);
	content_diags_print(&d, f);
	rewind(f);
	assert_non_null(fgets(buf, sizeof(buf), f));
	assert_string_equal(buf, BAD "empty-text/da/dialog.yaml:5:6: error: 'why' is empty\n");
	fclose(f);
	content_diags_free(&d);
}

static void test_suggest(void **state)
{
	static const char *const keys[] = { "id", "title", "why", "items", "meeting_types" };

	(void)state;
	assert_string_equal(content_suggest("titel", keys, ARRAY_SIZE(keys)), "title");
	assert_string_equal(content_suggest("itmes", keys, ARRAY_SIZE(keys)), "items");
	assert_string_equal(content_suggest("meetingtypes", keys, ARRAY_SIZE(keys)), "meeting_types");
	assert_string_equal(content_suggest("ix", keys, ARRAY_SIZE(keys)), "id");
	assert_null(content_suggest("description", keys, ARRAY_SIZE(keys)));
	assert_null(content_suggest("", keys, ARRAY_SIZE(keys)));
}

static void test_default_dir(void **state)
{
	(void)state;
	setenv("SAMTALE_CONTENT", "/somewhere/content", 1);
	assert_string_equal(content_default_dir(), "/somewhere/content");
	unsetenv("SAMTALE_CONTENT");
	assert_int_equal(chdir(SOURCE_DIR), 0);
	assert_string_equal(content_default_dir(), "content");
	assert_int_equal(chdir("/"), 0);
	/* A test in the build tree reads the content of the tree it was built
	 * from, wherever it runs and whatever is installed. */
	assert_string_equal(content_default_dir(), SOURCE_DIR "/content");
}

#define BAD_TEST(i, name) { "bad/" name, test_bad, NULL, NULL, (void *)&bad_cases[i] }

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped_da),
		cmocka_unit_test(test_shipped_en),
		cmocka_unit_test(test_shipped_check),
		cmocka_unit_test(test_shipped_meetings),
		cmocka_unit_test(test_shipped_meeting_types_fit_the_seed),
		cmocka_unit_test(test_shipped_kinds_and_sources),
		cmocka_unit_test(test_every_error_in_one_run),
		cmocka_unit_test(test_yaml_syntax_in_the_ui_language),
		cmocka_unit_test(test_kind_and_source_values),
		cmocka_unit_test(test_syntax_error_at_the_end),
		cmocka_unit_test(test_ids_in_use),
		cmocka_unit_test(test_diff),
		BAD_TEST(0, "misspelled-key"), BAD_TEST(1, "duplicate-item-id"),
		BAD_TEST(2, "unknown-meeting-type"), BAD_TEST(3, "missing-why"),
		BAD_TEST(4, "yaml-syntax"), BAD_TEST(5, "languages-differ"),
		BAD_TEST(6, "invalid-utf8"), BAD_TEST(7, "alias-bomb"),
		BAD_TEST(8, "duplicate-key"), BAD_TEST(9, "malformed-id"),
		BAD_TEST(10, "wrong-type"), BAD_TEST(11, "empty-text"),
		BAD_TEST(12, "id-not-file-name"), BAD_TEST(13, "language-not-folder"),
		BAD_TEST(14, "missing-section-file"),
		cmocka_unit_test(test_bad_loads_nothing),
		cmocka_unit_test(test_all_in_one_run),
		cmocka_unit_test(test_languages_differ_both_ways),
		cmocka_unit_test(test_missing_section_file_warns_unlisted),
		cmocka_unit_test(test_oversized),
		cmocka_unit_test(test_buffer),
		cmocka_unit_test(test_byte_order_mark),
		cmocka_unit_test(test_deep_nesting),
		cmocka_unit_test(test_fourth_section),
		cmocka_unit_test(test_messages_in_danish),
		cmocka_unit_test(test_print_format),
		cmocka_unit_test(test_suggest),
		cmocka_unit_test(test_default_dir),
	};

	_Static_assert(ARRAY_SIZE(bad_cases) == 15, "one BAD_TEST per bad case");
	return cmocka_run_group_tests(tests, setup_english, NULL);
}
