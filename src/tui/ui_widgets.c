#include "ui.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "samtale/util.h"

/*
 * UTF-8 helpers
 */

/* A copy of s[0..n) safe to hand to curses: line breaks and tabs (in
 * notes) become spaces, and anything else a terminal would act on, or a
 * byte that is not UTF-8, is shown as util's visible escape, never sent.
 * Caller frees. */
static char *printable(const char *s, size_t n)
{
	struct strbuf sb = { 0 };

	for (size_t i = 0; i < n;) {
		size_t run = strcspn(s + i, "\t\n\r");

		if (run > n - i)
			run = n - i;
		strbuf_add_visible(&sb, s + i, run, 0);
		i += run;
		if (i < n) {
			strbuf_addc(&sb, ' ');
			i++;
		}
	}
	return strbuf_detach(&sb);
}

/*
 * Text
 */

int ui_text(WINDOW *win, int y, int x, int width, enum ui_attr a, const char *s)
{
	char *p;
	size_t n;
	int cols;

	if (!s || width <= 0 || y < 0 || y >= getmaxy(win) || x >= getmaxx(win))
		return 0;
	if (width > getmaxx(win) - x)
		width = getmaxx(win) - x;
	p = printable(s, strlen(s));
	n = utf8_prefix_for_width(p, (size_t)width);
	p[n] = '\0';
	cols = (int)utf8_width(p);
	wattrset(win, ui_attr(a));
	mvwaddnstr(win, y, x, p, (int)n);
	wattrset(win, A_NORMAL);
	free(p);
	return cols;
}

void ui_fill(WINDOW *win, int y, int x, int width, enum ui_attr a)
{
	int maxx = getmaxx(win);

	if (y < 0 || y >= getmaxy(win))
		return;
	wattrset(win, ui_attr(a));
	for (int i = x; i < x + width && i < maxx; i++)
		mvwaddch(win, y, i, ' ');
	wattrset(win, A_NORMAL);
}

int ui_text_cut(WINDOW *win, int y, int x, int width, enum ui_attr a, const char *s)
{
	int used;

	if (!s || (int)utf8_width(s) <= width || width < 2)
		return ui_text(win, y, x, width, a, s);
	used = ui_text(win, y, x, width - 1, a, s);
	return used + ui_text(win, y, x + used, 1, a, "…");
}

/* Where the next wrapped row of rest ends (bytes) in width columns: at
 * the last space that fits, else mid-word, never nothing. */
static size_t wrap_cut(const char *rest, int width)
{
	size_t cut = utf8_prefix_for_width(rest, (size_t)width);

	if (rest[cut] != '\0') {
		size_t k = cut;

		while (k > 0 && rest[k] != ' ')
			k--;
		if (k > 0)
			cut = k;
		else if (cut == 0 && !(cut = utf8_char_len(rest, strlen(rest))))
			cut = 1;
	}
	return cut;
}

/* Calls row(ctx, text, n) for each wrapped row of paragraph p[0..plen),
 * at most maxrows; returns the rows. */
static int wrap_rows(const char *p, size_t plen, int width, int maxrows,
		     void (*row)(void *ctx, const char *text, size_t n), void *ctx)
{
	char *para = xstrndup(p, plen);
	const char *rest = para;
	int rows = 0;

	do {
		size_t cut;

		if (rows >= maxrows)
			break;
		cut = wrap_cut(rest, width);
		if (row)
			row(ctx, rest, cut);
		rows++;
		rest += cut;
		while (*rest == ' ')
			rest++;
	} while (*rest);
	free(para);
	return rows;
}

struct wrap_draw {
	WINDOW *win;
	int y, x, width;
	enum ui_attr a;
};

static void draw_row(void *ctx, const char *text, size_t n)
{
	struct wrap_draw *w = ctx;
	char *line = xstrndup(text, n);

	ui_text(w->win, w->y++, w->x, w->width, w->a, line);
	free(line);
}

