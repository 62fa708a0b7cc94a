#ifndef SAMTALE_REPORT_H
#define SAMTALE_REPORT_H

/*
 * The team lead's report (SPEC §3): how the checklist items of the meetings
 * in a selection were left (done, open, not relevant), grouped by section,
 * item, caseworker, case, meeting type or month. The store counts; this
 * module returns the rows in the order they are shown, with the
 * percentages. No curses, no output.
 *
 * Rows:
 *  - section, item: every section / item of the guide in content order (with
 *    --type: those that apply to the type), zeros included; then ids found
 *    only in older meetings (no longer in the guide), by id. Split by
 *    caseworker: each of those for every caseworker who held a selected
 *    meeting, by name (the whole matrix, zeros included).
 *  - type: every meeting type of the guide in content order, then older ids.
 *  - caseworker: everybody who held a meeting in the selection, has an
 *    overdue follow-up or a stale case, by name.
 *  - case: every case with a meeting in the selection, by reference; with
 *    stale_days, instead every open case whose last meeting (or, without
 *    one, its opening) is stale_days or more days before today.
 *  - month: every calendar month from the first to the last of the period
 *    (or of the meetings, where the period is open), zeros included.
 */

#include <stdbool.h>
#include <stddef.h>

#include "samtale/content.h"
#include "samtale/err.h"
#include "samtale/store.h"
#include "samtale/util.h"

enum report_by { REPORT_BY_SECTION, REPORT_BY_ITEM, REPORT_BY_CASEWORKER, REPORT_BY_CASE,
		 REPORT_BY_TYPE, REPORT_BY_MONTH, REPORT_BY_COUNT };

/* "section", "item", ...: also the first CSV column's name. */
const char *report_by_name(enum report_by by);
bool report_by_parse(const char *s, enum report_by *out);
/* The words a person reads for a grouping: "Afsnit", "Sections", ... */
const char *report_by_title(enum report_by by);
/* Whether the grouping's keys are ids that the guide gives titles. */
bool report_by_has_titles(enum report_by by);
/* The guide's words for a key of a grouping with titles (a section's
 * title, an item's text, a meeting type's title); NULL when the guide has
 * no such id (older meetings) or the grouping has no titles. */
const char *report_key_title(const struct content_guide *g, enum report_by by, const char *key);
/* Whether --split caseworker applies to the grouping. */
bool report_by_can_split(enum report_by by);

#define REPORT_STALE_DAYS 30	/* --stale's default */

struct report_query {
	enum report_by by;
	bool split_caseworker;		/* section and item: per caseworker too */
	const char *from, *to;		/* meeting dates, inclusive; NULL = unbounded */
	const char *caseworker;		/* who held the meeting; NULL = everybody */
	const char *type;		/* meeting type id; NULL = every type */
	bool by_kind;			/* count only the items of kind (needs the guide) */
	enum content_kind kind;		/* actions or reflections (SPEC §2) */
	/* REPORT_BY_CASE: < 0 = off; else the stale list (with it, caseworker
	 * also selects the case's caseworker). REPORT_BY_CASEWORKER: the days
	 * that make a case stale (< 0: REPORT_STALE_DAYS). */
	int stale_days;
	/* REPORT_BY_CASE: every open case instead (with caseworker: hers),
	 * each marked stale or not by stale_days (< 0: REPORT_STALE_DAYS). */
	bool open_cases;
	const char *today;		/* NULL = date_today() */
};

struct report_row {
	char *key;			/* section id, full item id, caseworker, case ref,
					 * type id or "YYYY-MM" */
	char *caseworker;		/* split: who held the meetings; case: the case's */
	int meetings;			/* meetings where the group had an applicable item */
	int done, open, not_relevant;
	/* REPORT_BY_CASE only (properties of the case, not of the selection): */
	char *last_meeting;		/* NULL when the case has no meeting */
	int followups_open;
	int followups_overdue;		/* due before today, not done; also per caseworker */
	int quiet_days;			/* since the last meeting, or the opening */
	bool stale;			/* quiet for the stale days or more */
	/* REPORT_BY_CASEWORKER only: */
	int cases_stale;		/* her open cases that are stale */
};

struct report {
	enum report_by by;
	bool split_caseworker;
	bool stale_list;		/* the rows are the stale cases */
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

/*
 * Named periods (--period): calendar months, quarters and years around
 * today. A period never reaches past today.
 */

enum report_period { REPORT_PERIOD_ALL, REPORT_PERIOD_THIS_MONTH, REPORT_PERIOD_LAST_MONTH,
		     REPORT_PERIOD_LAST_QUARTER, REPORT_PERIOD_THIS_YEAR, REPORT_PERIOD_COUNT };

/* "this-month", ...; "all" for REPORT_PERIOD_ALL. */
const char *report_period_name(enum report_period p);
bool report_period_parse(const char *s, enum report_period *out);
/* The words a person reads: "sidste måned", "last month", ... */
const char *report_period_title(enum report_period p);
/* The first and last day of p as of today (the last is never after today).
 * False, and nothing written, for REPORT_PERIOD_ALL. */
bool report_period_range(enum report_period p, const char *today, sam_date from, sam_date to);
/* The period to compare from..to with: the calendar unit before a named
 * period's (the month, quarter or year before), or as many days just
 * before from for a range of dates (p is REPORT_PERIOD_ALL). */
void report_period_before(enum report_period p, const char *from, const char *to,
			  sam_date pfrom, sam_date pto);

#endif
