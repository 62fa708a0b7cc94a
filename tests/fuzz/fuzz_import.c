/*
 * libFuzzer target for import: any bytes go through the parse and validate
 * step against the shipped Danish content. Whatever it accepts is written
 * to a database, exported, imported into a second database and exported
 * again; the two exports must be the same bytes (SPEC §4). Whatever it
 * refuses, import (which streams the files of export's shape) refuses too,
 * with the same message. No crash, no leak, no accepted document that the
 * store then cannot take back.
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "samtale/exchange.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct content_guide *guide;
static struct store *one, *two;
static char *dir;

/* $SAMTALE_CONTENT, else the content beside this source file. */
static char *content_dir(void)
{
	const char *env = getenv("SAMTALE_CONTENT");
	const char *slash = strrchr(__FILE__, '/');

	if (env && *env)
		return xstrdup(env);
	if (!slash)
		return xstrdup("../../content");
	return xasprintf("%.*s/../../content", (int)(slash - __FILE__), __FILE__);
}

static struct store *open_store(const char *name)
{
	char *path = xasprintf("%s/%s", dir, name);
	struct store *st;

	if (store_open(path, "fuzz", STORE_CREATE, &st) != SAM_OK) {
		fprintf(stderr, "fuzz_import: %s\n", sam_errmsg());
		abort();
	}
	free(path);
	return st;
}

static void cleanup(void)
{
	char *rm = xasprintf("rm -rf '%s'", dir);

	store_close(one);
	store_close(two);
	content_guide_free(guide);
	if (system(rm) != 0)
		fprintf(stderr, "fuzz_import: cannot remove %s\n", dir);
	free(rm);
	free(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct content_diags diags = { 0 };
	const char *tmp = getenv("TMPDIR");
	char *root = content_dir();

	(void)argc;
	(void)argv;
	if (content_load(root, "da", &guide, &diags) != SAM_OK) {
		content_diags_print(&diags, stderr);
		abort();
	}
	content_diags_free(&diags);
	free(root);
	/* tmpfs when there is one: the stores fsync every commit. */
	dir = xasprintf("%s/fuzz_import.XXXXXX", access("/dev/shm", W_OK) == 0 ? "/dev/shm"
						  : tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir))
		abort();
	one = open_store("one.db");
	two = open_store("two.db");
	atexit(cleanup);
	return 0;
}

static void wipe(struct store *st)
{
	struct case_list l = { 0 };

	if (store_case_list(st, NULL, true, &l) != SAM_OK)
		abort();
	for (size_t i = 0; i < l.n; i++)
		if (store_case_delete(st, l.v[i].id) != SAM_OK)
			abort();
	case_list_free(&l);
}

static char *export_all(struct store *st, size_t *len)
{
	char *buf = NULL;
	FILE *out = open_memstream(&buf, len);

	if (!out || exchange_export_json(st, NULL, 0, out) != SAM_OK || fclose(out)) {
		fprintf(stderr, "fuzz_import: export: %s\n", sam_errmsg());
		abort();
	}
	return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct exchange_doc doc;
	char *a = NULL, *b;
	size_t alen, blen;

	if (exchange_parse((const char *)data, size, "fuzz", guide, &doc) != SAM_OK) {
		char *why = xstrdup(sam_errmsg());

		if (doc.cases || doc.ncases)
			abort();	/* a refused document is left empty */
		if (exchange_import(one, guide, (const char *)data, size, "fuzz", NULL) == SAM_OK ||
		    strcmp(why, sam_errmsg())) {
			fprintf(stderr, "fuzz_import: parse said \"%s\", import \"%s\"\n", why,
				sam_errmsg());
			abort();
		}
		free(why);
		return 0;
	}
	exchange_doc_free(&doc);
	/* The store may still refuse (a text too long for it): then nothing is written. */
	if (exchange_import(one, guide, (const char *)data, size, "fuzz", NULL) == SAM_OK) {
		a = export_all(one, &alen);
		if (exchange_import(two, guide, a, alen, "export", NULL) != SAM_OK) {
			fprintf(stderr, "fuzz_import: export not importable: %s\n", sam_errmsg());
			abort();
		}
		b = export_all(two, &blen);
		if (alen != blen || memcmp(a, b, alen))
			abort();
	} else {
		b = export_all(one, &blen);
		if (strcmp(b, "{\n  \"format\": \"samtale-export/2\",\n  \"cases\": []\n}\n"))
			abort();
	}
	wipe(one);
	wipe(two);
	free(a);
	free(b);
	return 0;
}
