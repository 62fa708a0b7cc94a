#include "content_int.h"

#include <stdlib.h>
#include <string.h>

#include "samtale/util.h"

/*
 * Content: the schema (SPEC §2), checked node by node
 */

static struct src_mark mark_of(const struct ynode *n)
{
	return (struct src_mark){ n->line, n->col };
}

static const char *kind_name(const struct ynode *n)
{
	switch (n->kind) {
	case YN_SEQ: return _("a list");
	case YN_MAP: return _("a mapping (key: value)");
	case YN_SCALAR: break;
	}
	return n->plain && !*n->str ? _("nothing") : _("a text");
}

static void unknown_key(struct vctx *c, const struct ynode *k, const struct keyspec *spec, size_t nspec)
{
	const char *names[16];
	const char *best;

	for (size_t i = 0; i < nspec; i++)
		names[i] = spec[i].key;
	best = content_suggest(k->str, names, nspec);
	if (best)
		ERR(c, k, _("unknown key '%.60s'; did you mean '%s'?"), k->str, best);
	else
		ERR(c, k, _("unknown key '%.60s'"), k->str);
}

bool check_keys(struct vctx *c, const struct ynode *node, const char *what,
		const struct keyspec *spec, size_t nspec, struct keyval *kv)
{
	memset(kv, 0, nspec * sizeof(*kv));
	if (node->kind != YN_MAP) {
		ERR(c, node, _("%s must be a mapping (key: value), not %s"), what, kind_name(node));
		return false;
	}
	for (size_t i = 0; i + 1 < node->n; i += 2) {
		const struct ynode *k = node->v[i];
		size_t j;

		if (k->kind != YN_SCALAR) {
			ERR(c, k, "%s", _("a key must be a word"));
			continue;
		}
		for (j = 0; j < nspec && strcmp(spec[j].key, k->str); j++)
			;
		if (j == nspec)
			unknown_key(c, k, spec, nspec);
		else if (kv[j].key)
			ERR(c, k, _("duplicate key '%s' (first at line %u)"), k->str, kv[j].key->line);
		else
			kv[j] = (struct keyval){ k, node->v[i + 1] };
	}
	for (size_t j = 0; j < nspec; j++)
		if (spec[j].required && !kv[j].key)
			ERR(c, node, _("%s is missing the key '%s'"),
			    what, spec[j].key);
	return true;
}

char *get_text(struct vctx *c, const struct keyval *kv)
{
	const struct ynode *v = kv->val;
	size_t n;

	if (!v)
		return NULL;
	if (v->kind != YN_SCALAR) {
		ERR(c, v, _("'%s' must be a text, not %s"),
		    kv->key->str, kind_name(v));
		return NULL;
	}
	if (str_empty(v->str)) {
		ERR(c, v, _("'%s' is empty"), kv->key->str);
		return NULL;
	}
	n = strlen(v->str);
	while (n && strchr(" \t\r\n", v->str[n - 1]))
		n--;
	return xstrndup(v->str, n);
}

/* The "language" key, which must name the folder (when expect_lang is given). */
static const char *get_language(struct vctx *c, const struct keyval *kv, const char *expect_lang)
{
	char *lang = get_text(c, kv);

	if (lang && expect_lang && strcmp(lang, expect_lang))
		ERR(c, kv->val, _("language '%.40s' does not match the folder '%s'"), lang, expect_lang);
	return lang;
}

bool get_int(struct vctx *c, const struct keyval *kv, int *out)
{
	const struct ynode *v = kv->val;
	const char *s;
	char *end;
	long n;

	if (!v)
		return false;
	s = v->str;
	if (v->kind == YN_SCALAR && v->plain && s[*s == '-'] >= '0' && s[*s == '-'] <= '9') {
		n = strtol(s, &end, 10);
		if (!*end && n > -100000 && n < 100000) {
			*out = (int)n;
			return true;
		}
	}
	if (v->kind == YN_SCALAR)
		ERR(c, v, _("'%s' must be a whole number, not '%.40s'"), kv->key->str, s);
	else
		ERR(c, v, _("'%s' must be a whole number, not %s"),
		    kv->key->str, kind_name(v));
	return false;
}

