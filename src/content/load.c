#include "samtale/content.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "content_int.h"
#include "samtale/util.h"

/*
 * Content: loading a language folder, checking a whole tree
 */

void guide_alloc_sections(struct guide_priv *p, size_t n)
{
	size_t m = n ? n : 1;

	p->g.sections = xcalloc(m, sizeof(*p->g.sections));
	p->section_marks = xcalloc(m, sizeof(*p->section_marks));
	p->number_marks = xcalloc(m, sizeof(*p->number_marks));
	p->section_read = xcalloc(m, sizeof(*p->section_read));
	p->section_files = xcalloc(m, sizeof(*p->section_files));
	p->items_keys = xcalloc(m, sizeof(*p->items_keys));
	p->item_marks = xcalloc(m, sizeof(*p->item_marks));
}

static void section_free(struct content_section *s)
{
	for (size_t i = 0; i < s->nitems; i++) {
		struct content_item *it = &s->items[i];

		for (size_t j = 0; j < it->nmeetings; j++)
			free((char *)it->meetings[j]);
		free(it->meetings);
		free((char *)it->id);
		free((char *)it->full_id);
		free((char *)it->text);
		free((char *)it->help);
	}
	free(s->items);
	free((char *)s->id);
	free((char *)s->title);
	free((char *)s->short_title);
	free((char *)s->why);
}

void content_guide_free(struct content_guide *g)
{
	struct guide_priv *p = (struct guide_priv *)g;

	if (!g)
		return;
	for (size_t i = 0; i < g->nsections; i++) {
		section_free(&g->sections[i]);
		free(p->section_files[i]);
		free(p->item_marks[i]);
	}
	for (size_t i = 0; i < g->nmeeting_types; i++) {
		free((char *)g->meeting_types[i].id);
		free((char *)g->meeting_types[i].title);
		free((char *)g->meeting_types[i].description);
	}
	for (size_t i = 0; i < g->nsources; i++) {
		free((char *)g->sources[i].title);
		free((char *)g->sources[i].where);
	}
	free(g->sections);
	free(g->meeting_types);
	free(g->sources);
	free((char *)g->language);
	free((char *)g->title);
	free((char *)g->intro);
	free(p->guide_file);
	free(p->mt_marks);
	free(p->section_marks);
	free(p->number_marks);
	free(p->section_read);
	free(p->section_files);
	free(p->items_keys);
	free(p->item_marks);
	free(p);
}

static bool is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void names_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* Sorted names in dir: sub-folders (want_dirs) or the stems of *.yaml files
 * but guide.yaml and handout.yaml. False (reported) when dir cannot be read. */
static bool list_dir(const char *dir, bool want_dirs, char ***out, size_t *n,
		     struct content_diags *d)
{
	DIR *dh = opendir(dir);
	struct dirent *de;
	size_t cap = 0;

	*out = NULL;
	*n = 0;
	if (!dh) {
		diag_add(d, dir, 1, 1, true, "%s", _("cannot open the folder"));
		return false;
	}
	while ((de = readdir(dh))) {
		size_t len = strlen(de->d_name);
		char *path, *name = NULL;
		struct stat sb;

		if (de->d_name[0] == '.')
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		/* A FIFO would block the reader for ever, a device feed it
		 * anything: only folders and regular files belong here. */
		if (!stat(path, &sb) && !S_ISDIR(sb.st_mode) && !S_ISREG(sb.st_mode))
			diag_add(d, path, 1, 1, true, "%s",
				 _("not a regular file (a FIFO, a device or a socket); refused"));
		else if (want_dirs && is_dir(path))
			name = xstrdup(de->d_name);
		else if (!want_dirs && len > 5 && !strcmp(de->d_name + len - 5, ".yaml")
			 && strcmp(de->d_name, "guide.yaml") && strcmp(de->d_name, HANDOUT_FILE))
			name = xstrndup(de->d_name, len - 5);
		free(path);
		if (!name)
			continue;
		*out = array_grow(*out, *n, &cap, sizeof(**out));
		(*out)[(*n)++] = name;
	}
	closedir(dh);
	if (*n)
		qsort(*out, *n, sizeof(**out), cmp_str);
	return true;
}

