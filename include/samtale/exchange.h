#ifndef SAMTALE_EXCHANGE_H
#define SAMTALE_EXCHANGE_H

/*
 * Exchange (SPEC §4): cases out of the store as "samtale-export/2" JSON or as
 * a readable Markdown record for the woman's right of access, and JSON back
 * in, all or nothing. No curses, no printing but the export to the caller's
 * stream; failures are explained by sam_errmsg().
 *
 * Export streams: one case is read (with statements prepared once, see
 * export_support.h), written and freed before the next, so memory does not
 * grow with the number of cases.
 *
 * Import is two steps. exchange_parse() turns bytes into an exchange_doc and
 * checks everything that can be checked without the database (JSON syntax
 * and types, unknown keys, dates, states, meeting types, item ids against the
 * guide, duplicate refs, CPR-like text) and touches nothing. exchange_write()
 * then writes the document inside one transaction and rolls it back on any
 * error, so a refused import leaves the database as it was.
 * exchange_import() gives the same result and the same refusals without
 * the document, in memory bounded by the largest case, whether it succeeds
 * or fails: the file is read twice, one case at a time, first to check it
 * (jansson reads the whole document with each case blanked out, so that a
 * syntax error is reported where exchange_parse reports it) and then to
 * write the cases.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "samtale/content.h"
#include "samtale/store.h"
#include "samtale/util.h"

/* What export writes; import also reads every earlier format (absent fields are null). */
#define EXCHANGE_FORMAT "samtale-export/2"
#define EXCHANGE_FORMAT_1 "samtale-export/1"

/* She is the one to act on a follow-up: its "assignee" in the exchange format. */
#define EXCHANGE_ASSIGNEE_HER "her"

/*
 * Export
 */

/* Writes the export of the cases named in refs[0..nrefs) (every case when
 * nrefs is 0) to out, ordered by ref, duplicates once. A ref that does not
 * exist is refused (the message names it) before anything is written; a
 * later failure (the database, writing out) leaves a partial export. */
enum sam_status exchange_export_json(struct store *st, const char *const *refs, size_t nrefs,
				     FILE *out);

/* The same cases as a Markdown document in the current UI language, using
 * g for section and meeting type titles; item wording is the meeting's own. */
enum sam_status exchange_export_md(struct store *st, const struct content_guide *g,
				   const char *const *refs, size_t nrefs, FILE *out);

/*
 * Import: the document model. NULL strings are absent or null values.
 */

struct exchange_item {
	char *id;			/* full item id, known to the guide */
	enum item_state state;
	char *note;
};

struct exchange_meeting {
	char *date;
	char *type;
	char *caseworker;		/* NULL: the importing user */
	char *note, *agreed, *interpreter;
	char *next_date, *next_time, *next_place;	/* "next_meeting"; NULL when none */
	struct exchange_item *items;
	size_t nitems;
};

struct exchange_followup {
	char *due;
	char *text;
	char *assignee;			/* NULL: the case's caseworker when her, else the importer */
	bool her;			/* "assignee": "her" */
	bool done;
};

/* An internship, with the store's words for job_possible and outcome. */
struct exchange_internship {
	char *workplace, *field;
	char *from, *planned_to, *ended;
	char *contact, *goal;
	enum job_possible job_possible;		/* absent or null: unknown */
	enum internship_outcome outcome;	/* null: OUTCOME_NONE */
	char *outcome_reason;
};

struct exchange_case {
	char *ref;
	char *initials;
	char *caseworker;		/* NULL: the importing user */
	char *opened;			/* NULL: today */
	char *closed;
	char *profile[PROFILE_NFIELDS];
	struct exchange_meeting *meetings;
	size_t nmeetings;
	struct exchange_followup *followups;
	size_t nfollowups;
	struct exchange_internship *internships;
	size_t ninternships;
};

struct exchange_doc {
	struct exchange_case *cases;
	size_t ncases;
};

/* Parses and validates data[0..len) against the guide g. name is the file
 * name used in syntax error positions ("NAME:LINE:COLUMN: ..."). On error
 * *doc is empty and the message names the case and meeting at fault. */
enum sam_status exchange_parse(const char *data, size_t len, const char *name,
			       const struct content_guide *g, struct exchange_doc *doc);

/* Writes a parsed document in one transaction: refuses a ref already in the
 * database, and rolls back everything on any error. Each meeting holds the
 * items of g that apply to its type, in content order, with g's wording. */
enum sam_status exchange_write(struct store *st, const struct content_guide *g,
			       const struct exchange_doc *doc);

void exchange_doc_free(struct exchange_doc *doc);

/* The items a new meeting of type is held with, as every meeting is made
 * (TUI, import, demo): those of g that apply, in content order, with g's
 * wording. The array (caller frees) points into g; *n is its length. */
struct meeting_item_spec *exchange_meeting_items(const struct content_guide *g, const char *type,
						 size_t *n);

/*
 * Between the store and the content: what the guide says of held meetings
 */

/* The ids that held meetings use (every meeting, or case_id's), as
 * content_check_uses and content_first_missing take them. */
struct ids_in_use {
	struct id_uses store;
	struct content_use *items, *sections;
	struct content_uses view;
};

enum sam_status exchange_ids_in_use(struct store *st, int64_t case_id, struct ids_in_use *out);
void exchange_ids_in_use_free(struct ids_in_use *u);

/* Removes the reflections from a list of items left open: an attitude is
 * never an open task for the next meeting (SPEC §2, kind). */
void exchange_left_open_actions(struct left_open_list *l, const struct content_guide *g);

/* As exchange_parse, then exchange_write, with the same refusals and
 * messages; *ncases (may be NULL) how many cases were imported. */
enum sam_status exchange_import(struct store *st, const struct content_guide *g,
				const char *data, size_t len, const char *name, size_t *ncases);
/* The same, reading the JSON from f (not closed); name is for messages.
 * f is read twice and never held whole; a pipe is first copied to a file
 * without a name in the private directory for temporary files. */
enum sam_status exchange_import_file(struct store *st, const struct content_guide *g, FILE *f,
				     const char *name, size_t *ncases);

#endif