static int wrap_paragraph(WINDOW *win, int y, int x, int width, int maxrows, enum ui_attr a,
			  const char *p, size_t plen)
{
	struct wrap_draw w = { win, y, x, width, a };

	return wrap_rows(p, plen, width, maxrows, win ? draw_row : NULL, &w);
}

int ui_wrap(WINDOW *win, int y, int x, int width, int maxrows, enum ui_attr a, const char *s)
{
	int rows = 0;

	if (!s || width <= 0)
		return 0;
	for (;;) {
		const char *nl = strchr(s, '\n');
		size_t len = nl ? (size_t)(nl - s) : strlen(s);

		if (rows >= maxrows)
			break;
		if (len == 0)
			rows++;
		else
			rows += wrap_paragraph(win, y + rows, x, width, maxrows - rows, a, s, len);
		if (!nl || !nl[1])
			break;
		s = nl + 1;
	}
	return rows;
}

/*
 * A text that scrolls
 */

void ui_doc_start(struct ui_doc *d, int width)
{
	ui_doc_free(d);
	d->width = width > 1 ? width : 1;
}

static void doc_line(struct ui_doc *d, enum ui_attr a, int indent, const char *text, size_t n)
{
	d->v = array_grow(d->v, d->n, &d->cap, sizeof(*d->v));
	d->v[d->n++] = (struct ui_doc_line){ a, indent, xstrndup(text, n) };
}

struct doc_add {
	struct ui_doc *d;
	enum ui_attr a;
	int indent;
};

static void doc_row(void *ctx, const char *text, size_t n)
{
	struct doc_add *da = ctx;

	doc_line(da->d, da->a, da->indent, text, n);
}

void ui_doc_add(struct ui_doc *d, enum ui_attr a, int indent, const char *text)
{
	struct doc_add da = { d, a, indent };
	int width = d->width - indent > 1 ? d->width - indent : 1;
	const char *s = text ? text : "";

	for (;;) {
		const char *nl = strchr(s, '\n');
		size_t len = nl ? (size_t)(nl - s) : strlen(s);

		if (len == 0)
			doc_line(d, a, indent, "", 0);
		else
			wrap_rows(s, len, width, INT_MAX, doc_row, &da);
		if (!nl || !nl[1])
			break;
		s = nl + 1;
	}
}

void ui_doc_gap(struct ui_doc *d)
{
	if (d->n && d->v[d->n - 1].text[0])
		doc_line(d, UI_NORMAL, 0, "", 0);
}

/* The mark drawn instead of a row that is out of sight. */
static void doc_mark(WINDOW *win, int y, int x, int width, bool up, const char *key)
{
	char mark[96];

	snprintf(mark, sizeof(mark), "%s %s (%s)", up ? "↑" : "↓", _("more"), key);
	ui_text(win, y, x, width, UI_HEADING, mark);
}

size_t ui_doc_rows(const struct ui_doc *d, int height, size_t top)
{
	bool up = top > 0, down;

	if (d->n <= (size_t)height)
		return d->n;
	down = top + (size_t)(height - up) < d->n;
	return (size_t)(height - up - down);
}

int ui_doc_draw(const struct ui_doc *d, WINDOW *win, int y, int x, int height, size_t *top,
		const char *up_key, const char *down_key)
{
	size_t max_top, shown;
	int row = 0;

	if (height <= 0)
		return 0;
	/* the last rows in sight under an up mark; a window of one or two
	 * rows shows only what it can, and the mark */
	max_top = d->n > (size_t)height ? d->n - (size_t)(height > 2 ? height - 1 : height) : 0;
	if (*top > max_top)
		*top = max_top;
	shown = ui_doc_rows(d, height, *top);
	if (*top > 0 && height > 2)
		doc_mark(win, y + row++, x, d->width, true, up_key);
	for (size_t i = *top; i < *top + shown && row < height; i++, row++)
		ui_text(win, y + row, x + d->v[i].indent, d->width - d->v[i].indent, d->v[i].a,
			d->v[i].text);
	if (*top + shown < d->n && row < height)
		doc_mark(win, y + row++, x, d->width, false, down_key);
	return row;
}

