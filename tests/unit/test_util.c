/* Unit tests for src/util: strings, UTF-8, dates, CPR detection, paths. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "samtale/util.h"

static void test_strbuf(void **state)
{
	struct strbuf sb = { 0 };

	(void)state;
	assert_string_equal(strbuf_str(&sb), "");
	strbuf_adds(&sb, "sag ");
	strbuf_addf(&sb, "%d-%04d", 2026, 117);
	strbuf_addc(&sb, '!');
	assert_string_equal(strbuf_str(&sb), "sag 2026-0117!");
	assert_int_equal(sb.len, 14);
	for (int i = 0; i < 1000; i++)
		strbuf_adds(&sb, "æ");
	assert_int_equal(sb.len, 14 + 2000);
	strbuf_reset(&sb);
	assert_string_equal(strbuf_str(&sb), "");
	strbuf_free(&sb);
}

static void test_str_helpers(void **state)
{
	(void)state;
	assert_true(str_empty(NULL));
	assert_true(str_empty(" \t\n"));
	assert_false(str_empty(" x"));
	assert_true(str_eq(NULL, NULL));
	assert_false(str_eq("a", NULL));
	assert_true(str_eq("å", "å"));
}

static void test_utf8_valid(void **state)
{
	size_t bad = 99;

	(void)state;
	assert_true(utf8_valid("Første samtale", strlen("Første samtale"), NULL));
	assert_false(utf8_valid("ab\xff", 3, &bad));
	assert_int_equal(bad, 2);
	assert_false(utf8_valid("\xc3", 1, &bad));		/* truncated */
	assert_int_equal(bad, 0);
	assert_false(utf8_valid("\xc0\xaf", 2, &bad));	/* overlong '/' */
	assert_false(utf8_valid("\xed\xa0\x80", 3, &bad));	/* surrogate */
	assert_false(utf8_valid("\xf4\x90\x80\x80", 4, &bad));	/* past U+10FFFF */
}

static void test_utf8_char_len(void **state)
{
	(void)state;
	assert_int_equal(utf8_char_len("a", 1), 1);
	assert_int_equal(utf8_char_len("ø", 2), 2);
	assert_int_equal(utf8_char_len("日", 3), 3);
	assert_int_equal(utf8_char_len("\xc3\xb8", 1), 0);		/* cut short by n */
	assert_int_equal(utf8_char_len("\xed\xa0\x80", 3), 0);	/* surrogate */
	assert_int_equal(utf8_char_len("\xe0\x80\xaf", 3), 0);	/* overlong '/' */
	assert_int_equal(utf8_char_len("\x80", 1), 0);
}

static void test_utf8_width(void **state)
{
	(void)state;
	assert_int_equal(utf8_width("æøå"), 3);
	assert_int_equal(utf8_width("Afstem forventninger"), 20);
	assert_int_equal(utf8_width("日本"), 4);
	assert_int_equal(utf8_width("e\xcc\x81"), 1);		/* e + combining acute */
	assert_int_equal(utf8_prefix_for_width("æøå", 2), 4);
	assert_int_equal(utf8_prefix_for_width("日本", 3), 3);
	assert_int_equal(utf8_prefix_for_width("abc", 10), 3);
}

static void test_dates(void **state)
{
	sam_date d;
	long n;

	(void)state;
	assert_true(date_valid("2024-02-29"));
	assert_false(date_valid("2023-02-29"));
	assert_false(date_valid("2026-13-01"));
	assert_false(date_valid("2026-1-01"));
	assert_false(date_valid("2026-01-01x"));
	assert_false(date_valid(NULL));
	assert_true(date_to_days("1970-01-01", &n));
	assert_int_equal(n, 0);
	date_from_days(n + 365 + 365 + 366, d);
	assert_string_equal(d, "1973-01-01");
	assert_int_equal(date_diff_days("2026-03-08", "2026-03-01"), 7);
	assert_int_equal(date_diff_days("2025-01-01", "2024-12-31"), 1);
}

static void test_cpr(void **state)
{
	size_t off, len;

	(void)state;
	assert_true(cpr_find("010190-1234", &off, &len));
	assert_int_equal(off, 0);
	assert_int_equal(len, 11);
	assert_true(cpr_find("cpr 0101901234 ok", &off, &len));
	assert_int_equal(off, 4);
	assert_int_equal(len, 10);
	assert_true(cpr_find("født 290200-4321", NULL, NULL));	/* leap day */
	assert_false(cpr_find("2026-0117", NULL, NULL));	/* a journal number */
	assert_false(cpr_find("320190-1234", NULL, NULL));	/* no 32nd */
	assert_false(cpr_find("011390-1234", NULL, NULL));	/* no 13th month */
	assert_false(cpr_find("12010190123456", NULL, NULL));	/* inside a longer number */
	assert_false(cpr_find("010190-123", NULL, NULL));
	assert_false(cpr_find(NULL, NULL, NULL));
}

static void test_paths(void **state)
{
	char *p;

	(void)state;
	setenv("XDG_DATA_HOME", "/srv/xdg", 1);
	p = path_default_db();
	assert_string_equal(p, "/srv/xdg/samtale/samtale.db");
	free(p);
	unsetenv("XDG_DATA_HOME");
	setenv("HOME", "/home/mette", 1);
	p = path_default_db();
	assert_string_equal(p, "/home/mette/.local/share/samtale/samtale.db");
	free(p);
	p = path_dirname("/a/b/c.db");
	assert_string_equal(p, "/a/b");
	free(p);
	p = path_dirname("c.db");
	assert_string_equal(p, ".");
	free(p);
}

