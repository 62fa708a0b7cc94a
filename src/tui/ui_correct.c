#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "samtale/exchange.h"
#include "samtale/util.h"

/*
 * Corrections (SPEC §1 rule 6), offered by the case and meeting screens: a
 * meeting's date and type, removing a meeting opened by mistake, a
 * follow-up's text, due date and who acts, closing and reopening the case.
 * The last one is kept for u on the case screen, for the session.
 */

enum undo_kind {
	UNDO_NONE,
	UNDO_MEETING_DELETE,	/* meeting (items included) and its follow-ups */
	UNDO_MEETING_DATE,	/* meeting.id back to date */
	UNDO_FOLLOWUP,		/* followup back as it was */
	UNDO_FOLLOWUP_DELETE,	/* followup added again */
	UNDO_CASE_CLOSED,	/* the case was closed: reopen it */
	UNDO_CASE_REOPENED,	/* the case was reopened: close it on date */
};

struct ui_undo {
	enum undo_kind kind;
	int64_t case_id;
	struct meeting_rec meeting;
	int64_t *followups;	/* tied to the removed meeting */
	size_t nfollowups;
	struct followup_rec followup;
	sam_date date;
};

static struct ui_undo *undo_new(struct app *app, enum undo_kind kind, int64_t case_id)
{
	ui_undo_free(app);
	app->undo = xcalloc(1, sizeof(*app->undo));
	app->undo->kind = kind;
	app->undo->case_id = case_id;
	return app->undo;
}

void ui_undo_free(struct app *app)
{
	struct ui_undo *u = app->undo;

	if (!u)
		return;
	meeting_rec_free(&u->meeting);
	free(u->followups);
	followup_rec_free(&u->followup);
	free(u);
	app->undo = NULL;
}

static void copy_date(sam_date out, const char *date)
{
	snprintf(out, sizeof(sam_date), "%s", date ? date : "");
}

static const char *type_title(const struct app *app, const char *type)
{
	const struct content_meeting_type *t = content_meeting_type_find(app->guide, type);

	return t ? t->title : type;
}

/* Yes or no in a box, no preselected (Esc is no). The status line above
 * says what yes does. */
static bool ask(struct app *app, const char *title, const char *yes, const char *no)
{
	const char *opts[] = { yes, no };

	return ui_choose(app, title, opts, 2, 1) == 0;
}

/*
 * Meetings
 */

static unsigned redate(struct app *app, const struct meeting_rec *m)
{
	sam_date date;
	enum sam_status st;

	if (!ui_ask_date(app, _("The meeting's date (e.g. yesterday, 28.02, -2, monday)"),
			 m->date, DATE_NOT_FUTURE, date))
		return REACT_REDRAW;
	if (!strcmp(date, m->date)) {
		ui_status(app, _("The date is unchanged (%s)."), date);
		return REACT_REDRAW;
	}
	if ((st = store_meeting_set_date(app->store, m->id, date)) != SAM_OK)
		return ui_error(app, st);
	copy_date(undo_new(app, UNDO_MEETING_DATE, m->case_id)->date, m->date);
	app->undo->meeting.id = m->id;
	ui_status(app, _("The meeting was moved from %s to %s (%s). u undoes."), m->date, date,
		  date_weekday(date));
	return REACT_RELOAD | REACT_REDRAW;
}

/* "«Sig det», «Vær tålmodig»": the meeting's items the new type lacks. */
static void dropped_items(const struct meeting_rec *m, const struct meeting_item_spec *items, size_t n,
			  struct strbuf *sb)
{
	for (size_t i = 0; i < m->nitems; i++) {
		bool kept = false;

		for (size_t k = 0; k < n && !kept; k++)
			kept = str_eq(items[k].item_id, m->items[i].item_id);
		if (!kept)
			strbuf_addf(sb, "%s«%s»%s", sb->len ? ", " : "", m->items[i].text,
				    m->items[i].state == ITEM_DONE ? " [x]"
				    : m->items[i].state == ITEM_NOT_RELEVANT ? " [-]" : "");
	}
}

