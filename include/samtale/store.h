#ifndef SAMTALE_STORE_H
#define SAMTALE_STORE_H

/*
 * The case store: one database (an SQLite file, or PostgreSQL for a
 * municipality; store/engine.h) of cases, meetings, checklist item
 * states, follow-ups and an audit log (SPEC §1, §5). Knows nothing of curses
 * or of the content files: callers pass the items a meeting is held with.
 *
 * Every function that changes data commits before it returns, unless the
 * caller opened a transaction with store_begin() (import, demo). Every change
 * is recorded in the audit log with the store's user and login name.
 * Text that looks like a CPR number is refused with SAM_ERR_INVALID and a
 * message that does not repeat the number.
 *
 * Strings in returned records are owned by the record; free with the
 * matching *_free(). Dates are "YYYY-MM-DD" (see util.h).
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "samtale/err.h"

struct store;

enum store_open_flags {
	STORE_CREATE = 1 << 0,		/* create the file (and its directory) when missing */
	STORE_READONLY = 1 << 1,	/* reports and exports: never change data (a database
					 * from an earlier release is still upgraded) */
};

/* True when path names a database on a server (a postgresql:// URI),
 * which is no file on this machine. */
bool store_on_server(const char *path);

/* Opens (and migrates, after a backup) the database at path. user is the
 * caseworker recorded on every change (--user). Refuses a network file
 * system, a file that is not a samtale database, and a newer schema. */
enum sam_status store_open(const char *path, const char *user, unsigned flags,
			   struct store **out);
void store_close(struct store *st);

const char *store_user(const struct store *st);
const char *store_path(const struct store *st);
/* The engine under the store: "sqlite" or "postgresql" (for tests and the bench). */
const char *store_engine(const struct store *st);
/* True when nothing can be changed: opened STORE_READONLY, a file opened
 * read-only, or a server's role that may only read (a team lead). */
bool store_read_only(struct store *st);
/* Where a file made from the database for its user (a report's
 * spreadsheet) goes: the database file's directory, which is private; for
 * a database on a server, which has none, her own data directory
 * (path_data_dir(), which may not exist yet). NULL without a home
 * directory. Caller frees. */
char *store_side_dir(const struct store *st);

/* Called while a change waits for another process's write (a colleague's
 * change, a step of bulk work): waited_ms so far, every few milliseconds,
 * and once with 0 when the wait is over. A screen shows that it is saving;
 * it must not use the store from inside the hook. NULL: none. */
typedef void store_wait_fn(void *ctx, unsigned waited_ms);
void store_set_wait_hook(struct store *st, store_wait_fn *fn, void *ctx);

/* Explicit transaction for all-or-nothing work that is small. */
enum sam_status store_begin(struct store *st);
enum sam_status store_commit(struct store *st);
void store_rollback(struct store *st);

/* Creates a team database for a Unix group: directory 2770, files 0660. */
enum sam_status store_init_shared(const char *path, const char *group, const char *user);
/* Online backup to dest (SQLite backup API), a new file 0600 put in place
 * whole. An existing dest is refused, unless force and it is a samtale
 * backup (a regular file with samtale's application id); a link, a device
 * or a FIFO always. */
enum sam_status store_backup(struct store *st, const char *dest, bool force);
/* Integrity and foreign key check, and whether what the store keeps up to
 * date beside the checklist and the meetings (the counts per meeting and
 * section, each case's last meeting) agrees with them; *ok false and
 * problems appended to *report (caller frees) when anything is wrong. */
enum sam_status store_check(struct store *st, bool *ok, char **report);
/* Rebuilds what store_check finds kept out of step, in one transaction,
 * with an audit line; *fixed is how many rows were wrong. */
enum sam_status store_repair(struct store *st, int64_t *fixed);
/* True when the database holds at least one case (demo refuses those). */
enum sam_status store_has_cases(struct store *st, bool *yes);
/* Marks the database as one that holds made-up cases, for good: the TUI
 * shows "DEMO" on every screen of it. */
enum sam_status store_mark_demo(struct store *st);
enum sam_status store_is_demo(struct store *st, bool *yes);

/*
 * Item states: one place for their names.
 */

/* The numbers are what the database stores (checklist.state; the SQL
 * spelling of each is in store/store_int.h): never renumber them. */
