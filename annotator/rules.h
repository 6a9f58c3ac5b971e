/* rules: reading rule files and compiling them (the public ann_rules).
 *
 * A rule file holds macros (`define NAME PATTERN`), and rules: a `rule NAME`
 * line followed by indented `key value` lines (type, phase, priority, pattern
 * or list, case, norm, attr, nest, example, counter). rules/README.md is the
 * user's documentation of the format; this header is the engine's view.
 *
 * Ownership: the ann_rules owns every rule, string, compiled pattern and word
 * list; it is immutable after ann_rules_compile() and may be shared, but for
 * what the matchers' start probes find (ann_rules.pair_states), which they
 * share, and the batches' JIT code, made on first use (rule_batch.jit_state). */
#ifndef ANN_RULES_H
#define ANN_RULES_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdatomic.h>
#include <stdint.h>

#include "annotator.h"
#include "gazetteer.h"
#include "precompiled.h"
#include "token.h"

#define MAX_TYPES 1024

typedef struct {
    char *text;           /* with the [[ ]] marks removed */
    uint32_t *spans;      /* start,end pairs of the marked spans */
    size_t span_count;
    int counter;          /* 1: must not produce the rule's annotation */
    unsigned line;
} rule_example;

enum { CASE_SENSITIVE, CASE_INSENSITIVE, CASE_ALSO_UPPER };

typedef struct {
    char *key;
    char *value_template; /* {capture} and {match} are substituted */
} rule_attr;

/* Where a match can start, as a start key: the byte there (an ASCII
 * character, or the lead byte of another), or, for the characters news
 * text most often starts a token with that are no letter or digit (quotes,
 * dashes, currency signs: start_chars[]), START_KEY_CHARS + its index. A
 * lead byte stands for thousands of characters, so a rule starting with
 * \p{Lu} may start with any; the rule compiler tries each of start_chars
 * on its own. */
enum { START_CHAR_COUNT = 10, START_KEY_CHARS = 256, START_KEYS = START_KEY_CHARS + START_CHAR_COUNT };
extern const unsigned char start_chars[START_CHAR_COUNT][4]; /* UTF-8, NUL-terminated */

static inline int has_start_key(const uint8_t *keys, unsigned key)
{
    return keys[key / 8] & (1u << (key % 8));
}

/* The start key of the text at s (valid UTF-8). Every one of start_chars
 * starts with 0xC2 or 0xE2 (the two differ in bit 0x20 only): a letter of
 * another script is told apart without a look at them. */
static inline unsigned start_key_at(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] < 0x80 || (u[0] | 0x20) != 0xE2)
        return u[0];
    for (unsigned i = 0; i < START_CHAR_COUNT; i++)
        if (u[0] == start_chars[i][0] && u[1] == start_chars[i][1] && (!start_chars[i][2] || u[2] == start_chars[i][2]))
            return START_KEY_CHARS + i;
    return u[0];
}

/* Rules of one view run together: one anchored PCRE2 match per position
 * tries every rule of a batch, so the per-call cost is paid once, not once
 * per rule. The batch pattern is
 *   (?:(?>(?:R1)(?C1))(*FAIL)|(?>(?:R2)(?C2))(*FAIL)|...)
 * The callout checks the token end (backtracking into Rn when it fails) and
 * records Rn's match; the atomic group then keeps (*FAIL) from backtracking
 * into Rn, so the match moves on to the next rule. (*THEN)(*FAIL) would do
 * the same, but PCRE2's JIT sets a trap for it at every alternative of every
 * call, some ten instructions a rule where most calls fail at once. Rn is
 * the rule's expanded pattern with each \h outside a class written [\h],
 * which PCRE2's JIT tests faster. */
#define BATCH_MAX 250
#define NO_PAIR_TABLE UINT32_MAX
#define PAIR_STATES (128 * 128) /* per pair table: one state per two ASCII bytes */

