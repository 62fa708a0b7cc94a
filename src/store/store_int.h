#ifndef SAMTALE_STORE_INT_H
#define SAMTALE_STORE_INT_H

/*
 * Inside the store: the handle and the helpers every file of src/store uses.
 * Not for other modules; they see only samtale/store.h.
 */

#include <sys/types.h>

#include "engine.h"
#include "samtale/store.h"
#include "samtale/util.h"

/* The part of a store every engine has; an engine's own store begins with
 * it (struct sqlite_store, struct pg_store). */
struct store {
	const struct engine_ops *ops;
	char *path;		/* the file, or the URI without its password: for messages */
	char *user;
	unsigned flags;
	bool in_tx;		/* store_begin() is in force */
	bool erased;		/* a case was erased in the open transaction: the
				 * engine's commit wipes its traces from the files */
	store_wait_fn *wait_fn;	/* store_set_wait_hook */
	void *wait_ctx;
	int64_t wait_start;	/* clock_ms() when the current wait began */
	bool waited;		/* busy_wait was called since the last wait_over */
	int batch_fd;		/* the lock file of batches (batch.c), or -1 */
};

/* store.c: an engine's open and close fill in and free the common part. */
void store_init_common(struct store *st, const struct engine_ops *ops, const char *path,
		       const char *user, unsigned flags);
void store_free_common(struct store *st);

/* store.c: a schema version this samtale cannot open, refused alike by
 * every engine: one newer than the KNOWN latest, or one that names no
 * migration (a crafted or damaged header or row). */
enum sam_status schema_newer(const struct store *st, int64_t version, int known);
enum sam_status schema_unknown(const struct store *st, int64_t version);

/* Milliseconds of a clock that only goes forward. */
int64_t clock_ms(void);
void sleep_ms(unsigned ms);
/* The database file's mode for a file beside it: 0660 for a team's, else 0600. */
mode_t db_file_mode(const struct store *st);

/*
 * batch.c: bulk work in short steps. The cases of an unfinished batch (an
 * import being written, an erasure being deleted) are seen by no reader:
 * every query that lists cases, or counts meetings across cases, leaves
 * out HIDDEN_CASES (or HIDDEN_MEETINGS). With no batch under way (nearly
 * always) the subquery is empty and costs a lookup in an empty table.
 */
#define HIDDEN_CASES "(SELECT hc.id FROM cases hc WHERE hc.batch IN (SELECT id FROM batches))"
#define HIDDEN_MEETINGS \
	"(SELECT hm.id FROM cases hc JOIN meetings hm ON hm.case_id = hc.id" \
	" WHERE hc.batch IN (SELECT id FROM batches))"
/* For a WHERE clause: " AND" the case (the meeting) col is seen. The
 * first test is evaluated once per query, and then the other not at all. */
#define CASE_SHOWN(col) \
	" AND (NOT EXISTS (SELECT 1 FROM batches) OR " col " NOT IN " HIDDEN_CASES ")"
#define MEETING_SHOWN(col) \
	" AND (NOT EXISTS (SELECT 1 FROM batches) OR " col " NOT IN " HIDDEN_MEETINGS ")"

/* In a write transaction: a new batch of kind "add" or "erase", its
 * cases' audit lines saying action, locked by this process. */
enum sam_status batch_create(struct store *st, const char *kind, const char *action, int64_t *id);
void batch_unlock(struct store *st, int64_t id);
/* A step: *began is clock_ms() when its transaction began, 0 when none is
 * open. step_open begins one when none is open; step_next commits it once
 * it has held the lock for STEP_MS, and leaves the lock free a moment. */
enum sam_status batch_step_open(struct store *st, int64_t *began);
enum sam_status batch_step_next(struct store *st, int64_t *began);
/* Removes the batch's cases in steps, erasing them (action: the audit
 * line's) or, for an import that did not finish (action NULL), dropping
 * them without a trace; *n is how many. The last step is left open for
 * batch_finish. On failure the step is rolled back. */
enum sam_status batch_drain(struct store *st, int64_t batch, const char *action, int64_t *began,
			    size_t *n);
/* The last step: deletes the batch's row and commits, so that its cases
 * are seen (an import's) or the erasure is done; wipe: the WAL is wiped
 * as after an erasure. */