int get_word(struct vctx *c, const struct keyval *kv, const char *const *words, size_t n, int dflt)
{
	const struct ynode *v = kv->val;
	const char *best;

	if (!v)
		return dflt;
	if (v->kind == YN_SCALAR)
		for (size_t i = 0; i < n; i++)
			if (!strcmp(v->str, words[i]))
				return (int)i;
	if (v->kind != YN_SCALAR)
		ERR(c, v, _("'%s' must be a word, not %s"),
		    kv->key->str, kind_name(v));
	else if ((best = content_suggest(v->str, words, n)))
		ERR(c, v, _("'%s' cannot be '%.40s'; did you mean '%s'?"), kv->key->str, v->str, best);
	else
		ERR(c, v, _("'%s' cannot be '%.40s' (%s or %s)"), kv->key->str, v->str, words[0], words[1]);
	return dflt;
}

static const char *const kind_words[] = { [CONTENT_ACTION] = "action",
					  [CONTENT_REFLECTION] = "reflection" };
static const char *const origin_words[] = { [ORIGIN_SEED] = "seed", [ORIGIN_LOCAL] = "local" };

const char *content_kind_name(enum content_kind k)
{
	return kind_words[k];
}

const char *content_origin_name(enum content_origin o)
{
	return origin_words[o];
}

static enum content_origin get_origin(struct vctx *c, const struct keyval *kv,
				      enum content_origin dflt)
{
	return (enum content_origin)get_word(c, kv, origin_words, ARRAY_SIZE(origin_words), (int)dflt);
}

/* An id: lowercase ASCII letters, digits and '-'. NULL (reported) otherwise. */
static const char *get_id(struct vctx *c, const struct ynode *v, const char *what)
{
	if (v->kind != YN_SCALAR) {
		ERR(c, v, _("%s must be an id, not %s"), what, kind_name(v));
		return NULL;
	}
	if (!*v->str) {
		ERR(c, v, _("%s is empty"), what);
		return NULL;
	}
	if (strspn(v->str, "abcdefghijklmnopqrstuvwxyz0123456789-") != strlen(v->str)) {
		ERR(c, v, _("malformed id '%.40s': use only a-z, 0-9 and '-'"), v->str);
		return NULL;
	}
	return v->str;
}

bool get_list(struct vctx *c, const struct keyval *kv, bool may_be_empty)
{
	const struct ynode *v = kv->val;

	if (!v)
		return false;
	if (v->kind != YN_SEQ) {
		ERR(c, v, _("'%s' must be a list, not %s"),
		    kv->key->str, kind_name(v));
		return false;
	}
	if (!v->n && !may_be_empty) {
		ERR(c, v, _("'%s' is an empty list"), kv->key->str);
		return false;
	}
	if (v->n > CONTENT_MAX_LIST) {
		ERR(c, v, _("'%s' has over %d entries"),
		    kv->key->str, CONTENT_MAX_LIST);
		return false;
	}
	return true;
}

/* Reports id when an earlier entry of ids[0..n) has it. */
static bool is_duplicate(struct vctx *c, const struct ynode *v, const char *what,
			 const char *const *ids, const struct src_mark *marks, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (strcmp(ids[i], v->str))
			continue;
		ERR(c, v, _("duplicate %s '%s' (first at line %u)"),
		    what, v->str, marks[i].line);
		return true;
	}
	return false;
}

/*
 * guide.yaml
 */

enum { GK_LANGUAGE, GK_TITLE, GK_INTRO, GK_SECTIONS, GK_MEETING_TYPES, GK_SOURCES, GK_N };
static const struct keyspec guide_keys[GK_N] = {
	{ "language", true }, { "title", true }, { "intro", true },
	{ "sections", true }, { "meeting_types", true }, { "sources", false },
};

enum { MK_ID, MK_TITLE, MK_DESCRIPTION, MK_N };
static const struct keyspec meeting_keys[MK_N] = {
	{ "id", true }, { "title", true }, { "description", false },
};

