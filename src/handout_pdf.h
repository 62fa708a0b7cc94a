#ifndef SAMTALE_HANDOUT_PDF_H
#define SAMTALE_HANDOUT_PDF_H

/*
 * The PDF renderer of her copy is a module of its own, samtale-pdf.so,
 * loaded the first time a PDF is made: linked into samtale, Pango, Cairo
 * and the forty libraries under them were loaded at every start, which
 * cost more than a whole curses program takes to start. The module knows
 * only her copy's lines and nothing else of samtale (src/handout_pdf.c);
 * handout_write_pdf (src/handout_pdf_load.c) finds it, loads it and
 * explains its failures.
 */

#include <stdbool.h>
#include <stdio.h>

#include "samtale/handout.h"

#define HANDOUT_PDF_MODULE "samtale-pdf.so"
#define HANDOUT_PDF_RENDER "handout_pdf_render"

/* Writes lines as an A4 PDF titled title to out. Returns NULL, or Cairo's
 * reason when it failed; *write_failed says that writing to out failed. */
typedef const char *handout_pdf_render_fn(const struct handout_lines *lines, const char *title,
					  FILE *out, bool *write_failed);

handout_pdf_render_fn handout_pdf_render;

#endif
