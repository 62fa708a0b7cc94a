#ifndef SAMTALE_CONTENT_INT_H
#define SAMTALE_CONTENT_INT_H

/*
 * Inside the content module: a YAML document as a small tree that keeps every
 * node's position, and the diagnostics helpers. Not for use outside src/content/.
 */

#include <stdbool.h>
#include <stddef.h>

#include "samtale/content.h"

/* Larger files are refused before parsing: the shipped ones are a few KiB. */
#define CONTENT_MAX_FILE (256 * 1024)
/* Nesting deeper than the schema could ever need is refused while parsing. */
#define CONTENT_MAX_DEPTH 16

enum ynode_kind { YN_SCALAR, YN_SEQ, YN_MAP };

struct ynode {
	enum ynode_kind kind;
	unsigned line, col;		/* 1-based */
	char *str;			/* scalars: the value, NUL-terminated */
	bool plain;			/* scalars: written without quotes or block style */
	struct ynode **v;		/* sequences: items; mappings: key, value, key, value... */
	size_t n;
};

/* Parses one YAML document. Refuses at once (with one diagnostic) files over
 * CONTENT_MAX_FILE, invalid UTF-8, anchors and aliases, and syntax errors.
 * Returns false when refused; else *root is the tree (NULL for an empty
 * document), owned by the caller. */
bool yaml_tree_parse(const char *file, const char *buf, size_t len,
		     struct ynode **root, struct content_diags *d);
void ynode_free(struct ynode *n);

/* Reads a whole file, refusing one over CONTENT_MAX_FILE. Caller frees *buf. */
bool content_read_file(const char *path, char **buf, size_t *len, struct content_diags *d);

/* Lists longer than this are refused: no guide needs them, and the checks
 * compare entries pairwise. */
#define CONTENT_MAX_LIST 1000

struct src_mark {
	unsigned line, col;
};

/* A loaded guide with the places its ids came from, for the checks across
 * languages. content_guide_free takes the public part and frees it all. */
struct guide_priv {
	struct content_guide g;		/* first, so a guide pointer is a guide_priv one */
	char *guide_file;
	struct src_mark sections_key, meeting_types_key;
	struct src_mark *mt_marks;	/* per meeting type: its id */
	struct src_mark *section_marks;	/* per section: its entry in guide.yaml */
	struct src_mark *number_marks;	/* per section: its "number" value; line 0 when none */
	bool *section_read;		/* per section: its file parsed, so its ids are known */
	bool guide_read;		/* guide.yaml parsed, so the meeting types are known */
	char **section_files;		/* per section */
	struct src_mark *items_keys;	/* per section: its "items" key */
	struct src_mark **item_marks;	/* per section, per item: its id */
};

/* A section named in guide.yaml's "sections". */
struct section_ref {
	char *id;
	struct src_mark mark;
};

/* Fills p->g but its sections from guide.yaml's tree; *refs are the listed
 * sections (caller frees with section_refs_free). expect_lang may be NULL. */
void validate_guide(const char *file, const struct ynode *root, const char *expect_lang,
		    struct guide_priv *p, struct section_ref **refs, size_t *nrefs,
		    struct content_diags *d);
void section_refs_free(struct section_ref *refs, size_t n);

/* Makes room for n sections in p (the public array and the marks). */
void guide_alloc_sections(struct guide_priv *p, size_t n);

/* Fills section i of p->g from a section file's tree. Meeting types are
 * checked against p->g's unless it has none. */
void validate_section(const char *file, const struct ynode *root, const char *expect_id,
		      struct guide_priv *p, size_t i, struct content_diags *d);

/* The language folders under root, sorted (free with names_free), but
 * those for her copy alone (only a handout.yaml); false (reported) when
 * root cannot be read. */
bool content_languages(const char *root, char ***langs, size_t *n, struct content_diags *d);
void names_free(char **v, size_t n);

#define HANDOUT_FILE "handout.yaml"

/* Fills h from handout.yaml's tree; expect_lang may be NULL. */
void validate_handout(const char *file, const struct ynode *root, const char *expect_lang,
		      struct content_handout *h, struct content_diags *d);

/*
 * The schema checks' helpers (validate.c), for every YAML file samtale reads
 */

struct vctx {
	const char *file;
	struct content_diags *d;
};

#define ERR(c, node, ...) diag_add((c)->d, (c)->file, (node)->line, (node)->col, true, __VA_ARGS__)
#define WARN(c, node, ...) diag_add((c)->d, (c)->file, (node)->line, (node)->col, false, __VA_ARGS__)

struct keyspec {
	const char *key;
	bool required;
};

struct keyval {
	const struct ynode *key, *val;
};

/* Checks a mapping's keys against spec; kv[i] gets the key and value of
 * spec[i] (NULLs when absent). False when node is no mapping at all. */
bool check_keys(struct vctx *c, const struct ynode *node, const char *what,
		const struct keyspec *spec, size_t nspec, struct keyval *kv);
/* A text value, trailing white space removed; NULL (reported) when it is no
 * text or empty. */
char *get_text(struct vctx *c, const struct keyval *kv);
bool get_int(struct vctx *c, const struct keyval *kv, int *out);
/* One of words[0..n) (its index), or dflt when absent or (reported) unknown. */
int get_word(struct vctx *c, const struct keyval *kv, const char *const *words, size_t n, int dflt);
/* A list value of at most CONTENT_MAX_LIST entries; false (reported) otherwise. */
bool get_list(struct vctx *c, const struct keyval *kv, bool may_be_empty);

void diag_add(struct content_diags *d, const char *file, unsigned line, unsigned col,
	      bool is_error, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

#endif