typedef struct {
    pcre2_code *code;
    /* BATCH_JIT_*: JIT-compiled when first run, not at start-up, which was
     * two thirds JIT compilation, while a run on news never runs about a
     * third of the batches (67 of 179 on 1 MB). The one field that changes
     * once the rules are compiled (batch_compile_jit); here, not in an array
     * of ann_rules, so that reading it costs a batch match no more than a
     * plain flag did. */
    _Atomic uint8_t jit_state;
    size_t *rules;        /* rule indices; callout n belongs to rules[n - 1] */
    uint32_t *group_base; /* rule k's capture g is group group_base[k] + g */
    size_t count;
    uint32_t pair_table;  /* its table of two-byte starts in a matcher (< ann_rules.pair_table_count), or
                           * NO_PAIR_TABLE: its rule starts with words, which tell more */
    uint32_t before_table; /* its table of the two bytes before a start, in the same numbering, or
                            * NO_PAIR_TABLE: some rule has no rule.before_probe */
    uint32_t after_table; /* its table of the two bytes after the annotation a start at a marker opens,
                           * or NO_PAIR_TABLE: it may start at markers of several types, or some rule
                           * that may start at one is not rule.reads_no_body */
    uint16_t after_type;  /* with an after_table: the one type of marker it may start at */
    uint8_t start_keys[(START_KEYS + 7) / 8]; /* union of its rules' start keys */
    uint8_t *marker_starts; /* bitmap over type ids: the markers it may start at; NULL: any */
    int32_t max_priority; /* of its rules */
    int keeps_inner;      /* some rule keeps earlier annotations nested inside its own */
} rule_batch;

typedef struct {
    char *name;
    char *file;           /* the file it was read from, for messages and --explain */
    unsigned line;
    uint16_t type;
    uint16_t phase;       /* 1-based */
    int32_t priority;
    int hidden;           /* the type starts with '_' */

    /* pattern rules */
    char *pattern;        /* as written */
    unsigned pattern_line, pattern_col;
    char *expanded;       /* macros and <TYPE> references expanded */
    pcre2_code *code;     /* compiled alone: checks the pattern and reads its captures */
    uint32_t own_groups;  /* its captures, without the annotation-body helper group */
    uint8_t start_keys[(START_KEYS + 7) / 8]; /* bitmap of the start keys a match can have */
    pcre2_code *start_probe; /* code, or code without lookbehinds (owned then); NULL: may start with anything */
    int start_probe_sees_lines; /* the pattern may set multiline ((?m)): its start probe can tell a line break
                                 * before it from a space */
    pcre2_code *before_probe; /* owned; NULL: the two bytes before a start tell too little (rule_may_follow) */
    int view;             /* index in ann_rules.views: which annotations it sees */
    uint8_t *marker_starts; /* bitmap over type ids: the markers it may start at; NULL: any */
    int reads_no_body;    /* a match starting at a marker reads nothing of that annotation's text but
                           * through the reference every pattern line starts with: its start probe
                           * may be tried on a stand-in text (rule_may_start_after_annotation) */

    /* list rules */
    char *list_path;
    int case_mode;        /* CASE_*: how list entries match */

    char *span_capture;   /* the annotation covers this named capture only (the rest is context) */
    uint32_t *span_groups; /* its numbers: one per pattern line that has it */
    size_t span_group_count; /* 0: the annotation is the whole match */
    char **capture_names; /* named captures that become attributes (not starting with '_') */
    uint32_t *capture_groups;
    size_t capture_count;

    char *norm_template;  /* NULL: norm from the list entry, or the surface */
    rule_attr *attrs;
    size_t attr_count;
    uint8_t *nest_types;  /* bitmap over type ids: inner annotations that survive */
    uint8_t *replaces;    /* bitmap over type ids ('replace'): referred to, yet removed from inside, or NULL */
    rule_example *examples;
    size_t example_count;
    uint8_t *needs;       /* bitmap over type ids (the 'needs' line), or NULL */
    int starts_with_words; /* tried only at tokens that are one of its first words */
    int needs_words;      /* tried only in sentences holding one of its required words, at tokens
                           * up to the last of them */
    rule_batch alone;     /* the rule compiled by itself, when either is set */
} rule;


/* The annotations a pattern sees, besides the text: a view is the document
 * text with markers around every earlier annotation of the listed types. */
typedef struct {
    uint8_t types[MAX_TYPES / 8]; /* bitmap over type ids; all zero for the plain text */
    uint8_t needs[MAX_TYPES / 8]; /* its rules run only in sentences holding one of these; all zero: everywhere */
    int has_needs;
    uint64_t needs_slots; /* the same, as bits of ann_rules.need_slot */
    int phase;
    size_t *rules;        /* rules of this phase using this view */
    size_t rule_count;
    rule_batch *batches;  /* the rules tried at every position their start keys allow */
    size_t batch_count;
    uint8_t start_keys[(START_KEYS + 7) / 8]; /* union of those batches' start keys */
    int plain;            /* it shows no annotation: its text is the document's */
    int marker_only;      /* every rule starts with a marker (<TYPE>) and none with a word */
    size_t *gated;        /* rules that start with or need a word (see prefilter.h) */
    size_t gated_count;
    uint8_t starts_at_key[START_KEYS]; /* 1: some batch, or gated rule without start words, can start there */
} rule_view;

