#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "editbuf.h"
#include "samtale/util.h"

/*
 * The multi-line editor: the text model of editbuf.c drawn over the lower
 * part of the screen, so that the screen it is opened from (the checklist,
 * the profile) stays in sight above it. Nothing typed is lost: Esc and
 * Ctrl-C ask before throwing a change away, a refused save keeps the text
 * in the editor, a resize only draws it again, $EDITOR gets it and gives
 * it back, and a SIGTERM or SIGHUP saves it before the program ends.
 */

enum ed_req {
	ED_NONE,
	ED_SAVE,
	ED_CLOSE,
	ED_EXTERNAL,
	ED_NEWLINE,
	ED_LEFT, ED_RIGHT, ED_UP, ED_DOWN,
	ED_WORD_LEFT, ED_WORD_RIGHT,
	ED_HOME, ED_END, ED_TEXT_START, ED_TEXT_END,
	ED_PAGE_UP, ED_PAGE_DOWN,
	ED_BACKSPACE, ED_DELETE,
	ED_DELETE_WORD, ED_DELETE_WORD_FORWARD,
	ED_PASTE_BEGIN, ED_PASTE_END,
};

/* Keys as terminals send them that curses may not name: filled in once by
 * keys_init (0 when the terminal has no such key). Alt+key arrives as Esc
 * and the key; ALT() marks the pair. */
static int key_ctrl_left, key_ctrl_right, key_ctrl_home, key_ctrl_end, key_paste_begin,
	key_paste_end;
#define ALT(c) (0x220000 + (c))

struct ed_key {
	const int *code;	/* a key filled in by keys_init, or NULL */
	int key;		/* else this one */
	enum ed_req req;
};

static const struct ed_key ed_keys[] = {
	{ NULL, UI_CTRL('s'), ED_SAVE },
	{ NULL, UI_FN(KEY_F(2)), ED_SAVE },
	{ NULL, UI_ESC, ED_CLOSE },
	{ NULL, UI_CTRL('c'), ED_CLOSE },
	{ NULL, UI_FN(KEY_F(3)), ED_EXTERNAL },
	{ NULL, UI_CTRL('t'), ED_EXTERNAL },
	{ NULL, '\r', ED_NEWLINE },
	{ NULL, '\n', ED_NEWLINE },
	{ NULL, UI_FN(KEY_ENTER), ED_NEWLINE },
	{ NULL, UI_FN(KEY_LEFT), ED_LEFT },
	{ NULL, UI_CTRL('b'), ED_LEFT },
	{ NULL, UI_FN(KEY_RIGHT), ED_RIGHT },
	{ NULL, UI_CTRL('f'), ED_RIGHT },
	{ NULL, UI_FN(KEY_UP), ED_UP },
	{ NULL, UI_CTRL('p'), ED_UP },
	{ NULL, UI_FN(KEY_DOWN), ED_DOWN },
	{ NULL, UI_CTRL('n'), ED_DOWN },
	{ &key_ctrl_left, 0, ED_WORD_LEFT },
	{ NULL, ALT('b'), ED_WORD_LEFT },
	{ NULL, ALT(UI_FN(KEY_LEFT)), ED_WORD_LEFT },
	{ &key_ctrl_right, 0, ED_WORD_RIGHT },
	{ NULL, ALT('f'), ED_WORD_RIGHT },
	{ NULL, ALT(UI_FN(KEY_RIGHT)), ED_WORD_RIGHT },
	{ NULL, UI_FN(KEY_HOME), ED_HOME },
	{ NULL, UI_CTRL('a'), ED_HOME },
	{ NULL, UI_FN(KEY_END), ED_END },
	{ NULL, UI_CTRL('e'), ED_END },
	{ &key_ctrl_home, 0, ED_TEXT_START },
	{ &key_ctrl_end, 0, ED_TEXT_END },
	{ NULL, UI_FN(KEY_PPAGE), ED_PAGE_UP },
	{ NULL, UI_FN(KEY_NPAGE), ED_PAGE_DOWN },
	{ NULL, UI_FN(KEY_BACKSPACE), ED_BACKSPACE },
	{ NULL, 0x7f, ED_BACKSPACE },
	{ NULL, '\b', ED_BACKSPACE },
	{ NULL, UI_FN(KEY_DC), ED_DELETE },
	{ NULL, UI_CTRL('d'), ED_DELETE },
	{ NULL, UI_CTRL('w'), ED_DELETE_WORD },
	{ NULL, ALT(0x7f), ED_DELETE_WORD },
	{ NULL, ALT(UI_FN(KEY_BACKSPACE)), ED_DELETE_WORD },
	{ NULL, ALT('\b'), ED_DELETE_WORD },
	{ NULL, ALT('d'), ED_DELETE_WORD_FORWARD },
	{ &key_paste_begin, 0, ED_PASTE_BEGIN },
	{ &key_paste_end, 0, ED_PASTE_END },
};

