#include "ui.h"

#include <stdio.h>
#include <stdlib.h>

#include "samtale/util.h"

/*
 * Profile: her profile field by field, in her own words, in full. ↑ and ↓
 * select a field, Enter writes it in samtale's editor (drawn over the lower
 * half, the field's heading kept in sight above it), E takes every field
 * to $EDITOR at once.
 */

enum { REQ_EDIT_FIELD = REQ_SCREEN };

struct profile {
	struct case_rec rec;
	int sel;		/* the selected field */
	int scroll;		/* first row shown */
	int rows;		/* rows the fields took last time */
	int height;
	bool editing;		/* the editor is open: the field stays at the top */
	int at[PROFILE_NFIELDS + 1];	/* the row each field's heading is on; [N] = the end */
};

static const struct ui_binding profile_keys[] = {
	{ '\n', REQ_EDIT_FIELD, "Enter", N_("write in the field"), true },
	{ '\r', REQ_EDIT_FIELD, NULL, NULL, false },
	{ UI_FN(KEY_ENTER), REQ_EDIT_FIELD, NULL, NULL, false },
	{ 'e', REQ_EDIT_FIELD, "e", N_("write in the field"), false },
	{ 'E', REQ_EDIT, "E", N_("every field in $EDITOR"), true },
	{ UI_FN(KEY_UP), REQ_UP, "↑ k", N_("previous field"), false },
	{ 'k', REQ_UP, NULL, NULL, false },
	{ UI_FN(KEY_DOWN), REQ_DOWN, "↓ j", N_("next field"), false },
	{ 'j', REQ_DOWN, NULL, NULL, false },
	{ UI_FN(KEY_PPAGE), REQ_PAGE_UP, "PgUp", N_("page up"), false },
	{ UI_FN(KEY_NPAGE), REQ_PAGE_DOWN, "PgDn", N_("page down"), false },
	UI_BINDINGS_END,
};

/* Refused on a read-only database (ui.h). */
static const int profile_writes[] = { REQ_EDIT_FIELD, REQ_EDIT, REQ_NONE };

static enum sam_status profile_open(struct screen *s, struct app *app)
{
	struct profile *p = s->data;
	enum sam_status st;

	if (!p)
		s->data = p = xcalloc(1, sizeof(*p));
	case_rec_free(&p->rec);
	st = store_case_get_by_id(app->store, s->arg, &p->rec);
	if (st != SAM_OK)
		return st;
	snprintf(s->title, sizeof(s->title), "%s %s · %s", _("Case"), p->rec.ref,
		 _("her profile, in her words"));
	return SAM_OK;
}

/* Draws a text's wrapped rows from row y of the whole (scroll rows above
 * the window); returns the rows it takes. */
static int draw_text(WINDOW *win, int y, int scroll, int height, int width, enum ui_attr a, const char *text)
{
	int n = ui_wrap(NULL, 0, 0, width, 1000, a, text);

	for (int r = 0; r < n; r++) {
		/* one wrapped row at a time, so that rows above the scroll are skipped */
		if (y + r - scroll >= 0 && y + r - scroll < height) {
			WINDOW *line = derwin(win, 1, width + 1, y + r - scroll, 3);

			if (line) {
				ui_wrap(line, -r, 0, width, r + 1, a, text);
				delwin(line);
			}
		}
	}
	return n;
}

