/* Unit tests for the date parser of src/util/date.c: every form people
 * type, and the refusals with the sentence each gives. Today is fixed at
 * Sunday 2026-03-01. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "samtale/util.h"

static int today_is_sunday(void **state)
{
	(void)state;
	setenv("SAMTALE_TODAY", "2026-03-01", 1);
	sam_set_lang(SAM_LANG_DA);
	return 0;
}

static void parses(const char *typed, enum date_when when, const char *want)
{
	sam_date d = "";

	if (date_parse(typed, when, d) != SAM_OK)
		fail_msg("'%s' refused: %s", typed, sam_errmsg());
	if (strcmp(d, want))
		fail_msg("'%s' gave %s, not %s", typed, d, want);
}

static void refuses(const char *typed, enum date_when when, const char *msg)
{
	sam_date d;

	if (date_parse(typed, when, d) != SAM_ERR_INVALID)
		fail_msg("'%s' was accepted as %s", typed, d);
	if (strcmp(sam_errmsg(), msg))
		fail_msg("'%s': [%s], not [%s]", typed, sam_errmsg(), msg);
}

static void test_full_dates(void **state)
{
	(void)state;
	parses("2026-12-31", DATE_ANY, "2026-12-31");
	parses(" 2026-12-24 ", DATE_ANY, "2026-12-24");
	parses("31-12-2026", DATE_ANY, "2026-12-31");
	parses("31.12.2026", DATE_ANY, "2026-12-31");
	parses("31/12/2026", DATE_ANY, "2026-12-31");
	parses("1.3.2026", DATE_ANY, "2026-03-01");
	parses("29.02.2028", DATE_ANY, "2028-02-29");
	parses("2025-06-30", DATE_NOT_FUTURE, "2025-06-30");
}

static void test_without_year(void **state)
{
	(void)state;
	parses("31/12", DATE_ANY, "2026-12-31");
	parses("31.12", DATE_NOT_PAST, "2026-12-31");
	parses("31.12.", DATE_ANY, "2026-12-31");
	parses("15-04", DATE_ANY, "2026-04-15");
	/* a due date already past this year is next year's */
	parses("15.02", DATE_ANY, "2026-02-15");
	parses("15.02", DATE_NOT_PAST, "2027-02-15");
	parses("1.3", DATE_NOT_PAST, "2026-03-01");
	/* a meeting's date not yet come this year was last year's */
	parses("15.04", DATE_NOT_FUTURE, "2025-04-15");
	parses("15.02", DATE_NOT_FUTURE, "2026-02-15");
}

static void test_relative(void **state)
{
	(void)state;
	parses("+7", DATE_NOT_PAST, "2026-03-08");
	parses("+0", DATE_NOT_PAST, "2026-03-01");
	parses("+14", DATE_ANY, "2026-03-15");
	parses("+2u", DATE_NOT_PAST, "2026-03-15");
	parses("+2w", DATE_NOT_PAST, "2026-03-15");
	parses("+1U", DATE_NOT_PAST, "2026-03-08");
	parses("-1", DATE_NOT_FUTURE, "2026-02-28");
	parses("-1u", DATE_NOT_FUTURE, "2026-02-22");
	parses("i dag", DATE_ANY, "2026-03-01");
	parses("I dag", DATE_ANY, "2026-03-01");
	parses("idag", DATE_ANY, "2026-03-01");
	parses("today", DATE_ANY, "2026-03-01");
	parses("i morgen", DATE_NOT_PAST, "2026-03-02");
	parses("Tomorrow", DATE_NOT_PAST, "2026-03-02");
	parses("i går", DATE_NOT_FUTURE, "2026-02-28");
	parses("I GÅR", DATE_NOT_FUTURE, "2026-02-28");
	parses("yesterday", DATE_NOT_FUTURE, "2026-02-28");
}

static void test_weekdays(void **state)
{
	(void)state;
	/* the next one, never today */
	parses("mandag", DATE_NOT_PAST, "2026-03-02");
	parses("Mandag", DATE_ANY, "2026-03-02");
	parses("lørdag", DATE_NOT_PAST, "2026-03-07");
	parses("LØRDAG", DATE_NOT_PAST, "2026-03-07");
	parses("søndag", DATE_NOT_PAST, "2026-03-08");
	parses("monday", DATE_NOT_PAST, "2026-03-02");
	parses("friday", DATE_NOT_PAST, "2026-03-06");
	/* for a meeting that was held, the last one */
	parses("fredag", DATE_NOT_FUTURE, "2026-02-27");
	parses("søndag", DATE_NOT_FUTURE, "2026-02-22");
	parses("monday", DATE_NOT_FUTURE, "2026-02-23");
	assert_string_equal(date_weekday("2026-03-01"), "søndag");
	assert_string_equal(date_weekday("2026-03-02"), "mandag");
	assert_string_equal(date_weekday("snart"), "");
}

