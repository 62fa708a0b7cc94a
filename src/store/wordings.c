#include "store_int.h"

#include <stdlib.h>
#include <string.h>

#include "samtale/util.h"

/*
 * Store: the wordings a meeting's items were held with. Most meetings hold
 * the same dozen wordings, so each distinct one is stored once and the
 * checklist refers to it by a small id. A wording is found by the hash of
 * its text (wordings_hash), and the text itself is compared, so that two
 * texts of the same hash are two wordings: the hash is an index, never an
 * identity. Rows are never changed or removed, so an id found stays right.
 */

int64_t wording_hash(const char *text)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		h ^= *p;
		h *= 0x100000001b3ULL;
	}
	/* Integers in SQL are signed: the same 64 bits. */
	return (int64_t)h;
}

enum sam_status check_items_once(const struct meeting_item_spec *items, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < i; j++)
			if (str_eq(items[i].item_id, items[j].item_id))
				return sam_fail(SAM_ERR_INVALID, _("the item %s is in the meeting twice"),
						items[i].item_id);
	return SAM_OK;
}

enum finder_stmt { F_FIND, F_SECTION, F_SECTION_ADD, F_ITEM, F_ITEM_ADD, F_WORDING_ADD, F_COUNT };

static const char *const finder_sql[F_COUNT] = {
	[F_FIND] = "SELECT w.id FROM wordings w JOIN item_keys i ON i.id = w.item"
		   " JOIN section_keys s ON s.id = i.section"
		   " WHERE w.hash = ?1 AND w.text = ?2 AND i.key = ?3 AND s.key = ?4",
	[F_SECTION] = "SELECT id FROM section_keys WHERE key = ?1",
	[F_SECTION_ADD] = "INSERT INTO section_keys (key) VALUES (?1) RETURNING id",
	[F_ITEM] = "SELECT id FROM item_keys WHERE key = ?1 AND section = ?2",
	[F_ITEM_ADD] = "INSERT INTO item_keys (key, section) VALUES (?1, ?2) RETURNING id",
	[F_WORDING_ADD] = "INSERT INTO wordings (item, hash, text) VALUES (?1, ?2, ?3) RETURNING id",
};

/* The ids found lately, by the hash of item, section and text: a bulk
 * import asks for the same dozen wordings half a million times. */
#define FINDER_SLOTS 64

struct finder_slot {
	uint64_t key;
	char *item_id, *section_id, *text;
	int64_t id;
};

struct wording_finder {
	struct store *st;
	struct db_stmt *stmt[F_COUNT];
	struct finder_slot slot[FINDER_SLOTS];
};

enum sam_status wording_finder_open(struct store *st, struct wording_finder **out)
{
	struct wording_finder *wf = xcalloc(1, sizeof(*wf));
	enum sam_status status = db_prepare_all(st, finder_sql, wf->stmt, F_COUNT);

	*out = NULL;
	if (status != SAM_OK) {
		free(wf);
		return status;
	}
	wf->st = st;
	*out = wf;
	return SAM_OK;
}

void wording_finder_close(struct wording_finder *wf)
{
	if (!wf)
		return;
	db_finalize_all(wf->stmt, F_COUNT);
	for (size_t i = 0; i < FINDER_SLOTS; i++) {
		free(wf->slot[i].item_id);
		free(wf->slot[i].section_id);
		free(wf->slot[i].text);
	}
	free(wf);
}

/* Steps stmt, whose parameters are bound, for the id in its first row: *id
 * 0 when it returns none. An INSERT's RETURNING row comes once the row is
 * written. */
static enum sam_status one_id(struct store *st, struct db_stmt *stmt, int64_t *id)
{
	int rc = db_step(stmt);

	*id = 0;
	if (rc == DB_ROW) {
		*id = db_col_int(stmt, 0);
		rc = DB_DONE;
	}
	return db_done(st, stmt, rc);
}

/* The id of key in a table of keys (get, then add: RETURNING), with a
 * second key column when other is not 0. */
static enum sam_status key_id(struct wording_finder *wf, enum finder_stmt get, const char *key,
			      int64_t other, int64_t *id)
{
	for (int add = 0; add < 2; add++) {
		struct db_stmt *stmt = wf->stmt[get + add];
		enum sam_status status;

		db_bind_str(stmt, 1, key);
		if (other)
			db_bind_int(stmt, 2, other);
		if ((status = one_id(wf->st, stmt, id)) != SAM_OK || *id)
			return status;
	}
	return sam_error("no id for the key %s", key);
}

static enum sam_status add_wording(struct wording_finder *wf, const struct meeting_item_spec *it,
				   const char *text, int64_t hash, int64_t *id)
{
	struct db_stmt *stmt = wf->stmt[F_WORDING_ADD];
	int64_t section, item;
	enum sam_status status;

	if ((status = key_id(wf, F_SECTION, it->section_id, 0, &section)) != SAM_OK ||
	    (status = key_id(wf, F_ITEM, it->item_id, section, &item)) != SAM_OK)
		return status;
	db_bind_int(stmt, 1, item);
	db_bind_int(stmt, 2, hash);
	db_bind_str(stmt, 3, text);
	return one_id(wf->st, stmt, id);
}

static uint64_t slot_key(const struct meeting_item_spec *it, const char *text)
{
	return (uint64_t)wording_hash(it->item_id) * 31 + (uint64_t)wording_hash(it->section_id) * 7 +
	       (uint64_t)wording_hash(text);
}

enum sam_status wording_find(struct wording_finder *wf, const struct meeting_item_spec *it,
			     int64_t *id)
{
	const char *text = it->text ? it->text : "";
	uint64_t key = slot_key(it, text);
	struct finder_slot *s = &wf->slot[key % FINDER_SLOTS];
	struct db_stmt *stmt = wf->stmt[F_FIND];
	int64_t hash = wording_hash(text);
	enum sam_status status;

	if (s->item_id && s->key == key && !strcmp(s->item_id, it->item_id) &&
	    !strcmp(s->section_id, it->section_id) && !strcmp(s->text, text)) {
		*id = s->id;
		return SAM_OK;
	}
	db_bind_int(stmt, 1, hash);
	db_bind_str(stmt, 2, text);
	db_bind_str(stmt, 3, it->item_id);
	db_bind_str(stmt, 4, it->section_id);
	if ((status = one_id(wf->st, stmt, id)) != SAM_OK ||
	    (!*id && (status = add_wording(wf, it, text, hash, id)) != SAM_OK))
		return status;
	free(s->item_id);
	free(s->section_id);
	free(s->text);
	s->key = key;
	s->item_id = xstrdup(it->item_id);
	s->section_id = xstrdup(it->section_id);
	s->text = xstrdup(text);
	s->id = *id;
	return SAM_OK;
}
