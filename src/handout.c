#include "samtale/handout.h"

#include <stdlib.h>
#include <string.h>

#include "samtale/util.h"

/*
 * Her copy: the model, built from the store
 */

/* Text as her copy may show it: no C1 controls, no bidi embeddings,
 * overrides or isolates (the layout engine orders her text itself, and a
 * terminal must never get them raw), no carriage returns, tabs as spaces,
 * and never a CPR number, should one have got past the store's checks. */
static char *clean(const char *s)
{
	struct strbuf sb = { 0 };
	size_t off, len;
	char *out;

	if (!s)
		return NULL;
	for (size_t i = 0, n = strlen(s); i < n;) {
		size_t k = utf8_char_len(s + i, n - i);
		const unsigned char *u = (const unsigned char *)s + i;

		if (!k) {
			i++;
			continue;
		}
		if (k == 1 && (u[0] < 0x20 || u[0] == 0x7f) && u[0] != '\n') {
			if (u[0] == '\t')
				strbuf_addc(&sb, ' ');
		} else if (!(k == 2 && u[0] == 0xc2 && u[1] < 0xa0) &&
			   !(k == 3 && u[0] == 0xe2 && u[1] == 0x80 && u[2] >= 0xaa && u[2] <= 0xae) &&
			   !(k == 3 && u[0] == 0xe2 && u[1] == 0x81 && u[2] >= 0xa6 && u[2] <= 0xa9)) {
			strbuf_add(&sb, s + i, k);
		}
		i += k;
	}
	out = strbuf_detach(&sb);
	while (cpr_find(out, &off, &len))
		memset(out + off, '*', len);
	return out;
}

static void tasks_add(struct handout_tasks *t, size_t *cap, const struct followup_rec *f)
{
	t->v = array_grow(t->v, t->n, cap, sizeof(*t->v));
	t->v[t->n++] = (struct handout_task){ clean(f->due), clean(f->text) };
}

/* The meeting of the list held on date (NULL: the latest); of two on one
 * day, the later made. */
static const struct meeting_rec *pick_meeting(const struct meeting_list *l, const char *date)
{
	const struct meeting_rec *best = NULL;

	for (size_t i = 0; i < l->n; i++) {
		const struct meeting_rec *m = &l->v[i];

		if (date && strcmp(m->date, date))
			continue;
		if (!best || strcmp(m->date, best->date) > 0 ||
		    (!strcmp(m->date, best->date) && m->id > best->id))
			best = m;
	}
	return best;
}

/* The follow-ups agreed in the meeting, hers apart from ours. The copy of
 * the case's latest meeting is her plan as it stands: it also holds every
 * follow-up still open, from earlier meetings or from none (added on the
 * case screen, imported). */
static enum sam_status load_tasks(struct store *st, const struct meeting_rec *m, struct handout *h)
{
	struct followup_query q = { .case_id = m->case_id, .include_done = true };
	struct followup_list l = { 0 };
	struct meeting_list ml = { 0 };
	size_t cap_hers = 0, cap_ours = 0;
	const struct meeting_rec *latest;
	bool is_latest;
	enum sam_status s;

	if ((s = store_meeting_list(st, m->case_id, &ml)) != SAM_OK)
		return s;
	latest = pick_meeting(&ml, NULL);
	is_latest = latest && latest->id == m->id;
	meeting_list_free(&ml);
	s = store_followup_list(st, &q, &l);
	for (size_t i = 0; s == SAM_OK && i < l.n; i++) {
		const struct followup_rec *f = &l.v[i];

		if (f->meeting_id != m->id && !(is_latest && !f->done))
			continue;
		if (f->her)
			tasks_add(&h->hers, &cap_hers, f);
		else
			tasks_add(&h->ours, &cap_ours, f);
	}
	followup_list_free(&l);
	/* The store lists them by due date already. */
	return s;
}

/* Her language's labels, with the job centre's own contact line from the
 * config file, else the content's in her language, else the Danish one. */
static enum sam_status load_labels(const char *content_dir, const char *lang, struct handout *h,
				   struct content_diags *diags)
{
	struct content_handout *da = NULL;
	enum sam_status s = content_handout_load(content_dir, lang, &h->labels, diags);

