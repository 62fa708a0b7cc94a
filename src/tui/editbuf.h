#ifndef SAMTALE_EDITBUF_H
#define SAMTALE_EDITBUF_H

/*
 * The text model of the multi-line editor (ui_editor.c): a UTF-8 text with
 * a cursor, edited a character, a word or a pasted block at a time, and laid
 * out in rows of a width in terminal columns with word wrap. It knows
 * nothing of curses, so that tests/unit/test_editbuf.c can drive it.
 *
 * The text only ever holds what can be stored and shown: valid UTF-8, lines
 * ended by '\n', no other control characters and no bidi overrides (pasted
 * "\r\n" becomes '\n', a tab a space; the rest is dropped on the way in).
 * The cursor is a byte offset on a character boundary; moving and deleting
 * go by character cluster (a letter with its combining marks).
 */

#include <stdbool.h>
#include <stddef.h>

struct editbuf {
	char *text;		/* NUL-terminated; never NULL after editbuf_init */
	size_t len, cap;
	size_t cur;		/* cursor, a byte offset */
	int goal;		/* column kept by up/down; -1 = the cursor's own */
};

/* One row of the layout: text[start..end). A wrapped row ends where the next
 * one starts; the last row of a line ends at its '\n' (or the text's end). */
struct editbuf_row {
	size_t start, end;
	bool wrapped;
};

struct editbuf_layout {
	struct editbuf_row *v;
	size_t n, cap;
};

/* text may be NULL; the cursor goes to the end. */
void editbuf_init(struct editbuf *b, const char *text);
void editbuf_free(struct editbuf *b);
/* Replaces the whole text (the cursor to the end). */
void editbuf_set(struct editbuf *b, const char *text);

/* Inserts s[0..n) at the cursor, cleaned as described above. */
void editbuf_insert(struct editbuf *b, const char *s, size_t n);
/* Inserts one character (a key); '\n' and '\r' make a new line. */
void editbuf_insert_char(struct editbuf *b, unsigned long cp);

void editbuf_backspace(struct editbuf *b);
void editbuf_delete(struct editbuf *b);
/* Deletes back to the start of the word before the cursor (Ctrl-W), or on
 * to the end of the word after it. Letters and digits (any non-ASCII
 * letter too) make words; spaces and punctuation separate them. */
void editbuf_delete_word_back(struct editbuf *b);
void editbuf_delete_word_forward(struct editbuf *b);

void editbuf_left(struct editbuf *b);
void editbuf_right(struct editbuf *b);
void editbuf_word_left(struct editbuf *b);
void editbuf_word_right(struct editbuf *b);
void editbuf_text_start(struct editbuf *b);
void editbuf_text_end(struct editbuf *b);

/* Wraps the text into rows of at most width columns (at least 1): lines
 * break after the last space that fits, a word longer than the row is cut.
 * A space at a break may hang one column past width. */
void editbuf_layout(const struct editbuf *b, int width, struct editbuf_layout *out);
void editbuf_layout_free(struct editbuf_layout *l);
/* The row and column of the cursor in a layout of the current text. */
void editbuf_cursor_at(const struct editbuf *b, const struct editbuf_layout *l, size_t *row,
		       int *col);

/* Start and end of the cursor's row; up and down by rows (n at a time),
 * keeping the column. All take the layout of the current text. */
void editbuf_home(struct editbuf *b, const struct editbuf_layout *l);
void editbuf_end(struct editbuf *b, const struct editbuf_layout *l);
void editbuf_up(struct editbuf *b, const struct editbuf_layout *l, size_t n);
void editbuf_down(struct editbuf *b, const struct editbuf_layout *l, size_t n);

#endif