enum item_state { ITEM_OPEN = 0, ITEM_DONE = 1, ITEM_NOT_RELEVANT = 2 };

const char *item_state_name(enum item_state s);	/* "open", "done", "not_relevant" */
bool item_state_parse(const char *name, enum item_state *out);

/*
 * Cases
 */

/*
 * Her profile, field by field, in her words (SPEC §1 rules 1 and 2): one
 * table for the store's columns, the exchange keys and the screens' labels.
 */

#define PROFILE_FIELDS(X, arg) \
	X(arg, QUALIFICATIONS, qualifications)	/* kept from schema 1 */ \
	X(arg, EDUCATION, education) \
	X(arg, WORK_EXPERIENCE, work_experience) \
	X(arg, LANGUAGES, languages) \
	X(arg, OTHER_SKILLS, other_skills) \
	X(arg, JOB_WISHES, job_wishes) \
	X(arg, EDUCATION_WISHES, education_wishes) \
	X(arg, GOALS, goals)

#define PROFILE_ENUM(arg, name, key) PROFILE_##name,
enum profile_field { PROFILE_FIELDS(PROFILE_ENUM, ) PROFILE_NFIELDS };
#undef PROFILE_ENUM

struct profile_field_info {
	const char *key;		/* column and exchange key: "work_experience" */
	const char *label;		/* a heading: N_("Work experience") */
	const char *hint;		/* what belongs there, or NULL */
	const char *what;		/* the field in a sentence: N_("the work experience") */
};

extern const struct profile_field_info profile_fields[PROFILE_NFIELDS];

struct case_rec {
	int64_t id;
	char *ref;			/* the municipality's journal number */
	char *initials;			/* may be NULL */
	char *caseworker;
	char *opened;
	char *closed;			/* NULL while open */
	char *profile[PROFILE_NFIELDS];	/* NULL when empty */
	/* Filled by store_case_list only: */
	char *last_meeting;		/* NULL when none */
	int followups_open;
	int followups_overdue;		/* due before today, not done */
};

struct case_list {
	struct case_rec *v;
	size_t n;
};

/* ref must be non-empty, at most 64 bytes, no CPR number, unique. opened
 * NULL means today. */
enum sam_status store_case_add(struct store *st, const char *ref, const char *initials,
			       const char *opened, int64_t *id);
/* SAM_ERR_NOT_FOUND (with a message naming ref) when there is no such case. */
enum sam_status store_case_get(struct store *st, const char *ref, struct case_rec *out);
enum sam_status store_case_get_by_id(struct store *st, int64_t id, struct case_rec *out);
/* Cases ordered by ref; filter (may be NULL) matches ref or initials,
 * case-insensitively; closed cases only when include_closed. */
enum sam_status store_case_list(struct store *st, const char *filter, bool include_closed,
				struct case_list *out);
enum sam_status store_case_set_profile(struct store *st, int64_t case_id,
				       enum profile_field field, const char *text);
enum sam_status store_case_set_initials(struct store *st, int64_t case_id, const char *initials);
enum sam_status store_case_close(struct store *st, int64_t case_id, const char *date);
/* Opens a closed case again (a correction: one audit line "case.reopen"). */
enum sam_status store_case_reopen(struct store *st, int64_t case_id);
/* Removes the case and everything about it for real (secure_delete); the
 * audit log keeps one line without personal data. SAM_ERR_PENDING when the
 * rows are gone but another process's read kept the old pages in the files
 * past a bounded wait: the message says what is left, and the next
 * store_open finishes the erasure. */
enum sam_status store_case_delete(struct store *st, int64_t case_id);
/* Deletes every case closed before date; *n is how many (also with
 * SAM_ERR_PENDING, as store_case_delete). The cases are chosen in one
 * short transaction, and from then on seen by nobody; then they are
 * deleted in short steps, so that the write lock is never held for long.
 * Killed half-way, the next store_open finishes the deletion. */
enum sam_status store_purge_closed_before(struct store *st, const char *date, int *n);
/* The same for the cases ids[0..n): all of them or, when one is not
 * there (any more), none. */
enum sam_status store_cases_delete(struct store *st, const int64_t *ids, size_t n);