void ui_doc_free(struct ui_doc *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->v[i].text);
	free(d->v);
	d->v = NULL;
	d->n = d->cap = 0;
}

/* Box-drawing lines as text: the alternate character set comes out as
 * letters in some terminals and in tmux's capture, a UTF-8 "─" does not. */
static const char *line_char(bool vertical)
{
	if (MB_CUR_MAX == 1)
		return vertical ? "|" : "-";
	return vertical ? "│" : "─";
}

void ui_vline(WINDOW *win, int y, int x, int height)
{
	for (int i = 0; i < height; i++)
		ui_text(win, y + i, x, 1, UI_DIM, line_char(true));
}

void ui_rule(WINDOW *win, int y, int x, int width, const char *title)
{
	int used = 0;

	if (y < 0 || y >= getmaxy(win))
		return;
	for (int i = 0; i < width; i++)
		ui_text(win, y, x + i, 1, UI_DIM, line_char(false));
	if (title && width > 6) {
		used = ui_text(win, y, x + 2, width - 4, UI_HEADING, " ");
		used += ui_text(win, y, x + 2 + used, width - 4 - used, UI_HEADING, title);
		ui_text(win, y, x + 2 + used, width - 4 - used, UI_HEADING, " ");
	}
}

/*
 * The list
 */

static bool row_ok(const struct ui_list *l, size_t i)
{
	return i < l->n && (!l->selectable || l->selectable(l->ctx, i));
}

/* Selects the nearest selectable row from target in direction dir (+1/-1),
 * else the other way. */
static void move_to(struct ui_list *l, size_t target, int dir)
{
	if (l->n == 0) {
		l->sel = 0;
		return;
	}
	if (target >= l->n)
		target = l->n - 1;
	for (int pass = 0; pass < 2; pass++, dir = -dir) {
		size_t i = target;

		for (;;) {
			if (row_ok(l, i)) {
				l->sel = i;
				return;
			}
			if ((dir < 0 && i == 0) || (dir > 0 && i + 1 >= l->n))
				break;
			i = dir > 0 ? i + 1 : i - 1;
		}
	}
	l->sel = target;
}

void ui_list_select(struct ui_list *l, size_t row)
{
	move_to(l, row, +1);
}

void ui_list_set_rows(struct ui_list *l, size_t n)
{
	l->n = n;
	move_to(l, l->sel, -1);
	if (l->top >= n)
		l->top = 0;
}

size_t ui_list_scroll(struct ui_list *l, int height)
{
	size_t h = height > 0 ? (size_t)height : 1, bottom = l->sel;

	l->height = (int)h;
	if (l->n <= h) {
		l->top = 0;
		return 0;
	}
	if (l->sel < l->top) {
		l->top = l->sel;
		/* show the heading above the first item of a group */
		while (l->top > 0 && !row_ok(l, l->top - 1) && l->sel - (l->top - 1) < h)
			l->top--;
	}
	/* and the note lines below the selected item */
	while (bottom + 1 < l->n && !row_ok(l, bottom + 1) && bottom + 1 - l->top < h &&
	       bottom + 1 - l->sel < 3)
		bottom++;
	if (bottom >= l->top + h)
		l->top = bottom - h + 1;
	if (l->top > l->sel)
		l->top = l->sel;
	if (l->top + h > l->n)
		l->top = l->n - h;
	return l->top;
}

static void filter_backspace(struct ui_list *l)
{
	size_t n = strlen(l->filter);

	while (n > 0 && ((unsigned char)l->filter[n - 1] & 0xc0) == 0x80)
		n--;
	if (n > 0)
		n--;
	l->filter[n] = '\0';
}

