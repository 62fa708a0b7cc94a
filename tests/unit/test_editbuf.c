/* Unit tests for the multi-line editor's text model (src/tui/editbuf.c):
 * insert, delete, word moves and word wrap on UTF-8. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "editbuf.h"
#include "samtale/util.h"

#define ARABIC_NAME "فاطمة الزهراء"

static void type(struct editbuf *b, const char *s)
{
	editbuf_insert(b, s, strlen(s));
}

/* The layout as "row|row|row", for comparing in one assertion. */
static char *rows(const struct editbuf *b, int width)
{
	struct editbuf_layout l = { 0 };
	struct strbuf sb = { 0 };

	editbuf_layout(b, width, &l);
	for (size_t i = 0; i < l.n; i++) {
		if (i)
			strbuf_addc(&sb, '|');
		strbuf_add(&sb, b->text + l.v[i].start, l.v[i].end - l.v[i].start);
	}
	editbuf_layout_free(&l);
	strbuf_add(&sb, "", 0);
	return strbuf_detach(&sb);
}

static void assert_rows(const struct editbuf *b, int width, const char *want)
{
	char *got = rows(b, width);

	assert_string_equal(got, want);
	free(got);
}

static void cursor(const struct editbuf *b, int width, size_t *row, int *col)
{
	struct editbuf_layout l = { 0 };

	editbuf_layout(b, width, &l);
	editbuf_cursor_at(b, &l, row, col);
	editbuf_layout_free(&l);
}

static void test_insert_and_delete_utf8(void **state)
{
	struct editbuf b;

	(void)state;
	editbuf_init(&b, NULL);
	type(&b, "blåbærgrød");
	assert_string_equal(b.text, "blåbærgrød");
	assert_int_equal(b.cur, strlen("blåbærgrød"));
	editbuf_left(&b);
	editbuf_backspace(&b);			/* ø is two bytes, one character */
	assert_string_equal(b.text, "blåbærgrd");
	for (int i = 0; i < 4; i++)
		editbuf_left(&b);
	editbuf_delete(&b);			/* the æ */
	assert_string_equal(b.text, "blåbrgrd");
	editbuf_insert_char(&b, 0xe6);		/* æ again, as a key */
	assert_string_equal(b.text, "blåbærgrd");
	editbuf_text_start(&b);
	editbuf_backspace(&b);			/* nothing before the start */
	editbuf_right(&b);
	editbuf_right(&b);
	editbuf_delete(&b);
	assert_string_equal(b.text, "blbærgrd");
	editbuf_text_end(&b);
	editbuf_delete(&b);			/* nothing after the end */
	assert_string_equal(b.text, "blbærgrd");
	editbuf_free(&b);
}

static void test_arabic_and_marks(void **state)
{
	struct editbuf b;
	size_t row;
	int col;

	(void)state;
	editbuf_init(&b, "Navn: " ARABIC_NAME);
	cursor(&b, 40, &row, &col);
	assert_int_equal(row, 0);
	assert_int_equal(col, 6 + 13);		/* one column per Arabic letter */
	editbuf_word_left(&b);
	assert_string_equal(b.text + b.cur, "الزهراء");
	editbuf_delete_word_back(&b);
	assert_string_equal(b.text, "Navn: الزهراء");
	/* a letter with a combining mark is one character to move and delete */
	editbuf_set(&b, "e\xcc\x81x");
	editbuf_left(&b);
	editbuf_left(&b);
	assert_int_equal(b.cur, 0);
	editbuf_right(&b);
	assert_int_equal(b.cur, 3);
	editbuf_backspace(&b);
	assert_string_equal(b.text, "x");
	editbuf_free(&b);
}

static void test_paste_is_cleaned(void **state)
{
	struct editbuf b;

	(void)state;
	editbuf_init(&b, NULL);
	type(&b, "linje 1\r\nlinje 2\rlinje\t3\x1b[31m\xc2\x9b rød\xe2\x80\xae\xff!");
	assert_string_equal(b.text, "linje 1\nlinje 2\nlinje 3[31m rød!");
	editbuf_insert_char(&b, '\r');		/* Enter: a new line */
	editbuf_insert_char(&b, 0x07);		/* a bell never enters */
	assert_string_equal(b.text, "linje 1\nlinje 2\nlinje 3[31m rød!\n");
	editbuf_free(&b);
}

