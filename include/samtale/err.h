#ifndef SAMTALE_ERR_H
#define SAMTALE_ERR_H

/*
 * Errors: every fallible function returns an enum sam_status. The text that
 * explains a failure is kept in one per-thread slot, set by sam_error() at the
 * place that knows what went wrong, and shown by whoever is on top (the CLI
 * prints "samtale: <text>", the TUI shows it in the status line).
 */

enum sam_status {
	SAM_OK = 0,
	SAM_ERR_NOMEM,
	SAM_ERR_IO,
	SAM_ERR_DB,
	SAM_ERR_INVALID,	/* bad input from the user or a file */
	SAM_ERR_NOT_FOUND,
	SAM_ERR_BUSY,		/* the database stayed locked past every retry */
	SAM_ERR_PENDING,	/* an erasure is committed, but another process's read
				 * keeps its data in the files until the next open */
	SAM_ERR_MSG,		/* generic failure, explained by sam_errmsg() */
};

/* Saves the message and returns SAM_ERR_MSG. */
enum sam_status sam_error(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

/* Saves the message and returns st, for callers that must tell failures apart. */
enum sam_status sam_fail(enum sam_status st, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Puts "prefix: " in front of the saved message; returns st. */
enum sam_status sam_error_prefix(enum sam_status st, const char *prefix);

/* The last saved message, or "unknown error" when none was saved. */
const char *sam_errmsg(void);
void sam_error_clear(void);

#endif