/* What the footer says; the man page lists the rest. */
static const struct {
	const char *key, *what;
} ed_footer[] = {
	{ "Ctrl-S/F2", N_("save") },
	{ "Esc", N_("close") },
	{ "Enter", N_("new line") },
	{ "F3", N_("$EDITOR") },
};

struct editor {
	struct app *app;
	const struct ui_editor_spec *spec;
	struct editbuf buf;
	char *saved;		/* the text as it is in the store */
	size_t top;		/* first layout row shown */
	int rows;		/* text rows shown last time (for paging) */
	int width;		/* the wrap width last drawn */
	bool pasting;		/* between the bracketed paste marks */
	bool wrote;		/* a changed text was saved */
};

/*
 * Keys
 */

/* The key curses returns for seq, defining one when the terminal
 * description has none. */
static int bind_seq(const char *seq)
{
	int code = key_defined(seq);

	if (code > 0)
		return code;
	for (code = KEY_MAX + 1; code < KEY_MAX + 4096; code++) {
		char *bound = keybound(code, 0);

		if (!bound)
			break;
		free(bound);
	}
	return define_key(seq, code) == OK ? code : 0;
}

static void keys_init(void)
{
	static bool done;

	if (done)
		return;
	done = true;
	key_ctrl_left = UI_FN(bind_seq("\033[1;5D"));
	key_ctrl_right = UI_FN(bind_seq("\033[1;5C"));
	key_ctrl_home = UI_FN(bind_seq("\033[1;5H"));
	key_ctrl_end = UI_FN(bind_seq("\033[1;5F"));
	key_paste_begin = UI_FN(bind_seq("\033[200~"));
	key_paste_end = UI_FN(bind_seq("\033[201~"));
}

static enum ed_req ed_request(int ch)
{
	for (size_t i = 0; i < ARRAY_SIZE(ed_keys); i++) {
		int k = ed_keys[i].code ? *ed_keys[i].code : ed_keys[i].key;

		if (k == ch && k != UI_FN(0))
			return ed_keys[i].req;
	}
	return ED_NONE;
}

/* Esc and a key at once is Alt and that key; Esc alone is Esc. */
static int read_key(bool wait)
{
	static int pending = ERR;
	int ch = pending, next;

	pending = ERR;
	if (ch != ERR)
		return ch;
	if (!wait)
		timeout(0);
	ch = ui_getkey();
	if (ch == UI_ESC) {
		timeout(0);
		next = ui_getkey();
		if (next == UI_ESC)
			pending = next;	/* Esc Esc: two presses */
		else if (next != ERR)
			ch = ALT(next);
	}
	timeout(1000);
	return ch;
}

/* Bracketed paste: the terminal marks pasted text, so that a pasted line
 * break is never Enter on a prompt and nothing pasted is taken for a key. */
static void paste_mode(bool on)
{
	fputs(on ? "\033[?2004h" : "\033[?2004l", stdout);
	fflush(stdout);
}

/*
 * Drawing
 */

static int overlay_top(void)
{
	int h = LINES / 2;

	if (h < 9)
		h = 9;
	if (h > LINES - 2)
		h = LINES - 2;
	return LINES - 1 - h;
}

static void draw_footer(void)
{
	int x = 0;

	move(LINES - 1, 0);
	clrtoeol();
	for (size_t i = 0; i < ARRAY_SIZE(ed_footer); i++) {
		const char *what = _(ed_footer[i].what);

		if (x + (int)(utf8_width(ed_footer[i].key) + utf8_width(what)) + 1 > COLS)
			break;
		x += ui_text(stdscr, LINES - 1, x, COLS - x, UI_HEADING, ed_footer[i].key);
		x += ui_text(stdscr, LINES - 1, x, COLS - x, UI_NORMAL, " ");
		x += ui_text(stdscr, LINES - 1, x, COLS - x, UI_NORMAL, what);
		x += ui_text(stdscr, LINES - 1, x, COLS - x, UI_NORMAL, i + 1 < ARRAY_SIZE(ed_footer) ? " · " : "");
	}
}

