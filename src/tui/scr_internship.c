#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "samtale/util.h"

/*
 * Internships: her internships on one screen (I on the case screen), with
 * the selected one in full below the list; a adds, e (or Enter) edits, s
 * ends one with its outcome. The dialogs and the box that shows the current
 * internship at the top of a meeting are shared with the meeting screen.
 */

enum { REQ_FINISH = REQ_SCREEN };

static const struct ui_binding internship_keys[] = {
	{ 'a', REQ_ADD, "a", N_("new internship"), true },
	{ 'e', REQ_EDIT, "e", N_("edit"), true },
	{ '\n', REQ_EDIT, "Enter", N_("edit"), false },
	{ '\r', REQ_EDIT, NULL, NULL, false },
	{ UI_FN(KEY_ENTER), REQ_EDIT, NULL, NULL, false },
	{ 's', REQ_FINISH, "s", N_("end (outcome)"), true },
	UI_BINDINGS_END,
};

static const int internship_writes[] = { REQ_ADD, REQ_EDIT, REQ_FINISH, REQ_NONE };

static const char *word_text(const struct store_word *w)
{
	return _(w->text);
}

/* "2026-03-02 – 2026-04-24": to the end, else to the planned end (said
 * so when planned says it). */
static void period_text(const struct internship_rec *in, bool planned, struct strbuf *sb)
{
	const char *to = in->ended ? in->ended : in->planned_to;

	strbuf_addf(sb, "%s – %s", in->from, to ? to : "?");
	if (planned && !in->ended && in->planned_to)
		strbuf_addf(sb, " %s", _("(planned)"));
}

void ui_internship_row(WINDOW *win, int y, int x, int width, enum ui_attr a,
		       const struct internship_rec *in)
{
	struct strbuf sb = { 0 };
	int used;

	period_text(in, false, &sb);
	used = ui_text(win, y, x, width, a, strbuf_str(&sb)) + 2;
	strbuf_reset(&sb);
	strbuf_addf(&sb, "%s · %s · %s: %s", in->workplace,
		    in->outcome == OUTCOME_NONE ? _("running") : word_text(&outcome_words[in->outcome]),
		    _("job possible"), word_text(&job_possible_words[in->job_possible]));
	if (used < width)
		ui_text(win, y, x + used, width - used, a, strbuf_str(&sb));
	strbuf_free(&sb);
}

/*
 * The box: the internship a meeting is about, in a few rows.
 */

int ui_internship_box(WINDOW *win, int y, int x, int width, int maxrows,
		      const struct internship_rec *in)
{
	struct strbuf sb = { 0 };
	int rows = 0;

	if (maxrows <= 0)
		return 0;
	if (!in) {
		ui_text(win, y, x, width, UI_DIM, _("No internship recorded (I on the case)."));
		return 1;
	}
	strbuf_addf(&sb, "%s: %s", _("Internship"), in->workplace);
	if (in->field)
		strbuf_addf(&sb, " (%s)", in->field);
	strbuf_adds(&sb, " · ");
	period_text(in, true, &sb);
	ui_text(win, y + rows++, x, width, UI_HEADING, strbuf_str(&sb));
	if (rows < maxrows) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%s: %s", _("Job possible after it"),
			    word_text(&job_possible_words[in->job_possible]));
		if (in->outcome != OUTCOME_NONE)
			strbuf_addf(&sb, " · %s: %s", _("Outcome"),
				    word_text(&outcome_words[in->outcome]));
		ui_text(win, y + rows++, x, width, UI_NORMAL, strbuf_str(&sb));
	}
	if (rows < maxrows) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%s: %s", _("Her goal"), in->goal ? in->goal
			    : _("(not written; e on the internship)"));
		rows += ui_wrap(win, y + rows, x, width, maxrows - rows, in->goal ? UI_NORMAL : UI_DIM,
				strbuf_str(&sb));
	}
	strbuf_free(&sb);
	return rows;
}

/*
 * Dialogs
 */

/* One prompt; false on Esc. *value keeps what was typed (NULL = none). */
static bool ask(struct app *app, const char *label, char **value)
{
	char *answer = ui_prompt(app, label, *value);

	if (!answer)
		return false;
	free(*value);
	*value = answer;
	return true;
}

/* A date on the side of today when asks for: asked again until it is one,
 * or (optional) left empty. */
static bool ask_date(struct app *app, const char *label, bool optional, enum date_when when,
		     char **value, sam_date out)
{
	for (;;) {
		if (!ask(app, label, value))
			return false;
		out[0] = '\0';
		if ((optional && str_empty(*value)) || date_parse(*value, when, out) == SAM_OK)
			return true;
		ui_error(app, SAM_ERR_INVALID);		/* date_parse says what is wrong */
	}
}

