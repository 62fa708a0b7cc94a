#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "samtale/cli.h"
#include "samtale/handout.h"
#include "samtale/util.h"

/*
 * Her copy in large plain type: the screen turned towards her, or read
 * aloud with the interpreter. A terminal has one font size, so the text is
 * made easy to follow instead: wide margins, a short line, double-spaced,
 * the headings in bold. From here w writes the PDF and p prints it.
 */

enum { REQ_SAVE_PDF = REQ_SCREEN, REQ_PRINT };

#define MAX_LINE_COLS 64	/* short lines read more easily at a distance */

struct handout_screen {
	struct handout h;
	struct handout_lines lines;
	int scroll;		/* first row shown */
	int rows;		/* rows the text took last time */
	int height;
};

/* Moving is scrolling: the list keys, with no selection and no filter. */
static const struct ui_binding handout_keys[] = {
	{ 'w', REQ_SAVE_PDF, "w", N_("save as PDF"), true },
	{ 'p', REQ_PRINT, "p", N_("print"), true },
	{ '\n', REQ_PAGE_DOWN, "Enter", N_("page down"), false },
	{ '\r', REQ_PAGE_DOWN, NULL, NULL, false },
	{ UI_FN(KEY_ENTER), REQ_PAGE_DOWN, NULL, NULL, false },
	UI_BINDINGS_END,
};

static void handout_screen_free_data(struct handout_screen *hs)
{
	handout_lines_free(&hs->lines);
	handout_free(&hs->h);
}

static enum sam_status handout_open(struct screen *s, struct app *app)
{
	struct handout_screen *hs = s->data;
	struct content_diags d = { 0 };
	enum sam_status st;

	if (!hs)
		s->data = hs = xcalloc(1, sizeof(*hs));
	handout_screen_free_data(hs);
	st = handout_build_meeting(app->store, s->arg, app->ctx->content_dir, sam_lang_code(), &hs->h,
				   &d);
	if (st == SAM_ERR_INVALID && d.n)
		st = sam_fail(st, "%s:%u:%u: %s", d.v[0].file, d.v[0].line, d.v[0].column,
			      d.v[0].message);
	content_diags_free(&d);
	if (st != SAM_OK)
		return st;
	handout_lines(&hs->h, &hs->lines);
	snprintf(s->title, sizeof(s->title), "%s · %s %s · %s", _("Her copy"),
		 _("Case"), hs->h.ref, hs->h.date);
	return SAM_OK;
}

/*
 * Drawing
 */

/* Draws row y of the text (when it is on screen) and returns the next. */
static int put_row(const struct handout_screen *hs, WINDOW *win, int y, int x, enum ui_attr a,
		   const char *s, size_t n)
{
	int sy = y - hs->scroll;

	if (sy >= 0 && sy < hs->height) {
		char *row = xstrndup(s, n);

		ui_text(win, sy, x, getmaxx(win) - x, a, row);
		free(row);
	}
	return y + 1;
}

/* Wraps one line of her copy from row y; returns the row after it. A
 * task's bullet hangs in the margin so that its text lines up. */
static int put_line(const struct handout_screen *hs, WINDOW *win, int y, int x, int width,
		    const struct handout_line *ln)
{
	bool spaced = ln->kind == HLINE_TEXT || ln->kind == HLINE_TASK;
	enum ui_attr a = ln->kind == HLINE_TITLE || ln->kind == HLINE_HEADING ? UI_HEADING : UI_NORMAL;
	const char *s = ln->text;
	size_t next;

	if (ln->kind == HLINE_GAP)
		return y + 1;
	if (ln->kind == HLINE_TASK)
		put_row(hs, win, y, x - 2, UI_NORMAL, "•", strlen("•"));
	do {
		size_t n = handout_row(s, width, &next);

		y = put_row(hs, win, y, x, a, s, n) + spaced;
		s += next;
	} while (*s);
	return y + (ln->kind == HLINE_TITLE);
}

static void handout_draw(struct screen *s, WINDOW *win)
{
	struct handout_screen *hs = s->data;
	int width = getmaxx(win), margin = width / 8 > 2 ? width / 8 : 2;
	int cols = width - 2 * margin < MAX_LINE_COLS ? width - 2 * margin : MAX_LINE_COLS;
	int y = 1;

	hs->height = getmaxy(win);
	for (size_t i = 0; i < hs->lines.n; i++)
		y = put_line(hs, win, y, margin, cols, &hs->lines.v[i]);
	hs->rows = y;
	ui_focus(win, 1 - hs->scroll >= 0 ? 1 - hs->scroll : 0, margin);
}

/*
 * Keys
 */

static unsigned scroll_by(struct handout_screen *hs, int delta)
{
	int max = hs->rows > hs->height ? hs->rows - hs->height : 0;

	hs->scroll += delta;
	if (hs->scroll > max)
		hs->scroll = max;
	if (hs->scroll < 0)
		hs->scroll = 0;
	return REACT_REDRAW;
}

/* w writes the PDF; p writes it and sends it to the printer. */
static unsigned save_pdf(struct screen *s, bool print)
{
	struct handout_screen *hs = s->data;
	char *path, *printer = NULL;
	enum sam_status st = handout_save_pdf(&hs->h, &path);

	if (st != SAM_OK)
		return ui_error(s->app, st);
	if (!print)
		ui_status(s->app, _("Her copy was saved as a PDF: %s"),
			  path);
	else if (!(printer = handout_printer()))
		ui_status(s->app, _("No printer is set up (lpstat -d). Her copy was saved as a PDF: %s"), path);
	else if ((st = handout_print(path, printer)) != SAM_OK)
		ui_error(s->app, st);
	else
		ui_status(s->app, _("Her copy was sent to the printer %s (PDF: %s)."), printer, path);
	free(printer);
	free(path);
	return REACT_REDRAW;
}

static unsigned handout_key(struct screen *s, int ch)
{
	struct handout_screen *hs = s->data;
	int page = hs->height > 2 ? hs->height - 1 : 1;

	switch (ui_request(s, ch)) {
	case REQ_UP:
		return scroll_by(hs, -1);
	case REQ_DOWN:
		return scroll_by(hs, +1);
	case REQ_PAGE_UP:
		return scroll_by(hs, -page);
	case REQ_PAGE_DOWN:
		return scroll_by(hs, +page);
	case REQ_HOME:
		return scroll_by(hs, -hs->rows);
	case REQ_END:
		return scroll_by(hs, +hs->rows);
	case REQ_SAVE_PDF:
		return save_pdf(s, false);
	case REQ_PRINT:
		return save_pdf(s, true);
	default:
		return REACT_NONE;
	}
}

static void handout_close(struct screen *s)
{
	struct handout_screen *hs = s->data;

	if (hs)
		handout_screen_free_data(hs);
	free(hs);
}

static const struct screen_ops handout_ops = {
	.name = "handout",
	.open = handout_open,
	.draw = handout_draw,
	.key = handout_key,
	.close = handout_close,
	.keys = handout_keys,
	.is_list = true,
	.no_filter = true,
};

unsigned scr_handout_push(struct app *app, int64_t meeting_id)
{
	return ui_push(app, &handout_ops, meeting_id);
}
