#define _GNU_SOURCE		/* fopencookie */

#include <malloc.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "samtale/demo.h"
#include "samtale/demo_bank.h"
#include "sqlite_store.h"
#include "samtale/exchange.h"
#include "test_db.h"

#define RICH FIXTURES "/exchange/rich.json"
#define RICH_V1 FIXTURES "/exchange/rich-v1.json"
#define HEAD "{\"format\": \"samtale-export/1\", \"cases\": ["
#define TAIL "]}"
#define FOERSTE "\"date\": \"2026-01-10\", \"type\": \"foerste\""

static struct content_guide *guide;
static struct demo_bank bank;
static char tmpdir[] = "/tmp/samtale-exchange.XXXXXX";

static int load_guide(void **state)
{
	struct content_diags diags = { 0 };
	enum sam_status s;

	(void)state;
	if (!mkdtemp(tmpdir))
		return -1;
	sam_set_lang(SAM_LANG_EN);
	s = content_load(SOURCE_DIR "/content", "da", &guide, &diags);
	setenv("SAMTALE_DEMO_DATA", SOURCE_DIR "/data/demo", 1);
	if (s == SAM_OK)
		s = demo_bank_load(guide, &bank, &diags);
	content_diags_print(&diags, stderr);
	content_diags_free(&diags);
	return s == SAM_OK ? 0 : -1;
}

static int free_guide(void **state)
{
	char *rm = xasprintf("rm -rf '%s'", tmpdir);

	(void)state;
	demo_bank_free(&bank);
	content_guide_free(guide);
	if (system(rm) != 0)
		fprintf(stderr, "cannot remove %s\n", tmpdir);
	free(rm);
	return 0;
}

static char *slurp(const char *path, size_t *len)
{
	struct strbuf sb = { 0 };
	FILE *f = fopen(path, "rb");
	char buf[4096];
	size_t n;

	assert_non_null(f);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(&sb, buf, n);
	fclose(f);
	*len = sb.len;
	return strbuf_detach(&sb);
}

/* A fresh database: on SQLite a file in its own directory, removed when the
 * test program ends (in memory it would be heap that the memory tests
 * count), on PostgreSQL one of its own (test_db.h). */
static struct store *mem_store(void)
{
	static int n;
	struct store *st = NULL;
	enum sam_status s;

	if (test_on_pg()) {
		s = test_store_open("anna", &st);
	} else {
		char *path = xasprintf("%s/%d.db", tmpdir, ++n);

		s = store_open(path, "anna", STORE_CREATE, &st);
		free(path);
	}
	if (s != SAM_OK)
		fail_msg("%s", sam_errmsg());
	return st;
}

/* Every row of every table, the audit log included: what "changes nothing" means. */
static long count_rows(struct store *st)
{
	sqlite3 *db;
	sqlite3_stmt *tables;
	long total = 0;

	if (test_on_pg())
		return (long)test_query_int(st, "SELECT sum((xpath('/row/n/text()', query_to_xml(format("
					    "'SELECT count(*) AS n FROM samtale.%I', table_name), false, true,"
					    " '')))[1]::text::bigint) FROM information_schema.tables"
					    " WHERE table_schema = 'samtale' AND table_type = 'BASE TABLE'");
	db = store_sqlite(st);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type = 'table'",
					    -1, &tables, NULL), SQLITE_OK);
	while (sqlite3_step(tables) == SQLITE_ROW) {
		char *sql = xasprintf("SELECT count(*) FROM \"%s\"", sqlite3_column_text(tables, 0));
		sqlite3_stmt *count;

		assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &count, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(count), SQLITE_ROW);
		total += sqlite3_column_int64(count, 0);
		sqlite3_finalize(count);
		free(sql);
	}
	sqlite3_finalize(tables);
	return total;
}

static enum sam_status import_str(struct store *st, const char *json)
{
	return exchange_import(st, guide, json, strlen(json), "t.json", NULL);
}