static int choose_word(struct app *app, const char *title, const struct store_word *words,
		       size_t n, size_t initial)
{
	const char *labels[OUTCOME_N];
	size_t k = 0, map[OUTCOME_N], sel = 0;
	int pick;

	/* The words without one (not ended) are no answer. */
	for (size_t i = 0; i < n && k < ARRAY_SIZE(labels); i++) {
		if (!words[i].word)
			continue;
		if (i == initial)
			sel = k;
		map[k] = i;
		labels[k++] = word_text(&words[i]);
	}
	pick = ui_choose(app, title, labels, k, sel);
	return pick < 0 ? -1 : (int)map[pick];
}

/* What the form holds while it is filled in. */
enum { F_WORKPLACE, F_FIELD, F_FROM, F_TO, F_CONTACT, F_GOAL, F_COUNT };

struct form {
	char *v[F_COUNT];
	sam_date from, to;
	enum job_possible job;
};

static void form_free(struct form *f)
{
	for (int i = 0; i < F_COUNT; i++)
		free(f->v[i]);
}

/* Walks the fields; false on Esc. */
static bool fill_form(struct app *app, struct form *f)
{
	int job;

	do {
		if (!ask(app, _("Workplace"), &f->v[F_WORKPLACE]))
			return false;
	} while (str_empty(f->v[F_WORKPLACE]));
	if (!ask(app, _("Field (e.g. kindergarten, care home)"),
		 &f->v[F_FIELD]) ||
	    !ask_date(app, _("From (YYYY-MM-DD, today, +7)"), false,
		      DATE_ANY, &f->v[F_FROM], f->from) ||
	    !ask_date(app, _("Planned to (empty = not agreed)"),
		      true, DATE_ANY, &f->v[F_TO], f->to) ||
	    !ask(app, _("Contact at the workplace (name and role)"), &f->v[F_CONTACT]) ||
	    !ask(app, _("Her goal for it, in her words"),
		 &f->v[F_GOAL]))
		return false;
	job = choose_word(app, _("Can the internship lead to a job?"),
			  job_possible_words, JOB_POSSIBLE_N, f->job);
	if (job < 0)
		return false;
	f->job = (enum job_possible)job;
	return true;
}

static struct internship_spec form_spec(const struct form *f)
{
	return (struct internship_spec){
		.workplace = f->v[F_WORKPLACE], .field = f->v[F_FIELD], .from = f->from,
		.planned_to = f->to[0] ? f->to : NULL, .contact = f->v[F_CONTACT],
		.goal = f->v[F_GOAL], .job_possible = f->job,
	};
}

/* Fills the form and saves it (id 0: a new one for case_id), asking again
 * with what was typed while the store refuses it. */
static unsigned run_form(struct app *app, int64_t case_id, int64_t id, struct form *f)
{
	for (;;) {
		struct internship_spec in;
		enum sam_status st;

		if (!fill_form(app, f)) {
			ui_status(app, NULL);
			return REACT_REDRAW;
		}
		in = form_spec(f);
		st = id ? store_internship_edit(app->store, id, &in)
			: store_internship_add(app->store, case_id, &in, NULL);
		if (st == SAM_OK)
			break;
		ui_error(app, st);	/* a CPR number, an end before the start: ask again */
	}
	ui_status(app, "%s", id ? _("The internship was corrected.")
				: _("The internship was recorded."));
	return REACT_RELOAD | REACT_REDRAW;
}

unsigned ui_internship_add(struct app *app, int64_t case_id)
{
	struct form f = { .v[F_FROM] = xstrdup(_("today")), .job = JOB_POSSIBLE_UNKNOWN };
	unsigned r = run_form(app, case_id, 0, &f);

	form_free(&f);
	return r;
}

static unsigned edit_internship(struct app *app, const struct internship_rec *in)
{
	struct form f = {
		.v = { xstrdup(in->workplace), xstrdup(in->field), xstrdup(in->from),
		       xstrdup(in->planned_to), xstrdup(in->contact), xstrdup(in->goal) },
		.job = in->job_possible,
	};
	unsigned r = run_form(app, in->case_id, in->id, &f);

	form_free(&f);
	return r;
}

unsigned ui_internship_end(struct app *app, const struct internship_rec *in)
{
	char *date = xstrdup(in->ended ? in->ended : _("today"));
	char *reason = xstrdup(in->outcome_reason);
	unsigned r = REACT_REDRAW;
	sam_date d;
	int outcome;

	outcome = choose_word(app, _("How did the internship end?"),
			      outcome_words, OUTCOME_N, in->outcome);
	while (outcome > 0) {
		enum sam_status st;

		if (!ask_date(app, _("Ended (YYYY-MM-DD, today)"), false,
			      DATE_NOT_FUTURE, &date, d) ||
		    !ask(app, _("A short reason (may be empty)"), &reason))
			break;
		st = store_internship_end(app->store, in->id, (enum internship_outcome)outcome, d,
					  str_empty(reason) ? NULL : reason);
		if (st == SAM_OK) {
			ui_status(app, _("The internship at %s ended: %s."),
				  in->workplace, word_text(&outcome_words[outcome]));
			r = REACT_RELOAD | REACT_REDRAW;
			break;
		}
		ui_error(app, st);
	}
	if (r == REACT_REDRAW)
		ui_status(app, NULL);
	free(date);
	free(reason);
	return r;
}