void case_rec_free(struct case_rec *c);
void case_list_free(struct case_list *l);

/* The case list a page at a time (the TUI's first screen): only what a row
 * shows, so that the cost is the page's and not the database's. Ordered by
 * ref, as store_case_list. */
struct case_query {
	const char *filter;		/* NULL or "": every case; else ref or initials
					 * contain it, folding ASCII and æøå */
	bool include_closed;
	const char *caseworker;		/* NULL: everybody's; else only hers */
};

struct case_row {
	int64_t id;
	char *ref;
	char *initials;			/* NULL when none */
	char *caseworker;
	char *closed;			/* NULL while open */
	char *last_meeting;		/* NULL when none */
	int followups_open;
	int followups_overdue;		/* due before today, not done */
};

struct case_rows {
	struct case_row *v;
	size_t n;
};

enum sam_status store_case_count(struct store *st, const struct case_query *q, size_t *n);
/* Rows offset .. offset+limit-1 of the list (fewer at its end). */
enum sam_status store_case_rows(struct store *st, const struct case_query *q, size_t offset,
				size_t limit, struct case_rows *out);
/* Where case id is in the list; SAM_ERR_NOT_FOUND (no message) when it is not in it. */
enum sam_status store_case_position(struct store *st, const struct case_query *q, int64_t id,
				    size_t *pos);
void case_rows_free(struct case_rows *r);

/*
 * Meetings and their checklist
 */

/* What a meeting is held with: the item as the content worded it that day. */
struct meeting_item_spec {
	const char *item_id;		/* full id, "tro.sig-det" */
	const char *section_id;		/* "tro" */
	const char *text;
};

struct meeting_item {
	char *item_id;
	char *section_id;
	char *text;			/* wording when the meeting was held */
	enum item_state state;
	char *note;			/* NULL when none */
};

/* The next appointment agreed in a meeting, for her copy. */
struct meeting_next {
	char *date;			/* NULL when none was agreed */
	char *time;			/* "HH:MM" or NULL */
	char *place;			/* NULL when not said */
};

struct meeting_rec {
	int64_t id;
	int64_t case_id;
	char *date;
	char *type;			/* meeting type id */
	char *caseworker;
	char *note;			/* NULL when none */
	char *agreed;			/* the plain-language summary for her; NULL when none */
	char *interpreter;		/* language interpreted; NULL when no interpreter */
	struct meeting_next next;	/* when they meet next; all NULL when not agreed */
	struct meeting_item *items;	/* filled by store_meeting_get only, in position order */
	size_t nitems;
};

struct meeting_list {
	struct meeting_rec *v;		/* items not filled */
	size_t n;
};

enum meeting_field { MEETING_NOTE, MEETING_AGREED, MEETING_INTERPRETER };

/* Creates a meeting holding items[0..n) in that order, all open. date NULL = today. */
enum sam_status store_meeting_add(struct store *st, int64_t case_id, const char *date,
				  const char *type, const struct meeting_item_spec *items,
				  size_t n, int64_t *id);
/* Meetings of a case, oldest first. */
enum sam_status store_meeting_list(struct store *st, int64_t case_id, struct meeting_list *out);
enum sam_status store_meeting_get(struct store *st, int64_t meeting_id, struct meeting_rec *out);
enum sam_status store_meeting_set(struct store *st, int64_t meeting_id, enum meeting_field field,
				  const char *text);
/* The next appointment: date NULL (or "") clears it, time and place with it;
 * time is "HH:MM" or NULL. The date may not precede the meeting's. */
enum sam_status store_meeting_set_next(struct store *st, int64_t meeting_id, const char *date,
				       const char *time, const char *place);
enum sam_status store_item_set_state(struct store *st, int64_t meeting_id, const char *item_id,
				     enum item_state state);
enum sam_status store_item_set_note(struct store *st, int64_t meeting_id, const char *item_id,
				    const char *note);
/* An item left open: open at the latest meeting that held it (a meeting
 * whose type leaves it out neither closes it nor stops it carrying over). */
struct left_open_item {
	struct meeting_item item;	/* as it was there: its wording, its note */
	char *date;			/* that meeting's date */
	int64_t meeting_id;
};

struct left_open_list {
	struct left_open_item *v;
	size_t n;
};

