#ifndef SAMTALE_CONTENT_H
#define SAMTALE_CONTENT_H

/*
 * Guidance content: the sections, checklist items and meeting types loaded
 * from content/<lang>/ YAML files (SPEC §2). Knows nothing of the store or curses.
 * A loaded guide is immutable; every string in it is owned by the guide.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "samtale/err.h"

struct content_section;

/* An action is something to do in the meeting; a reflection is about the
 * caseworker's own attitude ("Vær tålmodig"): ticked like an action, but
 * never left open for the next meeting. The YAML key "kind". */
enum content_kind { CONTENT_ACTION, CONTENT_REFLECTION };

/* Whose words a text is: the seed's (SIRI's one-pager) or the team's own
 * additions. The YAML keys "source" (the item's text), "help_source" and
 * "why_source". */
enum content_origin { ORIGIN_SEED, ORIGIN_LOCAL };

const char *content_kind_name(enum content_kind k);	/* "action", "reflection" */
const char *content_origin_name(enum content_origin o);	/* "seed", "local" */

struct content_item {
	const char *id;			/* "sig-det" */
	const char *full_id;		/* "tro.sig-det", the id the store keeps */
	const char *text;
	const char *help;		/* NULL when absent */
	enum content_kind kind;
	enum content_origin text_origin;	/* default seed */
	enum content_origin help_origin;	/* default local */
	const char **meetings;		/* meeting type ids; NULL = every type */
	size_t nmeetings;
	const struct content_section *section;
};

struct content_section {
	const char *id;
	int number;
	const char *title;
	const char *short_title;	/* the YAML key "short" */
	const char *why;
	enum content_origin why_origin;	/* default seed */
	struct content_item *items;
	size_t nitems;
};

struct content_meeting_type {
	const char *id;
	const char *title;
	const char *description;	/* NULL when absent */
};

struct content_source {
	const char *title;
	const char *where;
};

struct content_guide {
	const char *language;
	const char *title;
	const char *intro;
	struct content_section *sections;	/* in the order of guide.yaml's "sections" */
	size_t nsections;
	struct content_meeting_type *meeting_types;
	size_t nmeeting_types;
	struct content_source *sources;
	size_t nsources;
};

/*
 * Her copy's labels: content/<lang>/handout.yaml (SPEC §2), in her language.
 * A language folder may hold only this file: her copy can then be given in
 * a language the guide itself is not translated to.
 */

enum handout_label {
	HL_TITLE,		/* the document's title */
	HL_CASE,		/* "Sag" before the reference */
	HL_MEETING,		/* "Samtale" before the meeting's date */
	HL_CASEWORKER,
	HL_CONTACT,		/* before the job centre's contact line */
	HL_INTERPRETER,
	HL_AGREED,		/* "what we agreed" */
	HL_YOU_WILL_DO,
	HL_WE_WILL_DO,
	HL_NEXT_MEETING,
	HL_TIME,		/* "kl." before the time of the next meeting */
	HL_PLACE,
	HL_N
};

struct content_handout {
	const char *language;
	const char *label[HL_N];	/* every one present and non-empty */
	const char *contact_line;	/* how to reach the job centre; NULL when absent */
};

/*
 * Diagnostics: every problem found, with the place it was found.
 */

struct content_diag {
	char *file;		/* path as given to the loader */
	unsigned line;		/* 1-based; 0 when the problem is with the file as a whole */
	unsigned column;	/* 1-based */
	bool is_error;		/* else a warning */
	char *message;
};

struct content_diags {
	struct content_diag *v;
	size_t n, cap;
	size_t nerrors;
};

void content_diags_free(struct content_diags *d);
/* Moves every diagnostic of from to the end of to; from is left empty. */
void content_diags_take(struct content_diags *to, struct content_diags *from);
/* One line per diagnostic: "FILE:LINE:COLUMN: error: MESSAGE". */
void content_diags_print(const struct content_diags *d, FILE *out);

/*
 * Loading
 */

/* Loads and validates root/lang. On success *out is the guide (free with
 * content_guide_free) and warnings, if any, are in diags. When anything is
 * wrong returns SAM_ERR_INVALID with every problem in diags and *out NULL. */
enum sam_status content_load(const char *root, const char *lang,
			     struct content_guide **out, struct content_diags *diags);

/* Validates every language folder under root, and that all languages have the
 * same section, item and meeting type ids. A folder with only handout.yaml
 * is a language for her copy alone and is left out of the id comparison.
 * SAM_OK when no errors. */
enum sam_status content_check(const char *root, struct content_diags *diags);