	if (s != SAM_OK)
		return s;
	if (config_get(CONFIG_CONTACT_LINE))
		h->contact_line = clean(config_get(CONFIG_CONTACT_LINE));
	else if (!h->labels->contact_line && strcmp(lang, "da") &&
	    content_handout_load(content_dir, "da", &da, diags) == SAM_OK)
		h->contact_line = clean(da->contact_line);
	else
		h->contact_line = clean(h->labels->contact_line);
	content_handout_free(da);
	return SAM_OK;
}

static enum sam_status build(struct store *st, const struct case_rec *c, int64_t meeting_id,
			     const char *content_dir, const char *lang, struct handout *h,
			     struct content_diags *diags)
{
	struct meeting_rec m = { 0 };
	enum sam_status s;

	memset(h, 0, sizeof(*h));
	if ((s = load_labels(content_dir, lang, h, diags)) != SAM_OK ||
	    (s = store_meeting_get(st, meeting_id, &m)) != SAM_OK)
		goto out;
	h->ref = clean(c->ref);
	h->initials = clean(c->initials);
	h->date = clean(m.date);
	h->caseworker = clean(m.caseworker);
	h->interpreter = str_empty(m.interpreter) ? NULL : clean(m.interpreter);
	h->agreed = str_empty(m.agreed) ? NULL : clean(m.agreed);
	if (!str_empty(m.next.date)) {
		h->next_date = clean(m.next.date);
		h->next_time = str_empty(m.next.time) ? NULL : clean(m.next.time);
		h->next_place = str_empty(m.next.place) ? NULL : clean(m.next.place);
	}
	s = load_tasks(st, &m, h);
out:
	meeting_rec_free(&m);
	if (s != SAM_OK)
		handout_free(h);
	return s;
}

enum sam_status handout_build(struct store *st, const char *ref, const char *date,
			      const char *content_dir, const char *lang, struct handout *out,
			      struct content_diags *diags)
{
	struct case_rec c = { 0 };
	struct meeting_list l = { 0 };
	const struct meeting_rec *m;
	enum sam_status s;

	memset(out, 0, sizeof(*out));
	if ((s = store_case_get(st, ref, &c)) != SAM_OK ||
	    (s = store_meeting_list(st, c.id, &l)) != SAM_OK)
		goto out;
	if (!(m = pick_meeting(&l, date)))
		s = date ? sam_fail(SAM_ERR_NOT_FOUND, _("case %s has no meeting on %s"), c.ref, date)
			 : sam_fail(SAM_ERR_NOT_FOUND, _("case %s has no meetings yet"), c.ref);
	else
		s = build(st, &c, m->id, content_dir, lang, out, diags);
out:
	meeting_list_free(&l);
	case_rec_free(&c);
	return s;
}

enum sam_status handout_build_meeting(struct store *st, int64_t meeting_id,
				      const char *content_dir, const char *lang, struct handout *out,
				      struct content_diags *diags)
{
	struct meeting_rec m = { 0 };
	struct case_rec c = { 0 };
	enum sam_status s;

	memset(out, 0, sizeof(*out));
	if ((s = store_meeting_get(st, meeting_id, &m)) == SAM_OK &&
	    (s = store_case_get_by_id(st, m.case_id, &c)) == SAM_OK)
		s = build(st, &c, meeting_id, content_dir, lang, out, diags);
	meeting_rec_free(&m);
	case_rec_free(&c);
	return s;
}

static void tasks_free(struct handout_tasks *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->v[i].due);
		free(t->v[i].text);
	}
	free(t->v);
}

void handout_free(struct handout *h)
{
	free(h->ref);
	free(h->initials);
	free(h->date);
	free(h->caseworker);
	free(h->interpreter);
	free(h->agreed);
	tasks_free(&h->hers);
	tasks_free(&h->ours);
	free(h->next_date);
	free(h->next_time);
	free(h->next_place);
	free(h->contact_line);
	content_handout_free(h->labels);
	memset(h, 0, sizeof(*h));
}

/*
 * Her copy as lines: the one order every form follows
 */

static void line_add(struct handout_lines *l, size_t *cap, enum handout_line_kind kind, char *text)
{
	l->v = array_grow(l->v, l->n, cap, sizeof(*l->v));
	l->v[l->n++] = (struct handout_line){ kind, text };
}

static const char *label(const struct handout *h, enum handout_label which)
{
	return h->labels->label[which];
}