/* Every item of the case left open, newest meeting first, then in that
 * meeting's order. */
enum sam_status store_items_left_open(struct store *st, int64_t case_id, struct left_open_list *out);
/* The items of this meeting that were left open before it (at the latest
 * earlier meeting of the case, by date then id, that held them), in this
 * meeting's order; none for the first meeting or one not found. */
enum sam_status store_items_left_open_before(struct store *st, int64_t meeting_id,
					     struct left_open_list *out);

/*
 * Corrections of meetings (SPEC §1 rule 6), each one audit line. A change
 * through store_meeting_set, store_item_set_state or store_item_set_note
 * to a meeting held before today is recorded as "meeting.correct".
 */

/* A new date: a real day, today at the latest, not before the case was
 * opened. */
enum sam_status store_meeting_set_date(struct store *st, int64_t meeting_id, const char *date);

/* What changing a meeting to the items of another type does. */
struct meeting_type_diff {
	size_t kept, kept_marked;	/* items both have; marked: done or not relevant */
	size_t dropped, dropped_marked, dropped_notes;	/* the meeting's items the new type lacks */
	size_t added;			/* the new type's items the meeting lacks (open) */
};
void meeting_type_diff(const struct meeting_rec *m, const struct meeting_item_spec *items, size_t n,
		       struct meeting_type_diff *out);
/* A new type with its items[0..n): the items both types share keep their
 * state, note and wording; the others are removed, the new ones added open. */
enum sam_status store_meeting_set_type(struct store *st, int64_t meeting_id, const char *type,
				       const struct meeting_item_spec *items, size_t n);
/* What removing m loses, for the question before: "3 afkrydsede punkter,
 * 2 noter og det aftalte", or "ingen afkrydsninger eller noter". Caller frees. */
char *meeting_losses(const struct meeting_rec *m);
/* Removes a meeting for real (its items and notes, zeroed by
 * secure_delete; its follow-ups stay on the case, no longer tied to it).
 * Unlike a case's erasure it does not wait for readers to wipe the WAL: a
 * correction in a meeting must not wait on a colleague's screen. */
enum sam_status store_meeting_delete(struct store *st, int64_t meeting_id);
/* Brings back a removed meeting (as store_meeting_get read it, items
 * included) with its states and notes, under its old id when that is free;
 * followups[0..n) are tied to it again. *id is its id (may be NULL). */
enum sam_status store_meeting_restore(struct store *st, const struct meeting_rec *m,
				      const int64_t *followups, size_t nfollowups, int64_t *id);

/* Per-section completion of one meeting, for the case screen. */
struct section_progress {
	char *section_id;
	int done, open, not_relevant;
};
enum sam_status store_meeting_progress(struct store *st, int64_t meeting_id,
				       struct section_progress **out, size_t *n);

/* The content ids that held meetings use (ids never change once used, SPEC
 * §2): each item id with its section, the number of meetings holding it and
 * one of the wordings they hold; each section with the number of meetings
 * holding any of its items. Ordered by id. */
struct id_use {
	char *id;			/* "tro.sig-det", or a section id "tro" */
	char *section_id;		/* items only */
	char *text;			/* items only: a wording it was held with */
	int64_t meetings;
};

struct id_uses {
	struct id_use *items, *sections;
	size_t nitems, nsections;
};

/* case_id 0: every meeting; else the meetings of that case. */
enum sam_status store_ids_in_use(struct store *st, int64_t case_id, struct id_uses *out);
void id_uses_free(struct id_uses *u);

void meeting_rec_free(struct meeting_rec *m);
void meeting_list_free(struct meeting_list *l);
void section_progress_free(struct section_progress *p, size_t n);
void left_open_list_free(struct left_open_list *l);
/* Keeps the items for which keep(item id, ctx) is true, in order. */
void left_open_list_filter(struct left_open_list *l, bool (*keep)(const char *item_id, void *ctx),
			   void *ctx);

/*
 * Follow-ups
 */

struct followup_rec {
	int64_t id;
	int64_t case_id;
	int64_t meeting_id;		/* 0 when not made in a meeting */
	char *case_ref;			/* filled by store_followup_list */
	char *due;
	char *text;
	char *assignee;			/* the caseworker who follows it up */
	bool her;			/* she is the one to act ("Du tager dit bevis med") */
	bool done;
};

