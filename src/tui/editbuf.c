#include "editbuf.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "samtale/util.h"

/*
 * Characters
 */

/* What a terminal would act on, or what turns text around (bidi overrides
 * and isolates), never enters the text. */
static bool dropped(unsigned long cp)
{
	return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) || (cp >= 0x202a && cp <= 0x202e) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0xfeff;
}

/* Letters and digits of any script, as the C.UTF-8 tables classify them
 * whatever the user's locale (as utf8_width measures). */
static bool is_word(unsigned long cp)
{
	static locale_t loc;

	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
	if (!loc)
		loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
	return loc ? iswalnum_l((wint_t)cp, loc) != 0 : true;
}

static unsigned long cp_at(const struct editbuf *b, size_t at)
{
	unsigned long cp = 0;

	if (at >= b->len || !utf8_decode(b->text + at, b->len - at, &cp))
		return 0;
	return cp;
}

static size_t next_cp(const struct editbuf *b, size_t at)
{
	size_t n = at < b->len ? utf8_char_len(b->text + at, b->len - at) : 0;

	return at + (n ? n : at < b->len);
}

static size_t prev_cp(const struct editbuf *b, size_t at)
{
	if (at == 0)
		return 0;
	at--;
	while (at > 0 && ((unsigned char)b->text[at] & 0xc0) == 0x80)
		at--;
	return at;
}

/* A cluster: a character and the zero-width marks that follow it. */
static bool is_mark(unsigned long cp)
{
	return cp != '\n' && cp >= 0x300 && utf8_cp_width(cp) == 0;
}

static size_t next_cluster(const struct editbuf *b, size_t at)
{
	if (at >= b->len)
		return b->len;
	at = next_cp(b, at);
	while (at < b->len && is_mark(cp_at(b, at)))
		at = next_cp(b, at);
	return at;
}

static size_t prev_cluster(const struct editbuf *b, size_t at)
{
	at = prev_cp(b, at);
	while (at > 0 && is_mark(cp_at(b, at)))
		at = prev_cp(b, at);
	return at;
}

static int width_of(const struct editbuf *b, size_t from, size_t to)
{
	int cols = 0;

	for (size_t i = from; i < to; i = next_cp(b, i))
		cols += utf8_cp_width(cp_at(b, i));
	return cols;
}

/*
 * The text
 */

static void splice(struct editbuf *b, size_t from, size_t to, const char *s, size_t n)
{
	size_t len = b->len - (to - from) + n;

	if (len + 1 > b->cap) {
		b->cap = len + 1 > 2 * b->cap ? len + 1 : 2 * b->cap;
		b->text = xrealloc(b->text, b->cap);
	}
	memmove(b->text + from + n, b->text + to, b->len - to + 1);
	memcpy(b->text + from, s, n);
	b->len = len;
	b->goal = -1;
}

/* s[0..n) as the text may hold it (see editbuf.h). */
static char *clean(const char *s, size_t n, size_t *out_len)
{
	struct strbuf sb = { 0 };
	size_t i = 0;

	strbuf_add(&sb, "", 0);
	while (i < n) {
		unsigned long cp;
		size_t len = utf8_decode(s + i, n - i, &cp);

		if (!len) {
			i++;
			continue;
		}
		i += len;
		if (cp == '\r' && i < n && s[i] == '\n')
			continue;
		if (cp == '\r' || cp == 0x2028 || cp == 0x2029)
			cp = '\n';
		else if (cp == '\t')
			cp = ' ';
		if (cp != '\n' && dropped(cp))
			continue;
		{
			char enc[4];

			strbuf_add(&sb, enc, utf8_encode(cp, enc));
		}
	}
	*out_len = sb.len;
	return strbuf_detach(&sb);
}

void editbuf_init(struct editbuf *b, const char *text)
{
	memset(b, 0, sizeof(*b));
	b->text = xstrdup("");
	b->cap = 1;
	b->goal = -1;
	editbuf_set(b, text);
}

void editbuf_free(struct editbuf *b)
{
	free(b->text);
	memset(b, 0, sizeof(*b));
}

void editbuf_set(struct editbuf *b, const char *text)
{
	b->len = 0;
	b->text[0] = '\0';
	b->cur = 0;
	if (text)
		editbuf_insert(b, text, strlen(text));
}

void editbuf_insert(struct editbuf *b, const char *s, size_t n)
{
	size_t len;
	char *c = clean(s, n, &len);

	splice(b, b->cur, b->cur, c, len);
	b->cur += len;
	free(c);
}

void editbuf_insert_char(struct editbuf *b, unsigned long cp)
{
	char enc[4];
	size_t n = utf8_encode(cp, enc);

	editbuf_insert(b, enc, n);
}

static void delete_range(struct editbuf *b, size_t from, size_t to)
{
	if (from >= to)
		return;
	splice(b, from, to, "", 0);
	b->cur = from;
}

void editbuf_backspace(struct editbuf *b)
{
	delete_range(b, prev_cluster(b, b->cur), b->cur);
}

void editbuf_delete(struct editbuf *b)
{
	delete_range(b, b->cur, next_cluster(b, b->cur));
}

static size_t word_start_before(const struct editbuf *b, size_t at)
{
	while (at > 0 && !is_word(cp_at(b, prev_cluster(b, at))))
		at = prev_cluster(b, at);
	while (at > 0 && is_word(cp_at(b, prev_cluster(b, at))))
		at = prev_cluster(b, at);
	return at;
}

