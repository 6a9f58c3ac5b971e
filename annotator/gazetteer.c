#include "gazetteer.h"

#include <string.h>
#include <utf8proc.h>

#include "alloc.h"
#include "doc.h"
#include "token.h"

#define FNV_OFFSET 0xcbf29ce484222325ULL
#define FNV_PRIME 0x100000001b3ULL

/* Writes the matching form of one token to out (room for 4*len bytes) and
 * returns its length: case-folded when folded is set, and with the typographic
 * apostrophe U+2019 written as ' in both forms, so lists need one spelling. */
static size_t token_form(const char *s, size_t len, int folded, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            out[o++] = (char)(folded && c >= 'A' && c <= 'Z' ? c + 32 : c);
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0) { /* cannot happen on clean text; copy the byte through */
            out[o++] = (char)c;
            i++;
            continue;
        }
        if (cp == 0x2019)
            cp = '\'';
        else if (folded)
            cp = utf8proc_tolower(cp);
        o += (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out + o);
        i += (size_t)n;
    }
    return o;
}

static uint64_t hash_bytes(const char *s, size_t len)
{
    uint64_t h = FNV_OFFSET;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * FNV_PRIME;
    return h;
}

/* Sequence hash: order matters, and a sequence never hashes to 0 (the empty
 * slot marker). The folded flag is mixed in so cased and caseless entries of
 * the same spelling never share a slot. */
static uint64_t extend_hash(uint64_t seq, uint64_t tok)
{
    uint64_t h = (seq ^ (tok + 0x9e3779b97f4a7c15ULL + (seq << 6) + (seq >> 2))) * FNV_PRIME;
    return h ? h : 1;
}

static uint64_t seed_hash(int folded)
{
    return folded ? 0x5bd1e995ULL : 0x27d4eb2fULL;
}

static uint64_t *first_token_word(const gazetteer *g, uint64_t seq, uint64_t *bit)
{
    uint32_t index = (uint32_t)(seq >> 40) & (GAZ_FIRST_TOKEN_BITS - 1);
    *bit = 1ULL << (index % 64);
    return (uint64_t *)&g->first_tokens[index / 64];
}

static uint32_t add_string(gazetteer *g, const char *s, size_t len)
{
    grow_array((void **)&g->strings, &g->strings_cap, g->strings_len + len + 1, 1);
    uint32_t off = (uint32_t)g->strings_len;
    memcpy(g->strings + off, s, len);
    g->strings[off + len] = '\0';
    g->strings_len += len + 1;
    return off;
}

static gaz_slot *find_slot(const gazetteer *g, uint64_t hash)
{
    if (!g->slot_count)
        return NULL;
    size_t mask = g->slot_count - 1;
    for (size_t i = (size_t)hash & mask;; i = (i + 1) & mask) {
        gaz_slot *s = &g->slots[i];
        if (s->hash == hash || s->hash == 0)
            return s;
    }
}

static void rehash(gazetteer *g)
{
    size_t old_count = g->slot_count;
    gaz_slot *old = g->slots;
    g->slot_count = old_count ? old_count * 2 : 1024;
    g->slots = xcalloc(g->slot_count, sizeof *g->slots);
    for (size_t i = 0; i < old_count; i++)
        if (old[i].hash)
            *find_slot(g, old[i].hash) = old[i];
    free(old);
}

static gaz_slot *claim_slot(gazetteer *g, uint64_t hash)
{
    if ((g->used + 1) * 2 > g->slot_count)
        rehash(g);
    gaz_slot *s = find_slot(g, hash);
    if (s->hash == 0) {
        s->hash = hash;
        s->entries = UINT32_MAX;
        s->prefix_of = 0;
        g->used++;
    }
    return s;
}

int gaz_add(gazetteer *g, uint32_t rule, int caseless, const char *surface, size_t surface_len,
            const char *norm, size_t norm_len, const char *attrs, size_t attrs_len)
{
    const token_list *toks = &g->entry_tokens;
    tokenize(surface, surface_len, &g->entry_tokens);
    if (toks->count == 0)
        return -1;
    grow_array((void **)&g->entry_key, &g->entry_key_cap, surface_len * 4 + toks->count + 1, 1);
    char *key = g->entry_key;
    size_t key_len = 0;
    uint64_t seq = seed_hash(caseless);
    for (size_t i = 0; i < toks->count; i++) {
        const token *t = &toks->items[i];
        size_t n = token_form(surface + t->start, t->end - t->start, caseless, key + key_len);
        seq = extend_hash(seq, hash_bytes(key + key_len, n));
        if (i == 0) {
            uint64_t bit;
            *first_token_word(g, seq, &bit) |= bit;
        }
        key_len += n;
        if (i + 1 < toks->count) {
            claim_slot(g, seq)->prefix_of++;
            key[key_len++] = '\x1f';
        }
    }
    gaz_entry e = {
        .rule = rule,
        .token_count = (uint32_t)toks->count,
        .key = add_string(g, key, key_len),
        .surface = add_string(g, surface, surface_len),
        .norm = norm_len ? add_string(g, norm, norm_len) : UINT32_MAX,
        .attrs = attrs_len ? add_string(g, attrs, attrs_len) : UINT32_MAX,
        .caseless = (uint8_t)caseless,
    };
    gaz_slot *slot = claim_slot(g, seq);
    e.next = slot->entries;
    slot->entries = (uint32_t)g->entry_count;
    ARRAY_PUSH(g->entries, g->entry_count, g->entry_cap, e);
    if (toks->count > g->max_tokens)
        g->max_tokens = (uint32_t)toks->count;
    if (caseless)
        g->has_caseless = 1;
    else
        g->has_cased = 1;
    return 0;
}

