/*
 * libFuzzer target for opening a damaged or crafted database file: any
 * bytes are written to a file and opened as samtale opens a database, first
 * read-only (case list, case show, follow-ups, report, export, db check),
 * then for writing (which may migrate an older schema after its backup):
 * the same reads, a new case, an erasure and a purge. Whatever the file
 * holds, samtale either refuses it with a message or works on it: no crash,
 * no leak, no SQL from the file run as SQL.
 */

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "samtale/exchange.h"
#include "samtale/report.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct content_guide *guide;
static char *dir, *db;

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

/* The database and whatever SQLite and a migration leave beside it. */
static void remove_files(void)
{
	static const char *const suffixes[] = { "", "-wal", "-shm", "-journal", ".v1-backup",
						".v2-backup", ".v3-backup" };

	for (size_t i = 0; i < ARRAY_SIZE(suffixes); i++) {
		char *p = xasprintf("%s%s", db, suffixes[i]);

		unlink(p);
		free(p);
	}
}

static void cleanup(void)
{
	remove_files();
	rmdir(dir);
	content_guide_free(guide);
	free(db);
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
	/* tmpfs when there is one: a writable open fsyncs every commit. */
	dir = xasprintf("%s/fuzz_dbopen.XXXXXX", access("/dev/shm", W_OK) == 0 ? "/dev/shm"
						  : tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir))
		abort();
	db = xasprintf("%s/s.db", dir);
	atexit(cleanup);
	return 0;
}

/* Everything a caseworker or team lead can read; failures are fine, as
 * long as each is a status and a message. */
static void read_all(struct store *st)
{
	struct case_list cases = { 0 };
	struct followup_query fq = { .include_done = true };
	struct followup_list fl = { 0 };
	struct report_query rq = { .by = REPORT_BY_SECTION, .stale_days = -1 };
	struct report r;
	char *report = NULL, *out = NULL;
	size_t len;
	bool ok;
	FILE *f;

	if (store_case_list(st, NULL, true, &cases) == SAM_OK) {
		for (size_t i = 0; i < cases.n && i < 8; i++) {
			struct case_rec c;
			struct meeting_list ml = { 0 };
			struct left_open_list lo = { 0 };
			size_t n = 0;

			if (store_case_get(st, cases.v[i].ref, &c) == SAM_OK)
				case_rec_free(&c);
			if (store_meeting_list(st, cases.v[i].id, &ml) == SAM_OK) {
				for (size_t m = 0; m < ml.n && m < 8; m++) {
					struct meeting_rec mr;
					struct section_progress *p = NULL;

					if (store_meeting_get(st, ml.v[m].id, &mr) == SAM_OK)
						meeting_rec_free(&mr);
					if (store_meeting_progress(st, ml.v[m].id, &p, &n) == SAM_OK)
						section_progress_free(p, n);
				}
				meeting_list_free(&ml);
			}
			if (store_items_left_open(st, cases.v[i].id, &lo) == SAM_OK)
				left_open_list_free(&lo);
		}
		case_list_free(&cases);
	}
	if (store_followup_list(st, &fq, &fl) == SAM_OK)
		followup_list_free(&fl);
	for (rq.by = REPORT_BY_SECTION; rq.by <= REPORT_BY_TYPE; rq.by++)
		if (report_run(st, guide, &rq, &r) == SAM_OK)
			report_free(&r);
	if ((f = open_memstream(&out, &len))) {
		exchange_export_json(st, NULL, 0, f);
		exchange_export_md(st, guide, NULL, 0, f);
		fclose(f);
	}
	free(out);
	store_check(st, &ok, &report);
	free(report);
}

static void write_some(struct store *st)
{
	struct case_list cases = { 0 };
	int64_t id;
	int n;

	store_case_add(st, "2026-9999", "QX", NULL, &id);
	if (store_case_list(st, NULL, true, &cases) == SAM_OK) {
		if (cases.n)
			store_case_delete(st, cases.v[0].id);
		case_list_free(&cases);
	}
	store_purge_closed_before(st, "2100-01-01", &n);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct store *st;
	int fd;

	remove_files();
	/* 0600, as samtale makes a database: a wider file is refused before SQLite reads it. */
	fd = open(db, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0 || write(fd, data, size) != (ssize_t)size || close(fd))
		abort();
	if (store_open(db, "fuzz", STORE_READONLY, &st) == SAM_OK) {
		read_all(st);
		store_close(st);
	} else if (!*sam_errmsg()) {
		abort();	/* a refusal always says why */
	}
	if (store_open(db, "fuzz", 0, &st) == SAM_OK) {
		read_all(st);
		write_some(st);
		store_close(st);
	} else if (!*sam_errmsg()) {
		abort();
	}
	return 0;
}