static void import_rich(struct store *st)
{
	size_t len, n;
	char *data = slurp(RICH, &len);

	assert_int_equal(exchange_import(st, guide, data, len, "rich.json", &n), SAM_OK);
	assert_int_equal(n, 3);
	free(data);
}

/* What an export wrote: a string, and its length. */
struct written {
	FILE *f;
	char *buf;
	size_t len;
};

static FILE *written_open(struct written *w)
{
	memset(w, 0, sizeof(*w));
	w->f = open_memstream(&w->buf, &w->len);
	assert_non_null(w->f);
	return w->f;
}

/* The bytes written so far; free with free(). */
static char *written_close(struct written *w)
{
	assert_int_equal(fclose(w->f), 0);
	return w->buf;
}

static char *export_all(struct store *st)
{
	struct written w;

	assert_int_equal(exchange_export_json(st, NULL, 0, written_open(&w)), SAM_OK);
	return written_close(&w);
}

/*
 * The round trip
 */

static void test_round_trip_byte_identical(void **state)
{
	struct store *one = mem_store(), *two = mem_store();
	size_t len;
	char *fixture = slurp(RICH, &len), *a, *b;

	(void)state;
	import_rich(one);
	a = export_all(one);
	/* The fixture is written as export writes: importing it changes no byte. */
	assert_string_equal(a, fixture);
	assert_int_equal(import_str(two, a), SAM_OK);
	b = export_all(two);
	assert_string_equal(a, b);
	free(a);
	free(b);
	free(fixture);
	store_close(one);
	store_close(two);
}

/* A file of format 1 still imports: the fields format 2 added are empty. */
static void test_import_format_1(void **state)
{
	struct store *st = mem_store();
	size_t len, n = 0;
	char *data = slurp(RICH_V1, &len), *out;

	(void)state;
	assert_int_equal(exchange_import(st, guide, data, len, "rich-v1.json", &n), SAM_OK);
	assert_int_equal(n, 3);
	out = export_all(st);
	assert_non_null(strstr(out, "\"format\": \"samtale-export/2\""));
	assert_non_null(strstr(out, "\"goals\": null"));
	assert_non_null(strstr(out, "\"next_meeting\": null"));
	assert_null(strstr(out, "\"assignee\": \"her\""));
	free(out);
	free(data);
	store_close(st);
}

/* What format 2 adds survives the round trip: her tasks, the next meeting, the profile. */
static void test_format_2_fields(void **state)
{
	struct store *st = mem_store();
	struct case_rec c;
	struct meeting_list ml;
	struct meeting_rec m;
	struct followup_list fl;
	struct followup_query q = { 0 };
	bool her = false;

	(void)state;
	import_rich(st);
	assert_int_equal(store_case_get(st, "2026-0117", &c), SAM_OK);
	assert_string_equal(c.profile[PROFILE_LANGUAGES],
			    "Arabisk og kurdisk (modersmål), engelsk, lidt dansk.");
	assert_null(c.profile[PROFILE_OTHER_SKILLS]);
	assert_int_equal(store_meeting_list(st, c.id, &ml), SAM_OK);
	assert_int_equal(store_meeting_get(st, ml.v[0].id, &m), SAM_OK);
	assert_string_equal(m.next.date, "2026-01-24");
	assert_string_equal(m.next.time, "10:00");
	assert_string_equal(m.next.place, "Jobcentret, lokale 3");
	q.case_id = c.id;
	q.include_done = true;
	assert_int_equal(store_followup_list(st, &q, &fl), SAM_OK);
	for (size_t i = 0; i < fl.n; i++)
		if (fl.v[i].her) {
			her = true;
			/* followed up by the case's caseworker, not the importer */
			assert_string_equal(fl.v[i].assignee, "mette");
		}
	assert_true(her);
	followup_list_free(&fl);
	meeting_rec_free(&m);
	meeting_list_free(&ml);
	case_rec_free(&c);
	store_close(st);
}

static void test_export_empty_database(void **state)
{
	struct store *st = mem_store();
	char *out = export_all(st);

	(void)state;
	assert_string_equal(out, "{\n  \"format\": \"samtale-export/2\",\n  \"cases\": []\n}\n");
	free(out);
	store_close(st);
}

