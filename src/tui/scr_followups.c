#include "ui.h"

#include <stdio.h>

#include "samtale/util.h"

/*
 * Follow-ups, due and overdue (a stub until the follow-ups screen lands).
 */

static enum sam_status followups_open(struct screen *s, struct app *app)
{
	(void)app;
	snprintf(s->title, sizeof(s->title), "%s", tr("Opfølgninger", "Follow-ups"));
	return SAM_OK;
}

static void followups_draw(struct screen *s, WINDOW *win)
{
	(void)s;
	ui_text(win, 1, 2, getmaxx(win) - 4, UI_HEADING, tr("Opfølgninger", "Follow-ups"));
	ui_focus(win, 1, 2);
}

static unsigned followups_key(struct screen *s, int ch)
{
	(void)s;
	(void)ch;
	return REACT_NONE;
}

static void followups_close(struct screen *s)
{
	(void)s;
}

static const struct ui_binding followups_keys[] = {
	UI_BINDINGS_END,
};

static const struct screen_ops followups_ops = {
	.name = "followups",
	.open = followups_open,
	.draw = followups_draw,
	.key = followups_key,
	.close = followups_close,
	.keys = followups_keys,
};

unsigned scr_followups_push(struct app *app)
{
	return ui_push(app, &followups_ops, 0);
}