enum sam_status batch_finish(struct store *st, int64_t batch, int64_t *began, bool wipe);
/* Says (in the lock file of batches, when there is one) that this process
 * waits for the write lock, or no longer does, so that bulk work lets it
 * through between two steps. */
void batch_waiting(struct store *st, bool waiting);
/* At open: finishes the batches whose process is gone (a kill -9, a
 * crash): an erasure is completed, an import's cases are removed. */
void batches_resume(struct store *st);
/* Erases a case as case delete and purge do, its audit line saying action
 * (cases.c). The WAL is wiped when the transaction commits. action NULL:
 * a case of an import that never finished, removed without a line. */
enum sam_status case_erase(struct store *st, int64_t case_id, const char *action);

/* The indexes of schema 6 (SQLite's migration 6, PostgreSQL's 2): the
 * open cases and follow-ups in partial indexes; a meeting's follow-ups,
 * whose link erasing the meeting clears (else a scan of every follow-up
 * under the write lock); one caseworker's page of open cases. */
#define SCHEMA6_INDEXES \
	"CREATE INDEX cases_open ON cases(ref, closed) WHERE closed IS NULL;" \
	"DROP INDEX followups_due;" \
	"DROP INDEX followups_assignee;" \
	"CREATE INDEX followups_open_due ON followups(due) WHERE done = 0;" \
	"CREATE INDEX followups_open_assignee ON followups(assignee, due) WHERE done = 0;" \
	"CREATE INDEX followups_meeting ON followups(meeting_id) WHERE meeting_id IS NOT NULL;" \
	"CREATE INDEX cases_caseworker ON cases(caseworker, closed, ref);"

/* enum item_state as checklist.state stores it, spelt for SQL text. */
#define SQL_OPEN "0"
#define SQL_DONE "1"
#define SQL_NOT_RELEVANT "2"
_Static_assert(ITEM_OPEN == 0 && ITEM_DONE == 1 && ITEM_NOT_RELEVANT == 2,
	       "the SQL spelling of the item states");
/* How many rows of a group have col = state. */
#define SQL_COUNT(col, state) "count(*) FILTER (WHERE " col " = " state ")"

/* What section_counts holds, counted from the checklist: the migration to
 * schema 6 fills it so, db check compares, and db check --repair rebuilds. */
#define SECTION_COUNTS_OF_CHECKLIST \
	"SELECT c.meeting_id, i.section, " SQL_COUNT("c.state", SQL_OPEN) ", " \
	SQL_COUNT("c.state", SQL_DONE) ", " SQL_COUNT("c.state", SQL_NOT_RELEVANT) \
	" FROM checklist c JOIN wordings w ON w.id = c.wording" \
	" JOIN item_keys i ON i.id = w.item GROUP BY c.meeting_id, i.section"
/* What cases.last_meeting holds for the case whose id is c. */
#define LAST_MEETING_OF(c) "(SELECT max(date) FROM meetings WHERE case_id = " c ")"

/*
 * wordings.c: the wording of each item of a meeting is stored once per
 * distinct text, under the item's key and section (item_keys,
 * section_keys), found by a hash of the text. A checklist row refers to it.
 */

/* 64-bit FNV-1a of text, as the wordings table stores it. */
int64_t wording_hash(const char *text);

/* Finds or adds wordings through statements prepared once. Ids found are
 * remembered while the finder lives, so it must not outlive the
 * transaction that adds them, unless that one commits. */
struct wording_finder;
enum sam_status wording_finder_open(struct store *st, struct wording_finder **out);
/* The id of the item's wording: item_id, section_id and text (NULL = "")
 * as the meeting holds them. Adds what is not there yet. */
enum sam_status wording_find(struct wording_finder *wf, const struct meeting_item_spec *it,
			     int64_t *id);
void wording_finder_close(struct wording_finder *wf);
/* Refuses an item list that holds an item twice, with the message that
 * names it. */
enum sam_status check_items_once(const struct meeting_item_spec *items, size_t n);


/*
 * stmt.c: statements in the SQL both engines run (engine.h), through the
 * store's engine.
 */

/* A status with a message for the user from a step's or prepare's code:
 * never "database is locked", never stored text. */