/* Reads and parses one file; false (reported) when it is refused. */
static bool parse_file(const char *path, struct ynode **root, struct content_diags *d)
{
	char *buf;
	size_t len;
	bool ok;

	if (!content_read_file(path, &buf, &len, d))
		return false;
	ok = yaml_tree_parse(path, buf, len, root, d);
	free(buf);
	return ok;
}

static bool listed(const struct section_ref *refs, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(refs[i].id, id))
			return true;
	return false;
}

static void missing_section_file(const char *gfile, const struct section_ref *ref, char **stems,
				 size_t nstems, struct content_diags *d)
{
	const char *best = content_suggest(ref->id, (const char *const *)stems, nstems);

	if (best)
		diag_add(d, gfile, ref->mark.line, ref->mark.col, true,
			 _("section '%s' has no file %s.yaml; did you mean '%s'?"), ref->id, ref->id, best);
	else
		diag_add(d, gfile, ref->mark.line, ref->mark.col, true,
			 _("section '%s' has no file %s.yaml"),
			 ref->id, ref->id);
}

/* Loads the sections refs names, each from dir/<id>.yaml. */
static void load_sections(struct guide_priv *p, const char *dir, const struct section_ref *refs,
			  size_t nrefs, char **stems, size_t nstems, struct content_diags *d)
{
	guide_alloc_sections(p, nrefs);
	for (size_t i = 0; i < nrefs; i++) {
		char *path = xasprintf("%s/%s.yaml", dir, refs[i].id);
		struct ynode *root;
		size_t k = p->g.nsections;

		if (!path_exists(path)) {
			missing_section_file(p->guide_file, &refs[i], stems, nstems, d);
			free(path);
			continue;
		}
		p->g.nsections++;
		p->g.sections[k].id = xstrdup(refs[i].id);
		p->section_files[k] = path;
		p->section_marks[k] = refs[i].mark;
		if (parse_file(path, &root, d)) {
			validate_section(path, root, refs[i].id, p, k, d);
			p->section_read[k] = true;
			ynode_free(root);
		}
	}
}

/* Sections are shown and reported by number: two with one number is a mistake. */
static void check_numbers(const struct guide_priv *p, struct content_diags *d)
{
	for (size_t i = 0; i < p->g.nsections; i++)
		for (size_t j = 0; j < i && p->number_marks[i].line; j++)
			if (p->number_marks[j].line && p->g.sections[j].number == p->g.sections[i].number) {
				diag_add(d, p->section_files[i], p->number_marks[i].line,
					 p->number_marks[i].col, true,
					 _("the section has the same number (%d) as '%s' (%s); give each section a number of its own"),
					 p->g.sections[i].number, p->g.sections[j].id, p->section_files[j]);
				break;
			}
}

/* Loads dir as the language lang, as far as it goes: every problem is
 * reported, and *ok says whether there was none. NULL when the folder
 * cannot be read at all. */
static struct guide_priv *load_language(const char *dir, const char *lang, struct content_diags *d,
					bool *ok)
{
	struct guide_priv *p = xcalloc(1, sizeof(*p));
	struct section_ref *refs = NULL;
	size_t nrefs = 0, nstems = 0, before = d->nerrors;
	struct ynode *root;
	char **stems;

	if (!list_dir(dir, false, &stems, &nstems, d)) {
		free(p);
		return NULL;
	}
	p->guide_file = xasprintf("%s/guide.yaml", dir);
	if ((p->guide_read = parse_file(p->guide_file, &root, d))) {
		validate_guide(p->guide_file, root, lang, p, &refs, &nrefs, d);
		ynode_free(root);
	} else {
		/* Still check every section file, as far as it goes without the guide. */
		refs = xcalloc(nstems ? nstems : 1, sizeof(*refs));
		for (nrefs = 0; nrefs < nstems; nrefs++)
			refs[nrefs] = (struct section_ref){ xstrdup(stems[nrefs]), { 1, 1 } };
	}
	load_sections(p, dir, refs, nrefs, stems, nstems, d);
	check_numbers(p, d);
	for (size_t i = 0; i < nstems; i++)
		if (!listed(refs, nrefs, stems[i])) {
			char *path = xasprintf("%s/%s.yaml", dir, stems[i]);

			diag_add(d, path, 1, 1, false, "%s",
				 _("not listed in 'sections' of guide.yaml, so not shown"));
			free(path);
		}
	section_refs_free(refs, nrefs);
	names_free(stems, nstems);
	*ok = d->nerrors == before;
	return p;
}