static void test_export_named_refs_in_ref_order_once(void **state)
{
	static const char *const refs[] = { "2026-0117", "2025-0999", "2026-0117" };
	struct store *st = mem_store();
	const char *first, *second;
	struct written w;
	char *out;

	(void)state;
	import_rich(st);
	assert_int_equal(exchange_export_json(st, refs, ARRAY_SIZE(refs), written_open(&w)), SAM_OK);
	out = written_close(&w);
	first = strstr(out, "\"ref\": \"2025-0999\"");
	second = strstr(out, "\"ref\": \"2026-0117\"");
	assert_non_null(first);
	assert_non_null(second);
	assert_true(first < second);
	assert_null(strstr(second + 1, "\"ref\": \"2026-0117\""));
	assert_null(strstr(out, "2026-0042"));
	free(out);
	store_close(st);
}

static void test_export_unknown_ref_writes_nothing(void **state)
{
	static const char *const refs[] = { "2026-0117", "1999-0001" };
	struct store *st = mem_store();
	struct written w;

	(void)state;
	import_rich(st);
	assert_int_equal(exchange_export_json(st, refs, 2, written_open(&w)), SAM_ERR_NOT_FOUND);
	assert_non_null(strstr(sam_errmsg(), "1999-0001"));
	free(written_close(&w));
	assert_int_equal(w.len, 0);
	assert_int_equal(exchange_export_md(st, guide, refs, 2, written_open(&w)), SAM_ERR_NOT_FOUND);
	free(written_close(&w));
	assert_int_equal(w.len, 0);
	store_close(st);
}

/*
 * Export streams: its memory does not grow with the number of cases
 */

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

#ifdef UNDER_ASAN
size_t __sanitizer_get_current_allocated_bytes(void);
#endif

/* Bytes of heap in use now (ASan keeps its own heap, which mallinfo2 does not see). */
static size_t heap_in_use(void)
{
#ifdef UNDER_ASAN
	return __sanitizer_get_current_allocated_bytes();
#else
	struct mallinfo2 mi = mallinfo2();

	return mi.uordblks + mi.hblkhd;
#endif
}

/* A stream that throws the bytes away, noting how many and the most heap
 * in use at any write. */
struct sink {
	size_t written;
	size_t peak;
};

static ssize_t sink_write(void *cookie, const char *buf, size_t size)
{
	struct sink *k = cookie;
	size_t now = heap_in_use();

	(void)buf;
	k->written += size;
	if (now > k->peak)
		k->peak = now;
	return (ssize_t)size;
}

#define EXPORT_HEAP_MAX (1024 * 1024)

static void test_export_memory_bounded(void **state)
{
	const struct demo_opts opts = { .cases = 300, .seed = 7, .bank = &bank };
	cookie_io_functions_t io = { .write = sink_write };
	struct store *st = mem_store();
	struct sink json = { 0 }, md = { 0 };
	size_t before;
	FILE *f;

	(void)state;
	assert_int_equal(demo_fill(st, guide, &opts, NULL), SAM_OK);

	before = heap_in_use();
	assert_non_null(f = fopencookie(&json, "w", io));
	assert_int_equal(exchange_export_json(st, NULL, 0, f), SAM_OK);
	assert_int_equal(fclose(f), 0);
	/* The whole document would not fit in the bound: only streaming does. */
	assert_true(json.written > 3 * EXPORT_HEAP_MAX);
	assert_true(json.peak - before < EXPORT_HEAP_MAX);

	before = heap_in_use();
	assert_non_null(f = fopencookie(&md, "w", io));
	assert_int_equal(exchange_export_md(st, guide, NULL, 0, f), SAM_OK);
	assert_int_equal(fclose(f), 0);
	assert_true(md.written > 3 * EXPORT_HEAP_MAX);
	assert_true(md.peak - before < EXPORT_HEAP_MAX);
	store_close(st);
}

/* A file in memory that notes the most heap in use at any read. */
struct source {
	const char *buf;
	size_t len, pos;
	size_t peak;
};

