#include "samtale/cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "samtale/util.h"

struct cli_col {
	char *name;
	enum cli_col_kind kind;
};

struct cli_table {
	struct cli_col *cols;
	size_t ncols;
	char **cells;		/* row-major; NULL cells are empty */
	size_t nrows, ncells, cap;
	size_t total_row;	/* index of the totals row, or SIZE_MAX */
};

struct cli_table *cli_table_new(void)
{
	struct cli_table *t = xcalloc(1, sizeof(*t));

	t->total_row = SIZE_MAX;
	return t;
}

void cli_table_col(struct cli_table *t, const char *name, enum cli_col_kind kind)
{
	t->cols = xrealloc(t->cols, (t->ncols + 1) * sizeof(*t->cols));
	t->cols[t->ncols++] = (struct cli_col){ xstrdup(name), kind };
}

void cli_table_row(struct cli_table *t)
{
	t->nrows++;
	if (t->nrows * t->ncols > t->cap) {
		t->cap = t->cap ? t->cap * 2 : 16 * t->ncols;
		t->cells = xrealloc(t->cells, t->cap * sizeof(*t->cells));
	}
}

void cli_table_total_row(struct cli_table *t)
{
	cli_table_row(t);
	t->total_row = t->nrows - 1;
}

void cli_table_cell(struct cli_table *t, const char *value)
{
	if (t->ncells < t->nrows * t->ncols)
		t->cells[t->ncells++] = xstrdup(value);
}

void cli_table_cellf(struct cli_table *t, const char *fmt, ...)
{
	struct strbuf sb = { 0 };
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	if (t->ncells < t->nrows * t->ncols)
		t->cells[t->ncells++] = strbuf_detach(&sb);
	else
		strbuf_free(&sb);
}

static const char *cell(const struct cli_table *t, size_t row, size_t col)
{
	size_t i = row * t->ncols + col;

	return i < t->ncells && t->cells[i] ? t->cells[i] : "";
}

static void pad(FILE *out, size_t n)
{
	while (n--)
		fputc(' ', out);
}

static void print_table_row(const struct cli_table *t, const size_t *width, size_t row, FILE *out)
{
	for (size_t c = 0; c < t->ncols; c++) {
		const char *s = row == SIZE_MAX ? t->cols[c].name : cell(t, row, c);
		size_t w = utf8_width(s);
		bool last = c + 1 == t->ncols;

		if (c)
			fputs("  ", out);
		if (t->cols[c].kind == COL_NUMBER) {
			pad(out, width[c] - w);
			fputs(s, out);
		} else {
			fputs(s, out);
			if (!last)
				pad(out, width[c] - w);
		}
	}
	fputc('\n', out);
}

static void print_aligned(const struct cli_table *t, FILE *out)
{
	size_t *width = xcalloc(t->ncols, sizeof(*width));
	size_t total = 0;

	for (size_t c = 0; c < t->ncols; c++) {
		width[c] = utf8_width(t->cols[c].name);
		for (size_t r = 0; r < t->nrows; r++) {
			size_t w = utf8_width(cell(t, r, c));

			if (w > width[c])
				width[c] = w;
		}
		total += width[c] + (c ? 2 : 0);
	}
	print_table_row(t, width, SIZE_MAX, out);
	for (size_t r = 0; r < t->nrows; r++) {
		if (r == t->total_row) {
			for (size_t i = 0; i < total; i++)
				fputc('-', out);
			fputc('\n', out);
		}
		print_table_row(t, width, r, out);
	}
	free(width);
}

static void print_csv_field(const char *s, FILE *out)
{
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, out);
		return;
	}
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

static void print_csv(const struct cli_table *t, FILE *out)
{
	for (size_t r = SIZE_MAX;; r++) {
		if (r == t->nrows)
			break;
		if (r != SIZE_MAX && r == t->total_row)
			continue;
		for (size_t c = 0; c < t->ncols; c++) {
			if (c)
				fputc(',', out);
			print_csv_field(r == SIZE_MAX ? t->cols[c].name : cell(t, r, c), out);
		}
		fputs("\r\n", out);
	}
}

static json_t *json_cell(const struct cli_table *t, size_t r, size_t c)
{
	size_t i = r * t->ncols + c;
	const char *s = i < t->ncells ? t->cells[i] : NULL;
	char *end;

	if (!s || !*s)
		return json_null();
	if (t->cols[c].kind == COL_NUMBER) {
		double d = strtod(s, &end);

		if (!*end)
			return strchr(s, '.') ? json_real(d) : json_integer(strtoll(s, NULL, 10));
	}
	return json_string(s);
}

static void print_json(const struct cli_table *t, FILE *out)
{
	json_t *rows = json_array();

	for (size_t r = 0; r < t->nrows; r++) {
		json_t *obj;

		if (r == t->total_row)
			continue;
		obj = json_object();
		for (size_t c = 0; c < t->ncols; c++)
			json_object_set_new(obj, t->cols[c].name, json_cell(t, r, c));
		json_array_append_new(rows, obj);
	}
	json_dumpf(rows, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
	fputc('\n', out);
	json_decref(rows);
}

void cli_table_print(const struct cli_table *t, enum cli_format f, FILE *out)
{
	switch (f) {
	case FORMAT_TABLE: print_aligned(t, out); break;
	case FORMAT_CSV: print_csv(t, out); break;
	case FORMAT_JSON: print_json(t, out); break;
	}
}

void cli_table_free(struct cli_table *t)
{
	if (!t)
		return;
	for (size_t c = 0; c < t->ncols; c++)
		free(t->cols[c].name);
	for (size_t i = 0; i < t->ncells; i++)
		free(t->cells[i]);
	free(t->cols);
	free(t->cells);
	free(t);
}

bool cli_format_parse(const char *s, enum cli_format *out)
{
	static const char *const names[] = { "table", "csv", "json" };

	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		if (!strcmp(s, names[i])) {
			*out = (enum cli_format)i;
			return true;
		}
	}
	return false;
}
