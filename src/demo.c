#include "samtale/demo.h"

#include <stdlib.h>
#include <string.h>

#include "samtale/demo_bank.h"
#include "samtale/exchange.h"
#include "samtale/util.h"

/*
 * Demo: a pseudo-random generator of our own (splitmix64), so that the same
 * seed gives the same database on every platform and C library.
 */

struct rng {
	uint64_t s;
};

static uint64_t rng_next(struct rng *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15u);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

/* 0 <= result < n, without the bias of a plain modulo. */
static unsigned rng_below(struct rng *r, unsigned n)
{
	return (unsigned)(((rng_next(r) >> 32) * n) >> 32);
}

static int rng_range(struct rng *r, int lo, int hi)
{
	return lo + (int)rng_below(r, (unsigned)(hi - lo + 1));
}

static bool rng_chance(struct rng *r, int pct)
{
	return (int)rng_below(r, 100) < pct;
}


/*
 * Demo: who, and the words they use, from the phrase bank (data/demo/).
 * A phrase may fit only some meeting types, or only meetings with or
 * without an interpreter; it is picked among those that fit.
 */

/* Open follow-ups are overdue by days or weeks: older ones were done. */
#define MAX_OVERDUE_DAYS 42

static const char *pick_any(struct rng *r, const struct demo_phrases *p)
{
	return p->n ? p->v[rng_below(r, (unsigned)p->n)].text : NULL;
}

static bool fits(const struct demo_phrase *ph, unsigned type_bit, bool interpreter)
{
	return (ph->types & type_bit) && (ph->interpreter < 0 || ph->interpreter == interpreter);
}

/* A phrase that fits the meeting, never prev when another fits; NULL when
 * none fits. */
static const char *pick_fit(struct rng *r, const struct demo_phrases *p, unsigned type_bit,
			    bool interpreter, const char *prev)
{
	size_t n = 0, k;

	for (size_t i = 0; i < p->n; i++)
		n += fits(&p->v[i], type_bit, interpreter) && p->v[i].text != prev;
	if (!n)
		return NULL;
	k = rng_below(r, (unsigned)n);
	for (size_t i = 0; i < p->n; i++)
		if (fits(&p->v[i], type_bit, interpreter) && p->v[i].text != prev && !k--)
			return p->v[i].text;
	return NULL;
}

/*
 * Demo: the course of a case. Meeting types follow one another as a case
 * goes: a first meeting, follow-ups, and now and then an internship with a
 * meeting before, some during and one after it.
 */

enum demo_type { T_FOERSTE, T_OPFOELGNING, T_FOER, T_UNDER, T_EFTER, T_COUNT };

static const char *const type_ids[T_COUNT] = {
	"foerste", "opfoelgning", "foer-praktik", "under-praktik", "efter-praktik",
};

static enum demo_type next_type(struct rng *r, enum demo_type prev)
{
	switch (prev) {
	case T_FOERSTE:
		return T_OPFOELGNING;
	case T_OPFOELGNING:
		return rng_chance(r, 30) ? T_FOER : T_OPFOELGNING;
	case T_FOER:
		return T_UNDER;
	case T_UNDER:
		return rng_chance(r, 45) ? T_UNDER : T_EFTER;
	case T_EFTER:
	case T_COUNT:
		break;
	}
	return rng_chance(r, 15) ? T_FOER : T_OPFOELGNING;
}

/* The checklist of each meeting type, as the TUI makes it: the items that
 * apply, worded as the guide words them, in the guide's order. */
struct type_items {
	struct meeting_item_spec *v;
	int *section_index;
	size_t n;
};

struct demo {
	struct store *st;
	const struct content_guide *g;
	const struct demo_bank *bank;
	struct type_items items[T_COUNT];
	unsigned type_bit[T_COUNT];	/* the guide's meeting type, as the bank's phrases mark it */
	long today;
	bool check_refs;		/* the store held cases: skip taken references */
	long year_base;			/* year of seq[0] */
	unsigned seq[8];		/* last reference number used, per year */
	struct demo_stats stats;
};