/* A binary in the build tree finds samtale's own files in the tree it was
 * built from (tests/cli/install_prefix.sh tries an installed one). */
static void test_share_dirs(void **state)
{
	(void)state;
	assert_string_equal(path_share_dir(SHARE_CONTENT), SOURCE_DIR "/content");
	assert_string_equal(path_share_dir(SHARE_DATA), SOURCE_DIR "/data");
	assert_ptr_equal(path_share_dir(SHARE_DATA), path_share_dir(SHARE_DATA));
}

static void test_lang(void **state)
{
	enum sam_lang l;

	(void)state;
	assert_string_equal(_("Cases"), "Sager");
	assert_string_equal(C_("exchange", "Contact"), "Kontaktperson");
	assert_string_equal(sam_ngettext("%zu note", "%zu notes", 1), "%zu note");
	assert_string_equal(sam_ngettext("%zu note", "%zu notes", 2), "%zu noter");
	assert_string_equal(sam_pgettext_rt("column", "last_meeting"), "sidste samtale");
	assert_string_equal(sam_pgettext_rt("column", "no such field"), "no such field");
	assert_true(sam_lang_parse("en", &l));
	sam_set_lang(l);
	assert_string_equal(_("Cases"), "Cases");
	assert_string_equal(sam_pgettext_rt("column", "last_meeting"), "last_meeting");
	assert_string_equal(sam_lang_code(), "en");
	assert_false(sam_lang_parse("de", &l));
	sam_set_lang(SAM_LANG_DA);
	assert_string_equal(_("Cases"), "Sager");
}

/* The environment's language, as SPEC orders it. */
static void lang_env(const char *own, const char *language, const char *lc_all, const char *lang,
		     bool ok, enum sam_lang want)
{
	enum sam_lang l = SAM_LANG_EN == want ? SAM_LANG_DA : SAM_LANG_EN;
	const char *names[] = { "SAMTALE_LANG", "LANGUAGE", "LC_ALL", "LANG" };
	const char *values[] = { own, language, lc_all, lang };

	unsetenv("LC_MESSAGES");
	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (values[i])
			setenv(names[i], values[i], 1);
		else
			unsetenv(names[i]);
	assert_int_equal(sam_lang_from_env(&l), ok);
	if (ok)
		assert_int_equal(l, want);
}

static void test_lang_env(void **state)
{
	char *saved[4];
	const char *names[] = { "SAMTALE_LANG", "LANGUAGE", "LC_ALL", "LANG" };

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		saved[i] = xstrdup(getenv(names[i]));
	lang_env(NULL, NULL, NULL, NULL, true, SAM_LANG_DA);
	lang_env(NULL, NULL, NULL, "C", true, SAM_LANG_DA);
	lang_env(NULL, NULL, "POSIX", "en_GB.UTF-8", true, SAM_LANG_DA);
	lang_env(NULL, NULL, NULL, "en_GB.UTF-8", true, SAM_LANG_EN);
	lang_env(NULL, NULL, NULL, "de_DE.UTF-8", true, SAM_LANG_DA);
	lang_env(NULL, "en", NULL, "C", true, SAM_LANG_EN);
	lang_env(NULL, "de:en_US", NULL, "da_DK.UTF-8", true, SAM_LANG_EN);
	lang_env(NULL, "de", NULL, "en_US.UTF-8", true, SAM_LANG_EN);
	lang_env(NULL, "da", NULL, "en_US.UTF-8", true, SAM_LANG_DA);
	lang_env("en", "da", "da_DK.UTF-8", NULL, true, SAM_LANG_EN);
	lang_env("da", "en", NULL, NULL, true, SAM_LANG_DA);
	lang_env("de", NULL, NULL, NULL, false, SAM_LANG_DA);
	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		if (saved[i])
			setenv(names[i], saved[i], 1);
		else
			unsetenv(names[i]);
		free(saved[i]);
	}
}

static void test_errors(void **state)
{
	(void)state;
	assert_int_equal(sam_error("sag %s findes ikke", "X"), SAM_ERR_MSG);
	assert_string_equal(sam_errmsg(), "sag X findes ikke");
	assert_int_equal(sam_fail(SAM_ERR_NOT_FOUND, "nej"), SAM_ERR_NOT_FOUND);
	assert_string_equal(sam_errmsg(), "nej");
	assert_int_equal(sam_error_prefix(SAM_ERR_IO, "import"), SAM_ERR_IO);
	assert_string_equal(sam_errmsg(), "import: nej");
}

static void test_pct_text(void **state)
{
	char buf[PCT_TEXT_LEN];

	(void)state;
	assert_string_equal(pct_text(754, buf), "75,4 %");
	assert_string_equal(pct_text(1000, buf), "100,0 %");
	assert_string_equal(pct_text(-71, buf), "-7,1 %");
	assert_string_equal(num_text("20.5", buf), "20,5");
	assert_string_equal(num_text("28", buf), "28");
	sam_set_lang(SAM_LANG_EN);
	assert_string_equal(pct_text(5, buf), "0.5%");
	assert_string_equal(num_text("20.5", buf), "20.5");
	sam_set_lang(SAM_LANG_DA);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strbuf),
		cmocka_unit_test(test_pct_text),
		cmocka_unit_test(test_str_helpers),
		cmocka_unit_test(test_utf8_valid),
		cmocka_unit_test(test_utf8_char_len),
		cmocka_unit_test(test_utf8_width),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_cpr),
		cmocka_unit_test(test_paths),
		cmocka_unit_test(test_share_dirs),
		cmocka_unit_test(test_lang),
		cmocka_unit_test(test_lang_env),
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests_name("util", tests, NULL, NULL);
}