enum { RK_TITLE, RK_WHERE, RK_N };
static const struct keyspec source_keys[RK_N] = { { "title", true }, { "where", true } };

static void guide_meeting_types(struct vctx *c, const struct keyval *kv, struct guide_priv *p)
{
	struct content_guide *g = &p->g;
	const struct ynode *list = kv->val;
	const char **ids;

	if (!get_list(c, kv, false))
		return;
	p->meeting_types_key = mark_of(kv->key);
	g->meeting_types = xcalloc(list->n, sizeof(*g->meeting_types));
	p->mt_marks = xcalloc(list->n, sizeof(*p->mt_marks));
	ids = xcalloc(list->n, sizeof(*ids));
	for (size_t i = 0; i < list->n; i++) {
		struct content_meeting_type *mt = &g->meeting_types[g->nmeeting_types];
		struct keyval f[MK_N];
		const char *id;

		if (!check_keys(c, list->v[i], _("the meeting type"), meeting_keys, MK_N, f)
		    || !f[MK_ID].val)
			continue;
		id = get_id(c, f[MK_ID].val, _("the meeting type's id"));
		if (!id || is_duplicate(c, f[MK_ID].val, C_("content/validate", "meeting type"), ids,
					p->mt_marks, g->nmeeting_types))
			continue;
		mt->id = xstrdup(id);
		mt->title = get_text(c, &f[MK_TITLE]);
		mt->description = get_text(c, &f[MK_DESCRIPTION]);
		ids[g->nmeeting_types] = mt->id;
		p->mt_marks[g->nmeeting_types++] = mark_of(f[MK_ID].val);
	}
	free(ids);
}

static void guide_sections(struct vctx *c, const struct keyval *kv, struct guide_priv *p,
			   struct section_ref **refs, size_t *nrefs)
{
	const struct ynode *list = kv->val;
	const char **ids;
	struct src_mark *marks;

	if (!get_list(c, kv, false))
		return;
	p->sections_key = mark_of(kv->key);
	*refs = xcalloc(list->n, sizeof(**refs));
	ids = xcalloc(list->n, sizeof(*ids));
	marks = xcalloc(list->n, sizeof(*marks));
	for (size_t i = 0; i < list->n; i++) {
		const char *id = get_id(c, list->v[i], _("the section id"));

		if (!id || is_duplicate(c, list->v[i], _("section"), ids, marks, *nrefs))
			continue;
		ids[*nrefs] = id;
		marks[*nrefs] = mark_of(list->v[i]);
		(*refs)[*nrefs].id = xstrdup(id);
		(*refs)[*nrefs].mark = marks[*nrefs];
		(*nrefs)++;
	}
	free(ids);
	free(marks);
}

static void guide_sources(struct vctx *c, const struct keyval *kv, struct content_guide *g)
{
	const struct ynode *list = kv->val;

	if (!get_list(c, kv, true))
		return;
	g->sources = xcalloc(list->n ? list->n : 1, sizeof(*g->sources));
	for (size_t i = 0; i < list->n; i++) {
		struct content_source *s = &g->sources[g->nsources];
		struct keyval f[RK_N];

		if (!check_keys(c, list->v[i], _("the source"), source_keys, RK_N, f))
			continue;
		s->title = get_text(c, &f[RK_TITLE]);
		s->where = get_text(c, &f[RK_WHERE]);
		g->nsources++;
	}
}

void validate_guide(const char *file, const struct ynode *root, const char *expect_lang,
		    struct guide_priv *p, struct section_ref **refs, size_t *nrefs,
		    struct content_diags *d)
{
	struct vctx c = { file, d };
	struct keyval kv[GK_N];
	struct content_guide *g = &p->g;

