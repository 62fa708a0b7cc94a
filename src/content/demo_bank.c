#include "samtale/demo_bank.h"

#include <stdlib.h>
#include <string.h>

#include "content_int.h"
#include "samtale/util.h"

/*
 * The demo's phrase bank (data/demo/README.md): the same reading, the same
 * schema checks and the same FILE:LINE:COLUMN diagnostics as the guidance
 * content, so that an editor of the phrases meets no new rules.
 */

static const char *const slot_names[DEMO_NSLOTS] = {
	[DEMO_LAND] = "land", [DEMO_SPROG] = "sprog", [DEMO_ERHVERV] = "erhverv",
	[DEMO_AAR] = "år", [DEMO_ARBEJDE] = "arbejde",
};

#define SLOT(s) (1u << (s))
#define PROFILE_SLOTS (SLOT(DEMO_LAND) | SLOT(DEMO_SPROG) | SLOT(DEMO_ERHVERV) | SLOT(DEMO_AAR))

static const char *const outcome_names[DEMO_OUTCOMES] = {
	"employed", "education", "extended", "ended-early", "completed",
};

static const char *const yes_no[] = { "no", "yes" };

struct bank_ctx {
	struct vctx v;
	const struct content_guide *g;
};

/* Every {name} of text must be a slot that allowed holds. */
static void check_slots(struct bank_ctx *c, const struct ynode *at, const char *text, unsigned allowed)
{
	for (const char *p = strchr(text, '{'); p; p = strchr(p + 1, '{')) {
		const char *end = strchr(p, '}');
		size_t len = end ? (size_t)(end - p - 1) : 0;
		int s;

		for (s = 0; s < DEMO_NSLOTS; s++)
			if (end && strlen(slot_names[s]) == len && !strncmp(p + 1, slot_names[s], len))
				break;
		if (s < DEMO_NSLOTS && (allowed & SLOT(s)))
			continue;
		if (!end)
			ERR(&c->v, at, "%s", _("'{' without '}'; a placeholder is written {name}"));
		else if (s < DEMO_NSLOTS)
			ERR(&c->v, at, _("the placeholder {%s} cannot be used here"), slot_names[s]);
		else
			ERR(&c->v, at, _("unknown placeholder {%.*s}"),
			    (int)(len > 40 ? 40 : len), p + 1);
		return;
	}
}

static unsigned meeting_mask(struct bank_ctx *c, const struct keyval *kv)
{
	const char *ids[64];
	size_t n = c->g->nmeeting_types < 64 ? c->g->nmeeting_types : 64;
	unsigned mask = 0;

	if (!get_list(&c->v, kv, false))
		return 0;
	for (size_t i = 0; i < n; i++)
		ids[i] = c->g->meeting_types[i].id;
	for (size_t i = 0; i < kv->val->n; i++) {
		const struct ynode *v = kv->val->v[i];
		const char *best;
		size_t t;

		for (t = 0; t < n && (v->kind != YN_SCALAR || strcmp(v->str, ids[t])); t++)
			;
		if (t < n)
			mask |= 1u << t;
		else if (v->kind != YN_SCALAR)
			ERR(&c->v, v, "%s", _("a meeting type must be an id"));
		else if ((best = content_suggest(v->str, ids, n)))
			ERR(&c->v, v, _("unknown meeting type '%.40s'; did you mean '%s'?"), v->str, best);
		else
			ERR(&c->v, v, _("unknown meeting type '%.40s'"), v->str);
	}
	return mask;
}

enum { PK_TEXT, PK_MEETINGS, PK_INTERPRETER, PK_N };
static const struct keyspec phrase_keys[PK_N] = {
	{ "text", true }, { "meetings", false }, { "interpreter", false },
};

/* One phrase: a text, or a mapping of text, meetings and interpreter. */
static bool phrase(struct bank_ctx *c, const struct ynode *key, const struct ynode *v,
		   unsigned slots, struct demo_phrase *out)
{
	struct keyval kv[PK_N];

	out->types = ~0u;
	out->interpreter = -1;
	if (v->kind == YN_SCALAR) {
		struct keyval one = { key, v };

		out->text = get_text(&c->v, &one);
	} else if (check_keys(&c->v, v, _("a phrase"), phrase_keys, PK_N, kv)) {
		out->text = get_text(&c->v, &kv[PK_TEXT]);
		if (kv[PK_MEETINGS].val)
			out->types = meeting_mask(c, &kv[PK_MEETINGS]);
		if (kv[PK_INTERPRETER].val)
			out->interpreter = get_word(&c->v, &kv[PK_INTERPRETER], yes_no, 2, -1);
	} else {
		out->text = NULL;
	}
	if (out->text)
		check_slots(c, v, out->text, slots);
	return out->text != NULL;
}