static enum sam_status build_type_items(struct demo *d)
{
	for (int t = 0; t < T_COUNT; t++) {
		struct type_items *ti = &d->items[t];
		const struct content_meeting_type *mt = content_meeting_type_find(d->g, type_ids[t]);

		if (!mt)
			return sam_error(_("the content lacks the meeting type '%s'"), type_ids[t]);
		d->type_bit[t] = 1u << (mt - d->g->meeting_types);
		ti->v = exchange_meeting_items(d->g, type_ids[t], &ti->n);
		ti->section_index = xcalloc(ti->n + 1, sizeof(*ti->section_index));
		for (size_t i = 0; i < ti->n; i++)
			ti->section_index[i] =
				(int)(content_section_find(d->g, ti->v[i].section_id) - d->g->sections);
	}
	return SAM_OK;
}

static void free_type_items(struct demo *d)
{
	for (int t = 0; t < T_COUNT; t++) {
		free(d->items[t].v);
		free(d->items[t].section_index);
	}
}

/*
 * Demo: one case, made in memory and then written.
 */

struct demo_meeting {
	sam_date date;
	enum demo_type type;
	const char *caseworker;
	const char *interpreter;	/* NULL: no interpreter */
	char *note, *agreed;		/* owned; NULL when none */
	enum item_state *states;	/* one per item of the type */
	char **notes;			/* owned, one per item */
	size_t nnotes;
};

struct demo_followup {
	sam_date due;
	const char *text;
	const char *assignee;
	bool done;
	size_t meeting;
};

struct demo_internship {
	const struct demo_workplace *wp;
	const char *contact;		/* NULL when none was written */
	char *goal;			/* owned; NULL when none */
	sam_date from, planned_to, ended;	/* ended "" while running */
	enum job_possible job;
	enum internship_outcome outcome;
	const char *reason;
};

struct demo_case {
	char ref[32];
	char initials[3];
	const struct demo_caseworker *cw;
	/* Who she is: what the phrases' placeholders say (enum demo_slot). */
	const char *slot[DEMO_NSLOTS];
	char years[8];
	const char *interpreter;	/* her language when she needs an interpreter */
	sam_date opened, closed;	/* closed "" while open */
	char *profile[PROFILE_NFIELDS];	/* NULL when empty */
	struct demo_meeting *m;
	size_t nm;
	struct demo_followup *f;
	size_t nf, fcap;
	struct demo_internship *in;
	size_t nin, incap;
};

static void case_free(struct demo_case *c)
{
	for (size_t i = 0; i < c->nm; i++) {
		free(c->m[i].note);
		free(c->m[i].agreed);
		free(c->m[i].states);
		for (size_t j = 0; j < c->m[i].nnotes; j++)
			free(c->m[i].notes[j]);
		free(c->m[i].notes);
	}
	for (int p = 0; p < PROFILE_NFIELDS; p++)
		free(c->profile[p]);
	for (size_t i = 0; i < c->nin; i++)
		free(c->in[i].goal);
	free(c->m);
	free(c->f);
	free(c->in);
}

/* Appends phrase to sb with its placeholders filled in from c (arbejde: the
 * work it speaks of). The bank has checked that each is known. */
static void add_filled(struct strbuf *sb, const char *phrase, const struct demo_case *c,
		       const char *arbejde)
{
	static const char *const names[DEMO_NSLOTS] = {
		[DEMO_LAND] = "{land}", [DEMO_SPROG] = "{sprog}", [DEMO_ERHVERV] = "{erhverv}",
		[DEMO_AAR] = "{år}", [DEMO_ARBEJDE] = "{arbejde}",
	};

	while (*phrase) {
		int s = DEMO_NSLOTS;

		if (*phrase == '{')
			for (s = 0; s < DEMO_NSLOTS && strncmp(phrase, names[s], strlen(names[s])); s++)
				;
		if (s == DEMO_NSLOTS) {
			strbuf_addf(sb, "%c", *phrase++);
			continue;
		}
		strbuf_adds(sb, s == DEMO_ARBEJDE ? arbejde : c->slot[s]);
		phrase += strlen(names[s]);
	}
}