static void test_words(void **state)
{
	struct editbuf b;

	(void)state;
	editbuf_init(&b, "Hun vil gerne være sygeplejerske, på sigt.");
	editbuf_word_left(&b);
	assert_string_equal(b.text + b.cur, "sigt.");
	editbuf_word_left(&b);
	assert_string_equal(b.text + b.cur, "på sigt.");
	editbuf_word_left(&b);
	assert_string_equal(b.text + b.cur, "sygeplejerske, på sigt.");
	editbuf_word_right(&b);
	assert_string_equal(b.text + b.cur, ", på sigt.");
	editbuf_word_right(&b);
	assert_string_equal(b.text + b.cur, " sigt.");
	editbuf_delete_word_back(&b);		/* Ctrl-W: "på" */
	assert_string_equal(b.text, "Hun vil gerne være sygeplejerske,  sigt.");
	editbuf_text_start(&b);
	editbuf_delete_word_forward(&b);
	assert_string_equal(b.text, " vil gerne være sygeplejerske,  sigt.");
	editbuf_text_end(&b);
	editbuf_delete_word_back(&b);
	editbuf_delete_word_back(&b);
	assert_string_equal(b.text, " vil gerne være ");
	/* across a line break, as readline does */
	editbuf_set(&b, "første\nanden");
	editbuf_word_left(&b);
	editbuf_word_left(&b);
	assert_int_equal(b.cur, 0);
	editbuf_word_right(&b);
	assert_string_equal(b.text + b.cur, "\nanden");
	editbuf_free(&b);
}

static void test_wrap(void **state)
{
	struct editbuf b;

	(void)state;
	editbuf_init(&b, "æøå æøå æøå");
	assert_rows(&b, 7, "æøå æøå |æøå");	/* the space hangs: 8 bytes per row, 7 columns */
	assert_rows(&b, 8, "æøå æøå |æøå");
	assert_rows(&b, 11, "æøå æøå æøå");
	assert_rows(&b, 5, "æøå |æøå |æøå");
	/* a word longer than the row is cut */
	editbuf_set(&b, "Sygeplejerskeuddannelse");
	assert_rows(&b, 10, "Sygeplejer|skeuddanne|lse");
	/* paragraphs and an empty line between them */
	editbuf_set(&b, "Første afsnit.\n\nAndet " ARABIC_NAME ".\n");
	assert_rows(&b, 12, "Første |afsnit.||Andet فاطمة |الزهراء.|");
	/* wide characters take two columns */
	editbuf_set(&b, "日本語テキスト");
	assert_rows(&b, 6, "日本語|テキス|ト");
	editbuf_set(&b, "");
	assert_rows(&b, 10, "");
	editbuf_free(&b);
}

static void test_cursor_and_rows(void **state)
{
	struct editbuf b;
	struct editbuf_layout l = { 0 };
	size_t row;
	int col;

	(void)state;
	editbuf_init(&b, "en to tre fire fem seks");
	editbuf_layout(&b, 6, &l);
	assert_rows(&b, 6, "en to |tre |fire |fem |seks");
	editbuf_cursor_at(&b, &l, &row, &col);
	assert_int_equal(row, 4);
	assert_int_equal(col, 4);
	editbuf_home(&b, &l);
	assert_string_equal(b.text + b.cur, "seks");
	editbuf_up(&b, &l, 1);
	assert_string_equal(b.text + b.cur, "fem seks");
	editbuf_end(&b, &l);			/* on the space at the break, not past it */
	assert_string_equal(b.text + b.cur, " seks");
	editbuf_cursor_at(&b, &l, &row, &col);
	assert_int_equal(row, 3);
	assert_int_equal(col, 3);
	editbuf_text_start(&b);
	editbuf_right(&b);
	editbuf_right(&b);
	editbuf_down(&b, &l, 1);		/* column 2 kept */
	assert_string_equal(b.text + b.cur, "e fire fem seks");
	editbuf_down(&b, &l, 10);
	editbuf_cursor_at(&b, &l, &row, &col);
	assert_int_equal(row, 4);
	assert_int_equal(col, 2);
	editbuf_down(&b, &l, 1);		/* from the last row: to the end */
	assert_int_equal(b.cur, b.len);
	editbuf_up(&b, &l, 100);
	editbuf_cursor_at(&b, &l, &row, &col);
	assert_int_equal(row, 0);
	editbuf_up(&b, &l, 1);			/* from the first row: to the start */
	assert_int_equal(b.cur, 0);
	editbuf_layout_free(&l);

	/* the column is kept in columns, across æøå and a shorter row */
	editbuf_set(&b, "abcdef\næø\nåbcdef");
	editbuf_layout(&b, 20, &l);
	editbuf_text_start(&b);
	editbuf_end(&b, &l);
	editbuf_down(&b, &l, 1);
	assert_string_equal(b.text + b.cur, "\nåbcdef");
	editbuf_down(&b, &l, 1);
	editbuf_cursor_at(&b, &l, &row, &col);
	assert_int_equal(row, 2);
	assert_int_equal(col, 6);
	editbuf_layout_free(&l);
	editbuf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_insert_and_delete_utf8),
		cmocka_unit_test(test_arabic_and_marks),
		cmocka_unit_test(test_paste_is_cleaned),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_cursor_and_rows),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
