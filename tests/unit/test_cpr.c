/* The CPR guard (src/util/cpr.c), table-driven: the fixtures' positives and
 * negatives, a generated grid of 320 ways to type a CPR number (separators
 * x digit scripts x layouts), and every negative in every digit script;
 * then every positive and grid variant refused, and every negative taken,
 * in every text field of the store. */
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

/* Appends code point cp to sb as UTF-8. */
static void add_cp(struct strbuf *sb, unsigned long cp)
{
	char b[4];

	strbuf_add(sb, b, utf8_encode(cp, b));
}

/* A fixture line with its JSON escapes (\uXXXX, \n, \t, \\) undone. */
static char *unescape(const char *line)
{
	struct strbuf sb = { 0 };

	for (const char *p = line; *p; p++) {
		if (*p != '\\') {
			strbuf_addc(&sb, *p);
			continue;
		}
		p++;
		if (*p == 'u') {
			add_cp(&sb, strtoul((char[]){ p[1], p[2], p[3], p[4], 0 }, NULL, 16));
			p += 4;
		} else {
			strbuf_addc(&sb, *p == 'n' ? '\n' : *p == 't' ? '\t' : *p);
		}
	}
	return strbuf_detach(&sb);
}

struct table {
	char **v;
	size_t n;
};

static struct table read_fixture(const char *name)
{
	char *path = xasprintf("%s/cpr/%s", FIXTURES, name), line[1024];
	FILE *f = fopen(path, "r");
	struct table t = { 0 };
	size_t cap = 0;

	assert_non_null(f);
	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		if (!line[0] || line[0] == '#')
			continue;
		t.v = array_grow(t.v, t.n, &cap, sizeof(*t.v));
		t.v[t.n++] = unescape(line);
	}
	fclose(f);
	free(path);
	return t;
}

static void table_free(struct table *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->v[i]);
	free(t->v);
}

/* The digit scripts of the grid: ASCII, full-width, Arabic-Indic, Eastern
 * Arabic-Indic (Persian, Dari, Urdu). */
static const unsigned long zeros[] = { 0x30, 0xff10, 0x0660, 0x06f0 };

/* s with its ASCII digits written in script z. */
static char *in_script(const char *s, unsigned long z)
{
	struct strbuf sb = { 0 };

	for (const char *p = s; *p; p++)
		if (*p >= '0' && *p <= '9')
			add_cp(&sb, z + (unsigned long)(*p - '0'));
		else
			strbuf_addc(&sb, *p);
	return strbuf_detach(&sb);
}

static const char *const separators[] = {
	"-", "", " ", "  ", " - ", "\u2013", "\u2010", "\u2212", "\u00a0", "\u202f",
	"\u00ad", "\u200b", "\n", "\t", "\u2011", "\uff0d",
};

/* The grid's dates, a leap day among them; each layout lays one out and puts
 * the separator between it and the serial number. */
static const char *const dates[] = { "010190", "311299", "290200", "150675", "071003" };

static char *layout(int l, const char *date, const char *sep, const char *serial)
{
	const char *d = date;

	switch (l) {
	case 0: return xasprintf("%s%s%s", d, sep, serial);
	case 1: return xasprintf("Hendes CPR er %s%s%s, siger hun.", d, sep, serial);
	case 2: return xasprintf("%.2s.%.2s.%.2s%s%s", d, d + 2, d + 4, sep, serial);
	case 3: return xasprintf("%.2s %.2s %.2s%s%s", d, d + 2, d + 4, sep, serial);
	default: return xasprintf("%.4s\n%.2s%s%s", d, d + 4, sep, serial);
	}
}

#define LAYOUTS 5

static void test_fixture_positives(void **state)
{
	struct table t = read_fixture("positives.txt");

	(void)state;
	assert_true(t.n >= 40);
	for (size_t i = 0; i < t.n; i++)
		if (!cpr_find(t.v[i], NULL, NULL))
			fail_msg("positive #%zu not caught: [%s]", i + 1, t.v[i]);
	table_free(&t);
}

/* Each negative, in every digit script of the grid. */
static void test_fixture_negatives(void **state)
{
	struct table t = read_fixture("negatives.txt");

	(void)state;
	assert_true(t.n >= 40);
	for (size_t i = 0; i < t.n; i++)
		for (size_t z = 0; z < ARRAY_SIZE(zeros); z++) {
			char *s = in_script(t.v[i], zeros[z]);

			if (cpr_find(s, NULL, NULL))
				fail_msg("negative #%zu taken for a CPR number: [%s]", i + 1, s);
			free(s);
		}
	table_free(&t);
}

static void test_grid(void **state)
{
	size_t caught = 0, total = 0;

	(void)state;
	for (size_t s = 0; s < ARRAY_SIZE(separators); s++)
		for (size_t z = 0; z < ARRAY_SIZE(zeros); z++)
			for (int l = 0; l < LAYOUTS; l++) {
				const char *date = dates[total % ARRAY_SIZE(dates)];
				char *ascii = layout(l, date, separators[s], "1234");
				char *text = in_script(ascii, zeros[z]);

				if (cpr_find(text, NULL, NULL))
					caught++;
				else
					print_message("missed: [%s]\n", text);
				total++;
				free(ascii);
				free(text);
			}
	print_message("CPR grid: %zu of %zu variants caught\n", caught, total);
	assert_int_equal(total, 320);
	assert_int_equal(caught, total);
}

/* Every text field of the store, each tried with one text. */
struct fields {
	struct store *st;
	int64_t case_id, meeting_id;
};

static const struct meeting_item_spec spec = { "tro.sig-det", "tro", "Sig det" };