static void tasks_lines(const struct handout *h, enum handout_label heading,
			const struct handout_tasks *t, struct handout_lines *l, size_t *cap)
{
	if (!t->n)
		return;
	line_add(l, cap, HLINE_GAP, NULL);
	line_add(l, cap, HLINE_HEADING, xstrdup(label(h, heading)));
	for (size_t i = 0; i < t->n; i++)
		line_add(l, cap, HLINE_TASK, xasprintf("%s: %s", t->v[i].due, t->v[i].text));
}

void handout_lines(const struct handout *h, struct handout_lines *l)
{
	size_t cap = 0;

	memset(l, 0, sizeof(*l));
	line_add(l, &cap, HLINE_TITLE, xstrdup(label(h, HL_TITLE)));
	line_add(l, &cap, HLINE_FIELD, h->initials
		 ? xasprintf("%s: %s (%s)", label(h, HL_CASE), h->ref, h->initials)
		 : xasprintf("%s: %s", label(h, HL_CASE), h->ref));
	line_add(l, &cap, HLINE_FIELD, xasprintf("%s: %s", label(h, HL_MEETING), h->date));
	line_add(l, &cap, HLINE_FIELD, xasprintf("%s: %s", label(h, HL_CASEWORKER), h->caseworker));
	if (h->interpreter)
		line_add(l, &cap, HLINE_FIELD,
			 xasprintf("%s: %s", label(h, HL_INTERPRETER), h->interpreter));
	if (h->agreed) {
		line_add(l, &cap, HLINE_GAP, NULL);
		line_add(l, &cap, HLINE_HEADING, xstrdup(label(h, HL_AGREED)));
		line_add(l, &cap, HLINE_TEXT, xstrdup(h->agreed));
	}
	tasks_lines(h, HL_YOU_WILL_DO, &h->hers, l, &cap);
	tasks_lines(h, HL_WE_WILL_DO, &h->ours, l, &cap);
	if (h->next_date) {
		line_add(l, &cap, HLINE_GAP, NULL);
		line_add(l, &cap, HLINE_HEADING, xstrdup(label(h, HL_NEXT_MEETING)));
		line_add(l, &cap, HLINE_TEXT, h->next_time
			 ? xasprintf("%s %s %s", h->next_date, label(h, HL_TIME), h->next_time)
			 : xstrdup(h->next_date));
		if (h->next_place)
			line_add(l, &cap, HLINE_TEXT,
				 xasprintf("%s: %s", label(h, HL_PLACE), h->next_place));
	}
	if (h->contact_line) {
		line_add(l, &cap, HLINE_GAP, NULL);
		line_add(l, &cap, HLINE_FIELD, xasprintf("%s: %s", label(h, HL_CONTACT), h->contact_line));
	}
}

void handout_lines_free(struct handout_lines *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i].text);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

/*
 * Plain text and Markdown
 */

static enum sam_status write_out(const struct strbuf *sb, FILE *out)
{
	if (fwrite(sb->buf, 1, sb->len, out) != sb->len || fflush(out))
		return sam_fail(SAM_ERR_IO, "%s", _("could not write her copy"));
	return SAM_OK;
}

size_t handout_row(const char *s, int width, size_t *next)
{
	size_t n = strcspn(s, "\n"), fit, k;
	char *seg = xstrndup(s, n);

	if ((int)utf8_width(seg) <= width) {
		free(seg);
		*next = n + (s[n] == '\n');
		return n;
	}
	fit = utf8_prefix_for_width(seg, width > 0 ? (size_t)width : 1);
	free(seg);
	if (!fit)
		fit = utf8_char_len(s, n) ? utf8_char_len(s, n) : 1;
	for (k = fit; k > 0 && s[k] != ' '; k--)
		;
	if (k == 0) {
		*next = fit;
		return fit;
	}
	for (*next = k; s[*next] == ' '; (*next)++)
		;
	return k;
}

/* Appends s wrapped to width columns after first (the rest of the first
 * row is first's), continuation rows indented by as many spaces. */
static void wrap(struct strbuf *sb, const char *first, const char *s, int width)
{
	int indent = (int)utf8_width(first);
	size_t next;

	strbuf_adds(sb, first);
	do {
		size_t n = handout_row(s, width - indent, &next);

		strbuf_add(sb, s, n);
		strbuf_addc(sb, '\n');
		s += next;
		if (*s)
			strbuf_addf(sb, "%*s", indent, "");
	} while (*s);
}