	*refs = NULL;
	*nrefs = 0;
	if (!root) {
		diag_add(d, file, 1, 1, true, "%s", _("the file is empty"));
		return;
	}
	if (!check_keys(&c, root, "guide.yaml", guide_keys, GK_N, kv))
		return;
	g->language = get_language(&c, &kv[GK_LANGUAGE], expect_lang);
	g->title = get_text(&c, &kv[GK_TITLE]);
	g->intro = get_text(&c, &kv[GK_INTRO]);
	guide_meeting_types(&c, &kv[GK_MEETING_TYPES], p);
	guide_sections(&c, &kv[GK_SECTIONS], p, refs, nrefs);
	guide_sources(&c, &kv[GK_SOURCES], g);
}

void section_refs_free(struct section_ref *refs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(refs[i].id);
	free(refs);
}

/*
 * Section files
 */

enum { SK_ID, SK_NUMBER, SK_TITLE, SK_SHORT, SK_WHY, SK_WHY_SOURCE, SK_ITEMS, SK_N };
static const struct keyspec section_keys[SK_N] = {
	{ "id", true }, { "number", true }, { "title", true }, { "short", false },
	{ "why", true }, { "why_source", false }, { "items", true },
};

enum { IK_ID, IK_TEXT, IK_SOURCE, IK_KIND, IK_HELP, IK_HELP_SOURCE, IK_MEETINGS, IK_N };
static const struct keyspec item_keys[IK_N] = {
	{ "id", true }, { "text", true }, { "source", false }, { "kind", false },
	{ "help", false }, { "help_source", false }, { "meetings", false },
};

static void unknown_meeting_type(struct vctx *c, const struct ynode *v, const struct content_guide *g)
{
	const char **ids = xcalloc(g->nmeeting_types, sizeof(*ids));
	const char *best;

	for (size_t i = 0; i < g->nmeeting_types; i++)
		ids[i] = g->meeting_types[i].id;
	best = content_suggest(v->str, ids, g->nmeeting_types);
	if (best)
		ERR(c, v, _("unknown meeting type '%s'; did you mean '%s'?"), v->str, best);
	else
		ERR(c, v, _("unknown meeting type '%s' (see meeting_types in guide.yaml)"), v->str);
	free(ids);
}

static void item_meetings(struct vctx *c, const struct keyval *kv, const struct content_guide *g,
			  struct content_item *it)
{
	const struct ynode *list = kv->val;

	if (!get_list(c, kv, false))
		return;
	it->meetings = xcalloc(list->n, sizeof(*it->meetings));
	for (size_t i = 0; i < list->n; i++) {
		const struct ynode *v = list->v[i];
		const char *id = get_id(c, v, _("a meeting type"));

		if (!id)
			continue;
		if (g->nmeeting_types && !content_meeting_type_find(g, id)) {
			unknown_meeting_type(c, v, g);
			continue;
		}
		if (content_item_applies(it, id)) {
			WARN(c, v, _("meeting type '%s' is listed twice"), id);
			continue;
		}
		it->meetings[it->nmeetings++] = xstrdup(id);
	}
}

static void section_items(struct vctx *c, const struct keyval *kv, struct guide_priv *p, size_t si)
{
	struct content_section *s = &p->g.sections[si];
	const struct ynode *list = kv->val;
	struct src_mark *marks;
	const char **ids;

	if (!get_list(c, kv, false))
		return;
	p->items_keys[si] = mark_of(kv->key);
	s->items = xcalloc(list->n, sizeof(*s->items));
	marks = p->item_marks[si] = xcalloc(list->n, sizeof(*marks));
	ids = xcalloc(list->n, sizeof(*ids));
	for (size_t i = 0; i < list->n; i++) {
		struct content_item *it = &s->items[s->nitems];
		struct keyval f[IK_N];
		const char *id;

		if (!check_keys(c, list->v[i], _("the item"), item_keys, IK_N, f)
		    || !f[IK_ID].val)
			continue;
		id = get_id(c, f[IK_ID].val, _("the item's id"));
		if (!id || is_duplicate(c, f[IK_ID].val, _("item id"), ids, marks, s->nitems))
			continue;
		it->id = xstrdup(id);
		it->full_id = xasprintf("%s.%s", s->id, id);
		it->section = s;
		it->text = get_text(c, &f[IK_TEXT]);
		it->text_origin = get_origin(c, &f[IK_SOURCE], ORIGIN_SEED);
		it->kind = (enum content_kind)get_word(c, &f[IK_KIND], kind_words, ARRAY_SIZE(kind_words),
						       CONTENT_ACTION);
		it->help = get_text(c, &f[IK_HELP]);
		it->help_origin = get_origin(c, &f[IK_HELP_SOURCE], ORIGIN_LOCAL);
		if (f[IK_HELP_SOURCE].val && !f[IK_HELP].val)
			WARN(c, f[IK_HELP_SOURCE].key, "%s", _("'help_source' without 'help' does nothing"));
		if (f[IK_MEETINGS].val)
			item_meetings(c, &f[IK_MEETINGS], &p->g, it);
		ids[s->nitems] = it->id;
		marks[s->nitems++] = mark_of(f[IK_ID].val);
	}
	free(ids);
}

