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

struct content_item {
	const char *id;			/* "sig-det" */
	const char *full_id;		/* "tro.sig-det", the id the store keeps */
	const char *text;
	const char *help;		/* NULL when absent */
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
 * same section, item and meeting type ids. SAM_OK when no errors. */
enum sam_status content_check(const char *root, struct content_diags *diags);

void content_guide_free(struct content_guide *g);

/* Validates one file's bytes without touching the disk (for the fuzzer and
 * editors' tools): name's base name says what it is, "guide.yaml" or a
 * section "<id>.yaml". References to other files are not checked. SAM_OK
 * when no errors. */
enum sam_status content_check_buffer(const char *name, const char *buf, size_t len,
				     struct content_diags *diags);

/* The content directory to use: $SAMTALE_CONTENT, else ./content when it
 * holds content (a source tree), else the installed content, or while none
 * is installed, the content of the source tree the program was built from. */
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
/* Items of section s that apply to a meeting type. */
size_t content_section_count_applicable(const struct content_section *s, const char *meeting_type);

/* The candidate closest to word by edit distance, for "did you mean"; NULL
 * when none is close. */
const char *content_suggest(const char *word, const char *const *candidates, size_t n);

#endif