static bool is_text_key(int ch)
{
	return ch >= 0x20 && ch != 0x7f && ch < 0x110000;
}

static enum ui_list_result filter_key(struct ui_list *l, int ch)
{
	char enc[4];
	size_t n, len;

	switch (ch) {
	case '\n':
	case '\r':
	case UI_FN(KEY_ENTER):
		l->filtering = false;
		return UI_LIST_MOVED;
	case UI_ESC:
		l->filtering = false;
		l->filter[0] = '\0';
		return UI_LIST_FILTER_CHANGED;
	case UI_FN(KEY_BACKSPACE):
	case 0x7f:
	case '\b':
		filter_backspace(l);
		return UI_LIST_FILTER_CHANGED;
	case UI_CTRL('u'):
		l->filter[0] = '\0';
		return UI_LIST_FILTER_CHANGED;
	default:
		break;
	}
	if (!is_text_key(ch))
		return UI_LIST_IGNORED;
	len = utf8_encode((unsigned long)ch, enc);
	n = strlen(l->filter);
	if (len && n + len < sizeof(l->filter)) {
		memcpy(l->filter + n, enc, len);
		l->filter[n + len] = '\0';
	}
	return UI_LIST_FILTER_CHANGED;
}

enum ui_list_result ui_list_key(struct ui_list *l, const struct screen *s, int ch)
{
	size_t page = l->height > 1 ? (size_t)l->height - 1 : 1;

	if (l->filtering) {
		enum ui_list_result r = filter_key(l, ch);

		if (r != UI_LIST_IGNORED)
			return r;
		if (ch < UI_FN(0))
			return UI_LIST_MOVED;	/* swallowed: typing must not trigger commands */
	} else if (ch == UI_ESC && l->filter[0]) {
		l->filter[0] = '\0';
		return UI_LIST_FILTER_CHANGED;
	}
	switch (ui_request(s, ch)) {
	case REQ_UP:
		if (l->sel > 0)
			move_to(l, l->sel - 1, -1);
		return UI_LIST_MOVED;
	case REQ_DOWN:
		move_to(l, l->sel + 1, +1);
		return UI_LIST_MOVED;
	case REQ_PAGE_UP:
		move_to(l, l->sel > page ? l->sel - page : 0, -1);
		return UI_LIST_MOVED;
	case REQ_PAGE_DOWN:
		move_to(l, l->sel + page, +1);
		return UI_LIST_MOVED;
	case REQ_HOME:
		move_to(l, 0, +1);
		return UI_LIST_MOVED;
	case REQ_END:
		move_to(l, l->n ? l->n - 1 : 0, -1);
		return UI_LIST_MOVED;
	case REQ_ENTER:
		return l->n && row_ok(l, l->sel) ? UI_LIST_ACTIVATE : UI_LIST_MOVED;
	case REQ_FILTER:
		l->filtering = true;
		return UI_LIST_MOVED;
	default:
		return UI_LIST_IGNORED;
	}
}

bool ui_list_match(const struct ui_list *l, const char *text)
{
	char *h, *n;
	bool yes;

	if (!l->filter[0])
		return true;
	if (!text)
		return false;
	h = str_fold(text);
	n = str_fold(l->filter);
	yes = strstr(h, n) != NULL;
	free(h);
	free(n);
	return yes;
}

bool ui_list_draw_filter(const struct ui_list *l, WINDOW *win, int y, int width)
{
	int x;

	if (!l->filtering && !l->filter[0])
		return false;
	x = ui_text(win, y, 0, width, UI_HEADING, "/ ");
	x += ui_text(win, y, x, width - x, UI_NORMAL, l->filter);
	if (l->filtering) {
		ui_focus(win, y, x);
		ui_footer_hint(_("Type to filter · Enter keeps the filter · Esc clears it"));
	} else
		ui_text(win, y, x, width - x, UI_DIM, _("   (Esc clears the filter)"));
	return true;
}

