#include "ui.h"

#include <stdio.h>
#include <stdlib.h>

#include "samtale/util.h"

/*
 * Profile: her qualifications, job wishes and education wishes, in her own
 * words, in full. E edits them in $EDITOR.
 */

struct profile {
	struct case_rec rec;
	int scroll;		/* first row shown */
	int rows;		/* rows the text took last time */
	int height;
};

static const struct ui_binding profile_keys[] = {
	{ 'E', REQ_EDIT, "E", "ret profilen", "edit the profile", true },
	{ UI_FN(KEY_UP), REQ_UP, "↑ k", "rul op", "scroll up", false },
	{ 'k', REQ_UP, NULL, NULL, NULL, false },
	{ UI_FN(KEY_DOWN), REQ_DOWN, "↓ j", "rul ned", "scroll down", false },
	{ 'j', REQ_DOWN, NULL, NULL, NULL, false },
	{ UI_FN(KEY_PPAGE), REQ_PAGE_UP, "PgUp", "side op", "page up", false },
	{ UI_FN(KEY_NPAGE), REQ_PAGE_DOWN, "PgDn", "side ned", "page down", false },
	UI_BINDINGS_END,
};

static const int profile_writes[] = { REQ_EDIT, REQ_NONE };

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
	snprintf(s->title, sizeof(s->title), "%s %s · %s", tr("Sag", "Case"), p->rec.ref,
		 tr("hendes profil, med hendes ord", "her profile, in her words"));
	return SAM_OK;
}

/* Draws the three fields from row -scroll on; returns the rows they take. */
static int draw_fields(const struct profile *p, WINDOW *win, int scroll, int height, int width)
{
	int y = 0;

	for (int i = 0; i < PROFILE_NFIELDS; i++) {
		const struct profile_field_info *f = &profile_fields[i];
		const char *text = p->rec.profile[i];
		int n;

		if (y - scroll >= 0 && y - scroll < height)
			ui_text(win, y - scroll, 1, width - 2, UI_HEADING, tr(f->label_da, f->label_en));
		y++;
		n = ui_wrap(NULL, 0, 0, width - 4, 1000, UI_NORMAL, text ? text : "-");
		for (int r = 0; r < n; r++) {
			/* draw one wrapped row at a time, so rows above the scroll are skipped */
			if (y + r - scroll >= 0 && y + r - scroll < height) {
				WINDOW *line = derwin(win, 1, width - 3, y + r - scroll, 3);

				if (line) {
					ui_wrap(line, -r, 0, width - 4, r + 1, text ? UI_NORMAL : UI_DIM,
						text ? text : tr("(tom; tryk E og skriv med hendes ord)",
								 "(empty; press E and write in her words)"));
					delwin(line);
				}
			}
		}
		y += n + 1;
	}
	return y;
}

static void profile_draw(struct screen *s, WINDOW *win)
{
	struct profile *p = s->data;
	int height = getmaxy(win), width = getmaxx(win);

	p->height = height;
	p->rows = draw_fields(p, win, p->scroll, height, width);
	if (p->scroll > 0 && p->scroll > p->rows - height) {
		p->scroll = p->rows > height ? p->rows - height : 0;
		werase(win);
		draw_fields(p, win, p->scroll, height, width);
	}
	ui_focus(win, 0, 1);
}

static unsigned profile_key(struct screen *s, int ch)
{
	struct profile *p = s->data;
	int page = p->height > 2 ? p->height - 1 : 1, max = p->rows > p->height ? p->rows - p->height : 0;

	switch (ui_request(s, ch)) {
	case REQ_UP:
		p->scroll = p->scroll > 0 ? p->scroll - 1 : 0;
		return REACT_REDRAW;
	case REQ_DOWN:
		p->scroll = p->scroll < max ? p->scroll + 1 : max;
		return REACT_REDRAW;
	case REQ_PAGE_UP:
		p->scroll = p->scroll > page ? p->scroll - page : 0;
		return REACT_REDRAW;
	case REQ_PAGE_DOWN:
		p->scroll = p->scroll + page < max ? p->scroll + page : max;
		return REACT_REDRAW;
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