static ssize_t source_read(void *cookie, char *buf, size_t size)
{
	struct source *k = cookie;
	size_t now = heap_in_use(), n = k->len - k->pos < size ? k->len - k->pos : size;

	if (now > k->peak)
		k->peak = now;
	memcpy(buf, k->buf + k->pos, n);
	k->pos += n;
	return (ssize_t)n;
}

static int source_seek(void *cookie, off64_t *offset, int whence)
{
	struct source *k = cookie;
	off64_t to = whence == SEEK_SET ? *offset : whence == SEEK_CUR ? (off64_t)k->pos + *offset
				     : (off64_t)k->len + *offset;

	if (to < 0 || (size_t)to > k->len)
		return -1;
	k->pos = (size_t)to;
	*offset = to;
	return 0;
}

/* Import streams a file of export's shape too: the parsed document (some
 * four times the file) is never whole in memory. What grows is SQLite's
 * page cache (2 MB by default) as the cases are written. */
#define IMPORT_HEAP_MAX (4 * 1024 * 1024)

static void test_import_memory_bounded(void **state)
{
	const struct demo_opts opts = { .cases = 300, .seed = 7, .bank = &bank };
	cookie_io_functions_t io = { .read = source_read, .seek = source_seek };
	struct store *one = mem_store(), *two = mem_store();
	struct source src = { 0 };
	size_t before, n = 0;
	char *a, *b;
	FILE *f;

	(void)state;
	assert_int_equal(demo_fill(one, guide, &opts, NULL), SAM_OK);
	a = export_all(one);
	src.buf = a;
	src.len = strlen(a);
	assert_true(src.len > IMPORT_HEAP_MAX);

	before = heap_in_use();
	assert_non_null(f = fopencookie(&src, "r", io));
	assert_int_equal(exchange_import_file(two, guide, f, "demo.json", &n), SAM_OK);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(n, 300);
	assert_true(src.peak - before < IMPORT_HEAP_MAX);

	b = export_all(two);
	assert_string_equal(a, b);
	free(a);
	free(b);
	store_close(one);
	store_close(two);
}

/*
 * What import makes
 */

static void test_meeting_holds_content_items(void **state)
{
	struct store *st = mem_store();
	struct meeting_list ml = { 0 };
	struct meeting_rec m = { 0 };
	struct case_rec c = { 0 };
	size_t expected = 0, k = 0;

	(void)state;
	import_rich(st);
	assert_int_equal(store_case_get(st, "2026-0117", &c), SAM_OK);
	assert_string_equal(c.caseworker, "mette");
	assert_int_equal(store_meeting_list(st, c.id, &ml), SAM_OK);
	assert_int_equal(ml.n, 2);
	assert_int_equal(store_meeting_get(st, ml.v[0].id, &m), SAM_OK);
	assert_string_equal(m.caseworker, "mette");
	assert_string_equal(m.interpreter, "arabisk");
	/* Every item of a first meeting, in content order, worded as the content words it. */
	for (size_t i = 0; i < guide->nsections; i++)
		expected += content_section_count_applicable(&guide->sections[i], "foerste");
	assert_int_equal(m.nitems, expected);
	for (size_t i = 0; i < guide->nsections; i++)
		for (size_t j = 0; j < guide->sections[i].nitems; j++) {
			const struct content_item *it = &guide->sections[i].items[j];

			if (!content_item_applies(it, "foerste"))
				continue;
			assert_string_equal(m.items[k].item_id, it->full_id);
			assert_string_equal(m.items[k].text, it->text);
			k++;
		}
	assert_string_equal(m.items[0].item_id, "tro.afdaek-kvalifikationer");
	assert_int_equal(m.items[0].state, ITEM_DONE);
	assert_string_equal(store_user(st), "anna");
	meeting_rec_free(&m);
	meeting_list_free(&ml);
	case_rec_free(&c);
	store_close(st);
}

