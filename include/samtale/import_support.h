#ifndef SAMTALE_IMPORT_SUPPORT_H
#define SAMTALE_IMPORT_SUPPORT_H

/*
 * Store functions only import needs (src/store/import_support.c): an
 * imported case or meeting keeps the caseworker who recorded it, where
 * store_case_add and store_meeting_add record the store's user. Same rules
 * as store.h: checked like every name, audited, committed unless inside
 * store_begin().
 */

#include <stdint.h>

#include "samtale/store.h"

/* SAM_ERR_NOT_FOUND when there is no such case or meeting. */
enum sam_status store_case_set_caseworker(struct store *st, int64_t case_id,
					  const char *caseworker);
enum sam_status store_meeting_set_caseworker(struct store *st, int64_t meeting_id,
					     const char *caseworker);

#endif