/* Draws the fields from row -scroll on; returns the rows they take. */
static int draw_fields(struct profile *p, WINDOW *win, int scroll, int height, int width)
{
	int y = 0;

	for (int i = 0; i < PROFILE_NFIELDS; i++) {
		const struct profile_field_info *f = &profile_fields[i];
		const char *text = p->rec.profile[i], *hint = (f->hint ? _(f->hint) : NULL);
		bool sel = i == p->sel;
		int row = y - scroll, x = 1;

		p->at[i] = y;
		if (row >= 0 && row < height) {
			if (sel) {
				ui_fill(win, row, 0, width, UI_SELECTED);
				ui_text(win, row, 0, 1, UI_SELECTED, ">");
				ui_focus(win, row, 1);
			}
			x += ui_text(win, row, x, width - 2, sel ? UI_SELECTED : UI_HEADING, ui_profile_label(i));
			if (hint) {
				x += ui_text(win, row, x, width - x - 1, sel ? UI_SELECTED : UI_DIM, " · ");
				ui_text(win, row, x, width - x - 1, sel ? UI_SELECTED : UI_DIM, hint);
			}
		}
		y++;
		if (str_empty(text))
			y += draw_text(win, y, scroll, height, width - 4, UI_DIM,
				       _("(empty; press Enter and write in her words)"));
		else
			y += draw_text(win, y, scroll, height, width - 4, UI_NORMAL, text);
		y++;
	}
	p->at[PROFILE_NFIELDS] = y;
	return y;
}

/* Scrolls so that the selected field's heading shows, and as much of its
 * text as fits. */
static void follow_selection(struct profile *p, int height)
{
	int top = p->at[p->sel], end = p->at[p->sel + 1] - 1;

	if (end - p->scroll > height)
		p->scroll = end - height;
	if (top < p->scroll || end - top > height)
		p->scroll = top;
}

static void profile_draw(struct screen *s, WINDOW *win)
{
	struct profile *p = s->data;
	int height = getmaxy(win), width = getmaxx(win), before = p->scroll;

	p->height = height;
	p->rows = draw_fields(p, win, p->scroll, height, width);
	if (p->editing)
		return;
	follow_selection(p, height);
	if (p->scroll > 0 && p->scroll > p->rows - height)
		p->scroll = p->rows > height ? p->rows - height : 0;
	if (p->scroll != before) {
		werase(win);
		draw_fields(p, win, p->scroll, height, width);
	}
}

/* The first field whose heading is at or below row y. */
static int field_from(const struct profile *p, int y)
{
	for (int i = 0; i < PROFILE_NFIELDS; i++)
		if (p->at[i] >= y)
			return i;
	return PROFILE_NFIELDS - 1;
}

static unsigned profile_key(struct screen *s, int ch)
{
	struct profile *p = s->data;
	int page = p->height > 2 ? p->height - 1 : 1, max = p->rows > p->height ? p->rows - p->height : 0;

	switch (ui_request(s, ch)) {
	case REQ_UP:
		p->sel = p->sel > 0 ? p->sel - 1 : 0;
		return REACT_REDRAW;
	case REQ_DOWN:
		p->sel = p->sel + 1 < PROFILE_NFIELDS ? p->sel + 1 : p->sel;
		return REACT_REDRAW;
	case REQ_PAGE_UP:
		p->scroll = p->scroll > page ? p->scroll - page : 0;
		p->sel = field_from(p, p->scroll);
		return REACT_REDRAW;
	case REQ_PAGE_DOWN:
		p->scroll = p->scroll + page < max ? p->scroll + page : max;
		p->sel = field_from(p, p->scroll);
		return REACT_REDRAW;
	case REQ_EDIT_FIELD: {
		unsigned r;

		/* the field's heading at the top, above the editor */
		p->scroll = p->at[p->sel];
		p->editing = true;
		r = ui_edit_profile_field(s->app, &p->rec, p->sel);
		p->editing = false;
		return r;
	}
	case REQ_EDIT:
		return ui_edit_profile(s->app, s->arg);
	default:
		return REACT_NONE;
	}
}

static void profile_close(struct screen *s)
{
	struct profile *p = s->data;

	if (p)
		case_rec_free(&p->rec);
	free(p);
}

static const struct screen_ops profile_ops = {
	.name = "profile",
	.open = profile_open,
	.draw = profile_draw,
	.key = profile_key,
	.close = profile_close,
	.keys = profile_keys,
	.writes = profile_writes,
};

unsigned scr_profile_push(struct app *app, int64_t case_id)
{
	return ui_push(app, &profile_ops, case_id);
}