static void test_absent_caseworker_is_the_importer(void **state)
{
	struct store *st = mem_store();
	struct case_rec c = { 0 };

	(void)state;
	assert_int_equal(import_str(st, HEAD "{\"ref\": \"A-1\"}" TAIL), SAM_OK);
	assert_int_equal(store_case_get(st, "A-1", &c), SAM_OK);
	assert_string_equal(c.caseworker, "anna");
	assert_string_equal(c.opened, "2026-03-01");
	assert_null(c.closed);
	case_rec_free(&c);
	store_close(st);
}

/*
 * Refusals: every class, with the exact message
 */

struct refusal {
	const char *json;
	const char *message;
};

static const struct refusal refusals[] = {
	{ "[]", "t.json: must be an object ({...})" },
	{ "{\"cases\": []}", "t.json: \"format\" is missing" },
	{ "{\"format\": \"samtale-export/9\", \"cases\": []}",
	  "t.json: unknown format \"samtale-export/9\" (expected \"samtale-export/2\")" },
	{ "{\"format\": \"samtale-export/1\"}", "t.json: \"cases\" is missing" },
	{ "{\"format\": \"samtale-export/1\", \"cases\": {}}", "t.json: \"cases\" must be a list" },
	{ "{\"format\": \"samtale-export/1\", \"cases\": [], \"when\": 1}",
	  "t.json: unknown key \"when\"" },
	{ HEAD "7" TAIL, "case #1: must be an object ({...})" },
	{ HEAD "{}" TAIL, "case #1: \"ref\" is missing" },
	{ HEAD "{\"ref\": 17}" TAIL, "case #1: \"ref\" must be a string" },
	{ HEAD "{\"ref\": \"\"}" TAIL, "case #1: \"ref\" is empty" },
	{ HEAD "{\"ref\": \"010190-1234\"}" TAIL,
	  "case #1: \"ref\" looks like a CPR number; use the journal number" },
	{ HEAD "{\"ref\": \"0101901234\"}" TAIL,
	  "case #1: \"ref\" looks like a CPR number; use the journal number" },
	{ HEAD "{\"ref\": \"A-1\", \"opend\": \"2026-01-01\"}" TAIL,
	  "case A-1: unknown key \"opend\"; did you mean \"opened\"?" },
	{ HEAD "{\"ref\": \"A-1\", \"opened\": \"2026-02-30\"}" TAIL,
	  "case A-1: invalid date \"2026-02-30\" in \"opened\" (YYYY-MM-DD)" },
	{ HEAD "{\"ref\": \"A-1\", \"closed\": 5}" TAIL,
	  "case A-1: \"closed\" must be a string or null" },
	{ HEAD "{\"ref\": \"A-1\", \"profile\": {\"qualifications\": \"nr. 010190-1234\"}}" TAIL,
	  "case A-1, profile: \"qualifications\" looks like it holds a CPR number; remove it" },
	{ HEAD "{\"ref\": \"A-1\", \"profile\": {\"hobbies\": \"\"}}" TAIL,
	  "case A-1, profile: unknown key \"hobbies\"" },
	{ HEAD "{\"ref\": \"A-1\", \"meetings\": {}}" TAIL, "case A-1: \"meetings\" must be a list" },
	{ HEAD "{\"ref\": \"A-1\", \"meetings\": [{\"date\": \"2026-01-10\", \"type\": \"te\"}]}" TAIL,
	  "case A-1, meeting #1: unknown meeting type 'te'" },
	{ HEAD "{\"ref\": \"A-1\", \"meetings\": [{\"type\": \"foerste\"}]}" TAIL,
	  "case A-1, meeting #1: \"date\" is missing" },
	{ HEAD "{\"ref\": \"A-1\", \"meetings\": [{" FOERSTE ", \"items\": "
	  "[{\"id\": \"tro.xyz\", \"state\": \"done\"}]}]}" TAIL,
	  "case A-1, meeting 2026-01-10 (foerste): unknown item id 'tro.xyz'" },
	{ HEAD "{\"ref\": \"A-1\", \"meetings\": [{" FOERSTE ", \"items\": "
	  "[{\"id\": \"tro.afdaek-kvalifikationer\", \"state\": \"half\"}]}]}" TAIL,
	  "case A-1, meeting 2026-01-10 (foerste): item 'tro.afdaek-kvalifikationer': "
	  "unknown state 'half' (done, not_relevant or open)" },
	{ HEAD "{\"ref\": \"A-1\", \"meetings\": [{" FOERSTE ", \"items\": "
	  "[{\"id\": \"tro.sig-det\", \"state\": \"done\"}, "
	  "{\"id\": \"tro.sig-det\", \"state\": \"open\"}]}]}" TAIL,
	  "case A-1, meeting 2026-01-10 (foerste): item 'tro.sig-det' is listed twice" },
	{ HEAD "{\"ref\": \"A-1\", \"meetings\": [{" FOERSTE ", \"items\": "
	  "[{\"id\": \"tro.sig-det\"}]}]}" TAIL,
	  "case A-1, meeting 2026-01-10 (foerste), item #1: \"state\" is missing" },
	{ HEAD "{\"ref\": \"A-1\", \"meetings\": [{" FOERSTE ", \"note\": \"ring 0101901234\"}]}" TAIL,
	  "case A-1, meeting 2026-01-10 (foerste): \"note\" looks like it holds a CPR number; "
	  "remove it" },
	{ HEAD "{\"ref\": \"A-1\", \"meetings\": [{" FOERSTE ", \"interpreter\": false}]}" TAIL,
	  "case A-1, meeting 2026-01-10 (foerste): \"interpreter\" must be a string or null" },
	{ HEAD "{\"ref\": \"A-1\", \"followups\": [{\"due\": \"snart\", \"text\": \"x\"}]}" TAIL,
	  "case A-1, follow-up #1: invalid date \"snart\" in \"due\" (YYYY-MM-DD)" },
	{ HEAD "{\"ref\": \"A-1\", \"followups\": [{\"due\": \"2026-03-01\", \"text\": \"x\", "
	  "\"done\": \"yes\"}]}" TAIL,
	  "case A-1, follow-up #1: \"done\" must be true or false" },
	{ HEAD "{\"ref\": \"A-1\", \"x\\u001b[2Jy\": 1}" TAIL, "case A-1: unknown key \"x\"" },
	{ HEAD "{\"ref\": \"A-1\"}, {\"ref\": \"B-2\"}, {\"ref\": \"A-1\"}" TAIL,
	  "case A-1 is listed twice" },
	{ "{\"format\": \"samtale-export/1\", \"cases\": [], \"cases\": []}",
	  "t.json:1:51: duplicate object key near '\"cases\"'" },
	{ "{\"format\": \"samtale-export/1\",\n \"cases\": [{\"ref\": \"A-1\"}",
	  "t.json:2:25: ']' expected near end of file" },
	{ "", "t.json:1:0: '[' or '{' expected near end of file" },
	{ HEAD "{\"ref\": \"A-1\", \"meetings\": [{\"date\": \"2026-01-10\", \"type\": \"foerste\","
	  " \"next_meeting\": {\"date\": \"2026-01-24\", \"time\": \"25:00\"}}]}]}",
	  "case A-1, meeting 2026-01-10 (foerste), next_meeting: invalid time \"25:00\" (HH:MM)" },
	{ HEAD "{\"ref\": \"A-1\", \"meetings\": [{\"date\": \"2026-01-10\", \"type\": \"foerste\","
	  " \"next_meeting\": {\"time\": \"10:00\"}}]}]}",
	  "case A-1, meeting 2026-01-10 (foerste), next_meeting: \"date\" is missing" },
	{ HEAD "{\"ref\": \"A-1\", \"meetings\": [{\"date\": \"2026-01-10\", \"type\": \"foerste\","
	  " \"next_meeting\": {\"date\": \"2026-01-24\", \"room\": 3}}]}]}",
	  "case A-1, meeting 2026-01-10 (foerste), next_meeting: unknown key \"room\"" },
};