/* The ids that held meetings use, as the caller read them from the store. */
struct content_use {
	const char *id;			/* "tro.sig-det", or a section id */
	const char *text;		/* an item's wording when it was held; NULL for sections */
	long long meetings;		/* how many meetings hold it */
};

struct content_uses {
	const struct content_use *items, *sections;
	size_t nitems, nsections;
};

/* content_check, and every id in uses that the content (its Danish
 * language, else the first) lacks is an error: ids never change once used.
 * Each message says how many meetings use the id, with a "did you mean"
 * (the item worded as the meetings hold it, else the closest id). */
enum sam_status content_check_uses(const char *root, const struct content_uses *uses,
				   struct content_diags *diags);

/* The first id of uses that g lacks, or NULL. A meeting is not started on
 * content that lost an id meetings use. */
const struct content_use *content_first_missing(const struct content_guide *g,
						const struct content_uses *uses);

void content_guide_free(struct content_guide *g);

/*
 * What changed between two content trees (samtale content diff OLD NEW)
 */

enum content_change_kind {
	CHANGE_REMOVED,			/* an id of OLD is gone: an error, ids never change */
	CHANGE_ADDED,
	CHANGE_REWORDED,		/* an item's text, in one language */
	CHANGE_MEETINGS,		/* the meeting types an item applies to */
	CHANGE_KIND,			/* action ↔ reflection */
	CHANGE_ORDER,			/* the order of the sections */
};

struct content_change {
	enum content_change_kind kind;
	char *id;			/* full item id or section id; NULL for CHANGE_ORDER */
	bool section;			/* id is a section's */
	char *lang;			/* CHANGE_REWORDED: the language */
	char *before, *after;		/* wording, "a, b" lists or kind names; NULL for added/removed */
};

struct content_changes {
	struct content_change *v;
	size_t n, cap;
	size_t nerrors;			/* removed ids */
};

/* Compares every language of old_root with the same language of new_root;
 * ids, meeting types, kinds and order from the Danish language (else the
 * first). Both trees must be valid: SAM_ERR_INVALID with their problems in
 * diags otherwise. */
enum sam_status content_diff(const char *old_root, const char *new_root,
			     struct content_changes *out, struct content_diags *diags);
void content_changes_free(struct content_changes *c);

/* Loads and validates root/lang/handout.yaml. SAM_ERR_NOT_FOUND (with a
 * message naming the language) when there is no such file, SAM_ERR_INVALID
 * with every problem in diags when it is wrong. Free with
 * content_handout_free. */
enum sam_status content_handout_load(const char *root, const char *lang,
				     struct content_handout **out, struct content_diags *diags);
void content_handout_free(struct content_handout *h);

/* Validates one file's bytes without touching the disk (for the fuzzer and
 * editors' tools): name's base name says what it is, "guide.yaml",
 * "handout.yaml" or a section "<id>.yaml". References to other files are
 * not checked. SAM_OK when no errors. */
enum sam_status content_check_buffer(const char *name, const char *buf, size_t len,
				     struct content_diags *diags);

/* The content directory to use: $SAMTALE_CONTENT, else ./content when it
 * holds content (a source tree), else path_share_dir(SHARE_CONTENT): the
 * installed content, or for a binary in its build tree, the source's. */
const char *content_default_dir(void);

/*
 * Look-ups: NULL when not found.
 */

const struct content_section *content_section_find(const struct content_guide *g, const char *id);
/* full_id is "<section>.<item>". */
const struct content_item *content_item_find(const struct content_guide *g, const char *full_id);
const struct content_meeting_type *content_meeting_type_find(const struct content_guide *g,
							     const char *id);
bool content_item_applies(const struct content_item *item, const char *meeting_type);
/* False for a reflection: it never carries over as left open. An id the
 * content does not know carries over, so that nothing is hidden. */
bool content_item_carries_over(const struct content_guide *g, const char *full_id);
/* Items of section s that apply to a meeting type. */
size_t content_section_count_applicable(const struct content_section *s, const char *meeting_type);

/* Where a meeting type stands in an internship (SPEC §2's meeting type ids
 * foer-praktik, under-praktik, efter-praktik): its meetings show her current
 * internship, and an after-internship meeting asks how it ended. */
enum internship_phase { PHASE_NONE, PHASE_BEFORE, PHASE_DURING, PHASE_AFTER };
enum internship_phase content_internship_phase(const char *meeting_type);

/* The candidate closest to word by edit distance, for "did you mean"; NULL
 * when none is close. */
const char *content_suggest(const char *word, const char *const *candidates, size_t n);

#endif
