#ifndef SAMTALE_REPORT_H
#define SAMTALE_REPORT_H

/*
 * The team lead's report (SPEC §3): how the checklist items of the meetings
 * in a selection were left (done, open, not relevant), grouped by section,
 * item, caseworker, case or meeting type. Counting happens in SQLite; this
 * module returns the rows in the order they are shown. No curses, no output.
 *
 * Rows:
 *  - section, item: every section / item of the guide in content order (with
 *    --type: those that apply to the type), zeros included; then ids found
 *    only in older meetings (no longer in the guide), by id.
 *  - type: every meeting type of the guide in content order, then older ids.
 *  - caseworker: everybody who held a meeting in the selection, by name.
 *  - case: every case with a meeting in the selection, by reference; with
 *    stale_days, instead every open case whose last meeting (or, without
 *    one, its opening) is stale_days or more days before today.
 */

#include <stdbool.h>
#include <stddef.h>

#include "samtale/content.h"
#include "samtale/err.h"
#include "samtale/store.h"

enum report_by { REPORT_BY_SECTION, REPORT_BY_ITEM, REPORT_BY_CASEWORKER, REPORT_BY_CASE,
		 REPORT_BY_TYPE };

/* "section", "item", ...: also the first CSV column's name. */
const char *report_by_name(enum report_by by);
bool report_by_parse(const char *s, enum report_by *out);

struct report_query {
	enum report_by by;
	const char *from, *to;		/* meeting dates, inclusive; NULL = unbounded */
	const char *caseworker;		/* who held the meeting; NULL = everybody */
	const char *type;		/* meeting type id; NULL = every type */
	int stale_days;			/* REPORT_BY_CASE only; < 0 = off. With it,
					 * caseworker also selects the case's caseworker. */
	const char *today;		/* NULL = date_today() */
};

struct report_row {
	char *key;			/* section id, full item id, caseworker, case ref or type id */
	int meetings;			/* meetings where the group had an applicable item */
	int done, open, not_relevant;
	/* REPORT_BY_CASE only (properties of the case, not of the selection): */
	char *last_meeting;		/* NULL when the case has no meeting */
	int followups_open;
	int followups_overdue;		/* due before today, not done */
};

struct report {
	enum report_by by;
	struct report_row *rows;
	size_t n;
	struct report_row total;	/* key NULL; meetings counted once each */
};

/* Runs q on st. g orders sections, items and types (NULL: by id only).
 * SAM_ERR_INVALID with a message for a bad date in q. Free with report_free. */
enum sam_status report_run(struct store *st, const struct content_guide *g,
			   const struct report_query *q, struct report *out);
void report_free(struct report *r);

/* completion_pct in tenths of a percent, 100 * done / (done + open), rounded
 * half up; -1 when done + open is 0 (the percentage is then empty). */
int report_pct_tenths(int done, int open);
/* The same as text with one decimal ("66.7"), "" when empty; returns buf. */
#define REPORT_PCT_LEN 24
const char *report_pct_format(int done, int open, char buf[REPORT_PCT_LEN]);

/*
 * Internships (--by internship): what came of the internships that began in
 * a period (SPEC §1 rule 5, README "Reports and follow-ups"). An internship
 * counts when its start date lies in [from, to]; its job possibility, its
 * outcome and its end are as recorded today, also when after to.
 *  - job_possible_pct = 100 * job_possible / internships
 *  - employed_pct, ended_early_pct = 100 * employed (ended_early) / ended,
 *    where ended are those with an outcome; the still running are left out
 *  - median_days: the median length, ended - from + 1 days, of those with an
 *    outcome and an end date; the still running are left out of it. With an
 *    even number of lengths, the mean of the middle two.
 */

struct report_internship_query {
	const char *from, *to;		/* the start date, inclusive; NULL = unbounded */
	bool split_caseworker;		/* a row per caseworker who recorded them */
};

struct report_internship_row {
	char *caseworker;		/* NULL in the total and when not split */
	int internships;		/* began in the period */
	int job_possible;		/* of them: employment possible after it */
	int ended;			/* of them: with an outcome */
	int employed, ended_early;	/* of the ended: these outcomes */
	int running;			/* of them: no outcome yet */
	int measured;			/* of the ended: with an end date (the median's) */
	int median_days2;		/* twice the median length; -1 when none measured */
};

struct report_internships {
	struct report_internship_row *rows;	/* by caseworker; none when not split */
	size_t n;
	struct report_internship_row total;
};

enum sam_status report_internships_run(struct store *st, const struct report_internship_query *q,
				       struct report_internships *out);
void report_internships_free(struct report_internships *r);
/* The median in days as text: "24", "24.5", "" when none; returns buf. */
const char *report_median_format(int median_days2, char buf[REPORT_PCT_LEN]);

#endif
