#ifndef SAMTALE_XLSX_WRITE_H
#define SAMTALE_XLSX_WRITE_H

/*
 * Spreadsheets are written by a module of their own, samtale-xlsx.so,
 * loaded the first time one is made: linked into samtale, libxlsxwriter and
 * the compression and crypto libraries under it took five times the work
 * of a whole curses program's start at every start of samtale. The module
 * (src/xlsx_write.c) knows only the sheets it is given; the tables
 * (src/cli/table.c) lay them out and explain its failures.
 */

#include <stddef.h>

#include "samtale/cli.h"

#define XLSX_MODULE "samtale-xlsx.so"
#define XLSX_WRITE "xlsx_write"

struct xlsx_sheet {
	const char *name;		/* as Excel takes it (sheet_name in table.c) */
	size_t ncols, nrows;		/* rows under the heading row */
	const char *const *heads;	/* ncols */
	const enum cli_col_kind *kinds;	/* ncols: numbers and percentages are written as numbers */
	const double *widths;		/* ncols, in characters */
	const char *const *cells;	/* nrows * ncols by rows; "" is empty */
};

/* Writes the n sheets into a new workbook file. Returns NULL, or
 * libxlsxwriter's reason when it failed. */
typedef const char *xlsx_write_fn(const struct xlsx_sheet *sheets, size_t n, const char *file);

xlsx_write_fn xlsx_write;

#endif
