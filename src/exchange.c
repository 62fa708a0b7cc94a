#include "samtale/exchange.h"

#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "samtale/export_support.h"

#define REF_MAX 64		/* as the store allows */
#define SHOWN_COLS 40		/* how much of a foreign value a message repeats */

#define PROFILE_KEY(arg, name, key) #key,
static const char *const profile_keys[] = { PROFILE_FIELDS(PROFILE_KEY, ) };
#undef PROFILE_KEY

static bool format_known(const char *format)
{
	return !strcmp(format, EXCHANGE_FORMAT) || !strcmp(format, EXCHANGE_FORMAT_1);
}

/* Bytes of s a message may repeat: a short, whole-character prefix that
 * stops before any control character (no escape sequences to the terminal). */
static int clip(const char *s)
{
	size_t n = utf8_prefix_for_width(s, SHOWN_COLS), bad;

	return (int)(text_control_find(s, n, 0, &bad, NULL) ? bad : n);
}

/*
 * Export: one case at a time
 */

/* Everything export needs about one case. */
struct case_full {
	struct case_rec c;
	struct meeting_list meetings;	/* with their items */
	struct followup_list followups;
	struct internship_list internships;
};

static void case_full_free(struct case_full *f)
{
	case_rec_free(&f->c);
	meeting_list_free(&f->meetings);
	followup_list_free(&f->followups);
	internship_list_free(&f->internships);
}

/* The cases to export, chosen before anything is written. */
struct export {
	struct store_reader *r;
	int64_t *ids;
	size_t n;
};

static void export_end(struct export *ex)
{
	store_reader_close(ex->r);
	free(ex->ids);
}

/* Every named ref must exist; the cases come in the store's ref order, each once. */
static enum sam_status export_begin(struct store *st, const char *const *refs, size_t nrefs,
				    struct export *ex)
{
	enum sam_status s;

	memset(ex, 0, sizeof(*ex));
	if ((s = store_reader_open(st, &ex->r)) != SAM_OK)
		return s;
	for (size_t i = 0; i < nrefs; i++) {
		struct case_rec c = { 0 };

		s = store_case_get(st, refs[i], &c);
		case_rec_free(&c);
		if (s != SAM_OK)
			goto fail;
	}
	if ((s = store_reader_case_ids(ex->r, refs, nrefs, &ex->ids, &ex->n)) == SAM_OK)
		return SAM_OK;
fail:
	export_end(ex);
	return s;
}

static enum sam_status export_read(struct export *ex, size_t i, struct case_full *f)
{
	enum sam_status s = store_reader_case(ex->r, ex->ids[i], &f->c, &f->meetings, &f->followups);

	memset(&f->internships, 0, sizeof(f->internships));
	if (s == SAM_OK && (s = store_reader_internships(ex->r, ex->ids[i], &f->internships)) != SAM_OK)
		case_full_free(f);
	return s;
}

static enum sam_status write_failed(void)
{
	return sam_fail(SAM_ERR_IO, _("cannot write the export: %s"),
			strerror(errno));
}

static enum sam_status put(FILE *out, const char *s, size_t n)
{
	return fwrite(s, 1, n, out) == n ? SAM_OK : write_failed();
}

static enum sam_status put_str(FILE *out, const char *s)
{
	return put(out, s, strlen(s));
}

/*
 * Export: JSON
 */

/* False when s is not valid UTF-8 (jansson refuses it) or memory ran out. */
static bool jset_str(json_t *obj, const char *key, const char *s)
{
	return !json_object_set_new(obj, key, s ? json_string(s) : json_null());
}

static bool jset(json_t *obj, const char *key, json_t *v)
{
	return !json_object_set_new(obj, key, v);
}

/* The items a meeting's record must carry: all but the untouched ones,
 * which import recreates as open from the content. */
static json_t *items_json(const struct meeting_rec *m, bool *ok)
{
	json_t *arr = json_array();

	for (size_t i = 0; arr && i < m->nitems; i++) {
		const struct meeting_item *it = &m->items[i];
		json_t *o;

		if (it->state == ITEM_OPEN && !it->note)
			continue;
		o = json_object();
		*ok &= o && jset_str(o, "id", it->item_id);
		*ok &= o && jset_str(o, "state", item_state_name(it->state));
		*ok &= o && jset_str(o, "note", it->note);
		*ok &= !json_array_append_new(arr, o);
	}
	*ok &= arr != NULL;
	return arr;
}

static json_t *next_json(const struct meeting_next *n, bool *ok)
{
	json_t *o;

	if (!n->date)
		return json_null();
	if (!(o = json_object())) {
		*ok = false;
		return NULL;
	}
	*ok &= jset_str(o, "date", n->date);
	*ok &= jset_str(o, "time", n->time);
	*ok &= jset_str(o, "place", n->place);
	return o;
}

static json_t *meeting_json(const struct meeting_rec *m, bool *ok)
{
	json_t *o = json_object();

	if (!o) {
		*ok = false;
		return NULL;
	}
	*ok &= jset_str(o, "date", m->date);
	*ok &= jset_str(o, "type", m->type);
	*ok &= jset_str(o, "caseworker", m->caseworker);
	*ok &= jset(o, "items", items_json(m, ok));
	*ok &= jset_str(o, "note", m->note);
	*ok &= jset_str(o, "agreed", m->agreed);
	*ok &= jset_str(o, "interpreter", m->interpreter);
	*ok &= jset(o, "next_meeting", next_json(&m->next, ok));
	return o;
}

static json_t *followup_json(const struct followup_rec *f, bool *ok)
{
	json_t *o = json_object();

	if (!o) {
		*ok = false;
		return NULL;
	}
	*ok &= jset_str(o, "due", f->due);
	*ok &= jset_str(o, "text", f->text);
	*ok &= jset_str(o, "assignee", f->her ? EXCHANGE_ASSIGNEE_HER : f->assignee);
	*ok &= jset(o, "done", json_boolean(f->done));
	return o;
}

/* The store's words are the exchange's (SPEC §4). */
static json_t *internship_json(const struct internship_rec *in, bool *ok)
{
	json_t *o = json_object();

	if (!o) {
		*ok = false;
		return NULL;
	}
	*ok &= jset_str(o, "workplace", in->workplace);
	*ok &= jset_str(o, "field", in->field);
	*ok &= jset_str(o, "from", in->from);
	*ok &= jset_str(o, "planned_to", in->planned_to);
	*ok &= jset_str(o, "ended", in->ended);
	*ok &= jset_str(o, "contact", in->contact);
	*ok &= jset_str(o, "goal", in->goal);
	*ok &= jset_str(o, "job_possible", job_possible_words[in->job_possible].word);
	*ok &= jset_str(o, "outcome", outcome_words[in->outcome].word);
	*ok &= jset_str(o, "outcome_reason", in->outcome_reason);
	return o;
}

static json_t *case_json(const struct case_full *f, bool *ok)
{
	json_t *o = json_object(), *profile = json_object();
	json_t *meetings = json_array(), *followups = json_array(), *internships = json_array();

	*ok &= o && profile && meetings && followups && internships;
	if (!*ok) {
		json_decref(o);
		json_decref(profile);
		json_decref(meetings);
		json_decref(followups);
		json_decref(internships);
		return NULL;
	}
	*ok &= jset_str(o, "ref", f->c.ref);
	*ok &= jset_str(o, "initials", f->c.initials);
	*ok &= jset_str(o, "caseworker", f->c.caseworker);
	*ok &= jset_str(o, "opened", f->c.opened);
	*ok &= jset_str(o, "closed", f->c.closed);
	for (size_t i = 0; i < ARRAY_SIZE(profile_keys); i++)
		*ok &= jset_str(profile, profile_keys[i], f->c.profile[i]);
	*ok &= jset(o, "profile", profile);
	for (size_t i = 0; i < f->meetings.n; i++)
		*ok &= !json_array_append_new(meetings, meeting_json(&f->meetings.v[i], ok));
	*ok &= jset(o, "meetings", meetings);
	for (size_t i = 0; i < f->followups.n; i++)
		*ok &= !json_array_append_new(followups, followup_json(&f->followups.v[i], ok));
	*ok &= jset(o, "followups", followups);
	for (size_t i = 0; i < f->internships.n; i++)
		*ok &= !json_array_append_new(internships, internship_json(&f->internships.v[i], ok));
	*ok &= jset(o, "internships", internships);
	return o;
}

