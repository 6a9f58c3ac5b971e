/* eval: scores annotations against gold ones (`annotator eval`).
 *
 * Both sides are read into an eval_set: documents, each with its text (the
 * exact bytes) and its entity spans (byte offsets into that text, with a
 * type). Gold comes from annotator XML (the <entity> elements of a gold file)
 * or from a CoNLL-2003 file, whose tokens eval joins into text itself; the
 * system side comes from annotator XML, usually made in memory by annotating
 * the same text with the library (eval_annotate). Scoring is exact: an entity
 * is correct only when its document, start, end and type all match one of the
 * other side, each entity matching at most one.
 *
 * Nothing here prints except the eval_write_* report writers, which write to
 * the FILE they are given, and eval_main, the command line. Errors are
 * returned as a negative ann_status with an ann_error filled in. */
#ifndef ANN_EVAL_H
#define ANN_EVAL_H

#include <stdio.h>

#include "annotator.h"

typedef struct {
    size_t start, end;          /* bytes of the document text, end exclusive */
    char *type;
    size_t order;               /* position in document order (outer before inner) */
} eval_span;

/* A stance: who (holder) is for or against what (target). On the system
 * side, one per <stance-summary> of a document (its majority polarity); on
 * the gold side, one per entry of a NAME.stances.json file. */
typedef struct {
    char *holder, *target, *polarity;   /* polarity: "favor", "against" or "neutral" */
    char *evidence;             /* gold only (may be NULL): the cue words, for the reader */
    unsigned long line;         /* line of the file where it is given */
} eval_stance;

typedef struct {
    char *name;                 /* FILE#ID (XML), FILE#N (CoNLL, N-th document) or FILE (stances) */
    char *source;               /* the file the text is from, for line numbers */
    unsigned long line;         /* line of source where the text starts */
    char *text;                 /* len bytes, NUL-terminated */
    size_t len, text_cap;
    size_t *newlines;           /* offsets of the '\n' bytes of text, in order */
    size_t newline_count, newline_cap;
    eval_span *spans;
    size_t span_count, span_cap;
    /* CoNLL only: token i is text[token_start[i]..token_end[i]), from source
     * line token_line[i]. token_count is 0 for XML documents. */
    size_t *token_start, *token_end;
    unsigned long *token_line;
    size_t token_count, token_cap;
    eval_stance *stances;
    size_t stance_count, stance_cap;
} eval_doc;

typedef struct {
    eval_doc *docs;
    size_t count, cap;
} eval_set;

/* Frees what the set holds and empties it (the set itself is the caller's). */
void eval_set_free(eval_set *set);

/* Appends the <document>s of annotator XML xml[0..len) to set. Each document's
 * text is its string value with every <raw hex> replaced by its bytes; every
 * <entity type=...> becomes a span, nested ones included, and every
 * <stance-summary> a stance. name is the file name used in messages. On error (not well-formed, no <corpus> root, an
 * entity without a type, bad hex) returns ANN_ERR_INPUT with err naming
 * name:LINE; documents read before the error stay in set. */
int eval_read_xml(eval_set *set, const char *name, const char *xml, size_t len, ann_error *err);

/* Appends one document, without text, holding the gold stances of the JSON
 * file json[0..len): a list of objects whose values are strings,
 *   [{"holder": "Yoon Seo-jin", "target": "United States tariffs",
 *     "polarity": "against", "evidence": "not acceptable"}, ...]
 * holder, target and polarity (favor, against or neutral) are required and
 * not empty, evidence is optional; any other key is an error (a typo would
 * otherwise lose a field). On error returns ANN_ERR_INPUT with err naming
 * name:LINE:COL, and appends nothing. */
int eval_read_stances(eval_set *set, const char *name, const char *json, size_t len, ann_error *err);

/* The form in which stance holders and targets are compared: case folded,
 * white space runs as one space, no white space at either end, and no
 * leading "the ". Returns a string the caller frees. */
char *eval_stance_norm(const char *s);

/* Appends the documents of a CoNLL-2003 file data[0..len) to set. A line is
 * `WORD ... TAG` (the first field is the token, the last its tag: O, or I-X,
 * B-X, and also E-X, S-X for IOBES files), a blank line ends a sentence and a
 * -DOCSTART- line starts a document. Each document's text is its sentences,
 * one a line, tokens joined by single spaces, each line ending in "\n"; its
 * spans are the gold entities. Documents without tokens are left out. On a
 * malformed line returns ANN_ERR_INPUT with err naming name:LINE:COL. */
int eval_read_conll(eval_set *set, const char *name, const char *data, size_t len, ann_error *err);

/* One input to annotate: a file's bytes, or the text of one gold document. */
typedef struct {
    const char *name;           /* names the stream (source="...") */
    const char *data;
    size_t len;
} eval_source;

/* Annotates each source with rules, as its own stream (so a source may hold
 * several documents separated by form-feed lines), into XML in memory, and
 * appends the documents read back from that XML to system. Diagnostics go to
 * opts->diag. Returns ANN_OK, or ANN_ERR_INPUT when some document could not
 * be annotated (err says how many; opts->diag was told which). */
int eval_annotate(eval_set *system, const ann_rules *rules, const eval_source *sources,
                  size_t count, const ann_stream_options *opts, ann_error *err);