static bool handout_only(const char *root, const char *lang);

bool content_languages(const char *root, char ***langs, size_t *n, struct content_diags *d)
{
	size_t k = 0;

	if (!list_dir(root, true, langs, n, d))
		return false;
	for (size_t i = 0; i < *n; i++)
		if (handout_only(root, (*langs)[i]))
			free((*langs)[i]);
		else
			(*langs)[k++] = (*langs)[i];
	*n = k;
	return true;
}

/* root/lang, without the doubled slash that a root given as "content/"
 * would leave in every FILE:LINE:COLUMN. */
static char *lang_dir(const char *root, const char *lang)
{
	size_t n = strlen(root);

	while (n > 0 && root[n - 1] == '/')
		n--;
	return xasprintf("%.*s/%s", (int)n, root, lang);
}

enum sam_status content_load(const char *root, const char *lang,
			     struct content_guide **out, struct content_diags *diags)
{
	char *dir = lang_dir(root, lang);
	struct guide_priv *p = NULL;
	bool ok = false;

	*out = NULL;
	if (!is_dir(dir))
		diag_add(diags, dir, 1, 1, true, _("no content folder for the language '%s'"), lang);
	else
		p = load_language(dir, lang, diags, &ok);
	free(dir);
	if (!ok) {
		content_guide_free(p ? &p->g : NULL);
		return SAM_ERR_INVALID;
	}
	*out = &p->g;
	return SAM_OK;
}

/*
 * Her copy's labels
 */

void content_handout_free(struct content_handout *h)
{
	if (!h)
		return;
	free((char *)h->language);
	for (size_t i = 0; i < HL_N; i++)
		free((char *)h->label[i]);
	free((char *)h->contact_line);
	free(h);
}

/* Validates the handout.yaml at path; NULL when it has any error (all reported). */
static struct content_handout *load_handout(const char *path, const char *lang,
					    struct content_diags *d)
{
	struct content_handout *h = xcalloc(1, sizeof(*h));
	size_t before = d->nerrors;
	struct ynode *root;

	if (parse_file(path, &root, d)) {
		validate_handout(path, root, lang, h, d);
		ynode_free(root);
	}
	if (d->nerrors > before) {
		content_handout_free(h);
		return NULL;
	}
	return h;
}

enum sam_status content_handout_load(const char *root, const char *lang,
				     struct content_handout **out, struct content_diags *diags)
{
	char *dir = lang_dir(root, lang);
	char *path = xasprintf("%s/%s", dir, HANDOUT_FILE);
	enum sam_status st = SAM_OK;

	*out = NULL;
	/* lang comes from the command line: only a folder name of the content,
	 * never a path out of it. */
	if (!*lang || strchr(lang, '/') || lang[0] == '.' || !path_exists(path))
		st = sam_fail(SAM_ERR_NOT_FOUND, _("no labels for her copy in the language '%.40s' (%s)"),
			      lang, path);
	else if (!(*out = load_handout(path, lang, diags)))
		st = SAM_ERR_INVALID;
	free(path);
	free(dir);
	return st;
}

/*
 * Every language must have the same ids
 */

struct idset {
	const char *lang;
	const char *file;
	struct src_mark key;		/* where a missing id is reported */
	const char **ids;
	const struct src_mark *marks;
	size_t n;
};

static bool idset_has(const struct idset *s, const char *id)
{
	for (size_t i = 0; i < s->n; i++)
		if (!strcmp(s->ids[i], id))
			return true;
	return false;
}

static void compare_ids(const char *what, const struct idset *have, const struct idset *ref,
			struct content_diags *d)
{
	for (size_t i = 0; i < have->n; i++)
		if (!idset_has(ref, have->ids[i]))
			diag_add(d, have->file, have->marks[i].line, have->marks[i].col, true,
				 _("%s '%s' is not in %s/ (every language must have the same ids)"),
				 what, have->ids[i], ref->lang);
	for (size_t i = 0; i < ref->n; i++)
		if (!idset_has(have, ref->ids[i]))
			diag_add(d, have->file, have->key.line, have->key.col, true,
				 _("%s '%s' from %s/ is missing here"),
				 what, ref->ids[i], ref->lang);
}