struct followup_list {
	struct followup_rec *v;
	size_t n;
};

struct followup_query {
	int64_t case_id;		/* 0 = every case */
	const char *assignee;		/* NULL = everybody */
	bool include_done;
	const char *due_before;		/* NULL = any; else only due < this date (overdue) */
	const char *due_until;		/* NULL = any; else only due <= this date */
};

enum sam_status store_followup_add(struct store *st, int64_t case_id, int64_t meeting_id,
				   const char *due, const char *text, const char *assignee,
				   int64_t *id);
/* Ordered by due date, then case ref, then id. */
enum sam_status store_followup_list(struct store *st, const struct followup_query *q,
				    struct followup_list *out);
enum sam_status store_followup_set_done(struct store *st, int64_t id, bool done);
enum sam_status store_followup_set_due(struct store *st, int64_t id, const char *due);
/* Whether she is the one to act on it; the assignee stays the caseworker who follows it up. */
enum sam_status store_followup_set_her(struct store *st, int64_t id, bool her);

/* One follow-up, case_ref filled; SAM_ERR_NOT_FOUND with "der er ingen
 * opfølgning ID" when there is none. */
enum sam_status store_followup_get(struct store *st, int64_t id, struct followup_rec *out);

/* A correction of a follow-up: NULL fields stay as they are. */
struct followup_change {
	const char *text;
	const char *due;
	const char *assignee;		/* a caseworker's name: then she no longer acts */
	bool her;			/* she is the one to act (the assignee stays) */
};
/* One audit line "followup.edit" naming the fields changed. */
enum sam_status store_followup_edit(struct store *st, int64_t id, const struct followup_change *ch);
/* Removes a follow-up for real. */
enum sam_status store_followup_delete(struct store *st, int64_t id);

void followup_rec_free(struct followup_rec *f);
void followup_list_free(struct followup_list *l);

/*
 * Internships (SPEC §1 rule 5): her internships, several over time, each
 * with its workplace, period, contact, goal, the chance of a job after it
 * and how it ended.
 */

/* A word stored in the database, written in the exchange format and typed
 * on the command line ("ended-early"), and how the screens say it. */
struct store_word {
	const char *word;
	const char *text;		/* how a person reads it: N_("ended early") */
};

/* The index of word in words[0..n), or -1 (a NULL word never matches). */
int store_word_find(const struct store_word *words, size_t n, const char *word);
/* The words of words[0..n) as "yes, no, unknown", for a message (caller frees). */
char *store_word_list(const struct store_word *words, size_t n);

enum job_possible { JOB_POSSIBLE_UNKNOWN, JOB_POSSIBLE_YES, JOB_POSSIBLE_NO, JOB_POSSIBLE_N };
extern const struct store_word job_possible_words[JOB_POSSIBLE_N];	/* "unknown", "yes", "no" */

enum internship_outcome {
	OUTCOME_NONE,			/* not ended yet: no word */
	OUTCOME_EMPLOYED,
	OUTCOME_EDUCATION,
	OUTCOME_EXTENDED,
	OUTCOME_ENDED_EARLY,
	OUTCOME_COMPLETED,		/* completed without a job */
	OUTCOME_N
};
extern const struct store_word outcome_words[OUTCOME_N];	/* [OUTCOME_NONE].word is NULL */

struct internship_rec {
	int64_t id;
	int64_t case_id;
	char *case_ref;			/* filled by store_internship_list */
	char *workplace;
	char *field;			/* the workplace's line of work; NULL (as every text
					 * below) when none */
	char *from, *planned_to, *ended;
	char *contact;			/* name and role at the workplace, nothing of hers */
	char *goal;			/* her words: the goal, and how it reflects her
					 * qualifications and wishes */
	enum job_possible job_possible;	/* employment possible after a good period */
	enum internship_outcome outcome;
	char *outcome_reason;
	char *caseworker;		/* who recorded it */
};

struct internship_list {
	struct internship_rec *v;
	size_t n;
};

/* What a caseworker types: add and edit take the first seven fields,
 * bulk writing all of them. NULL or "" = none. */
