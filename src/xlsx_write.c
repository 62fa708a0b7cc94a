#include "xlsx_write.h"

#include <math.h>
#include <stdlib.h>

#include <xlsxwriter.h>

/*
 * xlsx (libxlsxwriter): the sheets laid out by the tables, a bold heading
 * row kept in view. Built as the module samtale-xlsx.so, which uses nothing
 * of samtale (see xlsx_write.h).
 */

static lxw_error write_cell(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s,
			    enum cli_col_kind kind, lxw_format *pct)
{
	char *end;
	double d;

	if (!*s)
		return LXW_NO_ERROR;
	if (kind == COL_NUMBER || kind == COL_PERCENT) {
		d = strtod(s, &end);
		if (!*end)
			/* "75.4" is 754 tenths: 0.754 exactly as written, not 75.4 / 100. */
			return worksheet_write_number(ws, r, c,
						      kind == COL_PERCENT ? round(d * 10) / 1000 : d,
						      kind == COL_PERCENT ? pct : NULL);
	}
	return worksheet_write_string(ws, r, c, s, NULL);
}

static lxw_error write_sheet(lxw_workbook *wb, const struct xlsx_sheet *s, lxw_format *bold,
			     lxw_format *pct)
{
	lxw_worksheet *ws = workbook_add_worksheet(wb, s->name);
	lxw_error e = ws ? LXW_NO_ERROR : LXW_ERROR_MEMORY_MALLOC_FAILED;

	for (size_t c = 0; c < s->ncols && !e; c++) {
		e = worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, s->widths[c], NULL);
		if (!e)
			e = worksheet_write_string(ws, 0, (lxw_col_t)c, s->heads[c], bold);
	}
	for (size_t r = 0; r < s->nrows && !e; r++)
		for (size_t c = 0; c < s->ncols && !e; c++)
			e = write_cell(ws, (lxw_row_t)(r + 1), (lxw_col_t)c, s->cells[r * s->ncols + c],
				       s->kinds[c], pct);
	if (!e)
		worksheet_freeze_panes(ws, 1, 0);
	return e;
}

__attribute__((visibility("default")))
const char *xlsx_write(const struct xlsx_sheet *sheets, size_t n, const char *file)
{
	lxw_workbook *wb = workbook_new(file);
	lxw_format *bold, *pct;
	lxw_error e = wb ? LXW_NO_ERROR : LXW_ERROR_CREATING_XLSX_FILE;

	if (wb) {
		bold = workbook_add_format(wb);
		format_set_bold(bold);
		pct = workbook_add_format(wb);
		format_set_num_format(pct, "0.0%");
		for (size_t i = 0; i < n && !e; i++)
			e = write_sheet(wb, &sheets[i], bold, pct);
		if (e)
			workbook_close(wb);
		else
			e = workbook_close(wb);
	}
	return e ? lxw_strerror(e) : NULL;
}
