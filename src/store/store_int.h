#ifndef SAMTALE_STORE_INT_H
#define SAMTALE_STORE_INT_H

/*
 * Inside the store: the handle and the helpers every file of src/store uses.
 * Not for other modules; they see only samtale/store.h.
 */

#include <sqlite3.h>

#include "samtale/store.h"

struct store {
	sqlite3 *db;
	char *path;
	char *user;
	unsigned flags;
	bool in_tx;		/* store_begin() is in force */
	bool wipe_wal;		/* an erasure awaits a WAL checkpoint */
};

/* Maps a SQLite result code to a status with a message for the user that
 * never says "database is locked" and never repeats stored text. */
enum sam_status db_error(struct store *st, int rc);

enum sam_status db_exec(struct store *st, const char *sql);
enum sam_status db_prepare(struct store *st, const char *sql, sqlite3_stmt **out);
/* Steps a statement that returns no rows. */
enum sam_status db_step_done(struct store *st, sqlite3_stmt *stmt);
/* Binds text, or NULL when s is NULL or empty. */
void db_bind_text(sqlite3_stmt *stmt, int idx, const char *s);
/* A copy of the column, or NULL when it is NULL. */
char *db_col_str(sqlite3_stmt *stmt, int col);

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

#endif