static char *filled(const char *phrase, const struct demo_case *c, const char *arbejde)
{
	struct strbuf sb = { 0 };

	if (!phrase)
		return NULL;
	add_filled(&sb, phrase, c, arbejde);
	return strbuf_detach(&sb);
}

/* Her country, weighted as the bank weighs them, and one of its languages. */
static void make_origin(const struct demo_bank *b, struct rng *r, struct demo_case *c)
{
	int k = (int)rng_below(r, (unsigned)b->country_weight);
	const struct demo_country *co = b->countries;

	while ((k -= co->weight) >= 0)
		co++;
	c->slot[DEMO_LAND] = co->name;
	c->slot[DEMO_SPROG] = co->languages[rng_below(r, (unsigned)co->nlanguages)];
	c->slot[DEMO_ERHVERV] = pick_any(r, &b->occupations);
	snprintf(c->years, sizeof(c->years), "%d", rng_range(r, 2, 15));
	c->slot[DEMO_AAR] = c->years;
}

static char *make_profile(const struct demo_bank *b, struct rng *r, const struct demo_case *c,
			  enum profile_field field)
{
	struct strbuf sb = { 0 };

	switch (field) {
	case PROFILE_QUALIFICATIONS:
		add_filled(&sb, pick_any(r, &b->qualifications), c, NULL);
		for (int n = rng_range(r, 1, 2); n > 0; n--) {
			strbuf_adds(&sb, " ");
			add_filled(&sb, pick_any(r, &b->skills), c, NULL);
		}
		break;
	case PROFILE_JOB_WISHES:
		add_filled(&sb, pick_any(r, &b->job_wishes), c, pick_any(r, &b->job_fields));
		if (rng_chance(r, 55))
			strbuf_addf(&sb, " %s", pick_any(r, &b->job_wish_extras));
		break;
	case PROFILE_EDUCATION_WISHES:
		add_filled(&sb, pick_any(r, &b->education_wishes), c, NULL);
		break;
	default:
		break;
	}
	return strbuf_detach(&sb);
}

/* Sentences that fit the meeting, one after another, skipping those none fits. */
static void add_sentence(struct strbuf *sb, const char *sentence)
{
	if (sentence)
		strbuf_addf(sb, "%s%s", strbuf_str(sb)[0] ? " " : "", sentence);
}

static char *make_note(const struct demo *d, struct rng *r, const struct demo_meeting *m)
{
	const struct demo_bank *b = d->bank;
	unsigned bit = d->type_bit[m->type];
	bool interp = m->interpreter != NULL;
	struct strbuf sb = { 0 };
	const char *mid;

	add_sentence(&sb, pick_fit(r, &b->note_openings, bit, interp, NULL));
	mid = pick_fit(r, &b->note_middles, bit, interp, NULL);
	add_sentence(&sb, mid);
	if (rng_chance(r, 45))
		add_sentence(&sb, pick_fit(r, &b->note_middles, bit, interp, mid));
	if (rng_chance(r, 55))
		add_sentence(&sb, pick_fit(r, &b->note_closings, bit, interp, NULL));
	return strbuf_detach(&sb);
}

static char *make_agreed(const struct demo *d, struct rng *r, const struct demo_meeting *m)
{
	const struct demo_bank *b = d->bank;
	unsigned bit = d->type_bit[m->type];
	bool interp = m->interpreter != NULL;
	const char *first = pick_fit(r, &b->agreed, bit, interp, NULL);
	struct strbuf sb = { 0 };

	if (!first)
		return NULL;
	strbuf_addf(&sb, "Vi har aftalt: %s", first);
	if (rng_chance(r, 60))
		add_sentence(&sb, pick_fit(r, &b->agreed, bit, interp, first));
	add_sentence(&sb, pick_any(r, &b->agreed_closings));
	return strbuf_detach(&sb);
}