static size_t word_end_after(const struct editbuf *b, size_t at)
{
	while (at < b->len && !is_word(cp_at(b, at)))
		at = next_cluster(b, at);
	while (at < b->len && is_word(cp_at(b, at)))
		at = next_cluster(b, at);
	return at;
}

void editbuf_delete_word_back(struct editbuf *b)
{
	delete_range(b, word_start_before(b, b->cur), b->cur);
}

void editbuf_delete_word_forward(struct editbuf *b)
{
	delete_range(b, b->cur, word_end_after(b, b->cur));
}

/*
 * Moving
 */

static void move_to(struct editbuf *b, size_t at)
{
	b->cur = at;
	b->goal = -1;
}

void editbuf_left(struct editbuf *b)
{
	move_to(b, prev_cluster(b, b->cur));
}

void editbuf_right(struct editbuf *b)
{
	move_to(b, next_cluster(b, b->cur));
}

void editbuf_word_left(struct editbuf *b)
{
	move_to(b, word_start_before(b, b->cur));
}

void editbuf_word_right(struct editbuf *b)
{
	move_to(b, word_end_after(b, b->cur));
}

void editbuf_text_start(struct editbuf *b)
{
	move_to(b, 0);
}

void editbuf_text_end(struct editbuf *b)
{
	move_to(b, b->len);
}

/*
 * Layout
 */

static void add_row(struct editbuf_layout *l, size_t start, size_t end, bool wrapped)
{
	l->v = array_grow(l->v, l->n, &l->cap, sizeof(*l->v));
	l->v[l->n++] = (struct editbuf_row){ start, end, wrapped };
}

static void layout_line(const struct editbuf *b, size_t from, size_t to, int width,
			struct editbuf_layout *l)
{
	size_t start = from, brk = from, i = from;
	int col = 0;

	while (i < to) {
		unsigned long cp = cp_at(b, i);
		size_t next = next_cluster(b, i);
		int w = width_of(b, i, next);

		if (cp == ' ') {
			i = next;
			if (++col > width) {	/* the space hangs past the edge */
				add_row(l, start, i, true);
				start = brk = i;
				col = 0;
			} else {
				brk = i;
			}
			continue;
		}
		if (col > 0 && col + w > width) {
			size_t cut = brk > start ? brk : i;

			add_row(l, start, cut, true);
			start = brk = cut;
			col = width_of(b, cut, i);
			if (col > 0 && col + w > width)
				continue;	/* the rest of the word still does not fit: cut it */
		}
		col += w;
		i = next;
	}
	add_row(l, start, to, false);
}

void editbuf_layout(const struct editbuf *b, int width, struct editbuf_layout *out)
{
	size_t from = 0;

	out->n = 0;
	if (width < 1)
		width = 1;
	for (;;) {
		const char *nl = memchr(b->text + from, '\n', b->len - from);
		size_t to = nl ? (size_t)(nl - b->text) : b->len;

		layout_line(b, from, to, width, out);
		if (!nl)
			break;
		from = to + 1;
	}
}

void editbuf_layout_free(struct editbuf_layout *l)
{
	free(l->v);
	memset(l, 0, sizeof(*l));
}

static size_t row_of(const struct editbuf_layout *l, size_t at)
{
	size_t r = 0;

	while (r + 1 < l->n && l->v[r + 1].start <= at)
		r++;
	return r;
}

void editbuf_cursor_at(const struct editbuf *b, const struct editbuf_layout *l, size_t *row, int *col)
{
	size_t r = row_of(l, b->cur);

	*row = r;
	*col = l->n ? width_of(b, l->v[r].start, b->cur) : 0;
}

/* The last place the cursor can be on row r: a wrapped row's end is the
 * next row's start, so it stops before its last cluster. */
static size_t row_last(const struct editbuf *b, const struct editbuf_row *r)
{
	return r->wrapped && r->end > r->start ? prev_cluster(b, r->end) : r->end;
}

void editbuf_home(struct editbuf *b, const struct editbuf_layout *l)
{
	if (l->n)
		move_to(b, l->v[row_of(l, b->cur)].start);
}

void editbuf_end(struct editbuf *b, const struct editbuf_layout *l)
{
	if (l->n)
		move_to(b, row_last(b, &l->v[row_of(l, b->cur)]));
}

static void to_column(struct editbuf *b, const struct editbuf_row *r, int goal)
{
	size_t i = r->start, last = row_last(b, r);
	int col = 0;

	while (i < last) {
		size_t next = next_cluster(b, i);
		int w = width_of(b, i, next);

		if (col + w > goal)
			break;
		col += w;
		i = next;
	}
	b->cur = i;
	b->goal = goal;
}

static void vertical(struct editbuf *b, const struct editbuf_layout *l, size_t n, bool down)
{
	size_t r;
	int col, goal;

	if (!l->n)
		return;
	editbuf_cursor_at(b, l, &r, &col);
	goal = b->goal >= 0 ? b->goal : col;
	if (!down && r == 0) {
		move_to(b, 0);
		return;
	}
	if (down && r + 1 >= l->n) {
		move_to(b, b->len);
		return;
	}
	r = down ? (r + n < l->n ? r + n : l->n - 1) : (r > n ? r - n : 0);
	to_column(b, &l->v[r], goal);
}

void editbuf_up(struct editbuf *b, const struct editbuf_layout *l, size_t n)
{
	vertical(b, l, n, false);
}

void editbuf_down(struct editbuf *b, const struct editbuf_layout *l, size_t n)
{
	vertical(b, l, n, true);
}