void validate_section(const char *file, const struct ynode *root, const char *expect_id,
		      struct guide_priv *p, size_t i, struct content_diags *d)
{
	struct vctx c = { file, d };
	struct keyval kv[SK_N];
	struct content_section *s = &p->g.sections[i];
	const char *id;

	if (!s->id)
		s->id = xstrdup(expect_id);
	if (!root) {
		diag_add(d, file, 1, 1, true, "%s", _("the file is empty"));
		return;
	}
	if (!check_keys(&c, root, _("the section"), section_keys, SK_N, kv))
		return;
	if (kv[SK_ID].val && (id = get_id(&c, kv[SK_ID].val, "id")) && strcmp(id, expect_id))
		ERR(&c, kv[SK_ID].val, _("id '%s' does not match the file name '%s.yaml'"), id, expect_id);
	if (get_int(&c, &kv[SK_NUMBER], &s->number))
		p->number_marks[i] = mark_of(kv[SK_NUMBER].val);
	s->title = get_text(&c, &kv[SK_TITLE]);
	s->short_title = kv[SK_SHORT].val ? get_text(&c, &kv[SK_SHORT]) : xstrdup(s->title);
	s->why = get_text(&c, &kv[SK_WHY]);
	s->why_origin = get_origin(&c, &kv[SK_WHY_SOURCE], ORIGIN_SEED);
	section_items(&c, &kv[SK_ITEMS], p, i);
}

/*
 * handout.yaml: the labels of her copy
 */

/* In enum handout_label's order, then the file's own keys. */
enum { HK_LANGUAGE = HL_N, HK_CONTACT_LINE, HK_N };
static const struct keyspec handout_keys[HK_N] = {
	[HL_TITLE] = { "title", true },
	[HL_CASE] = { "case", true },
	[HL_MEETING] = { "meeting", true },
	[HL_CASEWORKER] = { "caseworker", true },
	[HL_CONTACT] = { "contact", true },
	[HL_INTERPRETER] = { "interpreter", true },
	[HL_AGREED] = { "agreed", true },
	[HL_YOU_WILL_DO] = { "you_will_do", true },
	[HL_WE_WILL_DO] = { "we_will_do", true },
	[HL_NEXT_MEETING] = { "next_meeting", true },
	[HL_TIME] = { "time", true },
	[HL_PLACE] = { "place", true },
	[HK_LANGUAGE] = { "language", true },
	[HK_CONTACT_LINE] = { "contact_line", false },
};

void validate_handout(const char *file, const struct ynode *root, const char *expect_lang,
		      struct content_handout *h, struct content_diags *d)
{
	struct vctx c = { file, d };
	struct keyval kv[HK_N];

	if (!root) {
		diag_add(d, file, 1, 1, true, "%s", _("the file is empty"));
		return;
	}
	if (!check_keys(&c, root, "handout.yaml", handout_keys, HK_N, kv))
		return;
	h->language = get_language(&c, &kv[HK_LANGUAGE], expect_lang);
	for (size_t i = 0; i < HL_N; i++)
		h->label[i] = get_text(&c, &kv[i]);
	h->contact_line = get_text(&c, &kv[HK_CONTACT_LINE]);
}