/*
 * The one-line editor
 */

void ui_edit_set(struct ui_edit *e, const char *text)
{
	size_t n = text ? strlen(text) : 0;

	if (n >= sizeof(e->buf)) {
		n = sizeof(e->buf) - 1;
		while (n > 0 && ((unsigned char)text[n] & 0xc0) == 0x80)
			n--;
	}
	if (n)
		memcpy(e->buf, text, n);
	e->buf[n] = '\0';
	e->len = e->cur = n;
	e->replace = false;
}

static size_t prev_char(const struct ui_edit *e, size_t at)
{
	if (at == 0)
		return 0;
	at--;
	while (at > 0 && ((unsigned char)e->buf[at] & 0xc0) == 0x80)
		at--;
	return at;
}

static size_t next_char(const struct ui_edit *e, size_t at)
{
	if (at >= e->len)
		return e->len;
	at++;
	while (at < e->len && ((unsigned char)e->buf[at] & 0xc0) == 0x80)
		at++;
	return at;
}

static void edit_delete(struct ui_edit *e, size_t from, size_t to)
{
	memmove(e->buf + from, e->buf + to, e->len - to + 1);
	e->len -= to - from;
	if (e->cur > to)
		e->cur -= to - from;
	else if (e->cur > from)
		e->cur = from;
}

static void edit_insert(struct ui_edit *e, int ch)
{
	char enc[4];
	size_t len = utf8_encode((unsigned long)ch, enc);

	if (!len || e->len + len >= sizeof(e->buf))
		return;
	memmove(e->buf + e->cur + len, e->buf + e->cur, e->len - e->cur + 1);
	memcpy(e->buf + e->cur, enc, len);
	e->len += len;
	e->cur += len;
}

enum ui_edit_result ui_edit_key(struct ui_edit *e, int ch)
{
	size_t p;
	bool replace = e->replace;

	e->replace = false;
	if (replace && (is_text_key(ch) || ch == UI_FN(KEY_BACKSPACE) || ch == 0x7f || ch == '\b' ||
			ch == UI_FN(KEY_DC))) {
		ui_edit_set(e, NULL);
		if (!is_text_key(ch))
			return UI_EDIT_CONTINUE;
	}
	switch (ch) {
	case '\n':
	case '\r':
	case UI_FN(KEY_ENTER):
		return UI_EDIT_ACCEPT;
	case UI_ESC:
	case UI_CTRL('c'):
		return UI_EDIT_CANCEL;
	case UI_FN(KEY_LEFT):
		e->cur = prev_char(e, e->cur);
		break;
	case UI_FN(KEY_RIGHT):
		e->cur = next_char(e, e->cur);
		break;
	case UI_FN(KEY_HOME):
	case UI_CTRL('a'):
		e->cur = 0;
		break;
	case UI_FN(KEY_END):
	case UI_CTRL('e'):
		e->cur = e->len;
		break;
	case UI_FN(KEY_BACKSPACE):
	case 0x7f:
	case '\b':
		edit_delete(e, prev_char(e, e->cur), e->cur);
		break;
	case UI_FN(KEY_DC):
	case UI_CTRL('d'):
		edit_delete(e, e->cur, next_char(e, e->cur));
		break;
	case UI_CTRL('u'):
		edit_delete(e, 0, e->cur);
		break;
	case UI_CTRL('w'):
		p = e->cur;
		while (p > 0 && e->buf[p - 1] == ' ')
			p--;
		while (p > 0 && e->buf[p - 1] != ' ')
			p--;
		edit_delete(e, p, e->cur);
		break;
	default:
		if (is_text_key(ch))
			edit_insert(e, ch);
		break;
	}
	return UI_EDIT_CONTINUE;
}

