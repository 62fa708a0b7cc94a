#ifndef SAMTALE_DEMO_H
#define SAMTALE_DEMO_H

/*
 * Synthetic cases for a first look and for benchmarks: journal references,
 * initials, a few caseworkers, courses of meetings in a plausible order,
 * Danish notes and follow-ups around today. Obviously not real people.
 */

#include "samtale/content.h"
#include "samtale/store.h"

struct demo_opts {
	int cases;			/* how many cases to make */
	unsigned long seed;		/* the same seed gives the same database */
};

/* Fills st in one transaction. The caller decides whether st may be written
 * (see store_has_cases). Nothing is written when it fails. */
enum sam_status demo_fill(struct store *st, const struct content_guide *g,
			  const struct demo_opts *opts);

#endif