void gaz_free(gazetteer *g)
{
    free(g->slots);
    free(g->entries);
    free(g->strings);
    token_list_free(&g->entry_tokens);
    free(g->entry_key);
    memset(g, 0, sizeof *g);
}

void gaz_hash_tokens(const document *doc, gaz_token_hashes *h)
{
    size_t n = doc->tokens.count;
    if (n > h->cap) {
        h->cased = xrealloc(h->cased, n * sizeof *h->cased);
        h->folded = xrealloc(h->folded, n * sizeof *h->folded);
        h->cap = n;
    }
    char small[256];
    for (size_t i = 0; i < n; i++) {
        const token *t = &doc->tokens.items[i];
        size_t len = t->end - t->start;
        const unsigned char *s = (const unsigned char *)doc->text.clean + t->start;
        /* ASCII tokens (nearly all of them in English news) are hashed in
         * place, both forms in one pass; others go through token_form. */
        uint64_t cased = FNV_OFFSET, folded = FNV_OFFSET;
        size_t k = 0;
        for (; k < len && s[k] < 0x80; k++) {
            unsigned char c = s[k];
            cased = (cased ^ c) * FNV_PRIME;
            folded = (folded ^ (c >= 'A' && c <= 'Z' ? c + 32u : c)) * FNV_PRIME;
        }
        if (k < len) {
            char *buf = len * 4 <= sizeof small ? small : xmalloc(len * 4);
            cased = hash_bytes(buf, token_form((const char *)s, len, 0, buf));
            folded = hash_bytes(buf, token_form((const char *)s, len, 1, buf));
            if (buf != small)
                free(buf);
        }
        h->cased[i] = cased;
        h->folded[i] = folded;
    }
}

uint64_t gaz_word_key(const char *word, size_t len, int folded)
{
    char small[256];
    char *buf = len * 4 <= sizeof small ? small : xmalloc(len * 4);
    gaz_token_hashes one;
    uint64_t hash = hash_bytes(buf, token_form(word, len, folded, buf));
    if (buf != small)
        free(buf);
    one.cased = one.folded = &hash;
    return gaz_token_key(&one, 0, folded);
}

void gaz_hashes_free(gaz_token_hashes *h)
{
    free(h->cased);
    free(h->folded);
    memset(h, 0, sizeof *h);
}

/* Whether one token's matching form is key[0..key_len). */
static int token_equals(const char *s, size_t len, int folded, const char *key, size_t key_len)
{
    size_t i = 0;
    for (; i < len && (unsigned char)s[i] < 0x80; i++) /* ASCII keeps its length in either form */
        if (i >= key_len || key[i] != (folded && s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]))
            return 0;
    if (i == len)
        return len == key_len;
    char small[256];
    char *buf = len * 4 <= sizeof small ? small : xmalloc(len * 4);
    size_t n = token_form(s, len, folded, buf);
    int same = n == key_len && memcmp(buf, key, n) == 0;
    if (buf != small)
        free(buf);
    return same;
}

/* Compares the document tokens first.. with an entry's key, token by token. */
static int tokens_equal_key(const document *doc, size_t first, const char *key, int folded)
{
    for (size_t i = first;; i++) {
        size_t key_len = 0;
        while (key[key_len] && key[key_len] != '\x1f')
            key_len++;
        const token *t = &doc->tokens.items[i];
        if (!token_equals(doc->text.clean + t->start, t->end - t->start, folded, key, key_len))
            return 0;
        if (!key[key_len])
            return 1;
        key += key_len + 1;
    }
}

static void lookup_form(const gazetteer *g, const document *doc, const uint64_t *hashes, int folded,
                        size_t first, size_t limit, gaz_hit_fn hit, void *ctx)
{
    uint64_t seq = seed_hash(folded);
    uint64_t bit;
    if (first < limit && !(*first_token_word(g, extend_hash(seq, hashes[first]), &bit) & bit))
        return;
    for (size_t end = first; end < limit && end - first < g->max_tokens; end++) {
        seq = extend_hash(seq, hashes[end]);
        const gaz_slot *slot = find_slot(g, seq);
        if (!slot || slot->hash == 0)
            return;
        for (uint32_t e = slot->entries; e != UINT32_MAX; e = g->entries[e].next) {
            const gaz_entry *entry = &g->entries[e];
            if (entry->caseless == folded && entry->token_count == end - first + 1 &&
                tokens_equal_key(doc, first, g->strings + entry->key, folded))
                hit(ctx, entry, first, end + 1);
        }
        if (slot->prefix_of == 0)
            return;
    }
}

void gaz_lookup(const gazetteer *g, const document *doc, const gaz_token_hashes *h,
                size_t first, size_t limit, gaz_hit_fn hit, void *ctx)
{
    if (g->has_cased)
        lookup_form(g, doc, h->cased, 0, first, limit, hit, ctx);
    if (g->has_caseless)
        lookup_form(g, doc, h->folded, 1, first, limit, hit, ctx);
}
