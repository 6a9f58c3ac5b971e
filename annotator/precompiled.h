/* precompiled: the patterns the builtin rules compile, compiled when the
 * library is built and kept in PCRE2's serialized form, so that start-up
 * decodes them instead of compiling them again. (PCRE2 cannot serialize
 * JIT code: a batch is JIT-compiled on its first run, batch_compile_jit.)
 *
 * tools/precompile.c makes the store: it compiles the builtin rules as
 * ann_rules_compile does, noting every pattern compiled on the way with its
 * options and code (ann_rules.on_compile), and writes them as C source
 * (build/precompiled.c), in precompiled_compare order. A pattern is found by
 * its exact text and options, so one the build did not see (a user's rule
 * file) is compiled as before, and a store the PCRE2 linked at run time
 * cannot decode (another version) is not used at all: either way the code
 * is the one pcre2_compile would give. */
#ifndef ANN_PRECOMPILED_H
#define ANN_PRECOMPILED_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>
#include <stdint.h>

/* One stored pattern: its text at precompiled_patterns + pattern. */
typedef struct {
    uint32_t pattern, len;
    uint32_t options;
} precompiled_entry;

/* The generated store: entries sorted by precompiled_compare, without
 * repeats, and the codes pcre2_serialize_encode gave for them, in the same
 * order. */
extern const precompiled_entry precompiled_entries[];
extern const size_t precompiled_entry_count;
extern const char precompiled_patterns[];
extern const unsigned char precompiled_codes[];

/* The order of the store: by text (bytes, then length), then options. */
int precompiled_compare(const char *a, size_t a_len, uint32_t a_options, const char *b, size_t b_len,
                        uint32_t b_options);

/* The store decoded; opened by the first lookup that finds a pattern in it. */
typedef struct precompiled precompiled;

/* The code pcre2_compile(pattern, len, options, errcode, erroff, NULL) would
 * give, with the same return convention (NULL and *errcode, *erroff set on
 * failure; the caller frees the code): the stored one when the store
 * holds the pattern with these options and has not given it yet (a store
 * is decoded for one set of rules, which seldom compile a pattern twice),
 * else compiled. *store starts NULL and is opened when first needed;
 * precompiled_close frees it and the codes it did not give. */
pcre2_code *precompiled_compile(precompiled **store, const char *pattern, size_t len, uint32_t options,
                                int *errcode, PCRE2_SIZE *erroff);
void precompiled_close(precompiled *store);

#endif