static void test_refusals(void **state)
{
	struct store *st = mem_store();
	long before = count_rows(st);

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(refusals); i++) {
		struct exchange_doc doc;

		sam_error_clear();
		assert_int_equal(exchange_parse(refusals[i].json, strlen(refusals[i].json), "t.json",
						guide, &doc), SAM_ERR_INVALID);
		assert_null(doc.cases);
		assert_string_equal(sam_errmsg(), refusals[i].message);
		assert_int_not_equal(import_str(st, refusals[i].json), SAM_OK);
		assert_string_equal(sam_errmsg(), refusals[i].message);
	}
	assert_int_equal(count_rows(st), before);
	store_close(st);
}

static void test_item_outside_meeting_type_refused(void **state)
{
	const struct content_item *narrow = NULL;
	const char *other = NULL;
	char *json, *want;
	struct exchange_doc doc;

	(void)state;
	/* Any item that some meeting type leaves out. */
	for (size_t i = 0; i < guide->nsections && !narrow; i++)
		for (size_t j = 0; j < guide->sections[i].nitems && !narrow; j++)
			for (size_t t = 0; t < guide->nmeeting_types; t++)
				if (!content_item_applies(&guide->sections[i].items[j],
							  guide->meeting_types[t].id)) {
					narrow = &guide->sections[i].items[j];
					other = guide->meeting_types[t].id;
					break;
				}
	if (!narrow)
		skip();
	json = xasprintf(HEAD "{\"ref\": \"A-1\", \"meetings\": [{\"date\": \"2026-01-10\", "
			 "\"type\": \"%s\", \"items\": [{\"id\": \"%s\", \"state\": \"done\"}]}]}" TAIL,
			 other, narrow->full_id);
	want = xasprintf("case A-1, meeting 2026-01-10 (%s): item '%s' does not apply to a meeting "
			 "of type '%s'", other, narrow->full_id, other);
	assert_int_equal(exchange_parse(json, strlen(json), "t.json", guide, &doc), SAM_ERR_INVALID);
	assert_string_equal(sam_errmsg(), want);
	free(json);
	free(want);
}

