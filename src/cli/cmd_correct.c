#include "samtale/cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "samtale/exchange.h"
#include "samtale/util.h"

/*
 * Corrections (SPEC §1 rule 6): a meeting's date and type, a meeting
 * opened by mistake, a follow-up's text, due date and assignee.
 */

/*
 * Picking a meeting: REF DATE [--type T] [--nth N]
 */

struct meeting_pick {
	const char *type;	/* --type, or NULL */
	int nth;		/* --nth, or 0 */
};

static const char *type_title(const struct content_guide *g, const char *id)
{
	const struct content_meeting_type *t = g ? content_meeting_type_find(g, id) : NULL;

	return t ? t->title : id;
}

/* "--type foerste eller --type opfoelgning": how to pick one of the
 * meetings matched. */
static void list_types(const struct meeting_list *l, const size_t *hit, size_t nhit, struct strbuf *sb)
{
	for (size_t i = 0; i < nhit; i++)
		strbuf_addf(sb, "%s--type %s", i == 0 ? "" : i + 1 == nhit ? _(" or ") : ", ",
			    l->v[hit[i]].type);
}

static bool same_type(const struct meeting_list *l, const size_t *hit, size_t nhit)
{
	for (size_t i = 1; i < nhit; i++)
		if (strcmp(l->v[hit[i]].type, l->v[hit[0]].type))
			return false;
	return true;
}

/* The one meeting of case c on date that p picks, read whole; a message
 * that says how to pick one when there are more. */
static enum sam_status pick_meeting(struct cli_ctx *ctx, const struct case_rec *c, const char *date,
				    const struct meeting_pick *p, struct meeting_rec *out)
{
	struct meeting_list l;
	struct strbuf sb = { 0 };
	size_t *hit, nhit = 0;
	enum sam_status st = store_meeting_list(ctx->store, c->id, &l);

	if (st != SAM_OK)
		return st;
	hit = xcalloc(l.n + 1, sizeof(*hit));
	for (size_t i = 0; i < l.n; i++)
		if (!strcmp(l.v[i].date, date) && (!p->type || !strcmp(l.v[i].type, p->type)))
			hit[nhit++] = i;
	if (nhit == 0) {
		for (size_t i = 0; i < l.n; i++)
			strbuf_addf(&sb, "%s%s %s", i ? ", " : "", l.v[i].date, l.v[i].type);
		st = sam_fail(SAM_ERR_NOT_FOUND, _("the case %s has no meeting %s%s%s (it has: %s)"),
			      c->ref, p->type ? p->type : "", p->type ? " " : "", date,
			      sb.len ? strbuf_str(&sb) : _("none"));
	} else if (p->nth > 0 && (size_t)p->nth <= nhit) {
		st = store_meeting_get(ctx->store, l.v[hit[p->nth - 1]].id, out);
	} else if (p->nth > 0) {
		st = sam_fail(SAM_ERR_NOT_FOUND,
			      sam_ngettext("the case %s has only %zu meeting on %s; --nth %d is too large",
					   "the case %s has only %zu meetings on %s; --nth %d is too large", nhit),
			      c->ref, nhit, date, p->nth);
	} else if (nhit == 1) {
		st = store_meeting_get(ctx->store, l.v[hit[0]].id, out);
	} else if (same_type(&l, hit, nhit)) {
		st = sam_fail(SAM_ERR_INVALID,
			      _("the case %s has %zu meetings on %s, all of the type %s; pick one with --nth 1 "
				 "to --nth %zu (in the order they were opened)"),
			      c->ref, nhit, date, l.v[hit[0]].type, nhit);
	} else {
		list_types(&l, hit, nhit, &sb);
		st = sam_fail(SAM_ERR_INVALID, _("the case %s has %zu meetings on %s; pick one with %s"),
			      c->ref, nhit, date, strbuf_str(&sb));
	}
	strbuf_free(&sb);
	free(hit);
	meeting_list_free(&l);
	return st;
}

static int parse_nth(const char *s, int *out)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(s, &end, 10);
	if (errno || *end || end == s || n < 1 || n > 1000)
		return cli_usage_error(_("--nth needs a number from 1, not '%s'"), s);
	*out = (int)n;
	return 0;
}

/* REF DATE after the options: the case and the meeting. When the date
 * holds several and *or_type is one of their types, that picks it and
 * *or_type becomes NULL. */
