#ifndef SAMTALE_DEMO_BANK_H
#define SAMTALE_DEMO_BANK_H

/*
 * The demo's phrase bank: the YAML files of data/demo (data/demo/README.md),
 * read and checked like the guidance content, with FILE:LINE:COLUMN
 * diagnostics.
 */

#include "samtale/content.h"

/* The placeholders a phrase may hold, filled in from her case. */
enum demo_slot { DEMO_LAND, DEMO_SPROG, DEMO_ERHVERV, DEMO_AAR, DEMO_ARBEJDE, DEMO_NSLOTS };

struct demo_phrase {
	char *text;
	unsigned types;			/* bit i: fits the guide's meeting type i */
	int interpreter;		/* -1: either way; 0: only without one; 1: only with one */
};

struct demo_phrases {
	struct demo_phrase *v;
	size_t n;
};

struct demo_caseworker {
	char *name;			/* a login name */
	int done_pct;			/* chance an applicable item is ticked */
	int section_bias[3];		/* added for sections 1, 2, 3 (4, 5, 6 ...) */
	int interpreter_pct;		/* how often her cases need an interpreter */
	int job_pct;			/* internships where a job is possible */
	int employed_pct;		/* of those, how many end in a job */
	int early_pct;			/* internships ended early */
};

struct demo_country {
	char *name;
	int weight;
	char **languages;
	size_t nlanguages;
};

struct demo_workplace {
	char *name, *field, *work;
};

struct demo_item_notes {
	char *item_id;			/* "<section>.<item>", an item of the guide */
	struct demo_phrases notes;
};

/* The outcomes of an internship, in the order of their words
 * (employed, education, extended, ended-early, completed). */
#define DEMO_OUTCOMES 5

struct demo_bank {
	struct demo_caseworker *caseworkers;
	size_t ncaseworkers;
	char *initials;			/* capital letters, each as likely as it appears */
	struct demo_country *countries;
	size_t ncountries;
	int country_weight;		/* the sum of their weights */
	struct demo_phrases occupations, qualifications, skills, job_fields, job_wishes,
		job_wish_extras, education_wishes;
	struct demo_phrases note_openings, note_middles, note_closings, agreed, agreed_closings;
	struct demo_phrases item_done, item_open, item_not_relevant;
	struct demo_item_notes *specific;
	size_t nspecific;
	struct demo_phrases followups;
	struct demo_workplace *workplaces;
	size_t nworkplaces;
	struct demo_phrases contacts, goals;
	struct demo_phrases outcomes[DEMO_OUTCOMES];
};

/* Reads every file of the bank, checking meeting types and item ids
 * against g. The bank is found as the content is: in $SAMTALE_DEMO_DATA,
 * else in path_share_dir(SHARE_DATA)/demo. SAM_ERR_INVALID when d has
 * errors, SAM_ERR_NOT_FOUND (sam_errmsg) when there is no bank; then *bank
 * is empty. */
enum sam_status demo_bank_load(const struct content_guide *g, struct demo_bank *bank,
			       struct content_diags *d);
void demo_bank_free(struct demo_bank *bank);

#endif
