#include "ui.h"

#include <stdio.h>

#include "samtale/util.h"

/*
 * The team lead's report (a stub until the report screen lands).
 */

static enum sam_status report_open(struct screen *s, struct app *app)
{
	(void)app;
	snprintf(s->title, sizeof(s->title), "%s", tr("Rapport", "Report"));
	return SAM_OK;
}

static void report_draw(struct screen *s, WINDOW *win)
{
	(void)s;
	ui_text(win, 1, 2, getmaxx(win) - 4, UI_HEADING, tr("Rapport", "Report"));
	ui_focus(win, 1, 2);
}

static unsigned report_key(struct screen *s, int ch)
{
	(void)s;
	(void)ch;
	return REACT_NONE;
}

static void report_close(struct screen *s)
{
	(void)s;
}

static const struct ui_binding report_keys[] = {
	UI_BINDINGS_END,
};

static const struct screen_ops report_ops = {
	.name = "report",
	.open = report_open,
	.draw = report_draw,
	.key = report_key,
	.close = report_close,
	.keys = report_keys,
};

unsigned scr_report_push(struct app *app)
{
	return ui_push(app, &report_ops, 0);
}
