#ifndef SAMTALE_HANDOUT_H
#define SAMTALE_HANDOUT_H

/*
 * Her copy (SPEC §1 rule 4): the one-page plain-language plan she takes home
 * from a meeting. The model holds only what she is to be given: her initials
 * and the case reference, the meeting's date, caseworker and interpreter,
 * the agreed summary as written, the meeting's follow-ups (hers and ours,
 * with dates), the next appointment and the job centre's contact line. It
 * never holds the meeting note, item notes, checklist states or texts, or
 * her profile, so no renderer can show them.
 *
 * The renderers write it as plain text (a receipt printer, an e-mail),
 * Markdown, or a PDF laid out by Pango over Cairo (A4, large type, shaped
 * and bidirectional text). No curses; failures are explained by sam_errmsg().
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "samtale/content.h"
#include "samtale/err.h"
#include "samtale/store.h"

struct handout_task {
	char *due;			/* YYYY-MM-DD */
	char *text;
};

struct handout_tasks {
	struct handout_task *v;		/* by due date */
	size_t n;
};

struct handout {
	char *ref;
	char *initials;			/* NULL when none */
	char *date;			/* of the meeting */
	char *caseworker;
	char *interpreter;		/* NULL when none */
	char *agreed;			/* NULL when none was written */
	struct handout_tasks hers;	/* what she will do */
	struct handout_tasks ours;	/* what the job centre will do */
	char *next_date;		/* NULL when no next meeting was agreed */
	char *next_time;		/* NULL when not said */
	char *next_place;		/* NULL when not said */
	/* The labels in her language; contact_line is the config file's, else
	 * the content's in her language, else in Danish. */
	struct content_handout *labels;
	char *contact_line;		/* NULL when the content has none */
};

/* Builds her copy of the meeting of case ref held on date (NULL: the
 * latest meeting; of two on one date, the later made), with the labels of
 * content_dir/lang/handout.yaml. SAM_ERR_NOT_FOUND with a message when
 * there is no such case, meeting or language; SAM_ERR_INVALID with the
 * problems in diags when the labels are wrong. */
enum sam_status handout_build(struct store *st, const char *ref, const char *date,
			      const char *content_dir, const char *lang, struct handout *out,
			      struct content_diags *diags);
/* The same for a meeting by its id (the TUI's meeting). */
enum sam_status handout_build_meeting(struct store *st, int64_t meeting_id,
				      const char *content_dir, const char *lang, struct handout *out,
				      struct content_diags *diags);
void handout_free(struct handout *h);

/* Columns of the text form: a receipt printer's 48, and easy to read in an e-mail. */
#define HANDOUT_TXT_WIDTH 44

/* Plain text wrapped to width columns (at least 20). */
enum sam_status handout_write_txt(const struct handout *h, int width, FILE *out);
enum sam_status handout_write_md(const struct handout *h, FILE *out);
/* A4 PDF written to out (a file or a pipe: Cairo streams it). */
enum sam_status handout_write_pdf(const struct handout *h, FILE *out);

/* One line of her copy as the screen and the text form show it, for the
 * large view in the TUI: kind says how to draw it. */
enum handout_line_kind {
	HLINE_TITLE,
	HLINE_FIELD,		/* "Sag: 2026-0117 (AB)" */
	HLINE_HEADING,
	HLINE_TEXT,		/* a paragraph, to wrap */
	HLINE_TASK,		/* "2026-03-08: Tag dit bevis med", a bullet */
	HLINE_GAP,		/* an empty line between blocks */
};

struct handout_line {
	enum handout_line_kind kind;
	char *text;
};

struct handout_lines {
	struct handout_line *v;
	size_t n;
};

/* One row of s wrapped to width columns: returns its bytes (broken after
 * a word when one fits, else inside it, never empty unless s is) and sets
 * *next to where the next row starts (past the spaces or line end). */
size_t handout_row(const char *s, int width, size_t *next);

/* Her copy as lines, in the order every form shows it (caller frees). */
void handout_lines(const struct handout *h, struct handout_lines *out);
void handout_lines_free(struct handout_lines *l);

/* A draft of the agreed summary from the meeting's follow-ups, hers and
 * ours with their dates, in the UI language, for the caseworker to edit
 * (never saved as it is). NULL when the meeting has no follow-ups. */
char *handout_agreed_draft(const struct handout_tasks *hers, const struct handout_tasks *ours);

/* The draft for a meeting from the store: its follow-ups as her copy holds
 * them. *out NULL when there are none. */
enum sam_status handout_draft_for_meeting(struct store *st, int64_t meeting_id, char **out);

/*
 * Her copy on paper, from the TUI
 */

/* Writes her copy of the meeting as a PDF in the user's own data directory
 * (path_data_dir()/handouts, 0700; the file 0600, replaced whole); *path
 * (caller frees) says where. */
enum sam_status handout_save_pdf(const struct handout *h, char **path);
/* The printer lp would print on: $PRINTER, $LPDEST, else lpstat's default
 * destination. NULL (caller frees otherwise) when none is set up. */
char *handout_printer(void);
/* Prints the file with lp on printer, its output kept off the terminal. */
enum sam_status handout_print(const char *path, const char *printer);

#endif