/* Checks that gold and system hold the same number of documents with the same
 * texts, byte for byte. On a difference returns ANN_ERR_INPUT with err saying
 * which document differs, where (line, column, byte) and how. */
int eval_check_texts(const eval_set *gold, const eval_set *system, ann_error *err);

/* Turns annotator types into CoNLL ones: PERSON -> PER, ORG -> ORG,
 * GPE/LOC/FAC -> LOC, NORP/EVENT -> MISC; spans of any other type are dropped,
 * and so is every span inside another (mapped) span, as CoNLL has no nesting. */
void eval_map_conll(eval_set *system);

/* Keeps only the spans whose type is one of types[0..count). */
void eval_keep_types(eval_set *set, const char *const *types, size_t count);

typedef struct {
    char *type;                 /* NULL for the overall line */
    size_t gold, system, correct;
    double precision, recall, f1;   /* percentages; 0 when undefined (as conlleval) */
} eval_score;

enum {
    EVAL_OFF_TOKENS = 1,        /* a system span not on CoNLL token boundaries */
    EVAL_OTHER_TYPE = 2         /* the other side has this span with another type */
};

/* A miss (a gold entity the system lacks) or a false alarm (a system entity
 * not in gold). doc points into the set it came from. */
typedef struct {
    const eval_doc *doc;
    size_t start, end;
    const char *type;
    const char *other_type;     /* with EVAL_OTHER_TYPE: the type on the other side */
    int flags;
} eval_item;

typedef struct {
    eval_score *types;          /* sorted by type name */
    size_t type_count;
    eval_score overall;         /* micro-averaged over every type */
    eval_item *misses, *false_alarms;   /* in document order */
    size_t miss_count, false_alarm_count;
    size_t documents;
} eval_result;

/* Scores system against gold, document by document (the sets must have the
 * same number of documents; see eval_check_texts). The result borrows the
 * documents of both sets: free it before them. */
eval_result *eval_run(const eval_set *gold, const eval_set *system);
void eval_result_free(eval_result *result);

/* Up to words words of context on each side of doc->text[start..end), with
 * white space runs shown as one space and the entity in [[ ]]. Returns a
 * string the caller frees. */
char *eval_context(const eval_doc *doc, size_t start, size_t end, int words);

/* Line in doc->source of byte offset off of the text. */
unsigned long eval_line(const eval_doc *doc, size_t off);

/* The report as a table, or as JSON; at most max_errors misses and as many
 * false alarms are listed. Return 0, or -1 on a write error (errno set). */
int eval_write_table(FILE *f, const eval_result *result, size_t max_errors);
int eval_write_json(FILE *f, const eval_result *result, size_t max_errors);

/* A stance miss (gold, not found) or false alarm (found, not in gold). doc is
 * the system document it is about (its source names the article); stance
 * points into the set it came from. */
typedef struct {
    const eval_doc *doc;
    const eval_stance *stance;
} eval_stance_item;

typedef struct {
    eval_score *docs;           /* one per document, type = its source file */
    size_t doc_count;
    eval_score overall;         /* micro-averaged over the documents */
    eval_stance_item *misses, *false_alarms;   /* in document order */
    size_t miss_count, false_alarm_count;
} eval_stance_result;

/* Scores the stances of system against those of gold, document by document
 * (document i of gold is the stances of document i of system; the sets must
 * have the same number of documents). Each distinct (holder, target,
 * polarity) counts once per document on each side; a system stance is
 * correct when a gold one has the same polarity and the same holder and
 * target after eval_stance_norm (strict: "tariffs" is not "United States
 * tariffs"). The result borrows both sets: free it before them. */
eval_stance_result *eval_run_stances(const eval_set *gold, const eval_set *system);
void eval_stance_result_free(eval_stance_result *result);

/* The stance report as a table, or as the members of a JSON object (without
 * its braces, so that it can share one with the entity report); at most
 * max_errors misses and as many false alarms are listed. Return 0, or -1 on
 * a write error. */
int eval_write_stance_table(FILE *f, const eval_stance_result *result, size_t max_errors);
int eval_write_stance_json(FILE *f, const eval_stance_result *result, size_t max_errors);

/* `annotator eval ARGS`: argv[0] is "eval". Returns the exit status: 0 when the
 * evaluation ran, 1 when --min-f1 was given and overall F1 (the stance F1
 * with --stances) is below it, 2 on a
 * usage or input error (reported on stderr). */
int eval_main(int argc, char **argv);

/* One command-line option, as --help prints it. */
typedef struct {
    const char *name;
    const char *arg;      /* NULL: takes no value */
    const char *help;
} option_doc;

/* Reads a positive byte count up to 4G with an optional K, M or G suffix
 * (--max-doc-size). Returns 0, or -1 when s is not one. */
int parse_byte_size(const char *s, size_t *out);

/* Prints a diagnostic on stderr as "annotator: FILE:LINE:COL: byte N:
 * message", one whole line even when threads report at once. A diagnostic
 * without a file is named unnamed, or has no location when unnamed is NULL. */
void print_diagnostic(const ann_error *e, const char *unnamed);

/* Prints an option table for --help, the names padded to width. */
void print_options(FILE *f, const option_doc *options, size_t count, int width);

#endif