/* The document is written as json_dumps(JSON_INDENT(2)) would write it
 * whole: each case, dumped on its own, sits two levels deep. */
#define CASE_INDENT "    "

static int dump_indented(const char *buf, size_t size, void *data)
{
	FILE *out = data;
	const char *end = buf + size;

	while (buf < end) {
		const char *nl = memchr(buf, '\n', (size_t)(end - buf));
		size_t n = nl ? (size_t)(nl - buf) + 1 : (size_t)(end - buf);

		if (fwrite(buf, 1, n, out) != n || (nl && fputs(CASE_INDENT, out) == EOF))
			return -1;
		buf += n;
	}
	return 0;
}

static enum sam_status write_case_json(const struct case_full *f, bool first, FILE *out)
{
	enum sam_status s;
	bool ok = true;
	json_t *o = case_json(f, &ok);

	if (!ok)
		s = sam_error(_("case %s holds text that is not valid UTF-8"), f->c.ref);
	else if ((s = put_str(out, first ? "\n" CASE_INDENT : ",\n" CASE_INDENT)) == SAM_OK &&
		 json_dump_callback(o, dump_indented, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER))
		s = write_failed();
	json_decref(o);
	return s;
}

enum sam_status exchange_export_json(struct store *st, const char *const *refs, size_t nrefs,
				     FILE *out)
{
	struct export ex;
	enum sam_status s;

	if ((s = export_begin(st, refs, nrefs, &ex)) != SAM_OK)
		return s;
	/* Fixed indent and key order: the same database always exports the same bytes. */
	s = put_str(out, "{\n  \"format\": \"" EXCHANGE_FORMAT "\",\n  \"cases\": [");
	for (size_t i = 0; i < ex.n && s == SAM_OK; i++) {
		struct case_full f;

		if ((s = export_read(&ex, i, &f)) == SAM_OK) {
			s = write_case_json(&f, i == 0, out);
			case_full_free(&f);
		}
	}
	if (s == SAM_OK)
		s = put_str(out, ex.n ? "\n  ]\n}\n" : "]\n}\n");
	if (s == SAM_OK && fflush(out))
		s = write_failed();
	export_end(&ex);
	return s;
}

/*
 * Export: Markdown, her record in readable form
 */

/* Her words and the notes, kept line by line as a quotation. */
static void md_quote(struct strbuf *sb, const char *text)
{
	const char *p = text;

	if (str_empty(text)) {
		strbuf_addf(sb, "*%s*\n\n", _("(nothing written)"));
		return;
	}
	while (*p) {
		size_t n = strcspn(p, "\n");

		strbuf_adds(sb, n ? "> " : ">");
		strbuf_add(sb, p, n);
		strbuf_addc(sb, '\n');
		p += n;
		if (*p == '\n')
			p++;
	}
	strbuf_addc(sb, '\n');
}

static const char *state_box(enum item_state s)
{
	switch (s) {
	case ITEM_DONE: return "[x]";
	case ITEM_NOT_RELEVANT: return "[-]";
	case ITEM_OPEN: break;
	}
	return "[ ]";
}

static void md_items(struct strbuf *sb, const struct content_guide *g, const struct meeting_rec *m)
{
	const char *section = NULL;

	for (size_t i = 0; i < m->nitems; i++) {
		const struct meeting_item *it = &m->items[i];

		if (!section || strcmp(section, it->section_id)) {
			const struct content_section *cs = content_section_find(g, it->section_id);

			section = it->section_id;
			strbuf_addf(sb, "%s#### %s\n\n", i ? "\n" : "", cs ? cs->title : section);
		}
		strbuf_addf(sb, "- %s %s\n", state_box(it->state), it->text);
		if (it->note)
			strbuf_addf(sb, "  - %s: %s\n", _("Note"), it->note);
	}
	if (m->nitems)
		strbuf_addc(sb, '\n');
}

static void md_meeting(struct strbuf *sb, const struct content_guide *g, const struct meeting_rec *m)
{
	const struct content_meeting_type *t = content_meeting_type_find(g, m->type);

	strbuf_addf(sb, "### %s – %s\n\n", m->date, t ? t->title : m->type);
	strbuf_addf(sb, "- %s: %s\n", _("Caseworker"), m->caseworker);
	strbuf_addf(sb, "- %s: %s\n\n", _("Interpreter"),
		    m->interpreter ? m->interpreter : _("none"));
	md_items(sb, g, m);
	strbuf_addf(sb, "#### %s\n\n", _("Notes"));
	md_quote(sb, m->note);
	strbuf_addf(sb, "#### %s\n\n", _("What was agreed"));
	md_quote(sb, m->agreed);
	if (m->next.date) {
		strbuf_addf(sb, "#### %s\n\n%s", _("Next meeting"), m->next.date);
		if (m->next.time)
			strbuf_addf(sb, " %s", m->next.time);
		if (m->next.place)
			strbuf_addf(sb, ", %s", m->next.place);
		strbuf_adds(sb, "\n\n");
	}
}

static const char *word(const struct store_word *w)
{
	return _(w->text);
}

static void md_internships(struct strbuf *sb, const struct internship_list *l)
{
	strbuf_addf(sb, "## %s\n\n", _("Internships"));
	if (!l->n)
		strbuf_addf(sb, "*%s*\n\n", _("(no internships)"));
	for (size_t i = 0; i < l->n; i++) {
		const struct internship_rec *in = &l->v[i];

		strbuf_addf(sb, "### %s – %s\n\n", in->from, in->workplace);
		if (in->field)
			strbuf_addf(sb, "- %s: %s\n", _("Field"), in->field);
		strbuf_addf(sb, "- %s: %s\n", _("Planned to"),
			    in->planned_to ? in->planned_to : _("not agreed"));
		strbuf_addf(sb, "- %s: %s\n", C_("exchange", "Contact"),
			    in->contact ? in->contact : _("none"));
		strbuf_addf(sb, "- %s: %s\n", _("Can lead to a job"),
			    word(&job_possible_words[in->job_possible]));
		strbuf_addf(sb, "- %s: %s", _("Outcome"), word(&outcome_words[in->outcome]));
		if (in->ended)
			strbuf_addf(sb, " (%s)", in->ended);
		strbuf_addf(sb, "\n\n#### %s\n\n", _("Her goal"));
		md_quote(sb, in->goal);
		if (in->outcome_reason) {
			strbuf_addf(sb, "#### %s\n\n", _("Reason"));
			md_quote(sb, in->outcome_reason);
		}
	}
}

static void md_case(struct strbuf *sb, const struct content_guide *g, const struct case_full *f)
{
	strbuf_addf(sb, "# %s %s\n\n", _("Case"), f->c.ref);
	if (f->c.initials)
		strbuf_addf(sb, "- %s: %s\n", _("Initials"), f->c.initials);
	strbuf_addf(sb, "- %s: %s\n", _("Caseworker"), f->c.caseworker);
	strbuf_addf(sb, "- %s: %s\n", _("Opened"), f->c.opened);
	strbuf_addf(sb, "- %s: %s\n\n", _("Closed"),
		    f->c.closed ? f->c.closed : _("no"));

	strbuf_addf(sb, "## %s\n\n", _("Her profile, in her words"));
	for (size_t i = 0; i < PROFILE_NFIELDS; i++) {
		strbuf_addf(sb, "### %s\n\n", _(profile_fields[i].label));
		md_quote(sb, f->c.profile[i]);
	}

	strbuf_addf(sb, "## %s\n\n", _("Meetings"));
	if (!f->meetings.n)
		strbuf_addf(sb, "*%s*\n\n", _("(no meetings)"));
	else
		strbuf_addf(sb, "%s\n\n", _("[x] done, [-] not relevant, [ ] open."));
	for (size_t i = 0; i < f->meetings.n; i++)
		md_meeting(sb, g, &f->meetings.v[i]);

	strbuf_addf(sb, "## %s\n\n", _("Follow-ups"));
	if (!f->followups.n)
		strbuf_addf(sb, "*%s*\n\n", _("(no follow-ups)"));
	for (size_t i = 0; i < f->followups.n; i++) {
		const struct followup_rec *fu = &f->followups.v[i];

		strbuf_addf(sb, "- %s %s: %s", fu->done ? "[x]" : "[ ]", fu->due, fu->text);
		if (fu->her)
			strbuf_addf(sb, " (%s)", _("she does it"));
		else if (fu->assignee)
			strbuf_addf(sb, " (%s)", fu->assignee);
		strbuf_addc(sb, '\n');
	}
	if (f->followups.n)
		strbuf_addc(sb, '\n');
	md_internships(sb, &f->internships);
}