/* The status line's message, wrapped over at most two rows above the
 * footer; returns the rows it took. */
static int draw_status(const struct app *app)
{
	enum ui_attr a = app->status_is_error ? UI_ERROR : UI_NORMAL;
	int rows;

	if (!app->status[0])
		return 0;
	rows = ui_wrap(NULL, 0, 0, COLS, 2, a, app->status);
	for (int y = LINES - 1 - rows; y < LINES - 1; y++)
		ui_fill(stdscr, y, 0, COLS, UI_NORMAL);
	ui_wrap(stdscr, LINES - 1 - rows, 0, COLS, rows, a, app->status);
	return rows;
}

static void draw_editor(void *ctx)
{
	struct editor *ed = ctx;
	struct editbuf_layout l = { 0 };
	int top = overlay_top(), bottom, y0 = top + 1, cy = -1, cx = 0;
	size_t row;
	int col;

	for (int y = top; y < LINES; y++)
		ui_fill(stdscr, y, 0, COLS, UI_NORMAL);
	ui_rule(stdscr, top, 0, COLS, ed->spec->title);
	draw_footer();
	bottom = LINES - 1 - draw_status(ed->app);
	ed->rows = bottom - y0 > 1 ? bottom - y0 : 1;
	/* one column is kept for the cursor after the last character */
	ed->width = COLS - 3 > 1 ? COLS - 3 : 1;
	editbuf_layout(&ed->buf, ed->width, &l);
	editbuf_cursor_at(&ed->buf, &l, &row, &col);
	if (row < ed->top)
		ed->top = row;
	if (row >= ed->top + (size_t)ed->rows)
		ed->top = row - (size_t)ed->rows + 1;
	for (int y = 0; y < ed->rows && ed->top + (size_t)y < l.n; y++) {
		const struct editbuf_row *r = &l.v[ed->top + (size_t)y];
		char *line = xstrndup(ed->buf.text + r->start, r->end - r->start);

		ui_text(stdscr, y0 + y, 1, COLS - 2, UI_NORMAL, line);
		free(line);
		if (ed->top + (size_t)y == row)
			cy = y0 + y, cx = 1 + col;
	}
	if (ed->top > 0)
		ui_text(stdscr, top, COLS - 3, 2, UI_HEADING, "↑");
	if (ed->top + (size_t)ed->rows < l.n)
		ui_text(stdscr, bottom - 1, COLS - 1, 1, UI_HEADING, "↓");
	editbuf_layout_free(&l);
	if (cy >= 0)
		move(cy, cx < COLS ? cx : COLS - 1);
}

/*
 * Saving and closing
 */

static bool changed(const struct editor *ed)
{
	return !str_eq(ed->buf.text, ed->saved);
}

/* Saves a changed text; false (the store's message in the status line)
 * when it was refused: the text stays in the editor. */
static bool save(struct editor *ed)
{
	const char *text = str_empty(ed->buf.text) ? NULL : ed->buf.text;
	enum sam_status st;

	if (!changed(ed)) {
		ui_status(ed->app, "%s", _("No changes."));
		return true;
	}
	st = ed->spec->save(ed->spec->ctx, text);
	if (st != SAM_OK) {
		ui_error(ed->app, st);
		return false;
	}
	free(ed->saved);
	ed->saved = xstrdup(ed->buf.text);
	ed->wrote = true;
	ui_status(ed->app, "%s", ed->spec->saved_msg);
	return true;
}

/* Esc or Ctrl-C: closes an unchanged text at once, else asks. True when
 * the editor is to close. */
static bool close_asked(struct editor *ed)
{
	const char *opts[] = { _("Save the text"), _("Keep writing"),
			       _("Discard the changes") };

	if (!changed(ed)) {
		ui_status(ed->app, NULL);
		return true;
	}
	ui_status(ed->app, "%s", _("The text has changed and is not saved."));
	switch (ui_choose(ed->app, _("Save the text?"), opts, ARRAY_SIZE(opts), 0)) {
	case 0:
		return save(ed);
	case 2:
		ui_status(ed->app, "%s", _("The changes were discarded."));
		return true;
	default:
		ui_status(ed->app, NULL);
		return false;
	}
}

/* F3: the text in $EDITOR; what the file holds when it exits comes back
 * into the editor, and is saved when the editor ended well. */