static const struct demo_phrases *specific_notes(const struct demo_bank *b, const char *item_id)
{
	for (size_t i = 0; i < b->nspecific; i++)
		if (!strcmp(b->specific[i].item_id, item_id))
			return &b->specific[i].notes;
	return NULL;
}

/* A note that fits the item, its state and the meeting; NULL for none. */
static char *item_note(const struct demo *d, struct rng *r, const struct demo_case *c,
		       const struct demo_meeting *m, const char *item_id, enum item_state state)
{
	const struct demo_bank *b = d->bank;
	unsigned bit = d->type_bit[m->type];
	bool interp = m->interpreter != NULL;
	const struct demo_phrases *own;
	const char *note = NULL;

	switch (state) {
	case ITEM_DONE:
		if (!rng_chance(r, 14))
			return NULL;
		if (rng_chance(r, 50) && (own = specific_notes(b, item_id)))
			note = pick_fit(r, own, bit, interp, NULL);
		if (!note)
			note = pick_fit(r, &b->item_done, bit, interp, NULL);
		break;
	case ITEM_OPEN:
		if (rng_chance(r, 8))
			note = pick_fit(r, &b->item_open, bit, interp, NULL);
		break;
	case ITEM_NOT_RELEVANT:
		if (rng_chance(r, 30))
			note = pick_fit(r, &b->item_not_relevant, bit, interp, NULL);
		break;
	}
	return filled(note, c, NULL);
}

static const struct demo_caseworker *pick_colleague(const struct demo_bank *b, struct rng *r,
						    const struct demo_caseworker *cw)
{
	const struct demo_caseworker *other = &b->caseworkers[rng_below(r, (unsigned)b->ncaseworkers)];

	return other == cw ? &b->caseworkers[(size_t)(cw - b->caseworkers + 1) % b->ncaseworkers]
			   : other;
}

/* Ticks at the caseworker's rate, better in her strong sections and as the
 * course goes on; now and then an item is judged not relevant. */
static void make_checklist(struct demo *d, struct rng *r, const struct demo_case *c,
			   struct demo_meeting *m, size_t index)
{
	const struct type_items *ti = &d->items[m->type];
	int course_bonus = index * 2 < 10 ? (int)index * 2 : 10;

	m->states = xcalloc(ti->n ? ti->n : 1, sizeof(*m->states));
	m->notes = xcalloc(ti->n ? ti->n : 1, sizeof(*m->notes));
	m->nnotes = ti->n;
	for (size_t i = 0; i < ti->n; i++) {
		int pct = c->cw->done_pct + c->cw->section_bias[ti->section_index[i] % 3] + course_bonus;

		if (rng_chance(r, 7))
			m->states[i] = ITEM_NOT_RELEVANT;
		else
			m->states[i] = rng_chance(r, pct) ? ITEM_DONE : ITEM_OPEN;
		m->notes[i] = item_note(d, r, c, m, ti->v[i].item_id, m->states[i]);
	}
	d->stats.items += (long)ti->n;
}

static void add_followup(struct demo *d, struct rng *r, struct demo_case *c, size_t meeting)
{
	const struct demo_meeting *m = &c->m[meeting];
	const char *text = pick_fit(r, &d->bank->followups, d->type_bit[m->type],
				    m->interpreter != NULL, NULL);
	struct demo_followup *f;
	long due;

	if (!text)
		return;
	c->f = array_grow(c->f, c->nf, &c->fcap, sizeof(*c->f));
	f = &c->f[c->nf++];
	date_to_days(m->date, &due);
	due += rng_range(r, 5, 35);
	date_from_days(due, f->due);
	f->text = text;
	f->assignee = rng_chance(r, 85) ? c->cw->name : pick_colleague(d->bank, r, c->cw)->name;
	f->meeting = meeting;
	if (c->closed[0] || due < d->today - MAX_OVERDUE_DAYS)
		f->done = true;
	else
		f->done = rng_chance(r, due < d->today ? 50 : 10);
}

/* Meetings every 10 to 35 days from the day the case opened, up to
 * yesterday; a case quiet for months is often closed. */