static struct fields fields_open(void)
{
	struct fields f = { 0 };

	assert_int_equal(test_store_open("mette", &f.st), SAM_OK);
	assert_int_equal(store_case_add(f.st, "X-0", "AB", NULL, &f.case_id), SAM_OK);
	assert_int_equal(store_meeting_add(f.st, f.case_id, "2026-01-10", "foerste", &spec, 1,
					   &f.meeting_id), SAM_OK);
	return f;
}

/* The reference, initials (new and changed), every profile field, the
 * meeting's note, agreed summary, interpreter and next place, an item's
 * note, a follow-up's text and assignee. */
enum { F_PROFILE = 3, F_MEETING = F_PROFILE + PROFILE_NFIELDS, NFIELDS = F_MEETING + 7 };

/* Stores text in field i; the status. */
static enum sam_status field_set(struct fields *f, int i, const char *text, int n)
{
	char ref[32];

	snprintf(ref, sizeof(ref), "N-%d-%d", n, i);
	if (i >= F_PROFILE && i < F_MEETING)
		return store_case_set_profile(f->st, f->case_id, (enum profile_field)(i - F_PROFILE), text);
	switch (i - F_MEETING) {
	case 0: return store_meeting_set(f->st, f->meeting_id, MEETING_NOTE, text);
	case 1: return store_meeting_set(f->st, f->meeting_id, MEETING_AGREED, text);
	case 2: return store_meeting_set(f->st, f->meeting_id, MEETING_INTERPRETER, text);
	case 3: return store_meeting_set_next(f->st, f->meeting_id, "2026-02-01", NULL, text);
	case 4: return store_item_set_note(f->st, f->meeting_id, spec.item_id, text);
	case 5: return store_followup_add(f->st, f->case_id, 0, "2026-02-01", text, "mette", NULL);
	case 6: return store_followup_add(f->st, f->case_id, 0, "2026-02-01", "Ring", text, NULL);
	default: break;
	}
	switch (i) {
	case 0: return store_case_add(f->st, text, NULL, NULL, NULL);
	case 1: return store_case_add(f->st, ref, text, NULL, NULL);
	default: return store_case_set_initials(f->st, f->case_id, text);
	}
}

/* Refused, without the number in the message. */
static void refused_everywhere(struct fields *f, const char *text, int n)
{
	for (int i = 0; i < NFIELDS; i++) {
		if (field_set(f, i, text, n) != SAM_ERR_INVALID)
			fail_msg("field %d took positive [%s]", i, text);
		if (strstr(sam_errmsg(), text) || strstr(sam_errmsg(), "1234"))
			fail_msg("field %d repeated the number: %s", i, sam_errmsg());
	}
}

static void test_every_field_refuses(void **state)
{
	struct table t = read_fixture("positives.txt");
	struct fields f = fields_open();
	int n = 0;

	(void)state;
	for (size_t i = 0; i < t.n; i++)
		refused_everywhere(&f, t.v[i], n++);
	for (size_t s = 0; s < ARRAY_SIZE(separators); s++)
		for (size_t z = 0; z < ARRAY_SIZE(zeros); z++)
			for (int l = 0; l < LAYOUTS; l++) {
				char *ascii = layout(l, dates[(size_t)n % ARRAY_SIZE(dates)], separators[s],
						     "1234");
				char *text = in_script(ascii, zeros[z]);

				refused_everywhere(&f, text, n++);
				free(ascii);
				free(text);
			}
	table_free(&t);
	store_close(f.st);
}

/* Ordinary text is taken in every field that takes its shape: a one-line
 * field takes no line break, initials are short. */
static void test_every_field_takes(void **state)
{
	struct table t = read_fixture("negatives.txt");
	struct fields f = fields_open();

	(void)state;
	for (size_t k = 0; k < t.n; k++)
		for (int i = 0; i < NFIELDS; i++) {
			enum sam_status st;

			if ((i == 1 || i == 2) && strlen(t.v[k]) > 16)
				continue;
			st = field_set(&f, i, t.v[k], (int)k);
			if (st != SAM_OK)
				fail_msg("field %d refused negative [%s]: %s", i, t.v[k], sam_errmsg());
		}
	table_free(&t);
	store_close(f.st);
}

/* off and len cover the number itself, in bytes, whatever it is written with. */
static void test_location(void **state)
{
	static const struct {
		const char *text;
		size_t off, len;
	} cases[] = {
		{ "010190-1234", 0, 11 },
		{ "cpr 0101901234 ok", 4, 10 },
		{ "født 01.01.90 - 1234.", 6, 15 },
		{ "nr. \uff10\uff11\uff10\uff11\uff19\uff10\uff11\uff12\uff13\uff14", 4, 30 },
		{ "010190\u00a01234", 0, 12 },
	};

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		size_t off = 99, len = 99;

		assert_true(cpr_find(cases[i].text, &off, &len));
		assert_int_equal(off, cases[i].off);
		assert_int_equal(len, cases[i].len);
	}
	assert_false(cpr_find(NULL, NULL, NULL));
	assert_false(cpr_find("", NULL, NULL));
	assert_false(cpr_find("0101\xff" "901234", NULL, NULL));	/* a stray byte breaks the number */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixture_positives),
		cmocka_unit_test(test_fixture_negatives),
		cmocka_unit_test(test_grid),
		cmocka_unit_test(test_location),
		cmocka_unit_test(test_every_field_refuses),
		cmocka_unit_test(test_every_field_takes),
	};

	if (test_db_unavailable())
		return 77;
	return cmocka_run_group_tests_name("cpr", tests, NULL, NULL);
}
