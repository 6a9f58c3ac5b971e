/* textfile: the plain-text files editors write — rule files, word lists,
 * layouts. Reads one whole, finds every file with a given ending under a
 * folder (sorted by path), and cuts keyword files into "key value" lines.
 * What a key means is up to the module reading the file. */
#ifndef ANN_TEXTFILE_H
#define ANN_TEXTFILE_H

#include <stddef.h>

#include "annotator.h"

/* Reads path whole into a malloc'd, NUL-terminated buffer. Files over
 * max_size bytes are refused. On failure fills err (ANN_ERR_RULES) and
 * returns -1. */
int textfile_read(const char *path, size_t max_size, char **data, size_t *len, ann_error *err);

/* Every file below dir, recursively, whose name ends with suffix, sorted by
 * path; hidden names are skipped. *paths and each path are malloc'd (free
 * with textfile_free_paths). Returns -1 with err filled when a folder cannot
 * be read. */
int textfile_collect(const char *dir, const char *suffix, char ***paths, size_t *count, ann_error *err);
void textfile_free_paths(char **paths, size_t count);

/* One significant line of a keyword file: not blank, not a # comment. */
typedef struct {
    unsigned number;      /* 1-based line number */
    int indented;         /* starts with a space or tab: a setting of the block above */
    char *line;           /* the whole line, CR removed */
    char *key;            /* first word */
    char *value;          /* the rest, trimmed; "" when none */
    unsigned key_col, value_col; /* 1-based columns in line */
} keyword_line;

typedef struct {
    char *next;
    unsigned number;
} keyword_reader;

/* Reads text line by line; text is modified in place and must outlive the
 * lines returned. keyword_next returns 1 with *out filled, 0 at the end. */
void keyword_reader_init(keyword_reader *r, char *text);
int keyword_next(keyword_reader *r, keyword_line *out);

/* Strips spaces and tabs at both ends, and a CR at the end, in place. */
char *text_trim(char *s);

/* A whole decimal number within [lo, hi] (surrounding blanks allowed). */
int parse_whole_number(const char *s, long lo, long hi, long *out);

#endif
