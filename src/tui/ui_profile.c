#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proftext.h"
#include "samtale/util.h"

/*
 * Her profile, shared by the screens: compact rows for the case and
 * meeting screens, one field in samtale's editor, and the whole profile in
 * $EDITOR through a text with a heading per field (proftext.c).
 */

const enum profile_field ui_profile_wishes[UI_PROFILE_NWISHES] = { PROFILE_GOALS, PROFILE_JOB_WISHES,
								    PROFILE_EDUCATION_WISHES };

const char *ui_profile_label(enum profile_field f)
{
	return _(profile_fields[f].label);
}

/*
 * Compact rows
 */

int ui_profile_row(WINDOW *win, int y, int x, int width, enum ui_attr a, const struct case_rec *c,
		   enum profile_field f)
{
	const char *text = c->profile[f];
	int used = ui_text(win, y, x, width, a == UI_NORMAL ? UI_HEADING : a, ui_profile_label(f));
	int room;

	used += ui_text(win, y, x + used, width - used, a, ": ");
	room = width - used;
	if (str_empty(text))
		return used + ui_text(win, y, x + used, room, a == UI_NORMAL ? UI_DIM : a, _("(empty)"));
	/* her paragraphs on one row: the line breaks drawn as spaces */
	if ((int)utf8_width(text) <= room || room < 2)
		return used + ui_text(win, y, x + used, room, a, text);
	used += ui_text(win, y, x + used, room - 1, a, text);
	return used + ui_text(win, y, x + used, 1, a, "…");
}

int ui_profile_compact(WINDOW *win, int y, int x, int width, int maxrows, const struct case_rec *c,
		       const enum profile_field *fields, size_t n)
{
	int rows = 0;

	for (size_t i = 0; i < n && rows < maxrows; i++)
		if (!str_empty(c->profile[fields[i]]))
			ui_profile_row(win, y + rows++, x, width, UI_NORMAL, c, fields[i]);
	return rows;
}

/*
 * One field in samtale's editor
 */

struct field_save {
	struct store *store;
	int64_t case_id;
	enum profile_field field;
};

static enum sam_status save_field(void *ctx, const char *text)
{
	const struct field_save *f = ctx;

	return store_case_set_profile(f->store, f->case_id, f->field, text);
}

unsigned ui_edit_profile_field(struct app *app, const struct case_rec *c, enum profile_field f)
{
	const struct profile_field_info *info = &profile_fields[f];
	const char *hint = (info->hint ? _(info->hint) : NULL);
	struct field_save save = { app->store, c->id, f };
	char title[256], saved[256], file[64];
	struct ui_editor_spec spec = {
		.title = title,
		.text = c->profile[f],
		.file_name = file,
		.saved_msg = saved,
		.save = save_field,
		.ctx = &save,
	};

	snprintf(title, sizeof(title), "%s%s%s", ui_profile_label(f), hint ? " · " : "", hint ? hint : "");
	/* "uddannelsen" → "Uddannelsen er gemt." (the words begin in ASCII) */
	snprintf(saved, sizeof(saved), _("%c%s was saved."),
		 (char)(_(info->what)[0] & ~0x20), _(info->what) + 1);
	snprintf(file, sizeof(file), "%s.txt", info->key);
	ui_editor_run(app, &spec);
	return REACT_RELOAD | REACT_REDRAW;
}

/*
 * The whole profile in $EDITOR
 */

/* Saves the fields that changed; *n is how many. On a refusal the fields
 * before it stay saved and the message is in sam_errmsg(). */
static enum sam_status save_fields(struct app *app, const struct case_rec *c, const struct proftext *p,
				   int *n)
{
	*n = 0;
	for (int f = 0; f < PROFILE_NFIELDS; f++) {
		enum sam_status st;

		if (!p->field[f] || str_eq(p->field[f], c->profile[f] ? c->profile[f] : ""))
			continue;
		st = store_case_set_profile(app->store, c->id, f, *p->field[f] ? p->field[f] : NULL);
		if (st != SAM_OK)
			return st;
		(*n)++;
	}
	return SAM_OK;
}

enum answer { ANSWER_EDIT, ANSWER_AS_IT_STANDS, ANSWER_DISCARD };

/* What is wrong with the file and what "as it stands" does with it. */
static char *file_problem(const struct proftext *p, bool failed)
{
	struct strbuf sb = { 0 };
	char *why = proftext_problem(p);

	if (failed)
		strbuf_adds(&sb, _("The editor failed. "));
	strbuf_adds(&sb, why);
	free(why);
	if (p->above)
		strbuf_addf(&sb, _(" As it stands, the text above the headings goes into '%s'."),
			    ui_profile_label(proftext_above_target(p)));
	if (p->missing)
		strbuf_adds(&sb, _(" A field without its heading is emptied."));
	return strbuf_detach(&sb);
}

/* The file does not fit the headings (or the editor failed): asked, her
 * text kept, until she answers. */
static enum answer ask_file(struct app *app, const struct proftext *p, bool failed)
{
	const char *opts[] = { _("Edit the text again"),
			       _("Save it as it stands"),
			       _("Discard the change") };
	char *why = file_problem(p, failed);
	int pick;

	do {
		ui_status(app, "%s", why);
		app->status_is_error = true;
		pick = ui_choose(app, _("The text does not fit the headings"),
				 opts, ARRAY_SIZE(opts), 0);
	} while (pick < 0 && !ui_quitting());
	free(why);
	ui_status(app, NULL);
	/* the session ends: nothing of hers is thrown away */
	return pick < 0 ? ANSWER_AS_IT_STANDS : (enum answer)pick;
}

unsigned ui_edit_profile(struct app *app, int64_t case_id)
{
	const char *opts[] = { _("Edit the text again"),
			       _("Discard the change") };
	struct case_rec c = { 0 };
	enum sam_status st = store_case_get_by_id(app->store, case_id, &c);
	char *text;
	int changed = -1;

	if (st != SAM_OK)
		return ui_error(app, st);
	text = proftext_format(&c);
	for (;;) {
		bool failed;
		char *edited = ui_edit_external(app, text, "profil.md", &failed);
		struct proftext p;

		if (!edited)
			break;
		free(text);
		text = edited;
		proftext_parse(text, &p);
		if (failed || !proftext_clean(&p)) {
			enum answer a = ask_file(app, &p, failed);

			if (a != ANSWER_AS_IT_STANDS) {
				proftext_free(&p);
				if (a == ANSWER_EDIT)
					continue;
				ui_status(app, "%s", _("The profile was not changed."));
				break;
			}
			proftext_resolve(&p);
		}
		st = save_fields(app, &c, &p, &changed);
		proftext_free(&p);
		if (st == SAM_OK)
			break;
		ui_error(app, st);	/* a CPR number: her text is offered again */
		if (ui_choose(app, _("The text was not saved"), opts, 2, 0) != 0) {
			changed = -1;
			break;
		}
		/* fields saved before the refused one stay saved: compare afresh */
		case_rec_free(&c);
		if (store_case_get_by_id(app->store, case_id, &c) != SAM_OK)
			break;
	}
	if (changed == 0)
		ui_status(app, "%s", _("No changes."));
	else if (changed > 0)
		ui_status(app, "%s", _("The profile was saved."));
	free(text);
	case_rec_free(&c);
	return REACT_RELOAD | REACT_REDRAW;
}