/* Word triggers: token hash -> the rules (of any phase) that start with,
 * or need, that word. One open-addressing table, so a token costs one probe
 * per form (as written, case-folded) whatever the number of rules, and a
 * filter by the folded form first, one test for both forms. */
enum { TRIGGER_STARTS = 1, TRIGGER_NEEDED = 2 };

typedef struct {
    uint64_t key;         /* word hash (gaz_word_key) */
    uint32_t rule;
    uint8_t role;         /* TRIGGER_* */
} word_trigger;

#define TRIGGER_FILTER_BITS 32768

static inline int trigger_filter_bit(uint64_t key, uint64_t *bit)
{
    size_t index = (size_t)(key >> 49); /* 15 bits: TRIGGER_FILTER_BITS */
    *bit = 1ULL << (index % 64);
    return (int)(index / 64);
}

typedef struct {
    word_trigger *items;  /* sorted by key */
    size_t count, cap;
    uint64_t *slot_keys;  /* 0: empty */
    uint32_t *slot_first; /* first item with that key */
    size_t slot_mask;
    /* A bit per word, by its folded key's top bits, whether it matches as
     * written or caselessly (the folded forms of two words are equal when
     * the words are): most tokens are no trigger in either form, and this
     * small map says so in one test, without probing the table. */
    uint64_t present[TRIGGER_FILTER_BITS / 64];
} trigger_index;

/* Whether some trigger may be the word whose folded key (gaz_word_key with
 * folded set) is folded_key, as written or caselessly. */
static inline int trigger_may_be(const trigger_index *t, uint64_t folded_key)
{
    uint64_t bit;
    return (t->present[trigger_filter_bit(folded_key, &bit)] & bit) != 0;
}

typedef struct macro macro;

/* The types the stages after matching (link, quote, stance) know by name.
 * ann_rules_compile finds their ids once, so the stages do not search the
 * type names for every document. */
typedef enum {
    NAMED_PERSON,
    NAMED_ORG,
    NAMED_GPE,
    NAMED_LOC,
    NAMED_NORP,
    NAMED_EVENT,
    NAMED_GOODS,
    NAMED_TARIFF,
    NAMED_TITLE,
    NAMED_SURNAME_FIRST,
    NAMED_LEGAL_FORM,
    NAMED_SPEECH,
    NAMED_CALLING,
    NAMED_QUOTED_VERDICT,
    NAMED_FAVOR,
    NAMED_AGAINST,
    NAMED_FAVOR_STATE,
    NAMED_AGAINST_STATE,
    NAMED_FAVOR_EFFECT,
    NAMED_AGAINST_EFFECT,
    NAMED_COMPLAINT,
    NAMED_REFUSAL,
    NAMED_FAVOR_FROM,
    NAMED_AGAINST_FROM,
    NAMED_RHETORICAL,
    NAMED_HARM,
    NAMED_FAVOR_CONTEXT,
    NAMED_NEGATION,
    NAMED_INTENSIFIER,
    NAMED_CONTRAST,
    NAMED_CONDITION,
    NAMED_NOT_CUE,
    NAMED_HEDGE,
    NAMED_TARIFF_WORD,
    NAMED_IMPOSING,
    NAMED_GROUP,
    NAMED_PLACE_ANY_CASE,
    NAMED_PEOPLE_ANY_CASE,
    NAMED_FIRST_NAME,
    NAMED_TYPE_COUNT
} named_type;