static void make_meetings(struct demo *d, struct rng *r, struct demo_case *c)
{
	int want = rng_range(r, 4, 26);
	enum demo_type type = T_FOERSTE;
	long day, last = 0;

	date_to_days(c->opened, &day);
	day += rng_range(r, 0, 10);
	c->m = xcalloc((size_t)want, sizeof(*c->m));
	for (; c->nm < (size_t)want && day < d->today; day += rng_range(r, 10, 35)) {
		struct demo_meeting *m = &c->m[c->nm];

		date_from_days(day, m->date);
		m->type = type;
		m->caseworker = rng_chance(r, 94) ? c->cw->name : pick_colleague(d->bank, r, c->cw)->name;
		if (c->interpreter && (c->nm < 3 || rng_chance(r, 70)))
			m->interpreter = c->interpreter;
		make_checklist(d, r, c, m, c->nm);
		m->note = rng_chance(r, 75) ? make_note(d, r, m) : NULL;
		m->agreed = rng_chance(r, 80) ? make_agreed(d, r, m) : NULL;
		last = day;
		c->nm++;
		type = next_type(r, type);
	}
	if (c->nm && ((last < d->today - 120 && rng_chance(r, 65)) || rng_chance(r, 3))) {
		long closed = last + rng_range(r, 7, 60);

		if (closed < d->today) {
			date_from_days(closed, c->closed);
			d->stats.closed++;
		}
	}
	d->stats.meetings += (long)c->nm;
}

static void make_followups(struct demo *d, struct rng *r, struct demo_case *c)
{
	for (size_t i = 0; i < c->nm; i++) {
		if (rng_chance(r, 38))
			add_followup(d, r, c, i);
		if (rng_chance(r, 6))
			add_followup(d, r, c, i);
	}
	d->stats.followups += (long)c->nf;
}

/*
 * Demo: internships, one for each run of meetings before, during and after
 * one. It begins a few days after the meeting before it and ends shortly
 * before the meeting after it; one without that meeting is still running
 * (unless the case closed). Whether a job may follow and how it ends differ
 * by caseworker.
 */

static enum internship_outcome pick_outcome(struct rng *r, const struct demo_caseworker *cw,
					    enum job_possible job)
{
	if (rng_chance(r, cw->early_pct))
		return OUTCOME_ENDED_EARLY;
	if (rng_chance(r, job == JOB_POSSIBLE_YES ? cw->employed_pct : cw->employed_pct / 6))
		return OUTCOME_EMPLOYED;
	if (rng_chance(r, 12))
		return OUTCOME_EDUCATION;
	if (rng_chance(r, 14))
		return OUTCOME_EXTENDED;
	return OUTCOME_COMPLETED;
}

static long days_of(const char *date)
{
	long days = 0;

	date_to_days(date, &days);
	return days;
}