void ui_edit_draw(const struct ui_edit *e, WINDOW *win, int y, int x, int width)
{
	size_t start = 0;
	char *before;
	int cx;

	if (width < 2)
		return;
	/* scroll so that the cursor stays inside the field */
	for (;;) {
		before = xstrndup(e->buf + start, e->cur - start);
		cx = (int)utf8_width(before);
		free(before);
		if (cx < width || start >= e->cur)
			break;
		start = next_char(e, start);
	}
	ui_text(win, y, x, width, e->replace ? UI_SELECTED : UI_NORMAL, e->buf + start);
	ui_focus(win, y, x + cx);
}

/*
 * Modal widgets
 */

static void place_cursor(struct app *app)
{
	if (app->focus_y >= 0)
		move(app->focus_y, app->focus_x);
}

static char *prompt(struct app *app, const char *label, const char *initial, bool replace)
{
	struct ui_edit e;

	ui_edit_set(&e, initial);
	e.replace = replace && e.len;
	for (;;) {
		enum ui_edit_result r;
		int ch, x;

		ui_draw_all(app);
		if (!ui_too_small()) {
			if (!app->status[0])
				ui_text(stdscr, LINES - 2, 0, COLS, UI_DIM,
					_("Enter keeps · Esc cancels"));
			move(LINES - 1, 0);
			clrtoeol();
			/* the whole label down to 40 columns, a field of 10 still */
			x = ui_text(stdscr, LINES - 1, 0, COLS - 12, UI_HEADING, label);
			x += ui_text(stdscr, LINES - 1, x, 2, UI_NORMAL, ": ");
			ui_edit_draw(&e, stdscr, LINES - 1, x, COLS - x - 1);
			place_cursor(app);
		}
		refresh();
		ch = ui_getkey();
		if (ui_quitting())
			return NULL;
		if (ch == ERR || ch == UI_FN(KEY_RESIZE))
			continue;
		if (ui_too_small() && ch != UI_ESC && ch != UI_CTRL('c'))
			continue;	/* nothing shown: no key acts blindly */
		r = ui_edit_key(&e, ch);
		if (r == UI_EDIT_ACCEPT)
			return xstrdup(e.buf);
		if (r == UI_EDIT_CANCEL)
			return NULL;
	}
}

char *ui_prompt(struct app *app, const char *label, const char *initial)
{
	return prompt(app, label, initial, false);
}

char *ui_prompt_default(struct app *app, const char *label, const char *def)
{
	return prompt(app, label, def, true);
}

bool ui_ask_date(struct app *app, const char *label, const char *def, enum date_when when,
		 sam_date out)
{
	char *typed = ui_prompt_default(app, label, def);

	while (typed) {
		char *again;

		if (date_parse(typed, when, out) == SAM_OK) {
			free(typed);
			ui_status(app, NULL);
			return true;
		}
		ui_error(app, SAM_ERR_INVALID);
		again = ui_prompt(app, label, typed);
		free(typed);
		typed = again;
	}
	ui_status(app, NULL);
	return false;
}