/*
 * The screen
 */

struct internships {
	struct internship_list l;
	char *case_ref;
	struct ui_list ui;
};

static enum sam_status internships_open(struct screen *s, struct app *app)
{
	struct internships *p = s->data;
	struct internship_query q = { .case_id = s->arg };
	struct case_rec c;
	enum sam_status st;

	if (!p)
		s->data = p = xcalloc(1, sizeof(*p));
	internship_list_free(&p->l);
	free(p->case_ref);
	p->case_ref = NULL;
	if ((st = store_case_get_by_id(app->store, s->arg, &c)) != SAM_OK)
		return st;
	p->case_ref = xstrdup(c.ref);
	case_rec_free(&c);
	if ((st = store_internship_list(app->store, &q, &p->l)) != SAM_OK)
		return st;
	ui_list_set_rows(&p->ui, p->l.n);
	snprintf(s->title, sizeof(s->title), "%s %s · %s (%zu)", _("Case"), p->case_ref,
		 _("internships"), p->l.n);
	return SAM_OK;
}

/* Newest first: the list's last row is the first drawn. */
static const struct internship_rec *at(const struct internships *p, size_t row)
{
	return row < p->l.n ? &p->l.v[p->l.n - 1 - row] : NULL;
}

static void draw_list_row(WINDOW *win, int y, int width, const struct internship_rec *in, bool sel)
{
	enum ui_attr a = sel ? UI_SELECTED : UI_NORMAL;

	if (sel) {
		ui_fill(win, y, 0, width, UI_SELECTED);
		ui_text(win, y, 0, 1, a, ">");
		ui_focus(win, y, 2);
	}
	ui_internship_row(win, y, 2, width - 2, a, in);
}

/* The selected internship whole: the box, then contact and reason. */
static void draw_details(WINDOW *win, int y, int height, int width, const struct internship_rec *in)
{
	int end = y + height;
	struct strbuf sb = { 0 };

	y += ui_internship_box(win, y, 1, width - 2, end - y - 2 > 3 ? end - y - 2 : 3, in);

	if (y < end) {
		strbuf_addf(&sb, "%s: %s", _("Contact"),
			    in->contact ? in->contact : _("none written"));
		y += ui_wrap(win, y, 1, width - 2, 1, UI_NORMAL, strbuf_str(&sb));
	}
	if (y < end && in->outcome_reason) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%s: %s", _("Reason"), in->outcome_reason);
		ui_wrap(win, y, 1, width - 2, end - y, UI_NORMAL, strbuf_str(&sb));
	}
	strbuf_free(&sb);
}

static void internships_draw(struct screen *s, WINDOW *win)
{
	struct internships *p = s->data;
	int height = getmaxy(win), width = getmaxx(win), lh;
	size_t top;

	if (!p->l.n) {
		ui_text(win, 1, 2, width - 4, UI_NORMAL, _("No internships yet. Press a to record one."));
		ui_focus(win, 1, 2);
		return;
	}
	lh = (int)p->l.n < height / 2 ? (int)p->l.n : height / 2 > 1 ? height / 2 : 1;
	top = ui_list_scroll(&p->ui, lh);
	for (int y = 0; y < lh && top + (size_t)y < p->l.n; y++)
		draw_list_row(win, y, width, at(p, top + (size_t)y), top + (size_t)y == p->ui.sel);
	if (height - lh > 2) {
		ui_rule(win, lh, 0, width, NULL);
		draw_details(win, lh + 1, height - lh - 1, width, at(p, p->ui.sel));
	}
}

static unsigned internships_key(struct screen *s, int ch)
{
	struct internships *p = s->data;
	const struct internship_rec *in = at(p, p->ui.sel);
	int req;

	switch (ui_list_key(&p->ui, s, ch)) {
	case UI_LIST_IGNORED: case UI_LIST_ACTIVATE:
		break;
	default:
		return REACT_REDRAW;
	}
	req = ui_request(s, ch);
	if (req == REQ_ADD)
		return ui_internship_add(s->app, s->arg);
	if (req != REQ_EDIT && req != REQ_FINISH)
		return REACT_NONE;
	if (!in) {
		ui_status(s->app, "%s", _("There is no internship; press a to record one."));
		return REACT_REDRAW;
	}
	return req == REQ_EDIT ? edit_internship(s->app, in) : ui_internship_end(s->app, in);
}

static void internships_close(struct screen *s)
{
	struct internships *p = s->data;

	if (p) {
		internship_list_free(&p->l);
		free(p->case_ref);
	}
	free(p);
}

static const struct screen_ops internships_ops = {
	.name = "internships",
	.open = internships_open,
	.draw = internships_draw,
	.key = internships_key,
	.close = internships_close,
	.keys = internship_keys,
	.writes = internship_writes,
	.is_list = true,
	.no_filter = true,
};

unsigned scr_internships_push(struct app *app, int64_t case_id)
{
	return ui_push(app, &internships_ops, case_id);
}
