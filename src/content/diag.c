#include "content_int.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "samtale/util.h"

/*
 * Content: diagnostics and suggestions
 */

void diag_add(struct content_diags *d, const char *file, unsigned line, unsigned col,
	      bool is_error, const char *fmt, ...)
{
	struct content_diag *g;
	struct strbuf sb = { 0 };
	va_list ap;

	d->v = array_grow(d->v, d->n, &d->cap, sizeof(*d->v));
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	g = &d->v[d->n++];
	g->file = xstrdup(file);
	g->line = line;
	g->column = col;
	g->is_error = is_error;
	g->message = strbuf_detach(&sb);
	if (is_error)
		d->nerrors++;
}

void content_diags_free(struct content_diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].message);
	}
	free(d->v);
	*d = (struct content_diags){ 0 };
}

void content_diags_take(struct content_diags *to, struct content_diags *from)
{
	for (size_t i = 0; i < from->n; i++) {
		to->v = array_grow(to->v, to->n, &to->cap, sizeof(*to->v));
		to->v[to->n++] = from->v[i];
	}
	to->nerrors += from->nerrors;
	free(from->v);
	*from = (struct content_diags){ 0 };
}

void content_diags_print(const struct content_diags *d, FILE *out)
{
	for (size_t i = 0; i < d->n; i++) {
		const struct content_diag *g = &d->v[i];

		fprintf(out, "%s:%u:%u: %s: %s\n", g->file, g->line, g->column,
			g->is_error ? "error" : "warning", g->message);
	}
}

/* Edit distance counting a swap of neighbours as one edit (optimal string
 * alignment), giving up (returning limit + 1) past limit. */
static size_t edit_distance(const char *a, const char *b, size_t limit)
{
	size_t la = strlen(a), lb = strlen(b), best = limit + 1;
	size_t *mem, *prev2, *prev, *cur;

	if ((la > lb ? la - lb : lb - la) > limit)
		return limit + 1;
	mem = prev2 = xcalloc(3 * (lb + 1), sizeof(*mem));
	prev = prev2 + lb + 1;
	cur = prev + lb + 1;
	for (size_t j = 0; j <= lb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t rowmin;
		size_t *t;

		cur[0] = rowmin = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t v = prev[j - 1] + (a[i - 1] != b[j - 1]);

			if (prev[j] + 1 < v)
				v = prev[j] + 1;
			if (cur[j - 1] + 1 < v)
				v = cur[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]
			    && prev2[j - 2] + 1 < v)
				v = prev2[j - 2] + 1;
			cur[j] = v;
			if (v < rowmin)
				rowmin = v;
		}
		t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
		if (rowmin > limit)
			goto out;
	}
	best = prev[lb];
out:
	free(mem);
	return best;
}

const char *content_suggest(const char *word, const char *const *candidates, size_t n)
{
	const char *best = NULL;
	size_t best_dist = (size_t)-1, wlen = strlen(word);

	/* Nothing sensible is close to a very long word: spare the work. */
	if (wlen == 0 || wlen > 80)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		size_t clen = strlen(candidates[i]);
		size_t limit = ((clen > wlen ? clen : wlen) + 1) / 3;
		size_t dist;

		if (limit < 1)
			limit = 1;
		dist = edit_distance(word, candidates[i], limit);
		if (dist <= limit && dist < best_dist) {
			best = candidates[i];
			best_dist = dist;
		}
	}
	return best;
}