static void test_messages_in_danish(void **state)
{
	static const char json[] = HEAD "{\"ref\": \"A-1\", \"meetings\": [{" FOERSTE ", \"items\": "
		"[{\"id\": \"tro.xyz\", \"state\": \"done\"}]}]}" TAIL;
	struct exchange_doc doc;

	(void)state;
	sam_set_lang(SAM_LANG_DA);
	assert_int_equal(exchange_parse(json, strlen(json), "t.json", guide, &doc), SAM_ERR_INVALID);
	sam_set_lang(SAM_LANG_EN);
	assert_string_equal(sam_errmsg(),
			    "sag A-1, samtale 2026-01-10 (foerste): ukendt punkt-id 'tro.xyz'");
}

/*
 * All or nothing
 */

static void test_bad_item_changes_nothing(void **state)
{
	static const char json[] = HEAD "{\"ref\": \"B-1\"}, {\"ref\": \"B-2\", \"meetings\": [{"
		FOERSTE ", \"items\": [{\"id\": \"tro.sig-det\", \"state\": \"done\"}, "
		"{\"id\": \"dialog.nope\", \"state\": \"done\"}]}]}" TAIL;
	struct store *st = mem_store();
	char *before, *after;
	long rows;

	(void)state;
	import_rich(st);
	rows = count_rows(st);
	before = export_all(st);
	assert_int_equal(import_str(st, json), SAM_ERR_INVALID);
	assert_string_equal(sam_errmsg(),
			    "case B-2, meeting 2026-01-10 (foerste): unknown item id 'dialog.nope'");
	assert_int_equal(count_rows(st), rows);
	after = export_all(st);
	assert_string_equal(before, after);
	free(before);
	free(after);
	store_close(st);
}

