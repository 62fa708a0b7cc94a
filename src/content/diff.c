#include "samtale/content.h"

#include <stdlib.h>
#include <string.h>

#include "content_int.h"
#include "samtale/util.h"

/*
 * Content: what changed between two trees, for the content editor before a
 * rollout. Held meetings keep their wording whatever changes; what matters
 * is which ids vanish (an error: ids never change once used), which
 * wordings and meeting types change, and the order sections are shown in.
 */

static void add_change(struct content_changes *c, enum content_change_kind kind, const char *id,
		       bool section, const char *lang, char *before, char *after)
{
	struct content_change *ch;

	c->v = array_grow(c->v, c->n, &c->cap, sizeof(*c->v));
	ch = &c->v[c->n++];
	*ch = (struct content_change){ kind, id ? xstrdup(id) : NULL, section,
				       lang ? xstrdup(lang) : NULL, before, after };
	if (kind == CHANGE_REMOVED)
		c->nerrors++;
}

void content_changes_free(struct content_changes *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->v[i].id);
		free(c->v[i].lang);
		free(c->v[i].before);
		free(c->v[i].after);
	}
	free(c->v);
	memset(c, 0, sizeof(*c));
}

/* "foerste, opfoelgning", or "" for every meeting type. */
static char *meetings_text(const struct content_item *it)
{
	struct strbuf sb = { 0 };

	for (size_t i = 0; i < it->nmeetings; i++)
		strbuf_addf(&sb, "%s%s", i ? ", " : "", it->meetings[i]);
	return strbuf_detach(&sb);
}

static char *sections_text(const struct content_guide *g)
{
	struct strbuf sb = { 0 };

	for (size_t i = 0; i < g->nsections; i++)
		strbuf_addf(&sb, "%s%s", i ? ", " : "", g->sections[i].id);
	return strbuf_detach(&sb);
}

/* The ids (sections, then their items) of a that b lacks, as kind. */
static void ids_missing(const struct content_guide *a, const struct content_guide *b,
			enum content_change_kind kind, struct content_changes *c)
{
	for (size_t s = 0; s < a->nsections; s++) {
		const struct content_section *sec = &a->sections[s];

		if (!content_section_find(b, sec->id)) {
			add_change(c, kind, sec->id, true, NULL, NULL, NULL);
			continue;
		}
		for (size_t i = 0; i < sec->nitems; i++)
			if (!content_item_find(b, sec->items[i].full_id))
				add_change(c, kind, sec->items[i].full_id, false, NULL, NULL, NULL);
	}
}

static void item_changes(const struct content_guide *a, const struct content_guide *b,
			 struct content_changes *c)
{
	for (size_t s = 0; s < a->nsections; s++)
		for (size_t i = 0; i < a->sections[s].nitems; i++) {
			const struct content_item *old = &a->sections[s].items[i];
			const struct content_item *new = content_item_find(b, old->full_id);
			char *before, *after;

			if (!new)
				continue;
			before = meetings_text(old);
			after = meetings_text(new);
			if (strcmp(before, after))
				add_change(c, CHANGE_MEETINGS, old->full_id, false, NULL, before, after);
			else {
				free(before);
				free(after);
			}
			if (old->kind != new->kind)
				add_change(c, CHANGE_KIND, old->full_id, false, NULL,
					   xstrdup(content_kind_name(old->kind)),
					   xstrdup(content_kind_name(new->kind)));
		}
}

/* The order of the sections both trees have. */
static void order_change(const struct content_guide *a, const struct content_guide *b,
			 struct content_changes *c)
{
	size_t j = 0;
	bool moved = false;

	for (size_t i = 0; i < a->nsections && !moved; i++) {
		if (!content_section_find(b, a->sections[i].id))
			continue;
		while (j < b->nsections && !content_section_find(a, b->sections[j].id))
			j++;
		moved = j == b->nsections || strcmp(a->sections[i].id, b->sections[j].id);
		j++;
	}
	if (moved)
		add_change(c, CHANGE_ORDER, NULL, true, NULL, sections_text(a), sections_text(b));
}

static void rewordings(const struct content_guide *a, const struct content_guide *b,
		       const char *lang, struct content_changes *c)
{
	for (size_t s = 0; s < a->nsections; s++)
		for (size_t i = 0; i < a->sections[s].nitems; i++) {
			const struct content_item *old = &a->sections[s].items[i];
			const struct content_item *new = content_item_find(b, old->full_id);

			if (new && strcmp(old->text, new->text))
				add_change(c, CHANGE_REWORDED, old->full_id, false, lang, xstrdup(old->text),
					   xstrdup(new->text));
		}
}

static bool has_lang(char **langs, size_t n, const char *lang)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(langs[i], lang))
			return true;
	return false;
}

/* The language ids are compared in: Danish, the original, else the first. */
static size_t reference_lang(char **langs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(langs[i], "da"))
			return i;
	return 0;
}

enum sam_status content_diff(const char *old_root, const char *new_root,
			     struct content_changes *out, struct content_diags *diags)
{
	char **langs = NULL, **new_langs = NULL;
	size_t nlangs = 0, nnew = 0, before = diags->nerrors;
	enum sam_status st = SAM_OK;

	memset(out, 0, sizeof(*out));
	if (content_check(old_root, diags) != SAM_OK || content_check(new_root, diags) != SAM_OK ||
	    !content_languages(old_root, &langs, &nlangs, diags) ||
	    !content_languages(new_root, &new_langs, &nnew, diags))
		goto out;
	for (size_t k = 0; k < nlangs; k++) {
		size_t l = (k + reference_lang(langs, nlangs)) % nlangs;	/* the reference first */
		struct content_guide *a = NULL, *b = NULL;

		if (!has_lang(new_langs, nnew, langs[l])) {
			diag_add(diags, new_root, 1, 1, true, _("the language '%s' is missing"),
				 langs[l]);
			continue;
		}
		if (content_load(old_root, langs[l], &a, diags) == SAM_OK &&
		    content_load(new_root, langs[l], &b, diags) == SAM_OK) {
			if (k == 0) {
				ids_missing(a, b, CHANGE_REMOVED, out);
				ids_missing(b, a, CHANGE_ADDED, out);
				item_changes(a, b, out);
				order_change(a, b, out);
			}
			rewordings(a, b, langs[l], out);
		}
		content_guide_free(a);
		content_guide_free(b);
	}
out:
	names_free(langs, nlangs);
	names_free(new_langs, nnew);
	if (diags->nerrors > before) {
		content_changes_free(out);
		st = SAM_ERR_INVALID;
	}
	return st;
}