/* Writes the lines as text (line_fn adds one) and sends them to out. */
static enum sam_status render(const struct handout *h, FILE *out,
			      void (*line_fn)(struct strbuf *sb, const struct handout_lines *l, size_t i,
					      int width), int width)
{
	struct handout_lines l;
	struct strbuf sb = { 0 };
	enum sam_status s;

	handout_lines(h, &l);
	for (size_t i = 0; i < l.n; i++)
		line_fn(&sb, &l, i, width);
	handout_lines_free(&l);
	s = write_out(&sb, out);
	strbuf_free(&sb);
	return s;
}

static void txt_line(struct strbuf *sb, const struct handout_lines *l, size_t i, int width)
{
	const char *t = l->v[i].text;
	int w = t ? (int)utf8_width(t) : 0;

	switch (l->v[i].kind) {
	case HLINE_TITLE:
	case HLINE_HEADING:
		wrap(sb, "", t, width);
		for (int k = 0; k < (w < width ? w : width); k++)
			strbuf_addc(sb, l->v[i].kind == HLINE_TITLE ? '=' : '-');
		strbuf_addc(sb, '\n');
		break;
	case HLINE_FIELD:
	case HLINE_TEXT:
		wrap(sb, "", t, width);
		break;
	case HLINE_TASK:
		wrap(sb, "- ", t, width);
		break;
	case HLINE_GAP:
		strbuf_addc(sb, '\n');
		break;
	}
}

enum sam_status handout_write_txt(const struct handout *h, int width, FILE *out)
{
	return render(h, out, txt_line, width < 20 ? 20 : width);
}

/* A paragraph of her words: each of its lines kept as a line. */
static void md_text(struct strbuf *sb, const char *s)
{
	while (*s) {
		size_t n = strcspn(s, "\n");

		strbuf_add(sb, s, n);
		s += n;
		if (*s == '\n')
			s++;
		strbuf_adds(sb, *s ? "  \n" : "\n");
	}
}

static void md_line(struct strbuf *sb, const struct handout_lines *l, size_t i, int width)
{
	const struct handout_line *ln = &l->v[i];

	(void)width;
	switch (ln->kind) {
	case HLINE_TITLE:
		strbuf_addf(sb, "# %s\n\n", ln->text);
		break;
	case HLINE_HEADING:
		strbuf_addf(sb, "## %s\n\n", ln->text);
		break;
	case HLINE_FIELD:
	case HLINE_TEXT:
		md_text(sb, ln->text);
		/* Lines of one block one under the other: a hard line break. */
		if (i + 1 < l->n && l->v[i + 1].kind == ln->kind) {
			sb->buf[--sb->len] = '\0';
			strbuf_adds(sb, "  \n");
		}
		break;
	case HLINE_TASK:
		strbuf_adds(sb, "- ");
		md_text(sb, ln->text);
		break;
	case HLINE_GAP:
		strbuf_addc(sb, '\n');
		break;
	}
}

enum sam_status handout_write_md(const struct handout *h, FILE *out)
{
	return render(h, out, md_line, 0);
}

/*
 * A draft of the agreed summary
 */

enum sam_status handout_draft_for_meeting(struct store *st, int64_t meeting_id, char **out)
{
	struct meeting_rec m = { 0 };
	struct handout h = { 0 };
	enum sam_status s;

	*out = NULL;
	if ((s = store_meeting_get(st, meeting_id, &m)) == SAM_OK &&
	    (s = load_tasks(st, &m, &h)) == SAM_OK)
		*out = handout_agreed_draft(&h.hers, &h.ours);
	meeting_rec_free(&m);
	handout_free(&h);
	return s;
}

static void draft_tasks(struct strbuf *sb, const char *heading, const struct handout_tasks *t)
{
	if (!t->n)
		return;
	if (sb->len)
		strbuf_addc(sb, '\n');
	strbuf_addf(sb, "%s\n", heading);
	for (size_t i = 0; i < t->n; i++)
		strbuf_addf(sb, "- %s (%s %s)\n", t->v[i].text, _("by"), t->v[i].due);
}

char *handout_agreed_draft(const struct handout_tasks *hers, const struct handout_tasks *ours)
{
	struct strbuf sb = { 0 };

	if (!hers->n && !ours->n)
		return NULL;
	draft_tasks(&sb, _("What you will do:"), hers);
	draft_tasks(&sb, _("What we will do:"), ours);
	return strbuf_detach(&sb);
}