enum sam_status exchange_export_md(struct store *st, const struct content_guide *g,
				   const char *const *refs, size_t nrefs, FILE *out)
{
	struct strbuf sb = { 0 };
	struct export ex;
	enum sam_status s;

	if ((s = export_begin(st, refs, nrefs, &ex)) != SAM_OK)
		return s;
	for (size_t i = 0; i < ex.n && s == SAM_OK; i++) {
		struct case_full f;

		if ((s = export_read(&ex, i, &f)) != SAM_OK)
			break;
		strbuf_reset(&sb);
		if (i)
			strbuf_adds(&sb, "---\n\n");
		md_case(&sb, g, &f);
		case_full_free(&f);
		s = put(out, strbuf_str(&sb), sb.len);
	}
	if (s == SAM_OK && fflush(out))
		s = write_failed();
	strbuf_free(&sb);
	export_end(&ex);
	return s;
}

/*
 * Import: parse and validate, touching nothing
 */

enum field_flags { F_REQUIRED = 1 << 0, F_NULLABLE = 1 << 1 };

static enum sam_status invalid(const char *where, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static enum sam_status invalid(const char *where, const char *fmt, ...)
{
	struct strbuf sb = { 0 };
	va_list ap;

	strbuf_addf(&sb, "%s: ", where);
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	sam_fail(SAM_ERR_INVALID, "%s", sb.buf);
	strbuf_free(&sb);
	return SAM_ERR_INVALID;
}

static enum sam_status check_keys(json_t *obj, const char *const *known, size_t n,
				  const char *where)
{
	const char *key, *hint;
	json_t *v;

	json_object_foreach(obj, key, v) {
		size_t i = 0;

		while (i < n && strcmp(key, known[i]))
			i++;
		if (i < n)
			continue;
		hint = content_suggest(key, known, n);
		if (hint)
			return invalid(where, _("unknown key \"%.*s\"; did you mean \"%s\"?"),
				       clip(key), key, hint);
		return invalid(where, _("unknown key \"%.*s\""),
			       clip(key), key);
	}
	return SAM_OK;
}

static enum sam_status get_str(json_t *obj, const char *key, unsigned flags, const char *where,
			       char **out)
{
	json_t *v = json_object_get(obj, key);

	*out = NULL;
	if (!v && (flags & F_REQUIRED))
		return invalid(where, _("\"%s\" is missing"), key);
	if (!v || (json_is_null(v) && (flags & F_NULLABLE)))
		return SAM_OK;
	if (!json_is_string(v))
		return invalid(where, (flags & F_NULLABLE)
			       ? _("\"%s\" must be a string or null")
			       : _("\"%s\" must be a string"), key);
	*out = xstrndup(json_string_value(v), json_string_length(v));
	return SAM_OK;
}

/* A list that may be left out (then empty). */
static enum sam_status get_array(json_t *obj, const char *key, const char *where, json_t **out)
{
	*out = json_object_get(obj, key);
	if (*out && !json_is_array(*out))
		return invalid(where, _("\"%s\" must be a list"), key);
	return SAM_OK;
}

static enum sam_status need_object(json_t *v, const char *where)
{
	if (!json_is_object(v))
		return invalid(where, "%s", _("must be an object ({...})"));
	return SAM_OK;
}

static enum sam_status get_date(json_t *obj, const char *key, unsigned flags, const char *where,
				char **out)
{
	enum sam_status s = get_str(obj, key, flags, where, out);

	if (s == SAM_OK && *out && !date_valid(*out))
		return invalid(where, _("invalid date \"%.*s\" in \"%s\" (YYYY-MM-DD)"),
			       clip(*out), *out, key);
	return s;
}

/* Free text: a string, and no CPR number in it (the message does not repeat it). */
static enum sam_status get_text(json_t *obj, const char *key, unsigned flags, const char *where,
				char **out)
{
	enum sam_status s = get_str(obj, key, flags, where, out);

	if (s == SAM_OK && *out && cpr_find(*out, NULL, NULL))
		return invalid(where, _("\"%s\" looks like it holds a CPR number; remove it"), key);
	return s;
}

static enum sam_status parse_item(json_t *jv, const struct content_guide *g,
				  const struct exchange_meeting *m, size_t idx, const char *mwhere,
				  struct exchange_item *it)
{
	static const char *const keys[] = { "id", "state", "note" };
	char *where = xasprintf("%s, %s%zu", mwhere, _("item #"), idx + 1);
	const struct content_item *ci;
	enum sam_status s;
	char *state = NULL;

	if ((s = need_object(jv, where)) || (s = check_keys(jv, keys, ARRAY_SIZE(keys), where)) ||
	    (s = get_str(jv, "id", F_REQUIRED, where, &it->id)) ||
	    (s = get_str(jv, "state", F_REQUIRED, where, &state)) ||
	    (s = get_text(jv, "note", F_NULLABLE, where, &it->note)))
		goto out;
	if (!(ci = content_item_find(g, it->id))) {
		s = invalid(mwhere, _("unknown item id '%.*s'"),
			    clip(it->id), it->id);
		goto out;
	}
	if (!content_item_applies(ci, m->type)) {
		s = invalid(mwhere, _("item '%s' does not apply to a meeting of type '%s'"),
			    ci->full_id, m->type);
		goto out;
	}
	for (size_t i = 0; i < idx; i++)
		if (!strcmp(m->items[i].id, it->id)) {
			s = invalid(mwhere, _("item '%s' is listed twice"),
				    it->id);
			goto out;
		}
	if (!item_state_parse(state, &it->state))
		s = invalid(mwhere, _("item '%s': unknown state '%.*s' (done, not_relevant or open)"),
			    it->id, clip(state), state);
out:
	free(state);
	free(where);
	return s;
}

/* A meeting's "next_meeting": null, or its date with an optional time and place. */
static enum sam_status parse_next(json_t *jv, const char *mwhere, struct exchange_meeting *m)
{
	static const char *const keys[] = { "date", "time", "place" };
	char *where;
	enum sam_status s;

	if (!jv || json_is_null(jv))
		return SAM_OK;
	where = xasprintf("%s, %s", mwhere, "next_meeting");
	if (!(s = need_object(jv, where)) && !(s = check_keys(jv, keys, ARRAY_SIZE(keys), where)) &&
	    !(s = get_date(jv, "date", F_REQUIRED, where, &m->next_date)) &&
	    !(s = get_str(jv, "time", F_NULLABLE, where, &m->next_time)) &&
	    !(s = get_text(jv, "place", F_NULLABLE, where, &m->next_place)) && m->next_time &&
	    !time_valid(m->next_time))
		s = invalid(where, _("invalid time \"%.*s\" (HH:MM)"),
			    clip(m->next_time), m->next_time);
	free(where);
	return s;
}

static enum sam_status parse_meeting(json_t *jv, const struct content_guide *g, size_t idx,
				     const char *cwhere, struct exchange_meeting *m)
{
	static const char *const keys[] = { "date", "type", "caseworker", "items", "note", "agreed",
					    "interpreter", "next_meeting" };
	char *where = xasprintf("%s, %s%zu", cwhere, _("meeting #"), idx + 1);
	enum sam_status s;
	json_t *items;

	if ((s = need_object(jv, where)) || (s = check_keys(jv, keys, ARRAY_SIZE(keys), where)) ||
	    (s = get_date(jv, "date", F_REQUIRED, where, &m->date)) ||
	    (s = get_str(jv, "type", F_REQUIRED, where, &m->type)))
		goto out;
	if (!content_meeting_type_find(g, m->type)) {
		s = invalid(where, _("unknown meeting type '%.*s'"),
			    clip(m->type), m->type);
		goto out;
	}
	free(where);
	where = xasprintf("%s, %s %s (%s)", cwhere, _("meeting"), m->date, m->type);
	if ((s = get_text(jv, "caseworker", F_NULLABLE, where, &m->caseworker)) ||
	    (s = get_text(jv, "note", F_NULLABLE, where, &m->note)) ||
	    (s = get_text(jv, "agreed", F_NULLABLE, where, &m->agreed)) ||
	    (s = get_text(jv, "interpreter", F_NULLABLE, where, &m->interpreter)) ||
	    (s = parse_next(json_object_get(jv, "next_meeting"), where, m)) ||
	    (s = get_array(jv, "items", where, &items)) || !items)
		goto out;
	m->items = xcalloc(json_array_size(items), sizeof(*m->items));
	for (size_t i = 0; i < json_array_size(items) && s == SAM_OK; i++) {
		s = parse_item(json_array_get(items, i), g, m, i, where, &m->items[i]);
		m->nitems++;
	}
out:
	free(where);
	return s;
}

static enum sam_status parse_followup(json_t *jv, size_t idx, const char *cwhere,
				      struct exchange_followup *f)
{
	static const char *const keys[] = { "due", "text", "assignee", "done" };
	char *where = xasprintf("%s, %s%zu", cwhere, _("follow-up #"), idx + 1);
	enum sam_status s;
	json_t *done;

	if ((s = need_object(jv, where)) || (s = check_keys(jv, keys, ARRAY_SIZE(keys), where)) ||
	    (s = get_date(jv, "due", F_REQUIRED, where, &f->due)) ||
	    (s = get_text(jv, "text", F_REQUIRED, where, &f->text)) ||
	    (s = get_text(jv, "assignee", F_NULLABLE, where, &f->assignee)))
		goto out;
	if (f->assignee && !strcmp(f->assignee, EXCHANGE_ASSIGNEE_HER)) {
		f->her = true;
		free(f->assignee);
		f->assignee = NULL;
	}
	if (str_empty(f->text)) {
		s = invalid(where, "%s", _("\"text\" is empty"));
		goto out;
	}
	done = json_object_get(jv, "done");
	if (done && !json_is_boolean(done))
		s = invalid(where, "%s", _("\"done\" must be true or false"));
	f->done = json_is_true(done);
out:
	free(where);
	return s;
}

/* A word of words[0..n) (the store's), or null or absent when nullable. */
static enum sam_status get_word(json_t *obj, const char *key, const struct store_word *words,
				size_t n, const char *where, int *out)
{
	char *w = NULL, *known;
	enum sam_status s = get_str(obj, key, F_NULLABLE, where, &w);

	*out = store_word_find(words, n, w);
	if (s != SAM_OK || !w || *out >= 0) {
		if (!w)
			*out = 0;
		free(w);
		return s;
	}
	known = store_word_list(words, n);
	s = invalid(where, _("unknown value \"%.*s\" in \"%s\" (%s)"),
		    clip(w), w, key, known);
	free(known);
	free(w);
	return s;
}

static enum sam_status parse_internship(json_t *jv, size_t idx, const char *cwhere,
					struct exchange_internship *in)
{
	static const char *const keys[] = { "workplace", "field", "from", "planned_to", "ended",
					    "contact", "goal", "job_possible", "outcome",
					    "outcome_reason" };
	char *where = xasprintf("%s, %s%zu", cwhere, _("internship #"), idx + 1);
	int job = JOB_POSSIBLE_UNKNOWN, outcome = OUTCOME_NONE;
	enum sam_status s;

	if ((s = need_object(jv, where)) || (s = check_keys(jv, keys, ARRAY_SIZE(keys), where)) ||
	    (s = get_text(jv, "workplace", F_REQUIRED, where, &in->workplace)) ||
	    (s = get_text(jv, "field", F_NULLABLE, where, &in->field)) ||
	    (s = get_date(jv, "from", F_REQUIRED, where, &in->from)) ||
	    (s = get_date(jv, "planned_to", F_NULLABLE, where, &in->planned_to)) ||
	    (s = get_date(jv, "ended", F_NULLABLE, where, &in->ended)) ||
	    (s = get_text(jv, "contact", F_NULLABLE, where, &in->contact)) ||
	    (s = get_text(jv, "goal", F_NULLABLE, where, &in->goal)) ||
	    (s = get_word(jv, "job_possible", job_possible_words, JOB_POSSIBLE_N, where, &job)) ||
	    (s = get_word(jv, "outcome", outcome_words, OUTCOME_N, where, &outcome)) ||
	    (s = get_text(jv, "outcome_reason", F_NULLABLE, where, &in->outcome_reason)))
		goto out;
	in->job_possible = (enum job_possible)job;
	in->outcome = (enum internship_outcome)outcome;
	if (str_empty(in->workplace))
		s = invalid(where, "%s", _("\"workplace\" is empty"));
out:
	free(where);
	return s;
}

static enum sam_status check_ref(const char *ref, const char *where)
{
	if (str_empty(ref))
		return invalid(where, "%s", _("\"ref\" is empty"));
	if (strlen(ref) > REF_MAX)
		return invalid(where, _("\"ref\" is longer than %d bytes"),
			       REF_MAX);
	if (text_control_find(ref, strlen(ref), 0, NULL, NULL))
		return invalid(where, "%s", _("\"ref\" holds a control character"));
	if (cpr_find(ref, NULL, NULL))
		return invalid(where, "%s", _("\"ref\" looks like a CPR number; use the journal number"));
	return SAM_OK;
}

static enum sam_status parse_profile(json_t *jv, const char *where, struct exchange_case *c)
{
	enum sam_status s = SAM_OK;
	char *pwhere;

	if (!jv || json_is_null(jv))
		return SAM_OK;
	pwhere = xasprintf("%s, %s", where, "profile");
	if (!(s = need_object(jv, pwhere)) &&
	    !(s = check_keys(jv, profile_keys, ARRAY_SIZE(profile_keys), pwhere)))
		for (size_t i = 0; i < ARRAY_SIZE(profile_keys) && s == SAM_OK; i++)
			s = get_text(jv, profile_keys[i], F_NULLABLE, pwhere, &c->profile[i]);
	free(pwhere);
	return s;
}

static enum sam_status parse_case(json_t *jv, const struct content_guide *g, size_t idx,
				  struct exchange_case *c)
{
	static const char *const keys[] = { "ref", "initials", "caseworker", "opened", "closed",
					    "profile", "meetings", "followups", "internships" };
	char *where = xasprintf("%s%zu", _("case #"), idx + 1);
	json_t *meetings, *followups, *internships;
	enum sam_status s;

	if ((s = need_object(jv, where)) || (s = get_str(jv, "ref", F_REQUIRED, where, &c->ref)) ||
	    (s = check_ref(c->ref, where)))
		goto out;
	free(where);
	where = xasprintf("%s %s", _("case"), c->ref);
	if ((s = check_keys(jv, keys, ARRAY_SIZE(keys), where)) ||
	    (s = get_text(jv, "initials", F_NULLABLE, where, &c->initials)) ||
	    (s = get_text(jv, "caseworker", F_NULLABLE, where, &c->caseworker)) ||
	    (s = get_date(jv, "opened", F_NULLABLE, where, &c->opened)) ||
	    (s = get_date(jv, "closed", F_NULLABLE, where, &c->closed)) ||
	    (s = parse_profile(json_object_get(jv, "profile"), where, c)) ||
	    (s = get_array(jv, "meetings", where, &meetings)) ||
	    (s = get_array(jv, "followups", where, &followups)) ||
	    (s = get_array(jv, "internships", where, &internships)))
		goto out;
	if (meetings) {
		c->meetings = xcalloc(json_array_size(meetings), sizeof(*c->meetings));
		for (size_t i = 0; i < json_array_size(meetings) && s == SAM_OK; i++)
			s = parse_meeting(json_array_get(meetings, i), g, i, where,
					  &c->meetings[c->nmeetings++]);
	}
	if (followups) {
		c->followups = xcalloc(json_array_size(followups), sizeof(*c->followups));
		for (size_t i = 0; i < json_array_size(followups) && s == SAM_OK; i++)
			s = parse_followup(json_array_get(followups, i), i, where,
					   &c->followups[c->nfollowups++]);
	}
	if (internships) {
		c->internships = xcalloc(json_array_size(internships), sizeof(*c->internships));
		for (size_t i = 0; i < json_array_size(internships) && s == SAM_OK; i++)
			s = parse_internship(json_array_get(internships, i), i, where,
					     &c->internships[c->ninternships++]);
	}
out:
	free(where);
	return s;
}

static int cmp_ref(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Sorts refs[0..n) to find the first ref listed twice. */
static enum sam_status check_unique_refs(const char **refs, size_t n)
{
	if (n < 2)
		return SAM_OK;
	qsort(refs, n, sizeof(*refs), cmp_ref);
	for (size_t i = 1; i < n; i++)
		if (!strcmp(refs[i - 1], refs[i]))
			return sam_fail(SAM_ERR_INVALID, _("case %s is listed twice"), refs[i]);
	return SAM_OK;
}

/* The document around the cases; *cases is the list of them. */
static enum sam_status parse_envelope(json_t *root, const char *name, json_t **cases)
{
	static const char *const keys[] = { "format", "cases" };
	enum sam_status s;
	char *format = NULL;

	if ((s = need_object(root, name)) || (s = get_str(root, "format", F_REQUIRED, name, &format)))
		goto out;
	if (!format_known(format)) {
		s = invalid(name, _("unknown format \"%.*s\" (expected \"%s\")"),
			    clip(format), format, EXCHANGE_FORMAT);
		goto out;
	}
	if ((s = check_keys(root, keys, ARRAY_SIZE(keys), name)) ||
	    (s = get_array(root, "cases", name, cases)))
		goto out;
	if (!*cases)
		s = invalid(name, "%s", _("\"cases\" is missing"));
out:
	free(format);
	return s;
}

static enum sam_status parse_root(json_t *root, const char *name, const struct content_guide *g,
				  struct exchange_doc *doc)
{
	enum sam_status s;
	const char **refs;
	json_t *cases;

	if ((s = parse_envelope(root, name, &cases)) != SAM_OK)
		return s;
	doc->cases = xcalloc(json_array_size(cases), sizeof(*doc->cases));
	for (size_t i = 0; i < json_array_size(cases) && s == SAM_OK; i++)
		s = parse_case(json_array_get(cases, i), g, i, &doc->cases[doc->ncases++]);
	if (s != SAM_OK)
		return s;
	refs = xcalloc(doc->ncases, sizeof(*refs));
	for (size_t i = 0; i < doc->ncases; i++)
		refs[i] = doc->cases[i].ref;
	s = check_unique_refs(refs, doc->ncases);
	free(refs);
	return s;
}

static json_t *load_error(const json_error_t *err, const char *name)
{
	sam_fail(SAM_ERR_INVALID, "%s:%d:%d: %s", name, err->line, err->column, err->text);
	return NULL;
}

static json_t *load_json(const char *data, size_t len, const char *name)
{
	json_error_t err;
	json_t *root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &err);

	return root ? root : load_error(&err, name);
}

enum sam_status exchange_parse(const char *data, size_t len, const char *name,
			       const struct content_guide *g, struct exchange_doc *doc)
{
	enum sam_status s;
	json_t *root;

	memset(doc, 0, sizeof(*doc));
	if (!(root = load_json(data, len, name)))
		return SAM_ERR_INVALID;
	s = parse_root(root, name, g, doc);
	json_decref(root);
	if (s != SAM_OK)
		exchange_doc_free(doc);
	return s;
}

static void exchange_meeting_free(struct exchange_meeting *m)
{
	for (size_t i = 0; i < m->nitems; i++) {
		free(m->items[i].id);
		free(m->items[i].note);
	}
	free(m->items);
	free(m->date);
	free(m->type);
	free(m->caseworker);
	free(m->note);
	free(m->agreed);
	free(m->interpreter);
	free(m->next_date);
	free(m->next_time);
	free(m->next_place);
}

static void exchange_case_free(struct exchange_case *c)
{
	for (size_t i = 0; i < c->nmeetings; i++)
		exchange_meeting_free(&c->meetings[i]);
	free(c->meetings);
	for (size_t i = 0; i < c->nfollowups; i++) {
		free(c->followups[i].due);
		free(c->followups[i].text);
		free(c->followups[i].assignee);
	}
	free(c->followups);
	for (size_t i = 0; i < c->ninternships; i++) {
		struct exchange_internship *in = &c->internships[i];

		free(in->workplace);
		free(in->field);
		free(in->from);
		free(in->planned_to);
		free(in->ended);
		free(in->contact);
		free(in->goal);
		free(in->outcome_reason);
	}
	free(c->internships);
	for (size_t i = 0; i < ARRAY_SIZE(c->profile); i++)
		free(c->profile[i]);
	free(c->ref);
	free(c->initials);
	free(c->caseworker);
	free(c->opened);
	free(c->closed);
	memset(c, 0, sizeof(*c));
}

void exchange_doc_free(struct exchange_doc *doc)
{
	for (size_t i = 0; i < doc->ncases; i++)
		exchange_case_free(&doc->cases[i]);
	free(doc->cases);
	doc->cases = NULL;
	doc->ncases = 0;
}

/*
 * Import: write, all or nothing
 */

/* The items a new meeting of one type is held with, as the TUI makes them. */
struct type_items {
	struct meeting_item_spec *specs;	/* NULL until a meeting of the type is written */
	size_t n;
};

struct writer {
	struct store_bulk *bulk;
	const struct content_guide *g;
	struct type_items *types;	/* by index in g->meeting_types */
	enum item_state *states;	/* scratch for one meeting, by spec */
	const char **notes;
	size_t scratch;
};

static void writer_close(struct writer *w)
{
	store_bulk_close(w->bulk);
	for (size_t i = 0; w->types && i < w->g->nmeeting_types; i++)
		free(w->types[i].specs);
	free(w->types);
	free(w->states);
	free(w->notes);
}

static enum sam_status writer_open(struct store *st, const struct content_guide *g,
				   struct writer *w)
{
	memset(w, 0, sizeof(*w));
	w->g = g;
	w->types = xcalloc(g->nmeeting_types, sizeof(*w->types));
	return store_bulk_open(st, "import", &w->bulk);
}

struct meeting_item_spec *exchange_meeting_items(const struct content_guide *g, const char *type,
						 size_t *n)
{
	struct meeting_item_spec *v;
	size_t cap = 0;

	*n = 0;
	for (size_t s = 0; s < g->nsections; s++)
		cap += g->sections[s].nitems;
	v = xcalloc(cap + 1, sizeof(*v));
	for (size_t s = 0; s < g->nsections; s++) {
		const struct content_section *sec = &g->sections[s];

		for (size_t i = 0; i < sec->nitems; i++)
			if (content_item_applies(&sec->items[i], type))
				v[(*n)++] = (struct meeting_item_spec){ sec->items[i].full_id, sec->id,
									sec->items[i].text };
	}
	return v;
}

static const struct type_items *type_items(struct writer *w, const char *type)
{
	const struct content_guide *g = w->g;
	const struct content_meeting_type *t = content_meeting_type_find(g, type);
	struct type_items *ti = &w->types[t - g->meeting_types];

	if (!ti->specs)
		ti->specs = exchange_meeting_items(g, type, &ti->n);
	return ti;
}

static enum sam_status write_meeting(struct writer *w, const struct exchange_meeting *m)
{
	const struct type_items *ti = type_items(w, m->type);
	struct store_bulk_meeting bm = {
		.date = m->date, .type = m->type, .caseworker = m->caseworker, .note = m->note,
		.agreed = m->agreed, .interpreter = m->interpreter, .next_date = m->next_date,
		.next_time = m->next_time, .next_place = m->next_place, .items = ti->specs,
		.nitems = ti->n,
	};

	if (ti->n > w->scratch) {
		w->scratch = ti->n;
		w->states = xrealloc(w->states, w->scratch * sizeof(*w->states));
		w->notes = xrealloc(w->notes, w->scratch * sizeof(*w->notes));
	}
	for (size_t k = 0; k < ti->n; k++) {
		w->states[k] = ITEM_OPEN;
		w->notes[k] = NULL;
	}
	/* parse_item made sure each listed item applies to the type, once. */
	for (size_t i = 0; i < m->nitems; i++)
		for (size_t k = 0; k < ti->n; k++)
			if (!strcmp(ti->specs[k].item_id, m->items[i].id)) {
				w->states[k] = m->items[i].state;
				w->notes[k] = m->items[i].note;
				break;
			}
	bm.states = w->states;
	bm.notes = w->notes;
	return store_bulk_meeting_add(w->bulk, &bm);
}

static enum sam_status write_case(struct writer *w, const struct exchange_case *c)
{
	struct store_bulk_case bc = {
		.ref = c->ref, .initials = c->initials, .caseworker = c->caseworker,
		.opened = c->opened,
	};
	char *where = xasprintf("%s %s", _("case"), c->ref);
	enum sam_status s;

	for (size_t i = 0; i < ARRAY_SIZE(c->profile); i++)
		bc.profile[i] = c->profile[i];
	if ((s = store_bulk_case_begin(w->bulk, &bc)) != SAM_OK)
		goto out;
	for (size_t i = 0; i < c->nmeetings && s == SAM_OK; i++) {
		const struct exchange_meeting *m = &c->meetings[i];

		if ((s = write_meeting(w, m)) != SAM_OK) {
			char *mwhere = xasprintf("%s, %s %s (%s)", where, _("meeting"),
						 m->date, m->type);

			sam_error_prefix(s, mwhere);
			free(mwhere);
			goto done;
		}
	}
	for (size_t i = 0; i < c->nfollowups && s == SAM_OK; i++) {
		const struct exchange_followup *f = &c->followups[i];
		struct store_bulk_followup bf = {
			.due = f->due, .text = f->text, .done = f->done, .her = f->her,
			/* Her own tasks are followed up by the case's caseworker. */
			.assignee = f->her && !f->assignee ? c->caseworker : f->assignee,
			.meeting = STORE_BULK_NO_MEETING,
		};

		s = store_bulk_followup_add(w->bulk, &bf);
	}
	for (size_t i = 0; i < c->ninternships && s == SAM_OK; i++) {
		const struct exchange_internship *in = &c->internships[i];
		struct internship_spec spec = {
			.workplace = in->workplace, .field = in->field, .from = in->from,
			.planned_to = in->planned_to, .contact = in->contact, .goal = in->goal,
			.job_possible = in->job_possible, .ended = in->ended, .outcome = in->outcome,
			.outcome_reason = in->outcome_reason,
		};

		if ((s = store_bulk_internship_add(w->bulk, &spec)) != SAM_OK) {
			char *iwhere = xasprintf("%s, %s%zu", where, _("internship #"), i + 1);

			sam_error_prefix(s, iwhere);
			free(iwhere);
			goto done;
		}
	}
	/* Closed last: a closed case is a finished record. */
	if (s == SAM_OK)
		s = store_bulk_case_end(w->bulk, c->closed);
out:
	if (s != SAM_OK)
		sam_error_prefix(s, where);
done:
	free(where);
	return s;
}

/* Makes the cases written seen when s is SAM_OK, else removes them
 * (store_bulk_close keeps the reason). */
static enum sam_status writer_finish(struct writer *w, enum sam_status s)
{
	if (s == SAM_OK)
		s = store_bulk_finish(w->bulk);
	writer_close(w);
	return s;
}

enum sam_status exchange_write(struct store *st, const struct content_guide *g,
			       const struct exchange_doc *doc)
{
	struct writer w;
	enum sam_status s = writer_open(st, g, &w);

	for (size_t i = 0; i < doc->ncases && s == SAM_OK; i++)
		s = write_case(&w, &doc->cases[i]);
	return writer_finish(&w, s);
}

/* Feeds jansson from a stream in large reads (json_loadf reads a byte at a time). */
static size_t read_chunk(void *buf, size_t size, void *data)
{
	size_t n = fread(buf, 1, size, data);

	return n || !ferror((FILE *)data) ? n : (size_t)-1;
}

/*
 * Import in bounded memory. The file is read twice, a window at a time.
 *
 * The first pass hands jansson the whole document, so that every syntax
 * error and every refusal of the document's own keys is exactly the one
 * exchange_parse gives, at the same line and column; but each sound value
 * inside a member of the root (each case) reaches jansson blanked: a 0 and
 * white space that keeps its lines and columns (one space a character, its
 * line ends as they are). A run of sound elements of an array becomes one
 * 0. Before it is blanked, each value is parsed on its own from the window,
 * and a case is checked there (parse_case), its ref kept for the check of
 * refs listed twice. A value jansson refuses is handed on as it is, so that
 * jansson stops inside it with its own message. The second pass writes the
 * cases, one at a time. Memory: the window, which grows to hold the largest
 * case, one case's tree, and the refs.
 *
 * A document the scanner cannot follow (a key spelled with escapes, a case
 * nested deeper than any real one) goes to jansson as it is from there on,
 * and then is imported by the whole parse: the same answer, without the bound.
 */

#define WINDOW_MIN 65536
/* jansson may stop a few bytes short of where a cut-off value ends (inside a
 * UTF-8 sequence); an error this close to the window's end may be the cut. */
#define CUT_SLACK 16
#define MAX_VALUE_DEPTH 512
#define LOAD_FLAGS (JSON_DECODE_ANY | JSON_DISABLE_EOF_CHECK | JSON_REJECT_DUPLICATES)

/* The bytes of the file: all of them (data from the caller), or a window
 * of f that grows to hold the largest value. */
struct src {
	FILE *f;			/* NULL: data holds everything */
	long start;			/* where the document begins in f */
	const char *data;		/* the caller's bytes, or window */
	char *window;
	size_t pos, len, cap;
	bool eof;
};

/* Reads more of f into the window, keeping the unread part (offsets from
 * pos stay valid); false at the end of the file or on a read error. */
static bool src_more(struct src *s)
{
	size_t n;

	if (!s->f || s->eof)
		return false;
	if (s->pos)
		memmove(s->window, s->window + s->pos, s->len - s->pos);
	s->len -= s->pos;
	s->pos = 0;
	if (s->len == s->cap) {
		s->cap = s->cap ? 2 * s->cap : WINDOW_MIN;
		s->data = s->window = xrealloc(s->window, s->cap);
	}
	n = fread(s->window + s->len, 1, s->cap - s->len, s->f);
	s->len += n;
	s->eof = n == 0;
	return n > 0;
}

static bool src_rewind(struct src *s)
{
	s->pos = 0;
	if (!s->f)
		return true;
	s->len = 0;
	s->eof = false;
	clearerr(s->f);
	return !fseek(s->f, s->start, SEEK_SET);
}

/* True when at least n unread bytes are in the window (reading more). */
static bool src_has(struct src *s, size_t n)
{
	while (s->len - s->pos < n)
		if (!src_more(s))
			return false;
	return true;
}

/* The unread byte off bytes on, or -1 past the end. */
static int src_at(struct src *s, size_t off)
{
	return src_has(s, off + 1) ? (unsigned char)s->data[s->pos + off] : -1;
}

static bool json_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static size_t skip_space(struct src *s, size_t off)
{
	while (json_space(src_at(s, off)))
		off++;
	return off;
}

/* How deeply v nests, counting up to limit + 1 at most. */
static int json_depth(json_t *v, int limit)
{
	int deepest = 0, d;
	size_t n = json_is_array(v) ? json_array_size(v) : 0;
	void *it = json_is_object(v) ? json_object_iter(v) : NULL;

	if (!json_is_array(v) && !json_is_object(v))
		return 0;
	if (limit < 0)
		return 1;
	for (size_t i = 0; i < n; i++)
		if ((d = json_depth(json_array_get(v, i), limit - 1)) > deepest)
			deepest = d;
	for (; it; it = json_object_iter_next(v, it))
		if ((d = json_depth(json_object_iter_value(it), limit - 1)) > deepest)
			deepest = d;
	return deepest + 1;
}

/* The bytes jansson took for a position: it passes over NUL bytes without
 * counting them. */
static size_t bytes_read(const char *p, size_t position)
{
	size_t n = 0;

	for (size_t seen = 0; seen < position; n++)
		seen += p[n] != '\0';
	return n;
}

/* The value that starts off bytes on, parsed on its own, and its length;
 * NULL when jansson refuses it wherever the window ends, or it nests too
 * deeply to be followed. */
static json_t *value_at(struct src *s, size_t off, size_t *len)
{
	for (;;) {
		size_t avail = s->len - s->pos - off;
		json_error_t err;
		json_t *v = json_loadb(s->data + s->pos + off, avail, LOAD_FLAGS, &err);
		bool cut = (size_t)err.position + (v ? 0 : CUT_SLACK) >= avail;

		if (cut && src_more(s)) {
			json_decref(v);
			continue;
		}
		if (v && json_depth(v, MAX_VALUE_DEPTH) > MAX_VALUE_DEPTH) {
			json_decref(v);
			v = NULL;
		}
		*len = v ? bytes_read(s->data + s->pos + off, (size_t)err.position) : 0;
		return v;
	}
}

/* What is done with each case: the status of the first that fails is kept. */
typedef enum sam_status (*case_fn)(json_t *jv, size_t idx, void *ctx);

enum expect { X_VALUE, X_VALUE_OR_END, X_KEY, X_KEY_OR_END, X_COLON, X_COMMA_OR_END };

struct level {
	char open;			/* '{' or '[' */
	enum expect x;
};

/* The scanner: follows the document up to the members of the root. */
struct scan {
	struct src *s;
	struct level lv[3];		/* lv[1] the root, lv[2] a member of it */
	int depth;
	bool after_root;
	bool raw;			/* not followed from here on: bytes as they are */
	bool cases_key;			/* the root's last key was "cases" */
	bool in_cases;			/* lv[2] is the root's "cases" */
	bool in_run;			/* the last value of lv[2], an array, was blanked */
	case_fn fn;
	void *ctx;
	size_t ncases;
	enum sam_status status;		/* of the first case fn refused */
	char *why;			/* and its message */
	struct strbuf *out;		/* for jansson (NULL: the second pass) */
	size_t out_pos;
};

static void emit_raw(struct scan *sc, size_t n)
{
	if (sc->out)
		strbuf_add(sc->out, sc->s->data + sc->s->pos, n);
	sc->s->pos += n;
}

/* n bytes as white space with their line ends, one space a character (a
 * NUL byte none: jansson passes over it); a 0 in place of the first unless
 * it continues a run. */
static void emit_blank(struct scan *sc, size_t n, bool zero)
{
	const unsigned char *p = (const unsigned char *)sc->s->data + sc->s->pos;
	char buf[4096];
	size_t k = 0;

	for (size_t i = 0; sc->out && i < n; i++) {
		if ((p[i] & 0xc0) != 0x80 && p[i])
			buf[k++] = zero && i == 0 ? '0' : p[i] == '\n' ? '\n' : ' ';
		if (k == sizeof(buf) || i + 1 == n) {
			strbuf_add(sc->out, buf, k);
			k = 0;
		}
	}
	sc->s->pos += n;
}

static void visit(struct scan *sc, json_t *v)
{
	if (sc->in_cases && sc->status == SAM_OK) {
		sc->status = sc->fn(v, sc->ncases, sc->ctx);
		if (sc->status != SAM_OK)
			sc->why = xstrdup(sam_errmsg());
	}
	sc->ncases += sc->in_cases;
}

/* A string token, whole in the window: its length, and whether it is
 * exactly "cases" written without escapes; 0 when it does not end. */
static size_t string_len(struct src *s, bool *cases, bool *escaped)
{
	size_t n = 1;
	int c;

	*escaped = false;
	while ((c = src_at(s, n)) >= 0 && c != '"') {
		if (c == '\\') {
			*escaped = true;
			n++;
		}
		n++;
	}
	if (c < 0)
		return 0;
	*cases = n == 6 && !memcmp(s->data + s->pos, "\"cases", 6);
	return n + 1;
}

/* A number, true, false or null: its length (0 for anything else). */
static size_t literal_len(struct src *s)
{
	size_t n = 0;
	int c;

	while ((c = src_at(s, n)) >= 0 && (strchr("+-.", c) || (c >= '0' && c <= '9') ||
					   (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
		n++;
	return n;
}

static void scan_open(struct scan *sc, char c)
{
	emit_raw(sc, 1);
	sc->lv[++sc->depth] = (struct level){ c, c == '{' ? X_KEY_OR_END : X_VALUE_OR_END };
	if (sc->depth == 2)
		sc->in_cases = sc->lv[1].open == '{' && sc->cases_key && c == '[';
}

static void scan_close(struct scan *sc)
{
	emit_raw(sc, 1);
	sc->in_cases = sc->in_run = false;
	if (--sc->depth == 0)
		sc->after_root = true;
}

/* A string or literal where the scanner reads it: as it is. */
static bool scan_token(struct scan *sc, bool key)
{
	bool cases = false, escaped = false;
	size_t n = src_at(sc->s, 0) == '"' ? string_len(sc->s, &cases, &escaped) : 0;

	if (key && sc->depth == 1) {
		if (escaped)
			return sc->raw = true;	/* perhaps "cases" in disguise */
		sc->cases_key = cases;
	}
	if (!n && !key)
		n = literal_len(sc->s);
	if (!n)
		return sc->raw = true;
	emit_raw(sc, n);
	return true;
}

/* Only a value that ends in '}', ']' or '"' is blanked: a number or a word
 * runs on into what follows, and jansson's message about a bad byte there
 * quotes it. */
static bool blankable(int c)
{
	return c == '{' || c == '[' || c == '"';
}

/* A value of a member of the root: parsed on its own, visited, blanked. */
static bool scan_value(struct scan *sc)
{
	bool blank = blankable(src_at(sc->s, 0));
	size_t len;
	json_t *v = value_at(sc->s, 0, &len);

	if (!v)
		return sc->raw = true;	/* jansson says why, reading it as it is */
	visit(sc, v);
	json_decref(v);
	if (blank)
		emit_blank(sc, len, true);
	else
		emit_raw(sc, len);
	sc->in_run = blank && sc->lv[2].open == '[';
	return true;
}

/* After a blanked element: ", VALUE" joins the run when VALUE is sound. */
static bool scan_run(struct scan *sc)
{
	size_t comma = skip_space(sc->s, 0), start, len;
	json_t *v;

	sc->in_run = false;
	if (src_at(sc->s, comma) != ',')
		return false;
	start = skip_space(sc->s, comma + 1);
	if (!blankable(src_at(sc->s, start)) || !(v = value_at(sc->s, start, &len)))
		return false;
	visit(sc, v);
	json_decref(v);
	emit_blank(sc, start + len, false);
	sc->in_run = true;
	return true;
}

/* One step through the document; false at its end. */
static bool scan_step(struct scan *sc)
{
	struct src *s = sc->s;
	struct level *l = &sc->lv[sc->depth];
	int c = src_at(s, 0);
	char close;

	if (c < 0)
		return false;
	if (sc->raw || sc->after_root) {
		emit_raw(sc, s->len - s->pos);
		return true;
	}
	if (sc->in_run && scan_run(sc))
		return true;
	if (json_space(c)) {
		emit_raw(sc, 1);
		return true;
	}
	if (sc->depth == 0) {
		if (c != '{' && c != '[')
			return sc->raw = true;
		scan_open(sc, (char)c);
		return true;
	}
	close = l->open == '{' ? '}' : ']';
	switch (l->x) {
	case X_COMMA_OR_END:
		if (c == close) {
			scan_close(sc);
		} else if (c == ',') {
			emit_raw(sc, 1);
			l->x = l->open == '{' ? X_KEY : X_VALUE;
		} else {
			sc->raw = true;
		}
		return true;
	case X_KEY_OR_END:
	case X_VALUE_OR_END:
		if (c == close) {
			scan_close(sc);
			return true;
		}
		if (l->x == X_VALUE_OR_END)
			break;
		/* fall through */
	case X_KEY:
		l->x = X_COLON;
		return c == '"' ? scan_token(sc, true) : (sc->raw = true);
	case X_COLON:
		if (c != ':')
			return sc->raw = true;
		emit_raw(sc, 1);
		l->x = X_VALUE;
		return true;
	case X_VALUE:
		break;
	}
	l->x = X_COMMA_OR_END;
	if (sc->depth == 2)
		return scan_value(sc);
	if (c == '{' || c == '[') {
		scan_open(sc, (char)c);
		return true;
	}
	return scan_token(sc, false);
}

static void scan_init(struct scan *sc, struct src *s, case_fn fn, void *ctx, struct strbuf *out)
{
	memset(sc, 0, sizeof(*sc));
	sc->s = s;
	sc->fn = fn;
	sc->ctx = ctx;
	sc->out = out;
}

/* jansson's reader for the first pass: the document with its cases blanked. */
static size_t feed_jansson(void *buf, size_t size, void *data)
{
	struct scan *sc = data;
	size_t n;

	while (sc->out_pos == sc->out->len) {
		strbuf_reset(sc->out);
		sc->out_pos = 0;
		if (!scan_step(sc))
			return 0;
	}
	n = sc->out->len - sc->out_pos < size ? sc->out->len - sc->out_pos : size;
	memcpy(buf, sc->out->buf + sc->out_pos, n);
	sc->out_pos += n;
	return n;
}

struct checked {
	const struct content_guide *g;
	char **refs;
	size_t n, cap;
};

static enum sam_status check_one(json_t *jv, size_t idx, void *ctx)
{
	struct checked *k = ctx;
	struct exchange_case c = { 0 };
	enum sam_status s = parse_case(jv, k->g, idx, &c);

	if (s == SAM_OK) {
		k->refs = array_grow(k->refs, k->n, &k->cap, sizeof(*k->refs));
		k->refs[k->n++] = c.ref;
		c.ref = NULL;
	}
	exchange_case_free(&c);
	return s;
}

static enum sam_status read_failed(const char *name)
{
	return sam_fail(SAM_ERR_IO, _("cannot read '%s': %s"), name,
			strerror(errno));
}

/* The first pass: SAM_OK when the document is sound and every case
 * checked; *followed false when the scanner could not follow it. */
static enum sam_status check_all(struct src *s, const struct content_guide *g, const char *name,
				 bool *followed)
{
	struct checked k = { .g = g };
	struct strbuf out = { 0 };
	struct scan sc;
	enum sam_status st;
	json_error_t err;
	json_t *root, *cases;

	scan_init(&sc, s, check_one, &k, &out);
	root = json_load_callback(feed_jansson, &sc, JSON_REJECT_DUPLICATES, &err);
	*followed = !sc.raw;
	if (s->f && ferror(s->f))
		st = read_failed(name);
	else if (!root)
		st = (load_error(&err, name), SAM_ERR_INVALID);
	else if ((st = parse_envelope(root, name, &cases)) == SAM_OK && sc.raw)
		st = SAM_OK;	/* the whole parse decides */
	else if (st == SAM_OK && sc.status != SAM_OK)
		st = sam_fail(sc.status, "%s", sc.why);
	else if (st == SAM_OK)
		st = check_unique_refs((const char **)k.refs, k.n);
	json_decref(root);
	for (size_t i = 0; i < k.n; i++)
		free(k.refs[i]);
	free(k.refs);
	free(sc.why);
	strbuf_free(&out);
	return st;
}

static enum sam_status write_one(json_t *jv, size_t idx, void *ctx)
{
	struct writer *w = ctx;
	struct exchange_case c = { 0 };
	enum sam_status s = parse_case(jv, w->g, idx, &c);

	if (s == SAM_OK)
		s = write_case(w, &c);
	exchange_case_free(&c);
	return s;
}

/* The second pass: the cases the first one checked, written as they come. */
static enum sam_status write_all(struct store *st, const struct content_guide *g, struct src *s,
				 size_t *ncases)
{
	enum sam_status status;
	struct writer w;
	struct scan sc;

	if ((status = writer_open(st, g, &w)) == SAM_OK) {
		scan_init(&sc, s, write_one, &w, NULL);
		while (sc.status == SAM_OK && !sc.raw && scan_step(&sc))
			;
		if ((status = sc.status) != SAM_OK)
			sam_fail(status, "%s", sc.why);
		else if (sc.raw || !sc.after_root || (s->f && ferror(s->f)))
			status = sam_fail(SAM_ERR_IO, "%s", _("the file changed while it was read"));
		*ncases = sc.ncases;
		free(sc.why);
	}
	return writer_finish(&w, status);
}

/* The whole parse, for the files the streaming path leaves. */
static enum sam_status import_whole(struct store *st, const struct content_guide *g,
				    struct src *s, const char *name, size_t *ncases)
{
	struct exchange_doc doc;
	enum sam_status status;
	json_error_t err;
	json_t *root;

	if (!s->f)
		root = json_loadb(s->data, s->len, JSON_REJECT_DUPLICATES, &err);
	else
		root = json_load_callback(read_chunk, s->f, JSON_REJECT_DUPLICATES, &err);
	if (!root && s->f && ferror(s->f))
		return sam_fail(SAM_ERR_IO, _("cannot read '%s': %s"), name,
				strerror(errno));
	if (!root) {
		load_error(&err, name);
		return SAM_ERR_INVALID;
	}
	memset(&doc, 0, sizeof(doc));
	status = parse_root(root, name, g, &doc);
	json_decref(root);
	if (status == SAM_OK && (status = exchange_write(st, g, &doc)) == SAM_OK)
		*ncases = doc.ncases;
	exchange_doc_free(&doc);
	return status;
}

static enum sam_status import_src(struct store *st, const struct content_guide *g,
				  struct src *s, const char *name, size_t *ncases)
{
	size_t n = 0;
	enum sam_status status;
	bool followed;

	if ((status = check_all(s, g, name, &followed)) == SAM_OK)
		status = !src_rewind(s) ? read_failed(name)
			 : followed	? write_all(st, g, s, &n)
					: import_whole(st, g, s, name, &n);
	if (ncases)
		*ncases = status == SAM_OK ? n : 0;
	return status;
}

enum sam_status exchange_import(struct store *st, const struct content_guide *g,
				const char *data, size_t len, const char *name, size_t *ncases)
{
	struct src s = { .data = data, .len = len, .eof = true };

	return import_src(st, g, &s, name, ncases);
}

/* A pipe cannot be read twice: its bytes go first to a file without a name
 * in the private directory for temporary files (on disk, not in memory). */
static FILE *spool(FILE *in, const char *name, enum sam_status *status)
{
	char chunk[65536], *path;
	size_t n;
	FILE *f;
	int fd;

	if ((*status = path_private_file("import", "", &path, &fd)) != SAM_OK)
		return NULL;
	unlink(path);
	if (!(f = fdopen(fd, "w+b"))) {
		close(fd);
		f = NULL;
	}
	while (f && (n = fread(chunk, 1, sizeof(chunk), in)) > 0 && fwrite(chunk, 1, n, f) == n)
		;
	if (ferror(in)) {
		*status = read_failed(name);
	} else if (!f || ferror(f) || fflush(f) || fseek(f, 0, SEEK_SET)) {
		*status = sam_fail(SAM_ERR_IO, _("cannot keep '%s' for a moment in %s: %s"), name, path,
				   strerror(errno));
	}
	free(path);
	if (*status != SAM_OK && f) {
		fclose(f);
		f = NULL;
	}
	return f;
}

enum sam_status exchange_import_file(struct store *st, const struct content_guide *g, FILE *f,
				     const char *name, size_t *ncases)
{
	struct src s = { .f = f, .start = ftell(f) };
	enum sam_status status = SAM_OK;

	if (s.start < 0 || fseek(f, s.start, SEEK_SET)) {
		if (!(s.f = spool(f, name, &status)))
			return status;
		s.start = 0;
	}
	status = import_src(st, g, &s, name, ncases);
	free(s.window);
	if (s.f != f)
		fclose(s.f);
	return status;
}

/*
 * Between the store and the content
 */

static struct content_use *use_view(const struct id_use *v, size_t n)
{
	struct content_use *u = xcalloc(n ? n : 1, sizeof(*u));

	for (size_t i = 0; i < n; i++)
		u[i] = (struct content_use){ v[i].id, v[i].text, (long long)v[i].meetings };
	return u;
}

enum sam_status exchange_ids_in_use(struct store *st, int64_t case_id, struct ids_in_use *out)
{
	enum sam_status s;

	memset(out, 0, sizeof(*out));
	if ((s = store_ids_in_use(st, case_id, &out->store)) != SAM_OK)
		return s;
	out->items = use_view(out->store.items, out->store.nitems);
	out->sections = use_view(out->store.sections, out->store.nsections);
	out->view = (struct content_uses){ out->items, out->sections, out->store.nitems,
					   out->store.nsections };
	return SAM_OK;
}

void exchange_ids_in_use_free(struct ids_in_use *u)
{
	id_uses_free(&u->store);
	free(u->items);
	free(u->sections);
	memset(u, 0, sizeof(*u));
}

static bool carries_over(const char *item_id, void *guide)
{
	return content_item_carries_over(guide, item_id);
}

void exchange_left_open_actions(struct left_open_list *l, const struct content_guide *g)
{
	left_open_list_filter(l, carries_over, (void *)g);
}
