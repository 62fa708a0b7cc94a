/* Unit tests for the config file (src/util/config.c) and those who read
 * it below the environment: the printer of her copy. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "samtale/handout.h"
#include "samtale/util.h"

static char path[] = "/tmp/samtale-config-XXXXXX";

static void write_config(const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void test_values(void **state)
{
	(void)state;
	write_config("; a comment\n# another\n\n  db = /srv/team/samtale.db  \nlang=en\nuser = mette\n"
		     "editor = nano -R\nprinter = kontoret\ncontact_line = Ring 12 34 56 78; #3\n");
	assert_int_equal(config_load(path), SAM_OK);
	assert_string_equal(config_get(CONFIG_DB), "/srv/team/samtale.db");
	assert_string_equal(config_get(CONFIG_LANG), "en");
	assert_string_equal(config_get(CONFIG_USER), "mette");
	assert_string_equal(config_get(CONFIG_EDITOR), "nano -R");
	assert_string_equal(config_get(CONFIG_PRINTER), "kontoret");
	assert_string_equal(config_get(CONFIG_CONTACT_LINE), "Ring 12 34 56 78; #3");
	assert_string_equal(config_file(), path);
}

/* A file with a mistake sets nothing: the values read before stay. */
static void test_errors(void **state)
{
	static const struct { const char *text, *message; } cases[] = {
		{ "user = a\nusr = b\n", ":2: unknown key 'usr'" },
		{ "user = a\n\nprinter\n", ":3: not 'key = value'" },
		{ "user =\n", ":1: 'user' has no value" },
		{ "lang = sv\n", ":1: unknown language 'sv' (da or en)" },
		{ "db = a\ndb = b\n", ":2: 'db' is set twice" },
		{ "[x]\ndb = a\n", ":2: 'db' is under [x]; the file has no sections" },
		{ "contact_line = 0101901234\n", ":1: 'contact_line' looks like a CPR number" },
		{ "user = \x01\n", ":1: the line holds a control character" },
		{ "user = \xff\n", ":1: the line holds a control character or is not UTF-8" },
	};

	(void)state;
	sam_set_lang(SAM_LANG_EN);
	write_config("user = mette\n");
	assert_int_equal(config_load(path), SAM_OK);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *want = xasprintf("%s%s", path, cases[i].message);

		write_config(cases[i].text);
		assert_int_equal(config_load(path), SAM_ERR_INVALID);
		if (strncmp(sam_errmsg(), want, strlen(want)))
			fail_msg("%s: got '%s'", cases[i].text, sam_errmsg());
		assert_string_equal(config_get(CONFIG_USER), "mette");
		free(want);
	}
	sam_set_lang(SAM_LANG_DA);
}

static void test_missing(void **state)
{
	(void)state;
	assert_int_equal(config_load("/nonexistent/samtale/config"), SAM_OK);
}

static void test_path(void **state)
{
	char *p;

	(void)state;
	setenv("XDG_CONFIG_HOME", "/x/conf", 1);
	p = config_path();
	assert_string_equal(p, "/x/conf/samtale/config");
	free(p);
	setenv("XDG_CONFIG_HOME", "relative", 1);	/* not absolute: ignored, as XDG says */
	setenv("HOME", "/home/mette", 1);
	p = config_path();
	assert_string_equal(p, "/home/mette/.config/samtale/config");
	free(p);
}

/* PRINTER, then LPDEST, then the config file, then lp's own default. */
static void test_printer(void **state)
{
	char *p;

	(void)state;
	write_config("printer = kontoret\n");
	assert_int_equal(config_load(path), SAM_OK);
	unsetenv("PRINTER");
	unsetenv("LPDEST");
	p = handout_printer();
	assert_string_equal(p, "kontoret");
	free(p);
	setenv("LPDEST", "gangen", 1);
	p = handout_printer();
	assert_string_equal(p, "gangen");
	free(p);
	setenv("PRINTER", "skranken", 1);
	p = handout_printer();
	assert_string_equal(p, "skranken");
	free(p);
}

static int teardown(void **state)
{
	(void)state;
	unlink(path);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_missing),
		cmocka_unit_test(test_path),
		cmocka_unit_test(test_printer),
	};
	int fd = mkstemp(path);

	if (fd < 0)
		return 1;
	close(fd);
	return cmocka_run_group_tests(tests, NULL, teardown);
}