static void test_refusals(void **state)
{
	(void)state;
	refuses("31.02", DATE_ANY, "'31.02' er ikke en dato: februar 2026 har kun 28 dage.");
	refuses("30.02.2028", DATE_ANY, "'30.02.2028' er ikke en dato: februar 2028 har kun 29 dage.");
	refuses("2026-13-01", DATE_ANY, "'2026-13-01' er ikke en dato: måneden skal være 1-12.");
	refuses("31-04-2026", DATE_ANY, "'31-04-2026' er ikke en dato: april 2026 har kun 30 dage.");
	refuses("0.3", DATE_ANY, "'0.3' er ikke en dato: dagen skal være mindst 1.");
	refuses("31.12.26", DATE_ANY, "'31.12.26' er ikke en dato: året skal have fire cifre.");
	refuses("2026-02-01", DATE_NOT_PAST,
		"2026-02-01 er før i dag; datoen skal være i dag eller senere.");
	refuses("i går", DATE_NOT_PAST,
		"'i går' (2026-02-28) er før i dag; datoen skal være i dag eller senere.");
	refuses("-3", DATE_NOT_PAST,
		"'-3' (2026-02-26) er før i dag; datoen skal være i dag eller senere.");
	refuses("i morgen", DATE_NOT_FUTURE,
		"'i morgen' (2026-03-02) er i fremtiden; datoen kan højst være i dag.");
	refuses("2026-12-01", DATE_NOT_FUTURE,
		"2026-12-01 er i fremtiden; datoen kan højst være i dag.");
	refuses("snart", DATE_ANY, "'snart' er ikke en dato; skriv fx 31-12-2026, 31.12, +7, +2u, "
		"i morgen eller mandag.");
	refuses("+", DATE_ANY, "'+' er ikke en dato; skriv fx 31-12-2026, 31.12, +7, +2u, "
		"i morgen eller mandag.");
	refuses("+7x", DATE_ANY, "'+7x' er ikke en dato; skriv fx 31-12-2026, 31.12, +7, +2u, "
		"i morgen eller mandag.");
	refuses("+9999", DATE_ANY, "'+9999' er ikke en dato; skriv fx 31-12-2026, 31.12, +7, +2u, "
		"i morgen eller mandag.");
	refuses("31.12.2026x", DATE_ANY, "'31.12.2026x' er ikke en dato; skriv fx 31-12-2026, 31.12, "
		"+7, +2u, i morgen eller mandag.");
	refuses("2026/12/31", DATE_ANY, "'2026/12/31' er ikke en dato; skriv fx 31-12-2026, 31.12, "
		"+7, +2u, i morgen eller mandag.");
	refuses("", DATE_ANY, "Datoen mangler.");
	refuses("   ", DATE_ANY, "Datoen mangler.");
	refuses(NULL, DATE_ANY, "Datoen mangler.");
	/* a CPR number typed where a date was asked is never repeated */
	refuses("010190-1234", DATE_ANY, "'…' er ikke en dato; skriv fx 31-12-2026, 31.12, +7, +2u, "
		"i morgen eller mandag.");
}

static void test_english(void **state)
{
	(void)state;
	sam_set_lang(SAM_LANG_EN);
	refuses("31.02", DATE_ANY, "'31.02' is not a date: February 2026 has only 28 days.");
	refuses("2026-13-01", DATE_ANY, "'2026-13-01' is not a date: the month must be 1-12.");
	refuses("+7", DATE_NOT_FUTURE,
		"'+7' (2026-03-08) is in the future; the date can be today at the latest.");
	refuses("yesterday", DATE_NOT_PAST,
		"'yesterday' (2026-02-28) is before today; the date must be today or later.");
	assert_string_equal(date_weekday("2026-03-01"), "Sunday");
	parses("mandag", DATE_NOT_PAST, "2026-03-02");
	sam_set_lang(SAM_LANG_DA);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_full_dates),
		cmocka_unit_test(test_without_year),
		cmocka_unit_test(test_relative),
		cmocka_unit_test(test_weekdays),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_english),
	};

	return cmocka_run_group_tests_name("date", tests, today_is_sunday, NULL);
}
