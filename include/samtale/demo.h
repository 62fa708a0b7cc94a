#ifndef SAMTALE_DEMO_H
#define SAMTALE_DEMO_H

/*
 * Synthetic cases for a first look and for benchmarks: journal references,
 * initials, a few caseworkers, courses of meetings in a plausible order,
 * Danish notes and follow-ups around today, in the words of the phrase bank
 * (samtale/demo_bank.h). Obviously not real people.
 */

#include <stdint.h>

#include "samtale/content.h"
#include "samtale/store.h"

struct demo_bank;

struct demo_opts {
	int cases;			/* how many cases to make */
	unsigned long seed;		/* the same seed gives the same database */
	const struct demo_bank *bank;	/* the words (demo_bank_load) */
};

/* What demo_fill made. */
struct demo_stats {
	long cases, closed, meetings, items, followups, internships;
};

/* Fills st in one transaction, with the items of g that apply to each
 * meeting's type, worded as g words them. The same opts (and bank) and the
 * same today (date_today) give the same data. The caller decides whether st may be
 * written (see store_has_cases); when it already holds cases, references
 * that are taken are skipped. Nothing is written when it fails. stats may
 * be NULL. */
enum sam_status demo_fill(struct store *st, const struct content_guide *g,
			  const struct demo_opts *opts, struct demo_stats *stats);

#endif