/* A list of phrases under key kv; absent or empty is an error. */
static void phrases(struct bank_ctx *c, const struct keyval *kv, unsigned slots,
		    struct demo_phrases *out)
{
	if (!get_list(&c->v, kv, false))
		return;
	out->v = xcalloc(kv->val->n, sizeof(*out->v));
	for (size_t i = 0; i < kv->val->n; i++)
		if (phrase(c, kv->key, kv->val->v[i], slots, &out->v[out->n]))
			out->n++;
}

static void phrases_free(struct demo_phrases *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->v[i].text);
	free(p->v);
}

/* An int in lo..hi of a mapping's value kv (its key names it). */
static int bounded_int(struct bank_ctx *c, const struct keyval *kv, int lo, int hi)
{
	int n = lo;

	if (kv->val && get_int(&c->v, kv, &n) && (n < lo || n > hi)) {
		ERR(&c->v, kv->val, _("'%s' must be from %d to %d"),
		    kv->key->str, lo, hi);
		n = lo;
	}
	return n;
}

/*
 * caseworkers.yaml
 */

enum { CW_NAME, CW_DONE, CW_SECTIONS, CW_INTERPRETER, CW_JOB, CW_EMPLOYED, CW_EARLY, CW_N };
static const struct keyspec caseworker_keys[CW_N] = {
	{ "name", true }, { "done", true }, { "sections", true }, { "interpreter", true },
	{ "job_possible", true }, { "employed", true }, { "ended_early", true },
};

static void caseworker(struct bank_ctx *c, const struct ynode *v, struct demo_caseworker *cw)
{
	struct keyval kv[CW_N];
	int *pct[] = { [CW_DONE] = &cw->done_pct, [CW_INTERPRETER] = &cw->interpreter_pct,
		       [CW_JOB] = &cw->job_pct, [CW_EMPLOYED] = &cw->employed_pct,
		       [CW_EARLY] = &cw->early_pct };

	if (!check_keys(&c->v, v, _("a caseworker"), caseworker_keys, CW_N, kv))
		return;
	cw->name = get_text(&c->v, &kv[CW_NAME]);
	if (cw->name && strspn(cw->name, "abcdefghijklmnopqrstuvwxyz") != strlen(cw->name))
		ERR(&c->v, kv[CW_NAME].val, "%s", _("a login name is written in lowercase a-z"));
	for (int k = CW_DONE; k < CW_N; k++)
		if (k != CW_SECTIONS)
			*pct[k] = bounded_int(c, &kv[k], 0, 100);
	if (!get_list(&c->v, &kv[CW_SECTIONS], false))
		return;
	if (kv[CW_SECTIONS].val->n != 3) {
		ERR(&c->v, kv[CW_SECTIONS].val, "%s", _("'sections' must hold three numbers"));
		return;
	}
	for (size_t i = 0; i < 3; i++) {
		struct keyval one = { kv[CW_SECTIONS].key, kv[CW_SECTIONS].val->v[i] };

		cw->section_bias[i] = bounded_int(c, &one, -100, 100);
	}
}

static void read_caseworkers(struct bank_ctx *c, const struct ynode *root, struct demo_bank *b)
{
	static const struct keyspec keys[] = { { "caseworkers", true } };
	struct keyval kv[1];

	if (!check_keys(&c->v, root, _("the file"), keys, 1, kv) || !get_list(&c->v, &kv[0], false))
		return;
	b->caseworkers = xcalloc(kv[0].val->n, sizeof(*b->caseworkers));
	b->ncaseworkers = kv[0].val->n;
	for (size_t i = 0; i < b->ncaseworkers; i++)
		caseworker(c, kv[0].val->v[i], &b->caseworkers[i]);
}

/*
 * women.yaml
 */