static struct idset meeting_idset(const struct guide_priv *p, const char *lang)
{
	struct idset s = { lang, p->guide_file, p->meeting_types_key, NULL, p->mt_marks,
			   p->g.nmeeting_types };

	s.ids = xcalloc(s.n ? s.n : 1, sizeof(*s.ids));
	for (size_t i = 0; i < s.n; i++)
		s.ids[i] = p->g.meeting_types[i].id;
	return s;
}

static struct idset section_idset(const struct guide_priv *p, const char *lang)
{
	struct idset s = { lang, p->guide_file, p->sections_key, NULL, p->section_marks,
			   p->g.nsections };

	s.ids = xcalloc(s.n ? s.n : 1, sizeof(*s.ids));
	for (size_t i = 0; i < s.n; i++)
		s.ids[i] = p->g.sections[i].id;
	return s;
}

static struct idset item_idset(const struct guide_priv *p, size_t si, const char *lang)
{
	const struct content_section *sec = &p->g.sections[si];
	struct idset s = { lang, p->section_files[si], p->items_keys[si], NULL, p->item_marks[si],
			   sec->nitems };

	s.ids = xcalloc(s.n ? s.n : 1, sizeof(*s.ids));
	for (size_t i = 0; i < s.n; i++)
		s.ids[i] = sec->items[i].full_id;
	return s;
}

static void compare_languages(const struct guide_priv *have, const char *lang,
			      const struct guide_priv *ref, const char *ref_lang,
			      struct content_diags *d)
{
	struct idset a, b;

	/* What could not be read is reported already; comparing it would only
	 * add noise about ids that are merely unread. */
	if (have->guide_read && ref->guide_read) {
		a = meeting_idset(have, lang);
		b = meeting_idset(ref, ref_lang);
		compare_ids(_("meeting type"), &a, &b, d);
		free(a.ids);
		free(b.ids);
		a = section_idset(have, lang);
		b = section_idset(ref, ref_lang);
		compare_ids(C_("content/load", "section"), &a, &b, d);
		free(a.ids);
		free(b.ids);
	}
	for (size_t i = 0; i < have->g.nsections; i++) {
		const char *id = have->g.sections[i].id;

		for (size_t j = 0; j < ref->g.nsections; j++) {
			if (strcmp(ref->g.sections[j].id, id) || !have->section_read[i] ||
			    !ref->section_read[j])
				continue;
			a = item_idset(have, i, lang);
			b = item_idset(ref, j, ref_lang);
			compare_ids(_("item"), &a, &b, d);
			free(a.ids);
			free(b.ids);
		}
	}
}

/*
 * Ids that meetings use must stay
 */

static const struct content_item *item_worded(const struct guide_priv *const *loaded, size_t n,
					      const char *text)
{
	for (size_t l = 0; text && l < n; l++)
		for (size_t s = 0; loaded[l] && s < loaded[l]->g.nsections; s++)
			for (size_t i = 0; i < loaded[l]->g.sections[s].nitems; i++) {
				const struct content_item *it = &loaded[l]->g.sections[s].items[i];

				if (it->text && !strcmp(it->text, text))
					return it;
			}
	return NULL;
}

/* Every full item id of g, or every section id, for "did you mean". */
static const char **guide_ids(const struct content_guide *g, bool items, size_t *n)
{
	size_t cap = 1;
	const char **ids;

	for (size_t s = 0; s < g->nsections; s++)
		cap += items ? g->sections[s].nitems : 1;
	ids = xcalloc(cap, sizeof(*ids));
	*n = 0;
	for (size_t s = 0; s < g->nsections; s++)
		if (!items)
			ids[(*n)++] = g->sections[s].id;
		else
			for (size_t i = 0; i < g->sections[s].nitems; i++)
				ids[(*n)++] = g->sections[s].items[i].full_id;
	return ids;
}

static void report_missing(struct content_diags *d, const char *file, struct src_mark at,
			   const char *what, const struct content_use *u, const char *hint)
{
	if (hint)
		diag_add(d, file, at.line, at.col, true,
			 _("%s '%s' is used by %lld meetings in the database but is not here; did you mean '%s'? "
			    "An id must never change once it is used"), what, u->id, u->meetings, hint);
	else
		diag_add(d, file, at.line, at.col, true,
			 _("%s '%s' is used by %lld meetings in the database but is not here. "
			    "An id must never change once it is used"), what, u->id, u->meetings);
}