enum sam_status db_error(struct store *st, int rc);

enum sam_status db_exec(struct store *st, const char *sql);
enum sam_status db_prepare(struct store *st, const char *sql, struct db_stmt **out);
/* Steps a statement that returns no rows. */
enum sam_status db_step_done(struct store *st, struct db_stmt *stmt);
/* Steps an INSERT ... RETURNING id: *id is the new row's, 0 when the
 * statement inserted none. The statement is reset for its next use. */
enum sam_status db_insert_id(struct store *st, struct db_stmt *stmt, int64_t *id);
/* Binds text, or NULL when s is NULL or empty. */
void db_bind_text(struct db_stmt *stmt, int idx, const char *s);
/* A copy of the column, or NULL when it is NULL. */
char *db_col_str(struct db_stmt *stmt, int col);
/* NULL does nothing. */
void db_finalize(struct db_stmt *stmt);
/* The single integer a query returns. */
enum sam_status db_query_int(struct store *st, const char *sql, int64_t *out);

static inline int db_step(struct db_stmt *s)
{
	return s->ops->step(s);
}

static inline void db_bind_int(struct db_stmt *s, int idx, int64_t v)
{
	s->ops->bind_int(s, idx, v);
}

/* Copied; NULL binds NULL. */
static inline void db_bind_str(struct db_stmt *s, int idx, const char *v)
{
	s->ops->bind_str(s, idx, v);
}

static inline int db_param_index(struct db_stmt *s, const char *name)
{
	return s->ops->param_index(s, name);
}

static inline int64_t db_col_int(struct db_stmt *s, int col)
{
	return s->ops->col_int(s, col);
}

/* NULL for NULL; valid until the next step. */
static inline const char *db_col_text(struct db_stmt *s, int col)
{
	return s->ops->col_text(s, col);
}

static inline int db_col_count(struct db_stmt *s)
{
	return s->ops->col_count(s);
}

static inline void db_reset(struct db_stmt *s)
{
	s->ops->reset(s);
}

static inline int64_t db_changes(struct store *st)
{
	return st->ops->changes(st);
}

/* A read transaction of one snapshot, ended by db_exec(st, "COMMIT"). */
static inline enum sam_status db_begin_read(struct store *st)
{
	return st->ops->begin_read(st);
}

/* Statements prepared once for many rows (bulk writing, export reading):
 * sql[0..n) into stmts[0..n). On failure every one is finalized again. */
enum sam_status db_prepare_all(struct store *st, const char *const *sql, struct db_stmt **stmts,
			       size_t n);
void db_finalize_all(struct db_stmt **stmts, size_t n);
/* Ends a use of a statement that is kept for the next: resets it and clears
 * its bindings. rc is its last step's result; DB_DONE is SAM_OK. */
enum sam_status db_done(struct store *st, struct db_stmt *stmt, int rc);
/* Steps a kept statement that returns no rows, then db_done. */
enum sam_status db_run(struct store *st, struct db_stmt *stmt);

/*
 * rows.c: one place that turns a row into a record. A query selects the
 * record's columns in the order of its *_COLUMNS list (prefix: the table's
 * alias with its dot, or ""), and row_* reads them from column col on.
 * row_* clears the record first; fields outside the list stay NULL or 0.
 */
#define PROFILE_COLUMN(p, name, key) ", " p #key
#define PROFILE_COLUMN_LIST(p) PROFILE_FIELDS(PROFILE_COLUMN, p)
#define CASE_COLUMNS(p) \
	p "id, " p "ref, " p "initials, " p "caseworker, " p "opened, " p "closed" \
	PROFILE_COLUMN_LIST(p)
#define CASE_NCOLUMNS (6 + PROFILE_NFIELDS)
#define MEETING_COLUMNS(p) \
	p "id, " p "case_id, " p "date, " p "type, " p "caseworker, " p "note, " p "agreed, " \
	p "interpreter, " p "next_date, " p "next_time, " p "next_place"
#define MEETING_NCOLUMNS 11
/* A checklist row is a meeting item through the small tables it refers to:
 * CHECKLIST_JOIN(c) joins checklist row c to its wording (c "w"), item key
 * (c "i") and section key (c "s"); ITEM_COLUMNS(c) selects the item's
 * columns from them. */