enum { CO_COUNTRY, CO_WEIGHT, CO_LANGUAGES, CO_N };
static const struct keyspec country_keys[CO_N] = {
	{ "country", true }, { "weight", false }, { "languages", true },
};

static void country(struct bank_ctx *c, const struct ynode *v, struct demo_country *co)
{
	struct keyval kv[CO_N];

	co->weight = 1;
	if (!check_keys(&c->v, v, _("a country"), country_keys, CO_N, kv))
		return;
	co->name = get_text(&c->v, &kv[CO_COUNTRY]);
	if (kv[CO_WEIGHT].val)
		co->weight = bounded_int(c, &kv[CO_WEIGHT], 1, 1000);
	if (!get_list(&c->v, &kv[CO_LANGUAGES], false))
		return;
	co->languages = xcalloc(kv[CO_LANGUAGES].val->n, sizeof(*co->languages));
	for (size_t i = 0; i < kv[CO_LANGUAGES].val->n; i++) {
		struct keyval one = { kv[CO_LANGUAGES].key, kv[CO_LANGUAGES].val->v[i] };
		char *lang = get_text(&c->v, &one);

		if (lang)
			co->languages[co->nlanguages++] = lang;
	}
}

enum { WO_INITIALS, WO_COUNTRIES, WO_OCCUPATIONS, WO_QUALIFICATIONS, WO_SKILLS, WO_JOB_FIELDS,
       WO_JOB_WISHES, WO_JOB_WISH_EXTRAS, WO_EDUCATION_WISHES, WO_N };
static const struct keyspec women_keys[WO_N] = {
	{ "initials", true }, { "countries", true }, { "occupations", true },
	{ "qualifications", true }, { "skills", true }, { "job_fields", true },
	{ "job_wishes", true }, { "job_wish_extras", true }, { "education_wishes", true },
};