static int find_meeting(struct cli_ctx *ctx, int argc, char **argv, struct meeting_pick *p,
			const char **or_type, struct case_rec *c, struct meeting_rec *m)
{
	sam_date date;
	enum sam_status st;
	int rc;

	memset(c, 0, sizeof(*c));
	memset(m, 0, sizeof(*m));
	if (optind + 2 > argc)
		return cli_usage_error("%s", _("give the case and the meeting's date: REF DATE"));
	if (optind + 2 < argc)
		return cli_usage_error(_("unexpected argument '%s'"), argv[optind + 2]);
	if ((rc = cli_date(_("the date"), argv[optind + 1], DATE_ANY, date)))
		return rc;
	if ((st = store_case_get(ctx->store, argv[optind], c)) != SAM_OK)
		return cli_fail(st);
	st = pick_meeting(ctx, c, date, p, m);
	if (st == SAM_ERR_INVALID && or_type && *or_type && !p->type && !p->nth) {
		p->type = *or_type;
		if ((st = pick_meeting(ctx, c, date, p, m)) == SAM_OK)
			*or_type = NULL;
		else if (st == SAM_ERR_NOT_FOUND)	/* not one of theirs: the first message says it */
			st = pick_meeting(ctx, c, date, &(struct meeting_pick){ 0 }, m);
	}
	if (st != SAM_OK) {
		case_rec_free(c);
		return cli_fail(st);
	}
	return 0;
}

static int check_type(const struct content_guide *g, const char *type)
{
	if (content_meeting_type_find(g, type))
		return 0;
	return cli_usage_error(_("unknown meeting type '%s'; 'samtale content list' shows them"), type);
}

/*
 * samtale meeting set REF DATE [--date D] [--type T]
 */

static enum sam_status retype(struct cli_ctx *ctx, const struct meeting_rec *m, const char *type)
{
	size_t n;
	struct meeting_item_spec *items = exchange_meeting_items(ctx->guide, type, &n);
	struct meeting_type_diff d;
	enum sam_status st;

	meeting_type_diff(m, items, n, &d);
	st = store_meeting_set_type(ctx->store, m->id, type, items, n);
	free(items);
	if (st != SAM_OK)
		return st;
	printf(_("The meeting is now %s: %zu items kept (%zu ticked), %zu removed (%zu ticked, "
		  "%zu with a note), %zu new.\n"),
	       type_title(ctx->guide, type), d.kept, d.kept_marked, d.dropped, d.dropped_marked,
	       d.dropped_notes, d.added);
	return SAM_OK;
}

CLI_CMD(cmd_meeting_set)
{
	struct meeting_pick pick = { 0 };
	const char *date_arg = NULL, *type = NULL;
	sam_date date;
	struct case_rec c;
	struct meeting_rec m;
	enum sam_status st = SAM_OK;
	int opt, rc = 0;

	/* --type is the new type; when the case has several meetings that
	 * day, it picks the one of that type instead (and --nth picks among
	 * those of one type). */
	while (!rc && (opt = cli_next_opt(ctx, argc, argv, &rc)) != -1) {
		switch (opt) {
		case 'd': date_arg = optarg; break;
		case 't': type = optarg; rc = check_type(ctx->guide, optarg); break;
		case 'n': rc = parse_nth(optarg, &pick.nth); break;
		}
	}
	if (rc)
		return rc;
	if (!date_arg && !type)
		return cli_usage_error("%s", _("give --date and/or --type"));
	if (date_arg && (rc = cli_date("--date", date_arg, DATE_NOT_FUTURE, date)))
		return rc;
	if ((rc = find_meeting(ctx, argc, argv, &pick, &type, &c, &m)))
		return rc;
	if (date_arg && (st = store_meeting_set_date(ctx->store, m.id, date)) == SAM_OK)
		printf(_("The meeting was moved from %s to %s (%s).\n"),
		       m.date, date, date_weekday(date));
	if (st == SAM_OK && type && strcmp(type, m.type))
		st = retype(ctx, &m, type);
	meeting_rec_free(&m);
	case_rec_free(&c);
	return st == SAM_OK ? 0 : cli_fail(st);
}

/*
 * samtale meeting delete REF DATE [--type T] [--nth N] --yes
 */

CLI_CMD(cmd_meeting_delete)
{
	struct meeting_pick pick = { 0 };
	struct case_rec c;
	struct meeting_rec m;
	enum sam_status st;
	bool yes = false;
	char *losses;
	int opt, rc = 0;

	while (!rc && (opt = cli_next_opt(ctx, argc, argv, &rc)) != -1) {
		switch (opt) {
		case 't': pick.type = optarg; break;
		case 'n': rc = parse_nth(optarg, &pick.nth); break;
		case 'y': yes = true; break;
		}
	}
	if (rc || (rc = find_meeting(ctx, argc, argv, &pick, NULL, &c, &m)))
		return rc;
	losses = meeting_losses(&m);
	if (!yes) {
		rc = cli_usage_error(_("the meeting on %s (%s) goes with %s; this cannot be undone, confirm with --yes"),
				     m.date, m.type, losses);
	} else if ((st = store_meeting_delete(ctx->store, m.id)) != SAM_OK) {
		rc = cli_fail(st);
	} else {
		printf(_("The meeting on %s (%s) in case %s was removed with %s.\n"),
		       m.date, type_title(ctx->guide, m.type), c.ref, losses);
	}
	free(losses);
	meeting_rec_free(&m);
	case_rec_free(&c);
	return rc;
}