/* before, the last during and after (SIZE_MAX: none yet) index c->m. */
static void add_internship(const struct demo_bank *b, struct rng *r, struct demo_case *c,
			   size_t before, size_t last_during, size_t after)
{
	struct demo_internship *in;
	long start = days_of(c->m[before].date) + 1, end, planned, latest = start + 13;

	if (before + 1 < c->nm && days_of(c->m[before + 1].date) - 1 < latest)
		latest = days_of(c->m[before + 1].date) - 1;
	start = latest > start ? rng_range(r, (int)start, (int)latest) : start;
	c->in = array_grow(c->in, c->nin, &c->incap, sizeof(*c->in));
	in = &c->in[c->nin++];
	memset(in, 0, sizeof(*in));
	in->wp = &b->workplaces[rng_below(r, (unsigned)b->nworkplaces)];
	in->contact = rng_chance(r, 80) ? pick_any(r, &b->contacts) : NULL;
	if (rng_chance(r, 75))
		in->goal = filled(pick_any(r, &b->goals), c, in->wp->work);
	in->job = rng_chance(r, c->cw->job_pct) ? JOB_POSSIBLE_YES
		  : rng_chance(r, 55) ? JOB_POSSIBLE_NO : JOB_POSSIBLE_UNKNOWN;
	date_from_days(start, in->from);
	planned = start + 7 * rng_range(r, 4, 13) - 1;
	if (after != SIZE_MAX) {
		end = days_of(c->m[after].date) - rng_range(r, 0, 6);
		if (end < days_of(c->m[last_during].date))
			end = days_of(c->m[last_during].date);
	} else if (c->closed[0]) {
		end = days_of(c->closed) < planned ? days_of(c->closed) : planned;
	} else {
		date_from_days(planned, in->planned_to);
		return;		/* still running */
	}
	if (end < start)
		end = start;
	date_from_days(end, in->ended);
	in->outcome = pick_outcome(r, c->cw, in->job);
	if (rng_chance(r, 70))
		in->reason = pick_any(r, &b->outcomes[in->outcome - OUTCOME_EMPLOYED]);
	/* The plan as it was made: beyond an early end, short of an extension. */
	if (in->outcome == OUTCOME_ENDED_EARLY)
		planned = end + 7 * rng_range(r, 2, 6);
	else if (in->outcome == OUTCOME_EXTENDED)
		planned = end - rng_range(r, 14, 28);
	else
		planned = end + rng_range(r, -4, 4);
	date_from_days(planned > start ? planned : start, in->planned_to);
}

static void make_internships(struct demo *d, struct rng *r, struct demo_case *c)
{
	for (size_t i = 0; i < c->nm; i++) {
		size_t j = i + 1, last = i;

		if (c->m[i].type != T_FOER)
			continue;
		while (j < c->nm && c->m[j].type == T_UNDER)
			last = j++;
		add_internship(d->bank, r, c, i, last,
			       j < c->nm && c->m[j].type == T_EFTER ? j : SIZE_MAX);
	}
	d->stats.internships += (long)c->nin;
}

/* Journal references as year-sequence, "2025-0412", numbered in the order
 * cases open, with gaps for the municipality's other cases. */
static enum sam_status make_ref(struct demo *d, struct rng *r, struct demo_case *c)
{
	long year = strtol(c->opened, NULL, 10);
	unsigned *seq = &d->seq[(year - d->year_base) % (long)ARRAY_SIZE(d->seq)];

	for (;;) {
		struct case_rec taken;
		enum sam_status st;

		*seq = *seq ? *seq + 1 + rng_below(r, 3) : 101 + rng_below(r, 300);
		snprintf(c->ref, sizeof(c->ref), "%ld-%04u", year, *seq);
		if (!d->check_refs)
			return SAM_OK;
		st = store_case_get(d->st, c->ref, &taken);
		if (st == SAM_ERR_NOT_FOUND) {
			sam_error_clear();
			return SAM_OK;
		}
		if (st != SAM_OK)
			return st;
		case_rec_free(&taken);
	}
}

/* Cases open over almost four years, more of them lately, so that the
 * newest are in the middle of their course today. */
static enum sam_status make_case(struct demo *d, struct rng *r, int i, int n,
				 struct demo_case *c)
{
	const struct demo_bank *b = d->bank;
	int64_t left = n - i;
	long offset = 3 + (long)(1400 * left * left / ((int64_t)n * n));
	enum sam_status status;

	memset(c, 0, sizeof(*c));
	date_from_days(d->today - offset, c->opened);
	c->cw = &b->caseworkers[rng_below(r, (unsigned)b->ncaseworkers)];
	c->initials[0] = b->initials[rng_below(r, (unsigned)strlen(b->initials))];
	c->initials[1] = b->initials[rng_below(r, (unsigned)strlen(b->initials))];
	make_origin(b, r, c);
	if (rng_chance(r, c->cw->interpreter_pct))
		c->interpreter = c->slot[DEMO_SPROG];
	if (rng_chance(r, 85))
		c->profile[PROFILE_QUALIFICATIONS] = make_profile(b, r, c, PROFILE_QUALIFICATIONS);
	if (rng_chance(r, 80))
		c->profile[PROFILE_JOB_WISHES] = make_profile(b, r, c, PROFILE_JOB_WISHES);
	if (rng_chance(r, 60))
		c->profile[PROFILE_EDUCATION_WISHES] = make_profile(b, r, c, PROFILE_EDUCATION_WISHES);
	make_meetings(d, r, c);
	make_followups(d, r, c);
	d->stats.cases++;
	if ((status = make_ref(d, r, c)) == SAM_OK)
		make_internships(d, r, c);	/* last: the draws before stay as they were */
	return status;
}