static void check_uses(const struct guide_priv *const *loaded, size_t nlangs, size_t ref,
		       const struct content_uses *uses, struct content_diags *d)
{
	const struct guide_priv *p = loaded[ref];
	size_t nids;
	const char **ids = guide_ids(&p->g, false, &nids);

	for (size_t i = 0; i < uses->nsections; i++)
		if (!content_section_find(&p->g, uses->sections[i].id))
			report_missing(d, p->guide_file, p->sections_key, _("the section"),
				       &uses->sections[i], content_suggest(uses->sections[i].id, ids, nids));
	free(ids);
	ids = guide_ids(&p->g, true, &nids);
	for (size_t i = 0; i < uses->nitems; i++) {
		const struct content_use *u = &uses->items[i];
		const char *dot = strchr(u->id, '.');
		char *sid = dot ? xstrndup(u->id, (size_t)(dot - u->id)) : xstrdup(u->id);
		const struct content_section *sec = content_section_find(&p->g, sid);
		const struct content_item *same = item_worded(loaded, nlangs, u->text);

		/* A missing section is reported once, above. */
		if (sec && !content_item_find(&p->g, u->id)) {
			size_t k = (size_t)(sec - p->g.sections);

			report_missing(d, p->section_files[k], p->items_keys[k], _("the item"), u,
				       same ? same->full_id : content_suggest(u->id, ids, nids));
		}
		free(sid);
	}
	free(ids);
}

const struct content_use *content_first_missing(const struct content_guide *g,
						const struct content_uses *uses)
{
	for (size_t i = 0; i < uses->nsections; i++)
		if (!content_section_find(g, uses->sections[i].id))
			return &uses->sections[i];
	for (size_t i = 0; i < uses->nitems; i++)
		if (!content_item_find(g, uses->items[i].id))
			return &uses->items[i];
	return NULL;
}

/* A folder with handout.yaml and no guide.yaml: a language for her copy alone. */
static bool handout_only(const char *root, const char *lang)
{
	char *dir = lang_dir(root, lang);
	char *guide = xasprintf("%s/guide.yaml", dir), *handout = xasprintf("%s/%s", dir, HANDOUT_FILE);
	bool yes = !path_exists(guide) && path_exists(handout);

	free(handout);
	free(guide);
	free(dir);
	return yes;
}

/* Checks one language folder: its guide, as far as it could be read (NULL
 * for a folder for her copy alone), and its handout.yaml when it has one. */
static struct guide_priv *check_language(const char *root, const char *lang,
					 struct content_diags *d)
{
	char *dir = lang_dir(root, lang), *handout = xasprintf("%s/%s", dir, HANDOUT_FILE);
	struct guide_priv *p = NULL;
	bool ok;

	if (!handout_only(root, lang))
		p = load_language(dir, lang, d, &ok);
	if (path_exists(handout))
		content_handout_free(load_handout(handout, lang, d));
	free(handout);
	free(dir);
	return p;
}

enum sam_status content_check(const char *root, struct content_diags *diags)
{
	return content_check_uses(root, NULL, diags);
}

enum sam_status content_check_uses(const char *root, const struct content_uses *uses,
				   struct content_diags *diags)
{
	size_t before = diags->nerrors, nlangs, ref = 0;
	struct guide_priv **loaded;
	char **langs;

	if (!list_dir(root, true, &langs, &nlangs, diags))
		return SAM_ERR_INVALID;
	if (!nlangs)
		diag_add(diags, root, 1, 1, true, "%s",
			 _("no language folders (such as da/) here"));
	loaded = xcalloc(nlangs ? nlangs : 1, sizeof(*loaded));
	for (size_t i = 0; i < nlangs; i++)
		loaded[i] = check_language(root, langs[i], diags);
	/* Danish is the original: the others are compared with it, as far as
	 * each could be read, so that one run tells everything. */
	for (size_t i = 0; i < nlangs; i++)
		if (loaded[i] && (!loaded[ref] || !strcmp(langs[i], "da")))
			ref = i;
	for (size_t i = 0; i < nlangs; i++)
		if (loaded[i] && i != ref && loaded[ref])
			compare_languages(loaded[i], langs[i], loaded[ref], langs[ref], diags);
	if (uses && nlangs && loaded[ref])
		check_uses((const struct guide_priv *const *)loaded, nlangs, ref, uses, diags);
	for (size_t i = 0; i < nlangs; i++)
		content_guide_free(loaded[i] ? &loaded[i]->g : NULL);
	free(loaded);
	names_free(langs, nlangs);
	return diags->nerrors > before ? SAM_ERR_INVALID : SAM_OK;
}