static void read_women(struct bank_ctx *c, const struct ynode *root, struct demo_bank *b)
{
	struct keyval kv[WO_N];

	if (!check_keys(&c->v, root, _("the file"), women_keys, WO_N, kv))
		return;
	b->initials = get_text(&c->v, &kv[WO_INITIALS]);
	if (b->initials && strspn(b->initials, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != strlen(b->initials))
		ERR(&c->v, kv[WO_INITIALS].val, "%s", _("initials are written in capitals A-Z"));
	if (get_list(&c->v, &kv[WO_COUNTRIES], false)) {
		b->countries = xcalloc(kv[WO_COUNTRIES].val->n, sizeof(*b->countries));
		b->ncountries = kv[WO_COUNTRIES].val->n;
		for (size_t i = 0; i < b->ncountries; i++) {
			country(c, kv[WO_COUNTRIES].val->v[i], &b->countries[i]);
			b->country_weight += b->countries[i].weight;
		}
	}
	phrases(c, &kv[WO_OCCUPATIONS], 0, &b->occupations);
	phrases(c, &kv[WO_QUALIFICATIONS], PROFILE_SLOTS, &b->qualifications);
	phrases(c, &kv[WO_SKILLS], SLOT(DEMO_SPROG), &b->skills);
	phrases(c, &kv[WO_JOB_FIELDS], 0, &b->job_fields);
	phrases(c, &kv[WO_JOB_WISHES], SLOT(DEMO_ARBEJDE), &b->job_wishes);
	phrases(c, &kv[WO_JOB_WISH_EXTRAS], 0, &b->job_wish_extras);
	phrases(c, &kv[WO_EDUCATION_WISHES], SLOT(DEMO_LAND), &b->education_wishes);
}

/*
 * meetings.yaml, items.yaml, followups.yaml
 */

enum { ME_OPENINGS, ME_MIDDLES, ME_CLOSINGS, ME_AGREED, ME_AGREED_CLOSINGS, ME_N };
static const struct keyspec meeting_keys[ME_N] = {
	{ "note_openings", true }, { "note_middles", true }, { "note_closings", true },
	{ "agreed", true }, { "agreed_closings", true },
};

static void read_meetings(struct bank_ctx *c, const struct ynode *root, struct demo_bank *b)
{
	struct keyval kv[ME_N];
	struct demo_phrases *out[ME_N] = { &b->note_openings, &b->note_middles, &b->note_closings,
					   &b->agreed, &b->agreed_closings };

	if (check_keys(&c->v, root, _("the file"), meeting_keys, ME_N, kv))
		for (int k = 0; k < ME_N; k++)
			phrases(c, &kv[k], 0, out[k]);
}

static void specific_notes(struct bank_ctx *c, const struct keyval *kv, struct demo_bank *b)
{
	const struct ynode *m = kv->val;

	if (m->kind != YN_MAP) {
		ERR(&c->v, m, _("'%s' must be a mapping (item id: phrases)"), kv->key->str);
		return;
	}
	b->specific = xcalloc(m->n / 2 + 1, sizeof(*b->specific));
	for (size_t i = 0; i + 1 < m->n; i += 2) {
		struct keyval one = { m->v[i], m->v[i + 1] };
		struct demo_item_notes *in = &b->specific[b->nspecific];

		if (m->v[i]->kind != YN_SCALAR || !content_item_find(c->g, m->v[i]->str)) {
			ERR(&c->v, m->v[i], _("unknown item '%.60s' (write section.item, as the content does)"),
			    m->v[i]->kind == YN_SCALAR ? m->v[i]->str : "");
			continue;
		}
		in->item_id = xstrdup(m->v[i]->str);
		phrases(c, &one, PROFILE_SLOTS, &in->notes);
		b->nspecific++;
	}
}

enum { IT_DONE, IT_OPEN, IT_NOT_RELEVANT, IT_SPECIFIC, IT_N };
static const struct keyspec item_keys[IT_N] = {
	{ "done", true }, { "open", true }, { "not_relevant", true }, { "specific", false },
};

static void read_items(struct bank_ctx *c, const struct ynode *root, struct demo_bank *b)
{
	struct keyval kv[IT_N];

	if (!check_keys(&c->v, root, _("the file"), item_keys, IT_N, kv))
		return;
	phrases(c, &kv[IT_DONE], 0, &b->item_done);
	phrases(c, &kv[IT_OPEN], 0, &b->item_open);
	phrases(c, &kv[IT_NOT_RELEVANT], 0, &b->item_not_relevant);
	if (kv[IT_SPECIFIC].val)
		specific_notes(c, &kv[IT_SPECIFIC], b);
}

static void read_followups(struct bank_ctx *c, const struct ynode *root, struct demo_bank *b)
{
	static const struct keyspec keys[] = { { "followups", true } };
	struct keyval kv[1];

	if (check_keys(&c->v, root, _("the file"), keys, 1, kv))
		phrases(c, &kv[0], 0, &b->followups);
}

/*
 * internships.yaml
 */

enum { WP_NAME, WP_FIELD, WP_WORK, WP_N };
static const struct keyspec workplace_keys[WP_N] = {
	{ "name", true }, { "field", true }, { "work", true },
};

enum { IN_WORKPLACES, IN_CONTACTS, IN_GOALS, IN_OUTCOMES, IN_N };
static const struct keyspec internship_keys[IN_N] = {
	{ "workplaces", true }, { "contacts", true }, { "goals", true }, { "outcomes", true },
};

static void workplaces(struct bank_ctx *c, const struct keyval *kv, struct demo_bank *b)
{
	if (!get_list(&c->v, kv, false))
		return;
	b->workplaces = xcalloc(kv->val->n, sizeof(*b->workplaces));
	b->nworkplaces = kv->val->n;
	for (size_t i = 0; i < b->nworkplaces; i++) {
		struct keyval w[WP_N];
		struct demo_workplace *wp = &b->workplaces[i];

		if (!check_keys(&c->v, kv->val->v[i], _("a workplace"), workplace_keys,
				WP_N, w))
			continue;
		wp->name = get_text(&c->v, &w[WP_NAME]);
		wp->field = get_text(&c->v, &w[WP_FIELD]);
		wp->work = get_text(&c->v, &w[WP_WORK]);
	}
}

static void read_internships(struct bank_ctx *c, const struct ynode *root, struct demo_bank *b)
{
	struct keyspec outcome_keys[DEMO_OUTCOMES];
	struct keyval kv[IN_N], out[DEMO_OUTCOMES];

	if (!check_keys(&c->v, root, _("the file"), internship_keys, IN_N, kv))
		return;
	workplaces(c, &kv[IN_WORKPLACES], b);
	phrases(c, &kv[IN_CONTACTS], 0, &b->contacts);
	phrases(c, &kv[IN_GOALS], SLOT(DEMO_ARBEJDE), &b->goals);
	for (int o = 0; o < DEMO_OUTCOMES; o++)
		outcome_keys[o] = (struct keyspec){ outcome_names[o], true };
	if (kv[IN_OUTCOMES].val && check_keys(&c->v, kv[IN_OUTCOMES].val, "'outcomes'", outcome_keys,
					      DEMO_OUTCOMES, out))
		for (int o = 0; o < DEMO_OUTCOMES; o++)
			phrases(c, &out[o], 0, &b->outcomes[o]);
}

/*
 * The bank
 */

static const struct {
	const char *file;
	void (*read)(struct bank_ctx *c, const struct ynode *root, struct demo_bank *b);
} bank_files[] = {
	{ "caseworkers.yaml", read_caseworkers }, { "women.yaml", read_women },
	{ "meetings.yaml", read_meetings }, { "items.yaml", read_items },
	{ "followups.yaml", read_followups }, { "internships.yaml", read_internships },
};

/* Found as the content is: $SAMTALE_DEMO_DATA, else samtale's own data. */
static char *bank_dir(void)
{
	const char *env = getenv("SAMTALE_DEMO_DATA");

	return str_empty(env) ? xasprintf("%s/demo", path_share_dir(SHARE_DATA)) : xstrdup(env);
}

enum sam_status demo_bank_load(const struct content_guide *g, struct demo_bank *bank,
			       struct content_diags *d)
{
	size_t before = d->nerrors;
	char *dir = bank_dir();

	memset(bank, 0, sizeof(*bank));
	if (!path_is_dir(dir)) {
		sam_fail(SAM_ERR_NOT_FOUND, _("the demo's phrases are not in %s; set SAMTALE_DEMO_DATA "
					       "to the folder that holds them"), dir);
		free(dir);
		return SAM_ERR_NOT_FOUND;
	}
	for (size_t i = 0; i < ARRAY_SIZE(bank_files); i++) {
		char *path = xasprintf("%s/%s", dir, bank_files[i].file), *buf;
		struct bank_ctx c = { { path, d }, g };
		struct ynode *root = NULL;
		size_t len;

		if (content_read_file(path, &buf, &len, d)) {
			if (yaml_tree_parse(path, buf, len, &root, d) && !root)
				diag_add(d, path, 1, 1, true, "%s", _("the file is empty"));
			if (root)
				bank_files[i].read(&c, root, bank);
			ynode_free(root);
			free(buf);
		}
		free(path);
	}
	free(dir);
	if (d->nerrors == before)
		return SAM_OK;
	demo_bank_free(bank);
	return SAM_ERR_INVALID;
}

void demo_bank_free(struct demo_bank *b)
{
	struct demo_phrases *lists[] = {
		&b->occupations, &b->qualifications, &b->skills, &b->job_fields, &b->job_wishes,
		&b->job_wish_extras, &b->education_wishes, &b->note_openings, &b->note_middles,
		&b->note_closings, &b->agreed, &b->agreed_closings, &b->item_done, &b->item_open,
		&b->item_not_relevant, &b->followups, &b->contacts, &b->goals,
	};

	for (size_t i = 0; i < b->ncaseworkers; i++)
		free(b->caseworkers[i].name);
	free(b->caseworkers);
	free(b->initials);
	for (size_t i = 0; i < b->ncountries; i++) {
		free(b->countries[i].name);
		for (size_t j = 0; j < b->countries[i].nlanguages; j++)
			free(b->countries[i].languages[j]);
		free(b->countries[i].languages);
	}
	free(b->countries);
	for (size_t i = 0; i < ARRAY_SIZE(lists); i++)
		phrases_free(lists[i]);
	for (size_t i = 0; i < b->nspecific; i++) {
		free(b->specific[i].item_id);
		phrases_free(&b->specific[i].notes);
	}
	free(b->specific);
	for (size_t i = 0; i < b->nworkplaces; i++) {
		free(b->workplaces[i].name);
		free(b->workplaces[i].field);
		free(b->workplaces[i].work);
	}
	free(b->workplaces);
	for (int o = 0; o < DEMO_OUTCOMES; o++)
		phrases_free(&b->outcomes[o]);
	memset(b, 0, sizeof(*b));
}

