#include "samtale/util.h"

#include <dlfcn.h>
#include <stdlib.h>

/*
 * samtale's modules: what only a few commands need (her copy as a PDF, a
 * spreadsheet) with the libraries it needs, loaded by those alone, so that
 * every other start of samtale is spared loading them.
 */

void *module_symbol(const char *module, const char *symbol)
{
	char *path = xasprintf("%s/%s", path_share_dir(SHARE_MODULE), module);
	void *handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	void *sym = handle ? dlsym(handle, symbol) : NULL;

	free(path);
	if (!sym) {
		const char *why = dlerror();

		sam_fail(SAM_ERR_IO, _("cannot load %s: %s (is samtale installed completely?)"), module,
			 why ? why : symbol);
	}
	return sym;
}