static void draw_choice(const char *title, const char *const *options, size_t n, size_t sel)
{
	int w = (int)utf8_width(title) + 8, h, y0, x0, cy = -1;
	size_t top = 0;

	for (size_t i = 0; i < n; i++)
		if ((int)utf8_width(options[i]) + 8 > w)
			w = (int)utf8_width(options[i]) + 8;
	if (w > COLS - 2)
		w = COLS - 2;
	h = (int)n + 2 < LINES - 2 ? (int)n + 2 : LINES - 2;
	y0 = (LINES - h) / 2;
	x0 = (COLS - w) / 2;
	if ((size_t)(h - 2) <= sel)
		top = sel - (size_t)(h - 2) + 1;
	for (int y = 0; y < h; y++)
		ui_fill(stdscr, y0 + y, x0, w, UI_NORMAL);
	ui_rule(stdscr, y0, x0, w, title);
	ui_rule(stdscr, y0 + h - 1, x0, w, NULL);
	for (size_t i = top; i < n && (int)(i - top) < h - 2; i++) {
		int y = y0 + 1 + (int)(i - top);
		char num[24];

		snprintf(num, sizeof(num), "%zu ", i + 1);
		if (i == sel)
			ui_fill(stdscr, y, x0, w, UI_SELECTED);
		ui_text(stdscr, y, x0 + 1, 2, i == sel ? UI_SELECTED : UI_NORMAL, i == sel ? ">" : " ");
		ui_text(stdscr, y, x0 + 3, 3, i == sel ? UI_SELECTED : UI_DIM, n < 10 ? num : "");
		ui_text(stdscr, y, x0 + 5, w - 6, i == sel ? UI_SELECTED : UI_NORMAL, options[i]);
		if (i == sel)
			cy = y;
	}
	if (cy >= 0)
		move(cy, x0 + 1);	/* after the options below it are drawn */
}

/* ui_choose, with Ctrl-C answering ctrl_c (-1: as Esc). */
static int choose(struct app *app, const char *title, const char *const *options, size_t n,
		  size_t initial, int ctrl_c)
{
	size_t sel = initial < n ? initial : 0;

	if (n == 0)
		return -1;
	for (;;) {
		int ch;

		/* without the screen's body, so that none of its text runs
		 * into the box */
		app->body_hidden = true;
		ui_draw_all(app);
		app->body_hidden = false;
		if (!ui_too_small()) {
			/* in the footer, over the screen's keys, which wait; the
			 * status line above may say why the question is asked */
			move(LINES - 1, 0);
			clrtoeol();
			ui_text(stdscr, LINES - 1, 0, COLS, UI_DIM,
				_("↑↓ choose · Enter take it · Esc cancel"));
			draw_choice(title, options, n, sel);
		}
		refresh();
		ch = ui_getkey();
		if (ui_quitting())
			return -1;
		if (ui_too_small() && ch != UI_ESC && ch != UI_CTRL('c'))
			continue;	/* nothing shown: no key acts blindly */
		switch (ch) {
		case UI_FN(KEY_UP):
		case 'k':
			sel = sel > 0 ? sel - 1 : n - 1;
			break;
		case UI_FN(KEY_DOWN):
		case 'j':
		case '\t':
			sel = sel + 1 < n ? sel + 1 : 0;
			break;
		case '\n':
		case '\r':
		case UI_FN(KEY_ENTER):
			return (int)sel;
		case UI_CTRL('c'):
			return ctrl_c;
		case UI_ESC:
		case 'q':
			return -1;
		default:
			if (n < 10 && ch >= '1' && ch < '1' + (int)n)
				return ch - '1';
			break;
		}
	}
}

int ui_choose(struct app *app, const char *title, const char *const *options, size_t n,
	      size_t initial)
{
	return choose(app, title, options, n, initial, -1);
}

bool ui_confirm_quit(struct app *app)
{
	const char *opts[] = { _("No, stay"), _("Yes, quit") };
	bool yes;

	ui_status(app, "%s", _("Everything shown as saved is saved. Ctrl-C again quits."));
	yes = choose(app, _("Quit samtale?"), opts, ARRAY_SIZE(opts), 0, 1) == 1;
	ui_status(app, NULL);
	return yes;
}

/* 'path' quoted for sh. */
static char *shell_quote(const char *path)
{
	struct strbuf sb = { 0 };

	strbuf_addc(&sb, '\'');
	for (const char *p = path; *p; p++) {
		if (*p == '\'')
			strbuf_adds(&sb, "'\\''");
		else
			strbuf_addc(&sb, *p);
	}
	strbuf_addc(&sb, '\'');
	return strbuf_detach(&sb);
}

static bool write_all(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, s, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		s += w;
		n -= (size_t)w;
	}
	return true;
}

