/* Unit tests for her profile as one text for $EDITOR (src/tui/proftext.c):
 * whatever the file holds ends up in a field or is named as a problem. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "proftext.h"
#include "samtale/util.h"

static const char *const texts[PROFILE_NFIELDS] = {
	[PROFILE_EDUCATION] = "Sygeplejerske fra Aleppo, 2009.\n\nTo år på universitetet.",
	[PROFILE_LANGUAGES] = "Arabisk, kurdisk, dansk (modul 3).",
	[PROFILE_GOALS] = "At arbejde på et plejehjem.",
};

static struct case_rec sample(void)
{
	struct case_rec c = { 0 };

	for (int f = 0; f < PROFILE_NFIELDS; f++)
		c.profile[f] = (char *)texts[f];
	return c;
}

/* The sample's text with one line replaced (or removed when with is NULL). */
static char *edit_line(const char *text, const char *line, const char *with)
{
	const char *at = strstr(text, line);
	struct strbuf sb = { 0 };

	assert_non_null(at);
	strbuf_add(&sb, text, (size_t)(at - text));
	if (with)
		strbuf_adds(&sb, with);
	strbuf_adds(&sb, at + strlen(line));
	return strbuf_detach(&sb);
}

static void assert_field(const struct proftext *p, enum profile_field f, const char *want)
{
	if (!want) {
		assert_null(p->field[f]);
		return;
	}
	assert_non_null(p->field[f]);
	assert_string_equal(p->field[f], want);
}

static void test_round_trip(void **state)
{
	struct case_rec c = sample();
	char *text = proftext_format(&c);
	struct proftext p;

	(void)state;
	assert_non_null(strstr(text, "## Uddannelse\n\nSygeplejerske fra Aleppo"));
	proftext_parse(text, &p);
	assert_true(proftext_clean(&p));
	for (int f = 0; f < PROFILE_NFIELDS; f++)
		assert_field(&p, f, texts[f] ? texts[f] : "");
	proftext_free(&p);
	free(text);
}

static void test_text_above_first_heading(void **state)
{
	struct case_rec c = sample();
	char *base = proftext_format(&c), *text = xasprintf("Hun kom i 2019.\n\n%s", base);
	struct proftext p;
	char *why;

	(void)state;
	proftext_parse(text, &p);
	assert_false(proftext_clean(&p));
	assert_string_equal(p.above, "Hun kom i 2019.");
	why = proftext_problem(&p);
	assert_string_equal(why, "Der står tekst over den første overskrift.");
	free(why);
	assert_int_equal(proftext_above_target(&p), PROFILE_QUALIFICATIONS);
	proftext_resolve(&p);
	assert_field(&p, PROFILE_QUALIFICATIONS, "Hun kom i 2019.");
	assert_field(&p, PROFILE_EDUCATION, texts[PROFILE_EDUCATION]);
	proftext_free(&p);
	free(text);
	free(base);
}

static void test_deleted_heading(void **state)
{
	struct case_rec c = sample();
	char *base = proftext_format(&c), *text = edit_line(base, "## Sprog\n", NULL);
	struct proftext p;
	char *why;

	(void)state;
	proftext_parse(text, &p);
	/* the languages now lie under the heading above theirs; the field
	 * itself is not taken as unchanged (which would keep the text twice) */
	assert_false(proftext_clean(&p));
	assert_true(p.missing == 1u << PROFILE_LANGUAGES);
	assert_field(&p, PROFILE_LANGUAGES, NULL);
	assert_field(&p, PROFILE_WORK_EXPERIENCE, texts[PROFILE_LANGUAGES]);
	why = proftext_problem(&p);
	assert_string_equal(why, "Overskriften 'Sprog' mangler.");
	free(why);
	proftext_resolve(&p);
	assert_field(&p, PROFILE_LANGUAGES, "");
	assert_field(&p, PROFILE_WORK_EXPERIENCE, texts[PROFILE_LANGUAGES]);
	proftext_free(&p);
	free(text);
	free(base);
}

static void test_no_headings_and_repeated(void **state)
{
	struct proftext p;
	char *why;

	(void)state;
	proftext_parse("Bare noget tekst.\nTo linjer.\n", &p);
	assert_string_equal(p.above, "Bare noget tekst.\nTo linjer.");
	why = proftext_problem(&p);
	assert_string_equal(why, "Der står tekst over den første overskrift. Overskrifterne mangler alle.");
	free(why);
	proftext_resolve(&p);
	assert_field(&p, PROFILE_QUALIFICATIONS, "Bare noget tekst.\nTo linjer.");
	assert_field(&p, PROFILE_GOALS, "");
	proftext_free(&p);

	/* twice the same heading: both texts kept, one after the other; an
	 * English heading counts; "## Noter" is no field's, so it is text */
	proftext_parse("## Kvalifikationer\nA\n## Education\nB\n## Noter\nC\n## Kvalifikationer\n\nD\n", &p);
	assert_true(p.repeated == 1u << PROFILE_QUALIFICATIONS);
	assert_field(&p, PROFILE_QUALIFICATIONS, "A\n\nD");
	assert_field(&p, PROFILE_EDUCATION, "B\n## Noter\nC");
	why = proftext_problem(&p);
	assert_string_equal(why, "Overskrifterne 'Erhvervserfaring', 'Sprog', 'Andre kompetencer', "
				 "'Ønsker til job', 'Ønsker til uddannelse', 'Hendes egne mål' mangler. "
				 "Overskriften 'Kvalifikationer' står der flere gange.");
	free(why);
	proftext_free(&p);
}

static void test_english(void **state)
{
	struct case_rec c = sample();
	char *text;
	struct proftext p;
	char *why;

	(void)state;
	sam_set_lang(SAM_LANG_EN);
	text = proftext_format(&c);
	assert_non_null(strstr(text, "## Languages\n\nArabisk"));
	proftext_parse(text, &p);
	assert_true(proftext_clean(&p));
	proftext_free(&p);
	free(text);
	proftext_parse("## Her own goals\n", &p);
	why = proftext_problem(&p);
	assert_non_null(strstr(why, "The headings 'Qualifications', "));
	free(why);
	proftext_free(&p);
	sam_set_lang(SAM_LANG_DA);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_text_above_first_heading),
		cmocka_unit_test(test_deleted_heading),
		cmocka_unit_test(test_no_headings_and_repeated),
		cmocka_unit_test(test_english),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