static unsigned retype(struct app *app, const struct meeting_rec *m)
{
	const struct content_guide *g = app->guide;
	const char **titles = xcalloc(g->nmeeting_types + 1, sizeof(*titles));
	struct meeting_item_spec *items;
	struct meeting_type_diff d;
	struct strbuf gone = { 0 };
	const char *type;
	size_t n, cur = 0;
	enum sam_status st;
	int pick;

	for (size_t i = 0; i < g->nmeeting_types; i++) {
		titles[i] = g->meeting_types[i].title;
		if (str_eq(g->meeting_types[i].id, m->type))
			cur = i;
	}
	pick = ui_choose(app, _("What kind of meeting was it?"), titles,
			 g->nmeeting_types, cur);
	free(titles);
	if (pick < 0 || (size_t)pick == cur)
		return REACT_REDRAW;
	type = g->meeting_types[pick].id;
	items = exchange_meeting_items(g, type, &n);
	meeting_type_diff(m, items, n, &d);
	dropped_items(m, items, n, &gone);
	ui_status(app, _("As %s: items kept with their ticks and notes: %zu (%zu ticked); new: %zu; "
			  "removed: %zu%s%s."),
		  type_title(app, type), d.kept, d.kept_marked, d.added, d.dropped, gone.len ? ": " : "",
		  strbuf_str(&gone));
	strbuf_free(&gone);
	if (!ask(app, _("Change the meeting's type?"),
		 _("Yes, change the type"), _("No, keep it"))) {
		free(items);
		ui_status(app, NULL);
		return REACT_REDRAW;
	}
	st = store_meeting_set_type(app->store, m->id, type, items, n);
	free(items);
	if (st != SAM_OK)
		return ui_error(app, st);
	ui_status(app, _("The meeting is now %s. Items kept: %zu, removed: %zu, new: %zu."),
		  type_title(app, type), d.kept, d.dropped, d.added);
	return REACT_RELOAD | REACT_REDRAW;
}

unsigned ui_meeting_change(struct app *app, int64_t meeting_id)
{
	struct meeting_rec m;
	enum sam_status st = store_meeting_get(app->store, meeting_id, &m);
	char date_opt[96], type_opt[160];
	const char *opts[] = { date_opt, type_opt };
	unsigned r = REACT_REDRAW;
	int pick;

	if (st != SAM_OK)
		return ui_error(app, st);
	snprintf(date_opt, sizeof(date_opt), _("The date (%s)"), m.date);
	snprintf(type_opt, sizeof(type_opt), _("The type (%s)"), type_title(app, m.type));
	pick = ui_choose(app, _("Correct the meeting's"), opts, 2, 0);
	if (pick == 0)
		r = redate(app, &m);
	else if (pick == 1)
		r = retype(app, &m);
	meeting_rec_free(&m);
	return r;
}

/* The case's follow-ups tied to the meeting: they are tied again when it
 * comes back. */
static void linked_followups(struct app *app, struct ui_undo *u)
{
	struct followup_query q = { .case_id = u->meeting.case_id, .include_done = true };
	struct followup_list l;

	if (store_followup_list(app->store, &q, &l) != SAM_OK)
		return;
	u->followups = xcalloc(l.n + 1, sizeof(*u->followups));
	for (size_t i = 0; i < l.n; i++)
		if (l.v[i].meeting_id == u->meeting.id)
			u->followups[u->nfollowups++] = l.v[i].id;
	followup_list_free(&l);
}

bool ui_meeting_remove(struct app *app, int64_t meeting_id)
{
	struct meeting_rec m;
	enum sam_status st = store_meeting_get(app->store, meeting_id, &m);
	char *losses, title[128];
	struct ui_undo *u;

	if (st != SAM_OK) {
		ui_error(app, st);
		return false;
	}
	losses = meeting_losses(&m);
	ui_status(app, _("The meeting on %s (%s) goes with %s. The follow-ups stay on the case. u brings it "
			  "back while samtale is open."), m.date, type_title(app, m.type), losses);
	free(losses);
	snprintf(title, sizeof(title), _("Remove the meeting on %s?"), m.date);
	if (!ask(app, title, _("Yes, remove it"), _("No, keep it"))) {
		ui_status(app, NULL);
		meeting_rec_free(&m);
		return false;
	}
	if ((st = store_meeting_delete(app->store, m.id)) != SAM_OK) {
		ui_error(app, st);
		meeting_rec_free(&m);
		return false;
	}
	u = undo_new(app, UNDO_MEETING_DELETE, m.case_id);
	u->meeting = m;		/* now owned by the undo */
	linked_followups(app, u);
	ui_status(app, _("The meeting on %s was removed. u brings it back."), u->meeting.date);
	return true;
}