struct internship_spec {
	const char *workplace;		/* required */
	const char *field;
	const char *from;		/* required */
	const char *planned_to;		/* not before from */
	const char *contact, *goal;
	enum job_possible job_possible;
	const char *ended;		/* not before from */
	enum internship_outcome outcome;
	const char *outcome_reason;
};

struct internship_query {
	int64_t case_id;		/* 0 = every case */
	const char *began_from;		/* NULL = any; else from >= this date */
	const char *began_to;		/* NULL = any; else from <= this date */
};

enum sam_status store_internship_add(struct store *st, int64_t case_id,
				     const struct internship_spec *in, int64_t *id);
/* SAM_ERR_NOT_FOUND (with a message) when there is no such internship. */
enum sam_status store_internship_get(struct store *st, int64_t id, struct internship_rec *out);
/* Ordered by case ref, then from, then id. */
enum sam_status store_internship_list(struct store *st, const struct internship_query *q,
				      struct internship_list *out);
/* Replaces the seven fields add takes; its end stays as it was. */
enum sam_status store_internship_edit(struct store *st, int64_t id,
				      const struct internship_spec *in);
/* Ends it with outcome (not OUTCOME_NONE) on date (NULL = today, not
 * before it began); reason may be NULL. Ending again corrects the end. */
enum sam_status store_internship_end(struct store *st, int64_t id, enum internship_outcome outcome,
				     const char *date, const char *reason);
/* The case's current internship: the latest begun of those not ended, or,
 * when every one has ended, the latest begun. *found false when the case
 * has none. */
enum sam_status store_internship_current(struct store *st, int64_t case_id,
					 struct internship_rec *out, bool *found);

void internship_rec_free(struct internship_rec *in);
void internship_list_free(struct internship_list *l);

/*
 * Report counts: what the team lead's report (report.c) adds up. The store
 * counts; the report orders, fills in and computes percentages.
 */

enum store_count_key { COUNT_BY_SECTION, COUNT_BY_ITEM, COUNT_BY_CASEWORKER, COUNT_BY_TYPE,
		       COUNT_BY_MONTH };

/* Which meetings are counted; NULL fields select everything. */
struct store_count_filter {
	const char *from, *to;		/* meeting dates, inclusive */
	const char *caseworker;		/* who held the meeting */
	const char *type;		/* meeting type id */
	const char *items;		/* ",tro.sig-det,dialog.taalmodig,": only these items are
					 * counted (actions or reflections); NULL = every item */
};

struct store_count {
	char *key;			/* section id, full item id, caseworker, type id
					 * or "YYYY-MM" */
	char *caseworker;		/* who held the meetings; split counts only */
	int meetings;			/* meetings where the key had an item */
	int done, open, not_relevant;
};

struct store_counts {
	struct store_count *v;
	size_t n;
};

/* Item states of the selected meetings per key, and per key and the
 * meeting's caseworker when split; ordered by key (then caseworker). */
enum sam_status store_count_items(struct store *st, enum store_count_key key, bool split,
				  const struct store_count_filter *f, struct store_counts *out);
/* The selected meetings that have at least one item. */
enum sam_status store_count_meetings(struct store *st, const struct store_count_filter *f,
				     int *n);
void store_counts_free(struct store_counts *c);

/* A case as the report shows it, with the counts of the selected meetings. */
struct store_case_status {
	char *ref;
	char *caseworker;		/* the case's */
	char *opened;
	char *last_meeting;		/* anybody's, any date; NULL when none */
	int meetings, done, open, not_relevant;	/* of the selected meetings */
	int followups_open;
	int followups_overdue;		/* due before today, not done */
};

struct store_case_statuses {
	struct store_case_status *v;
	size_t n;
};

struct store_case_filter {
	const char *today;
	/* NULL: the cases with a selected meeting. Else every open case whose
	 * last meeting (or, without one, its opening) is on or before it,
	 * limited to caseworker's cases when caseworker is given. */
	const char *quiet_since;
	const char *caseworker;
};

/* Ordered by ref. */
enum sam_status store_case_statuses(struct store *st, const struct store_count_filter *sel,
				    const struct store_case_filter *cf,
				    struct store_case_statuses *out);
void store_case_statuses_free(struct store_case_statuses *c);

