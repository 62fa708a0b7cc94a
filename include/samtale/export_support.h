#ifndef SAMTALE_EXPORT_SUPPORT_H
#define SAMTALE_EXPORT_SUPPORT_H

/*
 * Store functions only export needs (src/store/export_support.c): whole
 * cases read one after another through statements prepared once, so that an
 * export of every case costs four queries a case and holds one case at a
 * time. All reads through one reader see the same state of the database.
 */

#include <stdint.h>

#include "samtale/store.h"

struct store_reader;

enum sam_status store_reader_open(struct store *st, struct store_reader **out);
void store_reader_close(struct store_reader *r);

/* Ids of every case in ref order, or only of those whose ref is in
 * refs[0..nrefs) when nrefs > 0 (each once; refs not there are left out). */
enum sam_status store_reader_case_ids(struct store_reader *r, const char *const *refs,
				      size_t nrefs, int64_t **ids, size_t *n);

/* The case with id as store_case_get_by_id gives it (without the fields
 * only store_case_list fills), its meetings with their items as
 * store_meeting_list and store_meeting_get give them, and all its
 * follow-ups, done or not, in store_followup_list's order (case_ref not
 * filled). On error nothing is left to free. */
enum sam_status store_reader_case(struct store_reader *r, int64_t id, struct case_rec *c,
				  struct meeting_list *meetings, struct followup_list *followups);
/* The case's internships by start (case_ref not filled). On error nothing
 * is left to free. */
enum sam_status store_reader_internships(struct store_reader *r, int64_t case_id,
					 struct internship_list *out);

#endif