/* Refusals the database finds, after earlier cases were written: rolled back. */
static void test_write_failure_rolls_back(void **state)
{
	static const char existing[] = HEAD "{\"ref\": \"C-1\", \"meetings\": [{" FOERSTE "}]}, "
		"{\"ref\": \"2026-0117\"}" TAIL;
	static const char too_long[] = HEAD "{\"ref\": \"C-1\"}, {\"ref\": \"C-2\", "
		"\"initials\": \"ABCDEFGHIJKLMNOPQRSTUVWXYZ\"}" TAIL;
	struct store *st = mem_store();
	struct case_rec c = { 0 };
	long rows;

	(void)state;
	import_rich(st);
	rows = count_rows(st);
	assert_int_equal(import_str(st, existing), SAM_ERR_INVALID);
	assert_string_equal(sam_errmsg(), "case 2026-0117: already exists in the database");
	assert_int_equal(count_rows(st), rows);
	assert_int_equal(store_case_get(st, "C-1", &c), SAM_ERR_NOT_FOUND);

	assert_int_not_equal(import_str(st, too_long), SAM_OK);
	assert_non_null(strstr(sam_errmsg(), "case C-2: "));
	assert_int_equal(count_rows(st), rows);
	assert_int_equal(store_case_get(st, "C-1", &c), SAM_ERR_NOT_FOUND);
	assert_string_equal(store_user(st), "anna");
	store_close(st);
}

/*
 * Her record as a document
 */

static void test_markdown_record(void **state)
{
	static const char *const refs[] = { "2026-0117" };
	struct store *st = mem_store();
	struct written w;
	const struct content_item *first = content_item_find(guide, "tro.afdaek-kvalifikationer");
	char *line, *out;

	(void)state;
	import_rich(st);
	sam_set_lang(SAM_LANG_DA);
	assert_int_equal(exchange_export_md(st, guide, refs, 1, written_open(&w)), SAM_OK);
	out = written_close(&w);
	sam_set_lang(SAM_LANG_EN);
	assert_non_null(strstr(out, "# Sag 2026-0117\n"));
	assert_non_null(strstr(out, "## Hendes profil, med hendes ord\n"));
	assert_non_null(strstr(out, "> Sygeplejerske fra Aleppo, 6 års erfaring.\n"
				       "> Taler arabisk, kurdisk og lidt dansk.\n"));
	assert_non_null(strstr(out, "> Vil gerne arbejde på et plejehjem.\n"));
	line = xasprintf("- [x] %s\n  - Note: Hun fortalte selv om sin uddannelse.\n", first->text);
	assert_non_null(strstr(out, line));
	free(line);
	assert_non_null(strstr(out, "### 2026-01-10 – Første samtale\n"));
	assert_non_null(strstr(out, "- Tolk: arabisk\n"));
	assert_non_null(strstr(out, "- Tolk: ingen\n"));
	assert_non_null(strstr(out, "> Praktik på plejecenter Solgården fra 1. februar.\n"));
	assert_non_null(strstr(out, "- [x] 2026-01-24: Søg om merit for sygeplejeuddannelsen (mette)\n"));
	assert_non_null(strstr(out, "- [-] "));
	assert_non_null(strstr(out, "- [ ] "));
	assert_null(strstr(out, "2026-0042"));
	free(out);
	store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip_byte_identical),
		cmocka_unit_test(test_import_format_1),
		cmocka_unit_test(test_format_2_fields),
		cmocka_unit_test(test_export_empty_database),
		cmocka_unit_test(test_export_named_refs_in_ref_order_once),
		cmocka_unit_test(test_export_unknown_ref_writes_nothing),
		cmocka_unit_test(test_export_memory_bounded),
		cmocka_unit_test(test_import_memory_bounded),
		cmocka_unit_test(test_meeting_holds_content_items),
		cmocka_unit_test(test_absent_caseworker_is_the_importer),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_item_outside_meeting_type_refused),
		cmocka_unit_test(test_messages_in_danish),
		cmocka_unit_test(test_bad_item_changes_nothing),
		cmocka_unit_test(test_write_failure_rolls_back),
		cmocka_unit_test(test_markdown_record),
	};

	if (test_db_unavailable())
		return 77;
	return cmocka_run_group_tests(tests, load_guide, free_guide);
}