/*
 * samtale followup edit|done|undone|delete ID
 */

/* Exactly one argument after the options: the follow-up's id. */
static int one_id(int argc, char **argv, int64_t *id)
{
	char *end;
	long long n;

	if (optind >= argc)
		return cli_usage_error("%s", _("give the follow-up's id ('samtale followups --format csv' shows them)"));
	if (optind + 1 < argc)
		return cli_usage_error(_("unexpected argument '%s'"), argv[optind + 1]);
	errno = 0;
	n = strtoll(argv[optind], &end, 10);
	if (errno || *end || end == argv[optind] || n < 1)
		return cli_usage_error(_("'%s' is not an id; 'samtale followups --format csv' shows them"),
				       argv[optind]);
	*id = n;
	return 0;
}

/* "ansvarlig hende" when she is the one to act. */
static void print_followup(const struct followup_rec *f)
{
	printf(_("Follow-up %lld (case %s): due %s (%s), assignee %s, %s: %s\n"),
	       (long long)f->id, f->case_ref, f->due, date_weekday(f->due),
	       f->her ? _("her") : f->assignee,
	       f->done ? _("done") : C_("cli/cmd_correct", "open"), f->text);
}

CLI_CMD(cmd_followup_edit)
{
	struct followup_change ch = { 0 };
	struct followup_rec f;
	sam_date due;
	enum sam_status st;
	int64_t id = 0;
	int opt, rc = 0;

	while (!rc && (opt = cli_next_opt(ctx, argc, argv, &rc)) != -1) {
		switch (opt) {
		case 'x': ch.text = optarg; break;
		case 'd': ch.due = due; rc = cli_date("--due", optarg, DATE_NOT_PAST, due); break;
		case 'a':
			ch.assignee = optarg;
			ch.her = !strcmp(optarg, EXCHANGE_ASSIGNEE_HER) || !strcmp(optarg, "hende");
			break;
		}
	}
	if (rc || (rc = one_id(argc, argv, &id)))
		return rc;
	if (!ch.text && !ch.due && !ch.assignee)
		return cli_usage_error("%s", _("give --text, --due and/or --assignee"));
	if ((st = store_followup_edit(ctx->store, id, &ch)) != SAM_OK ||
	    (st = store_followup_get(ctx->store, id, &f)) != SAM_OK)
		return cli_fail(st);
	print_followup(&f);
	followup_rec_free(&f);
	return 0;
}

static int set_done(struct cli_ctx *ctx, int argc, char **argv, bool done)
{
	struct followup_rec f;
	enum sam_status st;
	int64_t id = 0;
	int rc = 0;

	while (cli_next_opt(ctx, argc, argv, &rc) != -1)
		;
	if (rc || (rc = one_id(argc, argv, &id)))
		return rc;
	if ((st = store_followup_set_done(ctx->store, id, done)) != SAM_OK ||
	    (st = store_followup_get(ctx->store, id, &f)) != SAM_OK)
		return cli_fail(st);
	print_followup(&f);
	followup_rec_free(&f);
	return 0;
}

CLI_CMD(cmd_followup_done)
{
	return set_done(ctx, argc, argv, true);
}

CLI_CMD(cmd_followup_undone)
{
	return set_done(ctx, argc, argv, false);
}

CLI_CMD(cmd_followup_delete)
{
	struct followup_rec f;
	enum sam_status st;
	bool yes = false;
	int64_t id = 0;
	int opt, rc = 0;

	while ((opt = cli_next_opt(ctx, argc, argv, &rc)) != -1)
		if (opt == 'y')
			yes = true;
	if (rc || (rc = one_id(argc, argv, &id)))
		return rc;
	if ((st = store_followup_get(ctx->store, id, &f)) != SAM_OK)
		return cli_fail(st);
	if (!yes)
		rc = cli_usage_error(_("follow-up %lld (case %s, due %s) is erased; confirm with --yes"),
				     (long long)id, f.case_ref, f.due);
	else if ((st = store_followup_delete(ctx->store, id)) != SAM_OK)
		rc = cli_fail(st);
	else
		printf(_("Follow-up %lld (case %s) was erased.\n"),
		       (long long)id, f.case_ref);
	followup_rec_free(&f);
	return rc;
}
