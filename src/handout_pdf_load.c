#include "handout_pdf.h"

#include <dlfcn.h>
#include <stdlib.h>

#include "samtale/util.h"

/*
 * Her copy as a PDF: the renderer module, loaded the first time (see
 * handout_pdf.h), and its failures as samtale's messages.
 */

/* The module's renderer, loaded once for the life of the process; NULL
 * with the reason set when it cannot be. */
static handout_pdf_render_fn *renderer(void)
{
	static handout_pdf_render_fn *render;
	char *path;
	void *module;

	if (render)
		return render;
	path = xasprintf("%s/%s", path_share_dir(SHARE_MODULE), HANDOUT_PDF_MODULE);
	module = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	free(path);
	if (module)
		*(void **)&render = dlsym(module, HANDOUT_PDF_RENDER);
	if (!render) {
		const char *why = dlerror();

		sam_fail(SAM_ERR_IO, _("cannot make PDFs: %s (is samtale installed completely?)"),
			 why ? why : HANDOUT_PDF_RENDER);
	}
	return render;
}

enum sam_status handout_write_pdf(const struct handout *h, FILE *out)
{
	handout_pdf_render_fn *render = renderer();
	struct handout_lines l;
	bool write_failed = false;
	const char *why;

	if (!render)
		return SAM_ERR_IO;
	handout_lines(h, &l);
	why = render(&l, h->labels->label[HL_TITLE], out, &write_failed);
	handout_lines_free(&l);
	if (write_failed)
		return sam_fail(SAM_ERR_IO, "%s", _("could not write her copy"));
	if (why)
		return sam_fail(SAM_ERR_IO, _("could not make the PDF: %s"), why);
	return SAM_OK;
}