/*
 * Follow-ups
 */

/* Who acts: me, her, or another caseworker (asked by name). */
static bool ask_assignee(struct app *app, const struct followup_rec *f, struct followup_change *ch,
			 char **name)
{
	char me[160];
	const char *opts[3];
	int pick;

	snprintf(me, sizeof(me), _("Me (%s)"), app->user);
	opts[0] = me;
	opts[1] = _("Her: she does it herself");
	opts[2] = _("Another caseworker …");
	pick = ui_choose(app, _("Who is to do it?"), opts, 3,
			 f->her ? 1 : str_eq(f->assignee, app->user) ? 0 : 2);
	if (pick < 0)
		return false;
	if (pick == 1) {
		ch->her = true;
		return true;
	}
	if (pick == 0) {
		ch->assignee = app->user;
		return true;
	}
	*name = ui_prompt(app, _("Caseworker"), str_eq(f->assignee, app->user) ? NULL
										   : f->assignee);
	ch->assignee = *name;
	return *name && !str_empty(*name);
}

/* Keeps the follow-up as it was before a change, for u. */
static struct ui_undo *saved_followup(struct app *app, enum undo_kind kind,
				      const struct followup_rec *before)
{
	struct ui_undo *u = undo_new(app, kind, before->case_id);

	u->followup = *before;
	u->followup.case_ref = xstrdup(before->case_ref);
	u->followup.due = xstrdup(before->due);
	u->followup.text = xstrdup(before->text);
	u->followup.assignee = xstrdup(before->assignee);
	return u;
}

unsigned ui_followup_edit(struct app *app, const struct followup_rec *f)
{
	struct followup_change ch = { 0 };
	struct followup_rec now;
	char *text = xstrdup(f->text), *name = NULL;
	sam_date due;
	enum sam_status st;
	unsigned r = REACT_REDRAW;

	for (;;) {
		char *t = ui_prompt(app, _("Follow-up (what is to happen)"), text);

		free(text);
		if (!(text = t))
			goto out;
		if (str_empty(text))
			continue;
		ui_status(app, NULL);
		if (!ui_ask_date(app, _("Due (31.12, +7, +2w, tomorrow, monday)"), f->due, DATE_NOT_PAST, due) ||
		    !ask_assignee(app, f, &ch, &name))
			goto out;
		ch.text = str_eq(text, f->text) ? NULL : text;
		ch.due = str_eq(due, f->due) ? NULL : due;
		if ((st = store_followup_edit(app->store, f->id, &ch)) == SAM_OK)
			break;
		ui_error(app, st);	/* a CPR number in the text: ask again, keeping it */
		free(name);
		name = NULL;
		ch = (struct followup_change){ 0 };
	}
	saved_followup(app, UNDO_FOLLOWUP, f);
	r = REACT_RELOAD | REACT_REDRAW;
	if (store_followup_get(app->store, f->id, &now) == SAM_OK) {
		ui_status(app, _("The follow-up was corrected: due %s (%s), %s. u undoes."), now.due,
			  date_weekday(now.due), now.her ? _("she does it herself")
							 : now.assignee);
		followup_rec_free(&now);
	}
out:
	if (r == REACT_REDRAW)
		ui_status(app, NULL);
	free(text);
	free(name);
	return r;
}

unsigned ui_followup_toggle(struct app *app, const struct followup_rec *f)
{
	enum sam_status st = store_followup_set_done(app->store, f->id, !f->done);

	if (st != SAM_OK)
		return ui_error(app, st);
	saved_followup(app, UNDO_FOLLOWUP, f);
	ui_status(app, "%s", !f->done ? _("The follow-up is marked done. u undoes.")
				      : _("The follow-up is open again. u undoes."));
	return REACT_RELOAD | REACT_REDRAW;
}

