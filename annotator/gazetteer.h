/* gazetteer: word lists matched by hashing token sequences.
 *
 * Every list entry is tokenized with the document tokenizer and stored under
 * the hash of its token sequence (case-folded for caseless lists), together
 * with the hash of each of its proper prefixes. A lookup walks forward from a
 * token, extending the hash one token at a time, and stops as soon as no entry
 * has the sequence as a prefix: the cost per token is a few probes of one
 * open-addressing table, whatever the number of entries. A hash hit is
 * confirmed by comparing the tokens, so collisions cost time, never accuracy.
 *
 * Most tokens start no entry. A small filter (a bit pair per first token, in
 * a table that stays in cache: 32 KB up to 32,768 entries, then growing with
 * the list so it never fills up) says so before the big table is touched,
 * and the big table's slots are 8 bytes, so a probe reads one cache line.
 *
 * One gazetteer serves every list rule of a phase; it owns its entries and
 * strings. A document's token hashes (gaz_token_hashes) belong to the caller,
 * computed once per document and shared by every gazetteer and phase. */
#ifndef ANN_GAZETTEER_H
#define ANN_GAZETTEER_H

#include <stddef.h>
#include <stdint.h>

#include "token.h"

#define GAZ_NO_ENTRY 0x7fffffffu /* the end of an entry chain */

typedef struct {
    uint32_t rule;        /* the list rule this entry belongs to */
    uint32_t token_count;
    uint32_t key;         /* offset in strings: the tokens' (folded) text joined by 0x1F;
                             shared by equal keys in one slot, and with the surface when equal */
    uint32_t surface;     /* offset in strings: the entry as written */
    uint32_t norm;        /* offset in strings, or UINT32_MAX when the surface is the norm */
    uint32_t attrs;       /* index in attrs of its first key=value pair, or UINT32_MAX;
                             its pairs end at one with key_len 0 */
    uint32_t next;        /* next entry in the same slot, or GAZ_NO_ENTRY */
    uint8_t caseless;
} gaz_entry;

/* One token sequence (or several, when their hashes share a slot and a tag:
 * the token comparison sorts them out). */
#define GAZ_EXTENDED 0x80000000u /* in entries: some entry is longer than this sequence */
typedef struct {
    uint32_t tag;         /* the high half of the sequence hash, top bit set; 0: empty slot */
    uint32_t entries;     /* first entry whose whole sequence lands here, or GAZ_NO_ENTRY;
                             with GAZ_EXTENDED or-ed in */
} gaz_slot;

/* One key=value attribute of an entry, split when the entry is added: a
 * hit copies its attributes, and should not have to look for the '='. */
typedef struct {
    uint32_t key, value;  /* offsets in strings, of text not NUL-terminated; a key's
                             text is shared by every attribute of its name (shared_keys) */
    uint32_t key_len, value_len;
} gaz_attr;

#define GAZ_SHARED_KEYS 32
#define GAZ_FILTER_MIN_WORDS 4096  /* 32 KB */
#define GAZ_FILTER_ENTRIES_PER_WORD 8 /* more, and the filter doubles */

typedef struct gazetteer {
    gaz_slot *slots;
    size_t slot_count;    /* a power of two */
    size_t used;
    gaz_entry *entries;
    size_t entry_count, entry_cap;
    char *strings;
    size_t strings_len, strings_cap;
    gaz_attr *attrs;
    size_t attr_count, attr_cap;
    uint32_t max_tokens;  /* the longest entry, in tokens */
    int has_caseless, has_cased;
    /* Two bits per entry's first token, in the word its folded form picks
     * (both forms of a token share it): a token with either bit of a form
     * clear starts no entry of that form. A power of two of words, the
     * folded hash's top bits picking one: it grows with the list, so that
     * a long list passes no more tokens than a short one. */
    uint64_t *first_tokens;
    unsigned filter_shift;  /* 64 - log2(words) */
    /* gaz_add's working space, kept from one entry to the next: a list
     * has thousands of entries, each a fresh allocation otherwise. */
    token_list entry_tokens;
    char *entry_key;
    size_t entry_key_cap;
    /* The attributes last split, their text's offset and length: an
     * ALL-CAPS form comes right after its entry, with the same ones. */
    uint32_t last_attrs, last_attrs_text;
    size_t last_attrs_len;
    /* The attribute keys met so far, each the index in attrs of its first
     * use: every later key of that name takes its offset, so that a name is
     * one string in strings (doc_intern_fixed copies a key by address). A
     * list has a handful; past GAZ_SHARED_KEYS a key keeps its own. */
    uint32_t shared_keys[GAZ_SHARED_KEYS];
    size_t shared_key_count;
} gazetteer;

/* Adds one entry. Returns 0, or -1 when the surface has no token. */
int gaz_add(gazetteer *g, uint32_t rule, int caseless, const char *surface, size_t surface_len,
            const char *norm, size_t norm_len, const char *attrs, size_t attrs_len);
void gaz_free(gazetteer *g);

/* Per-document token hashes, computed once and shared by every lookup. The
 * arrays are owned by the struct (zero it before the first use) and reused
 * from one document to the next; gaz_hashes_free releases them. */
typedef struct {
    uint64_t *cased;
    uint64_t *folded;
    size_t cap;
} gaz_token_hashes;

struct document;
void gaz_hash_tokens(const struct document *doc, gaz_token_hashes *h);
void gaz_hashes_free(gaz_token_hashes *h);

/* The key of a word for trigger tables: the hash gaz_hash_tokens gives a
 * token with that text, in its folded or cased form. Never 0. */
uint64_t gaz_word_key(const char *word, size_t len, int folded);
static inline uint64_t gaz_token_key(const gaz_token_hashes *h, size_t index, int folded)
{
    uint64_t k = (folded ? h->folded[index] : h->cased[index]) ^ (folded ? 0x9e3779b97f4a7c15ULL : 0);
    return k ? k : 1;
}

/* Calls hit(ctx, entry, start, end_exclusive) for every entry matching a run
 * of the tokens first..limit-1 (limit: the sentence end, never crossed). Hits
 * come by start token; at one start, cased entries before caseless ones, then
 * by end, then from the latest added entry to the earliest. */
typedef void (*gaz_hit_fn)(void *ctx, const gaz_entry *entry, size_t first, size_t end);
void gaz_lookup_range(const gazetteer *g, const struct document *doc, const gaz_token_hashes *h,
                      size_t first, size_t limit, gaz_hit_fn hit, void *ctx);
/* gaz_lookup_range over each sentence of doc, in order: one call a document,
 * where the matcher made one a sentence. */
void gaz_lookup_sentences(const gazetteer *g, const struct document *doc, const gaz_token_hashes *h, gaz_hit_fn hit,
                          void *ctx);

#endif
