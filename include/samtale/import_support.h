#ifndef SAMTALE_IMPORT_SUPPORT_H
#define SAMTALE_IMPORT_SUPPORT_H

/*
 * Store functions only import needs (src/store/import_support.c): whole
 * cases written through statements prepared once for the whole import, as
 * the bulk path does for demo data, but with the checks, defaults and
 * messages of the one-change-at-a-time functions (store_case_add,
 * store_meeting_set, store_followup_add, store_case_close, ...), so that an
 * import refuses exactly what a caseworker could not have typed. An
 * imported case or meeting keeps the caseworker who recorded it.
 *
 * Only inside store_begin()/store_commit(). A case is written by
 * store_import_case, then any number of store_import_meeting and
 * store_import_followup, then store_import_case_end, which closes it when
 * asked and writes its one audit line. Failures leave the transaction for
 * the caller to roll back.
 */

#include "samtale/store.h"

struct store_import;

enum sam_status store_import_open(struct store *st, struct store_import **out);
void store_import_close(struct store_import *im);

/* Uses c's ref, initials, caseworker (NULL: the store's user), opened
 * (NULL: today) and profile; closed is for store_import_case_end and the
 * meeting and follow-up lists are not read. A ref already in the database
 * is refused with "already exists in the database". */
enum sam_status store_import_case(struct store_import *im, const struct store_bulk_case *c);
/* A meeting of the current case: its caseworker NULL is the store's user. */
enum sam_status store_import_meeting(struct store_import *im, const struct store_bulk_meeting *m);
/* A follow-up of the current case, made outside any meeting; assignee
 * NULL is the store's user. */
enum sam_status store_import_followup(struct store_import *im, const char *due, const char *text,
				      const char *assignee, bool done);
/* Closes the current case on closed (NULL: stays open), never before it opened. */
enum sam_status store_import_case_end(struct store_import *im, const char *closed);

#endif