unsigned ui_followup_remove(struct app *app, const struct followup_rec *f)
{
	enum sam_status st;

	ui_status(app, _("The follow-up «%s» due %s is erased. u brings it back."), f->text, f->due);
	if (!ask(app, _("Erase the follow-up?"), _("Yes, erase it"),
		 _("No, keep it"))) {
		ui_status(app, NULL);
		return REACT_REDRAW;
	}
	if ((st = store_followup_delete(app->store, f->id)) != SAM_OK)
		return ui_error(app, st);
	saved_followup(app, UNDO_FOLLOWUP_DELETE, f);
	ui_status(app, "%s", _("The follow-up was erased. u brings it back."));
	return REACT_RELOAD | REACT_REDRAW;
}

/*
 * The case
 */

unsigned ui_case_close_toggle(struct app *app, const struct case_rec *c)
{
	sam_date date;
	enum sam_status st;
	char title[160];

	if (c->closed) {
		ui_status(app, _("The case was closed on %s."), c->closed);
		snprintf(title, sizeof(title), _("Reopen case %s?"), c->ref);
		if (!ask(app, title, _("Yes, reopen it"), _("No"))) {
			ui_status(app, NULL);
			return REACT_REDRAW;
		}
		if ((st = store_case_reopen(app->store, c->id)) != SAM_OK)
			return ui_error(app, st);
		copy_date(undo_new(app, UNDO_CASE_REOPENED, c->id)->date, c->closed);
		ui_status(app, "%s", _("The case is open again. u undoes."));
		return REACT_RELOAD | REACT_REDRAW;
	}
	if (!ui_ask_date(app, _("Close the case on (today, 28.02, -3)"),
			 _("today"), DATE_NOT_FUTURE, date))
		return REACT_REDRAW;
	if ((st = store_case_close(app->store, c->id, date)) != SAM_OK)
		return ui_error(app, st);
	undo_new(app, UNDO_CASE_CLOSED, c->id);
	ui_status(app, _("The case was closed on %s (%s). u undoes."),
		  date, date_weekday(date));
	return REACT_RELOAD | REACT_REDRAW;
}

/*
 * u
 */

static enum sam_status undo_followup(struct app *app, const struct followup_rec *f)
{
	struct followup_change ch = { .text = f->text, .due = f->due, .assignee = f->assignee, .her = f->her };
	enum sam_status st = store_followup_edit(app->store, f->id, &ch);

	return st == SAM_OK ? store_followup_set_done(app->store, f->id, f->done) : st;
}

static enum sam_status readd_followup(struct app *app, const struct followup_rec *f)
{
	struct followup_change ch = { .her = f->her };
	int64_t id;
	enum sam_status st = store_followup_add(app->store, f->case_id, f->meeting_id, f->due, f->text,
						f->assignee, &id);

	if (st == SAM_OK && f->her)
		st = store_followup_edit(app->store, id, &ch);
	if (st == SAM_OK && f->done)
		st = store_followup_set_done(app->store, id, true);
	return st;
}

unsigned ui_undo(struct app *app, int64_t case_id)
{
	struct ui_undo *u = app->undo;
	enum sam_status st = SAM_OK;

	if (!u || u->case_id != case_id) {
		ui_status(app, "%s", _("Nothing to undo."));
		return REACT_REDRAW;
	}
	switch (u->kind) {
	case UNDO_MEETING_DELETE:
		st = store_meeting_restore(app->store, &u->meeting, u->followups, u->nfollowups, NULL);
		break;
	case UNDO_MEETING_DATE:
		st = store_meeting_set_date(app->store, u->meeting.id, u->date);
		break;
	case UNDO_FOLLOWUP:
		st = undo_followup(app, &u->followup);
		break;
	case UNDO_FOLLOWUP_DELETE:
		st = readd_followup(app, &u->followup);
		break;
	case UNDO_CASE_CLOSED:
		st = store_case_reopen(app->store, case_id);
		break;
	case UNDO_CASE_REOPENED:
		st = store_case_close(app->store, case_id, u->date);
		break;
	case UNDO_NONE:
		break;
	}
	if (st != SAM_OK)
		return ui_error(app, st);
	ui_status(app, "%s", u->kind == UNDO_MEETING_DELETE
		  ? _("The meeting is back with its ticks and notes.")
		  : C_("tui/ui_correct", "Undone."));
	ui_undo_free(app);
	return REACT_RELOAD | REACT_REDRAW;
}