struct ann_rules {
    rule *rules;
    size_t count, cap;
    char *type_names[MAX_TYPES];
    size_t type_count;
    macro *macros;
    size_t macro_count, macro_cap;
    int phase_count;
    int token_kind_type[TOK_SYMBOL + 1]; /* helper type given to every token of a kind, or -1 */
    int joined_token_type;               /* helper type of every joined suffix (TOKF_JOINED), or -1 */
    int named_type_id[NAMED_TYPE_COUNT]; /* the id of each named_type, or -1 when no rule gives it */
    int8_t need_slot[MAX_TYPES]; /* bit of a type some view needs (up to 64 such types), or -1 */
    rule_view *views;
    size_t view_count, view_cap;
    gazetteer *lists;     /* one index per phase: every list rule of that phase */
    trigger_index triggers; /* of every phase: a token is looked up once per document */
    uint32_t max_capture_count; /* of any batch */
    size_t pair_table_count; /* tables of rule_batch.pair_table and before_table */
    /* What the start probes of every matcher of these rules found (match.c),
     * so that workers do not each probe the same pairs: PAIR_STATES per pair
     * table, and per table how many probes let its batch start. A state is
     * a count of meetings or a verdict that depends on the rules alone, and
     * any matcher may write one at any time: relaxed atomics suffice. */
    _Atomic uint8_t *pair_states;
    _Atomic uint32_t *table_probes;
    int compiled;
    /* The patterns compiled at build time, opened by the first compile
     * that finds one there and closed when the rules are compiled. */
    precompiled *precompiled;
    /* When set, called with every pattern compiled, its options and code
     * (tools/precompile.c notes them); the code is the rules'. */
    void (*on_compile)(void *ctx, const char *pattern, size_t len, uint32_t options, const pcre2_code *code);
    void *on_compile_ctx;
};

/* Whether a match of r may start with the len bytes at s, as far as a
 * PCRE2 partial match on them alone can tell (so 1 when unsure), where a
 * character comes before them: s is not the start of the text (there,
 * ^ and \A could hold). md and mc are the caller's; mc must have no
 * callout set. */
int rule_may_start_with(const rule *r, const char *s, size_t len, pcre2_match_data *md, pcre2_match_context *mc);

/* Whether a match of r may start right after the two bytes at before, as
 * far as a partial match of its before_probe after them can tell (1 when
 * it has none), where a character comes before them too. Its lookbehinds
 * reach no further back than those bytes. md and mc as for
 * rule_may_start_with. */
int rule_may_follow(const rule *r, const char *before, pcre2_match_data *md, pcre2_match_context *mc);

/* Whether a match of r may start at an annotation of type when the two
 * bytes at after follow it, as a partial match of its start probe on the
 * annotation's markers around a stand-in text and those bytes can tell (1
 * when unsure), where a character comes before the annotation. Only for
 * r->reads_no_body. md and mc as for rule_may_start_with. */
int rule_may_start_after_annotation(const ann_rules *rules, const rule *r, uint16_t type, const char *after,
                                    pcre2_match_data *md, pcre2_match_context *mc);

/* The JIT states of a batch (rule_batch.jit_state). */
enum { BATCH_JIT_UNTRIED, BATCH_JIT_READY, BATCH_JIT_UNAVAILABLE };

/* JIT-compiles b unless that was tried already, and returns its state then:
 * BATCH_JIT_READY, or BATCH_JIT_UNAVAILABLE, when the interpreter runs it
 * (JIT is an optimisation). Safe from any thread: one compiles a batch,
 * others wanting it wait, and none sees its code half-built. */
uint8_t batch_compile_jit(const rule_batch *b);

/* Whether b's JIT code is ready to run; it is compiled on the batch's
 * first run (batch_compile_jit). Inlined: it is asked before every batch
 * match. */
static inline int batch_jit_ready(const rule_batch *b)
{
    /* acquire: pairs with the release that publishes the compiled code */
    return atomic_load_explicit(&b->jit_state, memory_order_acquire) == BATCH_JIT_READY;
}

/* JIT-compiles every batch not compiled yet, so that checking the rules
 * (ann_rules_check) puts all of them through the JIT compiler. */
void rules_compile_all_jit(const ann_rules *rules);

/* A start probe that takes longer is taken to say the rule may start. */
#define START_PROBE_MATCH_LIMIT 100000

/* Interns a type name; returns its id, or -1 when there are too many. */
int rules_type_id(ann_rules *rules, const char *name, size_t len);

/* The PCRE2 code units a view's markers use (UTF-8 of U+E000..U+E002). */
#define MARK_OPEN "\xEE\x80\x80"
#define MARK_SEP "\xEE\x80\x81"
#define MARK_CLOSE "\xEE\x80\x82"
#define MARK_LEN 3

void set_error(ann_error *err, ann_status status, const char *file, unsigned long line,
               unsigned long column, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

#endif
