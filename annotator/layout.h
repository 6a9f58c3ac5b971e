/* layout: reading layout files and compiling them (the public ann_layouts).
 *
 * A layout describes how the lines of one kind of article page follow each
 * other: a header line, captions, the headline, the byline, the body, reader
 * comments with their vote lines, ... Each *part* matches one line (a PCRE2
 * pattern anchored at the line start, plus conditions on the blank lines
 * around it); *groups* wrap runs of parts in a container element (<body>,
 * <comments>, <comment>); the layout's `order` is a regular expression over
 * part and group names. rules/README.md ("Layouts") is the user's
 * documentation of the format; structure.h applies a compiled set to a
 * document.
 *
 * An order is compiled to a small program for a Pike VM over lines:
 * LINE tests one part against the current line and moves to the next
 * instruction; SPLIT, JMP, OPEN (a group starts) and CLOSE (it ends) consume
 * no line; MATCH accepts.
 *
 * Ownership: the ann_layouts owns every layout, part, group, string and
 * compiled pattern; it is immutable after ann_layouts_compile() and may be
 * shared by any number of streams. */
#ifndef ANN_LAYOUT_H
#define ANN_LAYOUT_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>
#include <stdint.h>

#include "annotator.h"
#include "doc.h"

/* The structural elements the output may hold (schema/annotator.rng). A
 * layout can only name these, so every output stays valid. */
typedef enum {
    LE_NONE = -1,
    LE_HEADER,
    LE_CAPTION,
    LE_CREDIT,
    LE_SECTION,
    LE_HEADLINE,
    LE_COUNT,
    LE_BYLINE,
    LE_DATELINE,
    LE_BODY,
    LE_COPYRIGHT,
    LE_COMMENTS,
    LE_TOPIC,
    LE_COMMENT,
    LE_VOTES,
    LE_ELEMENT_COUNT
} layout_element;

/* Values an attribute may take; anything else is left out of the output. */
typedef enum {
    AV_TEXT,              /* any non-empty text */
    AV_DATE,              /* YYYY-MM-DD */
    AV_INTEGER,           /* -6, 0, 12 */
    AV_COUNT,             /* 0, 1, 2, ... */
    AV_ORDINAL            /* 1, 2, 3, ... */
} attr_value_kind;

/* The element's name as written in the output, or NULL for LE_NONE. */
const char *layout_element_name(int element);

/* The names of the document attributes (DOC_ATTR_*, doc.h). */
const char *layout_doc_attr_name(int which);
attr_value_kind layout_doc_attr_kind(int which);

/* Whether value is acceptable for an attribute of this kind. */
int layout_value_ok(attr_value_kind kind, const char *value);

/* Where a part's attribute goes. */
enum { TARGET_SELF, TARGET_GROUP, TARGET_DOCUMENT };

typedef struct {
    int target;           /* TARGET_* */
    int doc_attr;         /* TARGET_DOCUMENT: DOC_ATTR_* */
    char *key;            /* attribute name */
    attr_value_kind kind;
    char *value;          /* template: {capture} and {line} are substituted */
    unsigned line, column; /* of the template */
    unsigned key_column;
} layout_attr;

/* `entity CAPTURE TYPE`: the text of a capture becomes an entity of TYPE,
 * or several, cut where `split CAPTURE PATTERN` matches. */
typedef struct {
    char *capture;        /* a named capture, or "line" for the whole line */
    char *type;
    pcre2_code *split;    /* NULL: one entity */
    unsigned line, column;
} layout_entity;

#define GAP_ANY UINT32_MAX

typedef struct {
    char *name;
    char *file;           /* the file it was read from, for messages and --explain */
    unsigned line;
    size_t layout;        /* index of the layout it belongs to */
    int element;          /* layout_element, LE_NONE: the line is not wrapped */
    char *pattern;        /* alternatives joined, as compiled; NULL: any non-blank line */
    pcre2_code *code;     /* anchored, UTF + UCP, JIT */
    pcre2_code *boundary_code; /* for `boundary` parts: the same pattern for raw lines (MATCH_INVALID_UTF) */
    int jit, boundary_jit; /* JIT-compiled: pcre2_jit_match, without pcre2_match's checks, may be used */
    uint8_t first_bytes[32]; /* bitmap of the bytes a line it matches can start with (PCRE2's, else all) */
    unsigned pattern_line, pattern_col;
    uint32_t gap_min, gap_max;   /* blank lines before the line */
    uint32_t next_min, next_max; /* blank lines after it (the end of the document counts as GAP_ANY) */
    int score;            /* what a line it takes adds to a parse (default 1 with a pattern, else 0) */
    int score_set;
    int boundary;         /* a line it matches starts a new document in a stream */
    layout_attr *attrs;
    size_t attr_count;
    layout_entity *entities;
    size_t entity_count;
    int needs_captures;   /* attributes or entities read the match */
} layout_part;

typedef struct order_node order_node;

typedef struct {
    char *name;
    char *file;
    unsigned line;
    size_t layout;
    int element;          /* layout_element; LE_NONE: a group only for the order */
    char *number_key;     /* `number n`: instances are numbered 1, 2, ... */
    order_node *order;
    unsigned order_line;
} layout_group;

typedef enum { OP_LINE, OP_SPLIT, OP_JMP, OP_OPEN, OP_CLOSE, OP_MATCH } layout_op;

typedef struct {
    uint8_t op;
    uint32_t arg;         /* OP_LINE: part index; OP_OPEN/OP_CLOSE: group index */
    uint32_t x, y;        /* OP_JMP: x; OP_SPLIT: x preferred, then y */
} layout_inst;

typedef struct {
    char *name;
    char *file;
    unsigned line;
    int priority;         /* layouts are tried by priority (higher first), then in load order */
    order_node *order;
    unsigned order_line;
    layout_inst *program;
    size_t program_len;
    size_t max_depth;     /* deepest group nesting of the program */
} layout;

struct ann_layouts {
    layout *layouts;
    size_t count, cap;
    layout_part *parts;   /* of every layout; part.layout says whose */
    size_t part_count, part_cap;
    layout_group *groups;
    size_t group_count, group_cap;
    size_t *tried;        /* layout indices in the order they are tried */
    size_t *boundaries;   /* indices of the `boundary` parts */
    size_t boundary_count;
    uint32_t max_captures; /* of any part pattern */
    int compiled;
};

/* The longest line (terminator included) that may be a boundary line. A
 * stream keeps at most this much of a line it is skipping. */
#define BOUNDARY_LINE_MAX 1024

/* The built-in layouts (rules/layouts/ *.layout), compiled once on first use
 * and shared; NULL (with err filled) if they do not compile. */
const ann_layouts *layouts_builtin(ann_error *err);

#endif