/*
 * Demo: writing, a whole case at a time.
 */

static enum sam_status write_case(struct demo *d, struct store_bulk *b, const struct demo_case *c)
{
	struct store_bulk_meeting *m = xcalloc(c->nm ? c->nm : 1, sizeof(*m));
	struct store_bulk_followup *f = xcalloc(c->nf ? c->nf : 1, sizeof(*f));
	struct internship_spec *in = xcalloc(c->nin ? c->nin : 1, sizeof(*in));
	struct store_bulk_case bc = {
		.ref = c->ref, .initials = c->initials, .caseworker = c->cw->name,
		.opened = c->opened, .closed = c->closed[0] ? c->closed : NULL,
		.meetings = m, .nmeetings = c->nm, .followups = f, .nfollowups = c->nf,
		.internships = in, .ninternships = c->nin,
	};
	enum sam_status st;

	for (int p = 0; p < PROFILE_NFIELDS; p++)
		bc.profile[p] = c->profile[p];
	for (size_t i = 0; i < c->nm; i++) {
		const struct demo_meeting *dm = &c->m[i];

		m[i] = (struct store_bulk_meeting){
			.date = dm->date, .type = type_ids[dm->type], .caseworker = dm->caseworker,
			.note = dm->note, .agreed = dm->agreed, .interpreter = dm->interpreter,
			.items = d->items[dm->type].v, .nitems = d->items[dm->type].n,
			.states = dm->states, .notes = (const char *const *)dm->notes,
		};
	}
	for (size_t i = 0; i < c->nf; i++)
		f[i] = (struct store_bulk_followup){
			.due = c->f[i].due, .text = c->f[i].text, .assignee = c->f[i].assignee,
			.done = c->f[i].done, .meeting = c->f[i].meeting,
		};
	for (size_t i = 0; i < c->nin; i++) {
		const struct demo_internship *di = &c->in[i];

		in[i] = (struct internship_spec){
			.workplace = di->wp->name, .field = di->wp->field, .from = di->from,
			.planned_to = di->planned_to, .contact = di->contact, .goal = di->goal,
			.job_possible = di->job, .ended = di->ended[0] ? di->ended : NULL,
			.outcome = di->outcome, .outcome_reason = di->reason,
		};
	}
	st = store_bulk_case(b, &bc);
	free(m);
	free(f);
	free(in);
	return st;
}

enum sam_status demo_fill(struct store *st, const struct content_guide *g,
			  const struct demo_opts *opts, struct demo_stats *stats)
{
	struct demo d = { .st = st, .g = g, .bank = opts->bank };
	struct rng seeder = { opts->seed };
	struct store_bulk *b = NULL;
	enum sam_status status;
	sam_date today;

	date_today(today);
	date_to_days(today, &d.today);
	d.year_base = strtol(today, NULL, 10) - 5;
	if ((status = store_has_cases(st, &d.check_refs)) || (status = build_type_items(&d)) ||
	    (status = store_bulk_open(st, "demo", &b)))
		goto out;
	for (int i = 0; i < opts->cases && !status; i++) {
		/* A stream per case, so that one case's draws never shift another's. */
		struct rng r = { rng_next(&seeder) };
		struct demo_case c;

		if (!(status = make_case(&d, &r, i, opts->cases, &c)))
			status = write_case(&d, b, &c);
		case_free(&c);
	}
	if (!status)
		status = store_bulk_finish(b);
	if (!status)
		status = store_mark_demo(st);
out:
	store_bulk_close(b);
	free_type_items(&d);
	if (stats)
		*stats = d.stats;
	return status;
}