enum sam_status content_check_buffer(const char *name, const char *buf, size_t len,
				     struct content_diags *diags)
{
	const char *base = strrchr(name, '/') ? strrchr(name, '/') + 1 : name;
	size_t blen = strlen(base), before = diags->nerrors;
	struct guide_priv *p = xcalloc(1, sizeof(*p));
	struct ynode *root;

	if (yaml_tree_parse(name, buf, len, &root, diags)) {
		if (!strcmp(base, HANDOUT_FILE)) {
			struct content_handout *h = xcalloc(1, sizeof(*h));

			validate_handout(name, root, NULL, h, diags);
			content_handout_free(h);
		} else if (!strcmp(base, "guide.yaml")) {
			struct section_ref *refs;
			size_t nrefs;

			validate_guide(name, root, NULL, p, &refs, &nrefs, diags);
			section_refs_free(refs, nrefs);
		} else {
			char *stem = xstrndup(base, blen > 5 && !strcmp(base + blen - 5, ".yaml")
						    ? blen - 5 : blen);

			guide_alloc_sections(p, 1);
			p->g.nsections = 1;
			validate_section(name, root, stem, p, 0, diags);
			free(stem);
		}
		ynode_free(root);
	}
	content_guide_free(&p->g);
	return diags->nerrors > before ? SAM_ERR_INVALID : SAM_OK;
}

/*
 * Look-ups
 */

const char *content_default_dir(void)
{
	const char *env = getenv("SAMTALE_CONTENT");

	if (!str_empty(env))
		return env;
	if (path_exists("content/da/guide.yaml"))
		return "content";
	return path_share_dir(SHARE_CONTENT);
}

const struct content_section *content_section_find(const struct content_guide *g, const char *id)
{
	for (size_t i = 0; i < g->nsections; i++)
		if (!strcmp(g->sections[i].id, id))
			return &g->sections[i];
	return NULL;
}

const struct content_item *content_item_find(const struct content_guide *g, const char *full_id)
{
	const char *dot = strchr(full_id, '.');

	if (!dot)
		return NULL;
	for (size_t i = 0; i < g->nsections; i++) {
		const struct content_section *s = &g->sections[i];

		if (strlen(s->id) != (size_t)(dot - full_id) || strncmp(s->id, full_id, dot - full_id))
			continue;
		for (size_t j = 0; j < s->nitems; j++)
			if (!strcmp(s->items[j].id, dot + 1))
				return &s->items[j];
	}
	return NULL;
}

const struct content_meeting_type *content_meeting_type_find(const struct content_guide *g,
							     const char *id)
{
	for (size_t i = 0; i < g->nmeeting_types; i++)
		if (!strcmp(g->meeting_types[i].id, id))
			return &g->meeting_types[i];
	return NULL;
}

enum internship_phase content_internship_phase(const char *meeting_type)
{
	static const struct {
		const char *type;
		enum internship_phase phase;
	} phases[] = {
		{ "foer-praktik", PHASE_BEFORE },
		{ "under-praktik", PHASE_DURING },
		{ "efter-praktik", PHASE_AFTER },
	};

	for (size_t i = 0; meeting_type && i < ARRAY_SIZE(phases); i++)
		if (!strcmp(phases[i].type, meeting_type))
			return phases[i].phase;
	return PHASE_NONE;
}

bool content_item_applies(const struct content_item *item, const char *meeting_type)
{
	if (!item->meetings)
		return true;
	for (size_t i = 0; i < item->nmeetings; i++)
		if (!strcmp(item->meetings[i], meeting_type))
			return true;
	return false;
}

bool content_item_carries_over(const struct content_guide *g, const char *full_id)
{
	const struct content_item *it = content_item_find(g, full_id);

	return !it || it->kind != CONTENT_REFLECTION;
}

size_t content_section_count_applicable(const struct content_section *s, const char *meeting_type)
{
	size_t n = 0;

	for (size_t i = 0; i < s->nitems; i++)
		n += content_item_applies(&s->items[i], meeting_type);
	return n;
}
