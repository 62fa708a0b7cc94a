#include "ui.h"

#include "samtale/util.h"

/* Placeholders until the case, meeting and profile screens land. */

static unsigned not_yet(struct app *app)
{
	ui_status(app, "%s", tr("Kommer snart.", "Coming soon."));
	return REACT_REDRAW;
}

unsigned scr_case_push(struct app *app, int64_t case_id)
{
	(void)case_id;
	return not_yet(app);
}

unsigned scr_meeting_push(struct app *app, int64_t meeting_id)
{
	(void)meeting_id;
	return not_yet(app);
}

unsigned scr_profile_push(struct app *app, int64_t case_id)
{
	(void)case_id;
	return not_yet(app);
}