static bool external(struct editor *ed)
{
	bool failed = false;
	char *text;

	paste_mode(false);
	text = ui_edit_external(ed->app, ed->buf.text, ed->spec->file_name, &failed);
	paste_mode(true);
	if (!text)
		return false;
	editbuf_set(&ed->buf, text);
	free(text);
	if (failed) {
		ui_status(ed->app, "%s", _("The editor failed. The text from its file is here; Ctrl-S saves it."));
		ed->app->status_is_error = true;
		return false;
	}
	return save(ed);
}

/* Applies one key; true when the editor is to close. */
static bool ed_key(struct editor *ed, int ch)
{
	struct editbuf_layout l = { 0 };
	enum ed_req req = ed_request(ch);
	size_t page = ed->rows > 1 ? (size_t)ed->rows - 1 : 1;
	bool done = false;

	if (ed->pasting && req != ED_PASTE_END) {
		/* pasted text is text, whatever keys it looks like */
		if (ch == '\r' || ch == '\n' || ch == '\t' || (ch >= 0x20 && ch < 0x110000))
			editbuf_insert_char(&ed->buf, (unsigned long)ch);
		return false;
	}
	if (req != ED_SAVE && req != ED_CLOSE && req != ED_EXTERNAL && ed->app->status_is_error)
		ui_status(ed->app, NULL);
	editbuf_layout(&ed->buf, ed->width, &l);
	switch (req) {
	case ED_SAVE: done = save(ed); break;
	case ED_CLOSE: done = close_asked(ed); break;
	case ED_EXTERNAL: done = external(ed); break;
	case ED_NEWLINE: editbuf_insert_char(&ed->buf, '\n'); break;
	case ED_LEFT: editbuf_left(&ed->buf); break;
	case ED_RIGHT: editbuf_right(&ed->buf); break;
	case ED_UP: editbuf_up(&ed->buf, &l, 1); break;
	case ED_DOWN: editbuf_down(&ed->buf, &l, 1); break;
	case ED_WORD_LEFT: editbuf_word_left(&ed->buf); break;
	case ED_WORD_RIGHT: editbuf_word_right(&ed->buf); break;
	case ED_HOME: editbuf_home(&ed->buf, &l); break;
	case ED_END: editbuf_end(&ed->buf, &l); break;
	case ED_TEXT_START: editbuf_text_start(&ed->buf); break;
	case ED_TEXT_END: editbuf_text_end(&ed->buf); break;
	case ED_PAGE_UP: editbuf_up(&ed->buf, &l, page); break;
	case ED_PAGE_DOWN: editbuf_down(&ed->buf, &l, page); break;
	case ED_BACKSPACE: editbuf_backspace(&ed->buf); break;
	case ED_DELETE: editbuf_delete(&ed->buf); break;
	case ED_DELETE_WORD: editbuf_delete_word_back(&ed->buf); break;
	case ED_DELETE_WORD_FORWARD: editbuf_delete_word_forward(&ed->buf); break;
	case ED_PASTE_BEGIN: ed->pasting = true; break;
	case ED_PASTE_END: ed->pasting = false; break;
	case ED_NONE:
		if (ch >= 0x20 && ch < 0x110000)
			editbuf_insert_char(&ed->buf, (unsigned long)ch);
		break;
	}
	editbuf_layout_free(&l);
	return done;
}

bool ui_editor_run(struct app *app, const struct ui_editor_spec *spec)
{
	struct editor ed = { .app = app, .spec = spec, .width = COLS - 3 > 1 ? COLS - 3 : 1 };
	bool done = false;

	keys_init();
	editbuf_init(&ed.buf, spec->text);
	ed.saved = xstrdup(ed.buf.text);
	app->overlay = draw_editor;
	app->overlay_ctx = &ed;
	ui_status(app, NULL);
	paste_mode(true);
	while (!done) {
		bool wait = true;
		int ch;

		ui_draw_all(app);
		refresh();
		/* what has already arrived (a paste) is taken before drawing again */
		while (!done && (ch = read_key(wait)) != ERR) {
			wait = false;
			if (ch == UI_FN(KEY_RESIZE) || ui_too_small())
				continue;	/* nothing shown: no key acts blindly */
			done = ed_key(&ed, ch);
		}
		if (ui_quitting()) {
			/* the terminal went away or the session ends: keep the text */
			save(&ed);
			done = true;
		}
	}
	paste_mode(false);
	app->overlay = NULL;
	app->overlay_ctx = NULL;
	free(ed.saved);
	editbuf_free(&ed.buf);
	return ed.wrote;
}