static char *read_back(const char *path)
{
	struct strbuf sb = { 0 };
	char buf[4096];
	size_t n;
	FILE *f = fopen(path, "r");

	if (!f)
		return NULL;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(&sb, buf, n);
	fclose(f);
	while (sb.len > 0 && (sb.buf[sb.len - 1] == '\n' || sb.buf[sb.len - 1] == '\r'))
		sb.buf[--sb.len] = '\0';
	return strbuf_detach(&sb);
}

static bool in_path(const char *prog)
{
	const char *path = getenv("PATH");
	bool found = false;
	char *copy, *save = NULL;

	if (str_empty(path))
		return false;
	copy = xstrdup(path);
	for (char *dir = strtok_r(copy, ":", &save); dir && !found; dir = strtok_r(NULL, ":", &save)) {
		char *full = xasprintf("%s/%s", *dir ? dir : ".", prog);

		found = access(full, X_OK) == 0;
		free(full);
	}
	free(copy);
	return found;
}

/* $VISUAL, $EDITOR, the config file's editor, then Debian's choice of
 * editor, then nano: never a vi that nobody asked for. NULL when there is
 * none. */
static const char *pick_editor(void)
{
	const char *e = getenv("VISUAL");

	if (str_empty(e))
		e = getenv("EDITOR");
	if (str_empty(e))
		e = config_get(CONFIG_EDITOR);
	if (!str_empty(e))
		return e;
	if (in_path("editor"))
		return "editor";
	return in_path("nano") ? "nano" : NULL;
}

static void status_error(struct app *app, const char *msg)
{
	ui_status(app, "%s", msg);
	app->status_is_error = true;
}

/* A 0600 file holding text, named after what it holds with name's
 * extension (so that vim gives .md its Markdown rules, not a shell
 * script's "#" comments that run on at Enter). Returns its path or NULL. */
static char *write_temp(struct app *app, const char *text, const char *name)
{
	const char *dot = strrchr(name, '.');
	char *stem = xstrndup(name, dot ? (size_t)(dot - name) : strlen(name)), *path;
	int fd;
	bool ok;

	/* Her words: in the private directory, which the next start cleans
	 * should samtale be killed while the editor runs. */
	if (path_private_file(stem, dot ? dot : "", &path, &fd) != SAM_OK) {
		status_error(app, sam_errmsg());
		free(stem);
		return NULL;
	}
	free(stem);
	ok = write_all(fd, text, strlen(text)) && (!*text || write_all(fd, "\n", 1));
	if (close(fd) != 0 || !ok) {
		status_error(app, _("Cannot write the temporary file."));
		unlink(path);
		free(path);
		return NULL;
	}
	return path;
}

char *ui_edit_external(struct app *app, const char *text, const char *name, bool *failed)
{
	const char *editor = pick_editor();
	char *path, *quoted, *cmd, *out;
	int rc;

	*failed = false;
	if (!editor) {
		status_error(app, _("There is no editor: set $VISUAL or $EDITOR, or install nano."));
		return NULL;
	}
	if (!(path = write_temp(app, text ? text : "", name)))
		return NULL;
	quoted = shell_quote(path);
	cmd = xasprintf("%s %s", editor, quoted);
	free(quoted);
	def_prog_mode();
	endwin();
	rc = system(cmd);
	reset_prog_mode();
	clearok(curscr, TRUE);
	free(cmd);
	/* whatever the file holds now is hers, whatever the editor's status */
	out = read_back(path);
	unlink(path);
	free(path);
	if (!out) {
		status_error(app, _("Cannot read the temporary file."));
		return NULL;
	}
	if (rc != 0 && WIFEXITED(rc) && WEXITSTATUS(rc) == 127 && str_eq(out, text ? text : "")) {
		ui_status(app, _("The editor '%s' cannot be started."), editor);
		app->status_is_error = true;
		free(out);
		return NULL;
	}
	*failed = rc != 0;
	return out;
}
