#include "ui.h"

#include <stdlib.h>

#include "samtale/util.h"

/*
 * Help: every key of the screen below, from the same tables as its footer.
 */

struct help {
	const struct ui_binding **rows;
	size_t n;
	struct ui_list list;
};

static void add_table(struct help *h, const struct screen *about, const struct ui_binding *b)
{
	for (; b && b->req != REQ_NONE; b++) {
		if (!ui_binding_shown(about, b))
			continue;
		h->rows = xrealloc(h->rows, (h->n + 1) * sizeof(*h->rows));
		h->rows[h->n++] = b;
	}
}

static enum sam_status help_open(struct screen *s, struct app *app)
{
	const struct screen *about = s->below;
	struct help *h = s->data;

	(void)app;
	if (!h)
		s->data = h = xcalloc(1, sizeof(*h));
	free(h->rows);
	h->rows = NULL;
	h->n = 0;
	add_table(h, about, about->ops->keys);
	if (about->ops->is_list)
		add_table(h, about, ui_list_keys);
	add_table(h, about, ui_common_keys);
	ui_list_set_rows(&h->list, h->n);
	snprintf(s->title, sizeof(s->title), "%s: %.200s", _("Help"), about->title);
	return SAM_OK;
}

static void help_draw(struct screen *s, WINDOW *win)
{
	struct help *h = s->data;
	int height = getmaxy(win) - 2, width = getmaxx(win);
	size_t top = ui_list_scroll(&h->list, height);

	ui_text(win, 0, 1, width - 2, UI_HEADING,
		_("Keys on this screen (q or Esc goes back)"));
	for (int y = 0; y < height && top + (size_t)y < h->n; y++) {
		const struct ui_binding *b = h->rows[top + (size_t)y];
		const char *what = _(b->what);
		bool sel = top + (size_t)y == h->list.sel;

		if (b->req == REQ_BACK && !s->below->below)
			what = _("quit");
		if (sel)
			ui_fill(win, y + 2, 0, width, UI_SELECTED);
		ui_text(win, y + 2, 2, 10, sel ? UI_SELECTED : UI_HEADING, b->keyname);
		ui_text(win, y + 2, 14, width - 15, sel ? UI_SELECTED : UI_NORMAL, what);
		if (sel)
			ui_focus(win, y + 2, 2);
	}
}

static unsigned help_key(struct screen *s, int ch)
{
	struct help *h = s->data;

	switch (ui_list_key(&h->list, s, ch)) {
	case UI_LIST_IGNORED:
		return REACT_NONE;
	default:
		return REACT_REDRAW;
	}
}

static void help_close(struct screen *s)
{
	struct help *h = s->data;

	if (h)
		free(h->rows);
	free(h);
}

static const struct ui_binding help_keys[] = {
	{ '\n', REQ_BACK, "Enter", N_("back"), false },
	{ '\r', REQ_BACK, NULL, NULL, false },
	{ UI_FN(KEY_ENTER), REQ_BACK, NULL, NULL, false },
	{ '?', REQ_BACK, NULL, NULL, false },
	UI_BINDINGS_END,
};

static const struct screen_ops help_ops = {
	.name = "help",
	.open = help_open,
	.draw = help_draw,
	.key = help_key,
	.close = help_close,
	.keys = help_keys,
	.is_list = true,
	.no_filter = true,	/* a screenful of keys: nothing to filter */
};

unsigned scr_help_push(struct app *app)
{
	if (app->top && app->top->ops == &help_ops)
		return REACT_NONE;
	return ui_push(app, &help_ops, 0);
}