/* Per caseworker: follow-ups assigned to her that are overdue (due before
 * today, not done), and her open cases quiet since quiet_since (as above). */
struct store_caseworker_status {
	char *name;
	int followups_overdue;
	int cases_stale;
};

struct store_caseworker_statuses {
	struct store_caseworker_status *v;
	size_t n;
};

/* Everybody with at least one of either, ordered by name; only caseworker
 * when it is given. */
enum sam_status store_caseworker_statuses(struct store *st, const char *today,
					  const char *quiet_since, const char *caseworker,
					  struct store_caseworker_statuses *out);
void store_caseworker_statuses_free(struct store_caseworker_statuses *c);

/*
 * Bulk writing (import, demo data): whole cases through statements prepared
 * once, with the checks, defaults and messages of the one-change-at-a-time
 * functions (store_case_add, store_meeting_set, store_followup_add,
 * store_case_close, ...), so that nothing is written that a caseworker could
 * not have typed. Each case, meeting and follow-up keeps the caseworker who
 * recorded it; each case gets one audit line.
 *
 * The cases are written in short steps, each its own transaction of about
 * STEP_MS (batch.c), so that a colleague's change waits at most one step;
 * until store_bulk_finish commits the last step they are seen by nobody.
 * store_bulk_close without store_bulk_finish removes what was written (in
 * steps too); killed half-way, the next store_open removes it. Never
 * inside store_begin().
 */

struct store_bulk_meeting {
	const char *date;				/* NULL = today */
	const char *type;
	const char *caseworker;				/* NULL = the store's user */
	const char *note, *agreed, *interpreter;	/* NULL when none */
	const char *next_date, *next_time, *next_place;	/* NULL when none */
	const struct meeting_item_spec *items;
	size_t nitems;
	const enum item_state *states;			/* per item; NULL = all open */
	const char *const *notes;			/* per item, NULL entries; NULL = none */
};

#define STORE_BULK_NO_MEETING SIZE_MAX

struct store_bulk_followup {
	const char *due, *text;
	const char *assignee;			/* NULL = the store's user */
	bool her;
	bool done;
	size_t meeting;				/* index in the case's meetings, or
						 * STORE_BULK_NO_MEETING */
};

struct store_bulk_case {
	const char *ref, *initials;
	const char *caseworker;			/* NULL = the store's user */
	const char *opened;			/* NULL = today */
	const char *closed;			/* NULL while open */
	const char *profile[PROFILE_NFIELDS];	/* NULL when empty */
	const struct store_bulk_meeting *meetings;
	size_t nmeetings;
	const struct store_bulk_followup *followups;
	size_t nfollowups;
	const struct internship_spec *internships;	/* recorded by the case's caseworker */
	size_t ninternships;
};

struct store_bulk;
/* detail is that of every case's audit line ("import", "demo"). */
enum sam_status store_bulk_open(struct store *st, const char *detail, struct store_bulk **out);
/* Commits the last step: from now on every case written is seen. */
enum sam_status store_bulk_finish(struct store_bulk *b);
/* Unless finished, removes what was written; keeps the last error message. */
void store_bulk_close(struct store_bulk *b);

/* A whole case: store_bulk_case_begin, its meetings, its follow-ups,
 * store_bulk_case_end. A ref already in the database is refused with
 * "already exists in the database". */
enum sam_status store_bulk_case(struct store_bulk *b, const struct store_bulk_case *c);

/* The same a piece at a time, for a caller that names the piece refused.
 * case_begin reads neither closed nor the meeting and follow-up lists;
 * a follow-up's meeting is an index in the meetings added since. */
enum sam_status store_bulk_case_begin(struct store_bulk *b, const struct store_bulk_case *c);
enum sam_status store_bulk_meeting_add(struct store_bulk *b, const struct store_bulk_meeting *m);
enum sam_status store_bulk_followup_add(struct store_bulk *b, const struct store_bulk_followup *f);
/* Every field of in, its end included (the checks of store_internship_add
 * and store_internship_end). */
enum sam_status store_bulk_internship_add(struct store_bulk *b, const struct internship_spec *in);
/* Closes the case on closed (NULL: stays open), never before it opened,
 * and writes its audit line. */
enum sam_status store_bulk_case_end(struct store_bulk *b, const char *closed);

#endif