#define CHECKLIST_JOIN(c) \
	" JOIN wordings " c "w ON " c "w.id = " c ".wording" \
	" JOIN item_keys " c "i ON " c "i.id = " c "w.item" \
	" JOIN section_keys " c "s ON " c "s.id = " c "i.section"
#define ITEM_COLUMNS(c) c "i.key, " c "s.key, " c "w.text, " c ".state, " c ".note"
#define ITEM_NCOLUMNS 5
#define FOLLOWUP_COLUMNS(p) \
	p "id, " p "case_id, " p "meeting_id, " p "due, " p "text, " p "assignee, " p "done, " p "her"
#define FOLLOWUP_NCOLUMNS 8

#define INTERNSHIP_COLUMNS(p) \
	p "id, " p "case_id, " p "workplace, " p "field, " p "from_date, " p "planned_to, " \
	p "ended, " p "contact, " p "goal, " p "job_possible, " p "outcome, " p "outcome_reason, " \
	p "caseworker"
#define INTERNSHIP_NCOLUMNS 13

void row_case(struct db_stmt *stmt, int col, struct case_rec *c);
void row_meeting(struct db_stmt *stmt, int col, struct meeting_rec *m);
void row_item(struct db_stmt *stmt, int col, struct meeting_item *it);
void row_followup(struct db_stmt *stmt, int col, struct followup_rec *f);
/* internships.c */
void row_internship(struct db_stmt *stmt, int col, struct internship_rec *in);
/* The checks of store_internship_add (whole: also of the end, for bulk
 * writing), with their messages. */
enum sam_status check_internship(const struct internship_spec *in, bool whole);

/* caselist.c: a GLOB pattern finding filter anywhere, case-folded as the
 * TUI's list filter folds (ASCII, and Latin-1 letters such as Æ, Ø, Å). */
char *glob_pattern(const char *filter);

/* A write: BEGIN IMMEDIATE (retried while another writer holds the lock),
 * or a savepoint inside store_begin(). write_end commits or rolls back by
 * status and returns status (or the commit's failure). */
enum sam_status write_begin(struct store *st);
enum sam_status write_end(struct store *st, enum sam_status status);

/* Refuses text that is not valid UTF-8, longer than max bytes, holding a
 * control character other than tab and line ends, or something shaped like a
 * CPR number. what names the field in the message. */
enum sam_status check_text(const char *what, const char *text, size_t max);
/* A case reference or initials: also non-empty and no control characters. */
enum sam_status check_label(const char *what, const char *text, size_t max);
enum sam_status check_date(const char *what, const char *date);
/* check_text for one field of the profile, named as in the message (cases.c). */
enum sam_status check_profile(enum profile_field field, const char *text);
/* A meeting's next appointment: a date not before the meeting's, a time
 * "HH:MM" or NULL, a place of plain text (meetings.c). */
enum sam_status check_meeting_next(const char *meeting_date, const char *date, const char *time,
				   const char *place);
/* One copy of each record's checks, for a single change and bulk writing. */
enum sam_status check_case_fields(const char *ref, const char *initials, const char *opened);
enum sam_status check_caseworker(const char *name);
enum sam_status check_meeting_field(enum meeting_field field, const char *text);
enum sam_status check_item_note(const char *note);
enum sam_status check_due(const char *due);
enum sam_status check_followup_text(const char *text);
enum sam_status check_assignee(const char *name);
enum sam_status check_followup_fields(const char *due, const char *text, const char *assignee);
/* date, or today written into buf when date is NULL. */
const char *date_or_today(const char *date, sam_date buf);

/* audit.c: one line of who did what to which object; never personal data.
 * case_id ties the line to a case so that erasure removes it (0 = none). */
enum sam_status audit_log(struct store *st, const char *action, int64_t case_id,
			  int64_t object_id, const char *detail);
/* Erasure: removes every audit line that names the case. */
enum sam_status audit_forget_case(struct store *st, int64_t case_id);

/* Limits on stored text, in bytes. */
#define REF_MAX 64
#define INITIALS_MAX 16
#define NAME_MAX_BYTES 128
#define NOTE_MAX (64 * 1024)
#define WORKPLACE_MAX 256

#endif
