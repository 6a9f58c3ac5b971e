#include "gazetteer.h"

#include <string.h>
#include <utf8proc.h>

#include "alloc.h"
#include "doc.h"
#include "token.h"

#define FNV_PRIME 0x100000001b3ULL
#define HIGH_BITS 0x8080808080808080ULL /* the top bit of every byte of a word */
/* The hash of a joined suffix (TOKF_JOINED): no word's, so no entry starts
 * or goes on there */
#define JOINED_TOKEN_HASH 0

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
        /* Latin-1 and general punctuation, most of what news text holds
         * beyond ASCII, without utf8proc: in U+0080..U+00FF only U+00C0..U+00DE
         * but U+00D7 have a lower case, 0x20 further on; U+2000..U+203F none */
        unsigned char c1 = i + 1 < len ? (unsigned char)s[i + 1] : 0;
        if ((c == 0xc2 || c == 0xc3) && c1 >= 0x80 && c1 <= 0xbf) {
            out[o++] = (char)c;
            out[o++] = (char)(folded && c == 0xc3 && c1 <= 0x9e && c1 != 0x97 ? c1 + 0x20 : c1);
            i += 2;
            continue;
        }
        if (c == 0xe2 && c1 == 0x80 && i + 2 < len && (unsigned char)s[i + 2] >= 0x80 && (unsigned char)s[i + 2] <= 0xbf) {
            if ((unsigned char)s[i + 2] == 0x99)
                out[o++] = '\'';
            else
                for (size_t k = 0; k < 3; k++)
                    out[o++] = s[i + k];
            i += 3;
            continue;
        }
        utf8proc_int32_t cp, lower;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0) { /* cannot happen on clean text; copy the byte through */
            out[o++] = (char)c;
            i++;
            continue;
        }
        if (cp == 0x2019)
            out[o++] = '\'';
        else if (folded && (lower = utf8proc_tolower(cp)) != cp)
            o += (size_t)utf8proc_encode_char(lower, (utf8proc_uint8_t *)out + o);
        else /* utf8proc_iterate takes no overlong form: encoding cp again gives these bytes */
            for (utf8proc_ssize_t k = 0; k < n; k++)
                out[o++] = s[i + (size_t)k];
        i += (size_t)n;
    }
    return o;
}

/* Whether the cased form of s[0..len) is its bytes: it holds no U+2019. Its
 * lead byte E2 is never inside another character, so a byte search finds it
 * wherever token_form would. */
static int cased_form_is_bytes(const char *s, size_t len)
{
    for (size_t i = 0; i + 2 < len; i++)
        if (s[i] == '\xe2' && s[i + 1] == '\x80' && s[i + 2] == '\x99')
            return 0;
    return 1;
}

/* Whether both matching forms of s[0..len) are its bytes: it holds no
 * capital and no U+2019. Answers only for the characters token_form handles
 * without utf8proc (ASCII, U+0080..U+00FF, U+2000..U+203F: the quotes,
 * dashes, currency signs and accented Latin of news text) and says no for
 * any other, or for a malformed sequence. */
static int forms_are_bytes(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i], c1 = i + 1 < len ? (unsigned char)s[i + 1] : 0;
        if (c < 0x80) {
            if (c >= 'A' && c <= 'Z')
                return 0;
            i++;
        } else if ((c == 0xc2 || c == 0xc3) && c1 >= 0x80 && c1 <= 0xbf) {
            if (c == 0xc3 && c1 <= 0x9e && c1 != 0x97) /* a capital, token_form lowers it */
                return 0;
            i += 2;
        } else if (c == 0xe2 && c1 == 0x80 && i + 2 < len && (unsigned char)s[i + 2] >= 0x80 &&
                   (unsigned char)s[i + 2] <= 0xbf && (unsigned char)s[i + 2] != 0x99)
            i += 3;
        else
            return 0;
    }
    return 1;
}

/* A mask for the first n bytes of a word: 8 bytes from keep_bytes + 8 - n.
 * It keeps bytes in memory order, so the word is the same on any byte order. */
static const unsigned char keep_bytes[16] = {255, 255, 255, 255, 255, 255, 255, 255};

/* The first min(len, 8) bytes of s as a word, the rest zero. readable (at
 * least len) bytes may be read from s: with 8 of them, one load does. */
static uint64_t load_word(const char *s, size_t len, size_t readable)
{
    uint64_t w, mask;
    if (readable < 8) {
        unsigned char bytes[8] = {0};
        memcpy(bytes, s, len);
        memcpy(&w, bytes, 8);
        return w;
    }
    memcpy(&w, s, 8);
    if (len >= 8)
        return w;
    memcpy(&mask, keep_bytes + 8 - len, 8);
    return w & mask;
}

/* load_word for len 1..8 and 8 readable bytes, without its two tests: for
 * the tokens of a text, which gaz_hash_tokens sorts by length first. */
static uint64_t load_first_bytes(const char *s, size_t len)
{
    uint64_t w, mask;
    memcpy(&w, s, 8);
    memcpy(&mask, keep_bytes + 8 - len, 8);
    return w & mask;
}

/* The word with A-Z lowered, when every byte of it is ASCII: a byte's top bit
 * is set in upper when it is >= 'A' and not >= 'Z' + 1 (ASCII bytes plus
 * these constants never carry into the next byte). */
static uint64_t fold_ascii_word(uint64_t w, uint64_t *upper)
{
    *upper = (w + 0x3f3f3f3f3f3f3f3fULL) & ~(w + 0x2525252525252525ULL) & HIGH_BITS;
    return w | *upper >> 2;
}

/* One step of a token form's hash: a multiply, and its high half folded
 * onto the low one, so every byte reaches the bits a slot tag takes. */
static uint64_t hash_step(uint64_t h, uint64_t w)
{
    h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
    return h ^ (h >> 32);
}

/* A token form's hash, eight bytes at a time. */
static uint64_t hash_bytes(const char *s, size_t len, size_t readable)
{
    uint64_t h = len;
    for (size_t i = 0; i < len; i += 8)
        h = hash_step(h, load_word(s + i, len - i, readable - i));
    return h;
}

/* One word of an ASCII token into both its hashes; upper_seen collects the
 * capitals seen so far. */
static inline void hash_ascii_word(uint64_t w, uint64_t *cased, uint64_t *folded, uint64_t *upper_seen)
{
    uint64_t upper;
    *folded = hash_step(*folded, fold_ascii_word(w, &upper));
    *upper_seen |= upper;
    *cased = *upper_seen ? hash_step(*cased, w) : *folded; /* no capital yet: both forms are the same bytes */
}

/* A token's two hashes. */
typedef struct {
    uint64_t cased, folded;
} token_hash_pair;

/* Both hashes of a token, as hash_bytes hashes its token_form forms: an ASCII
 * token in one pass over its bytes; one whose forms are its bytes in one
 * hash_bytes; others through token_form. */
static token_hash_pair hash_token(const char *s, size_t len, size_t readable)
{
    token_hash_pair h = {len, len};
    uint64_t upper_seen = 0;
    for (size_t i = 0; i < len; i += 8) {
        uint64_t w = load_word(s + i, len - i, readable - i);
        if (w & HIGH_BITS)
            goto not_ascii;
        hash_ascii_word(w, &h.cased, &h.folded, &upper_seen);
    }
    return h;
not_ascii:
    if (forms_are_bytes(s, len)) { /* most of them in news: quotes, dashes, currency signs */
        h.cased = h.folded = hash_bytes(s, len, readable);
        return h;
    }
    /* 8 bytes to spare after the longest form: hash_bytes loads words */
    char small[256];
    size_t room = len * 4 + 8, n;
    char *buf = room <= sizeof small ? small : xmalloc(room);
    if (cased_form_is_bytes(s, len))
        h.cased = hash_bytes(s, len, readable);
    else {
        n = token_form(s, len, 0, buf);
        h.cased = hash_bytes(buf, n, room);
    }
    n = token_form(s, len, 1, buf);
    h.folded = hash_bytes(buf, n, room);
    if (buf != small)
        free(buf);
    return h;
}

/* A sequence's hash: its first token's hash under a seed that keeps cased and
 * caseless entries of the same spelling apart, then extended one token at a
 * time, order mattering. */
static uint64_t start_hash(uint64_t tok, int folded)
{
    return tok ^ (folded ? 0x6a09e667f3bcc909ULL : 0xbb67ae8584caa73bULL);
}

static uint64_t extend_hash(uint64_t seq, uint64_t tok)
{
    return (seq ^ (tok + 0x9e3779b97f4a7c15ULL + (seq << 6) + (seq >> 2))) * FNV_PRIME;
}

/* The filter's two-bit patterns, read from a table (2 KB, it stays in cache)
 * rather than built with two variable shifts: pattern i sets bit i % 64 and
 * a bit a multiply spreads from all of i. */
#define FILTER_PATTERN(i) (1ULL << ((i) % 64) | 1ULL << ((i) * 0x9e37u >> 10 & 63))
#define FILTER_PATTERNS_4(i) FILTER_PATTERN(i), FILTER_PATTERN(i + 1), FILTER_PATTERN(i + 2), FILTER_PATTERN(i + 3)
#define FILTER_PATTERNS_16(i) FILTER_PATTERNS_4(i), FILTER_PATTERNS_4(i + 4), FILTER_PATTERNS_4(i + 8), FILTER_PATTERNS_4(i + 12)
#define FILTER_PATTERNS_64(i) \
    FILTER_PATTERNS_16(i), FILTER_PATTERNS_16(i + 16), FILTER_PATTERNS_16(i + 32), FILTER_PATTERNS_16(i + 48)
static const uint64_t filter_patterns[256] = {FILTER_PATTERNS_64(0u), FILTER_PATTERNS_64(64u), FILTER_PATTERNS_64(128u),
                                              FILTER_PATTERNS_64(192u)};

/* The filter word of a first token, picked by the hash of its folded form:
 * the same word for both forms of a token, read once for both. */
static size_t filter_word(const gazetteer *g, uint64_t folded_tok)
{
    return (size_t)(folded_tok >> g->filter_shift);
}

/* The two bits an entry's first token sets in its word, from the hash of the
 * form the entry matches in: cased and caseless from separate slices, so the
 * two forms of a word without capitals (one hash) set different bits. */
static uint64_t filter_pattern(uint64_t tok, int folded)
{
    return filter_patterns[(tok >> (folded ? 20 : 28)) % 256];
}

/* A slot's tag: the hash's high half, its top bit set so no tag is 0. */
static uint32_t slot_tag(uint64_t hash)
{
    return (uint32_t)(hash >> 32) | 0x80000000u;
}

/* The slot of a tag: the one holding it, or the empty one ending its probe
 * run (the table is never full). The tag also picks where the run starts, so
 * growing the table needs no full hashes. */
static gaz_slot *find_slot(const gazetteer *g, uint32_t tag)
{
    size_t mask = g->slot_count - 1;
    for (size_t i = tag & mask;; i = (i + 1) & mask) {
        gaz_slot *s = &g->slots[i];
        if (s->tag == tag || s->tag == 0)
            return s;
    }
}

static void grow_slots(gazetteer *g)
{
    size_t old_count = g->slot_count;
    gaz_slot *old = g->slots;
    g->slot_count = old_count ? old_count * 2 : 1024;
    g->slots = xcalloc(g->slot_count, sizeof *g->slots);
    for (size_t i = 0; i < old_count; i++)
        if (old[i].tag)
            *find_slot(g, old[i].tag) = old[i];
    free(old);
}

/* The table is kept a quarter full at most: most lookups find nothing, and
 * such a probe run is about 1.4 slots long then, against 2.5 half full (a
 * megabyte of text made 150K lookups). */
static gaz_slot *claim_slot(gazetteer *g, uint64_t hash)
{
    if ((g->used + 1) * 4 > g->slot_count)
        grow_slots(g);
    uint32_t tag = slot_tag(hash);
    gaz_slot *s = find_slot(g, tag);
    if (s->tag == 0) {
        s->tag = tag;
        s->entries = GAZ_NO_ENTRY;
        g->used++;
    }
    return s;
}

/* Copies s into strings, NUL-terminated, with 7 more bytes allocated after
 * it: any word load inside a string stays inside the buffer. */
static uint32_t add_string(gazetteer *g, const char *s, size_t len)
{
    grow_array((void **)&g->strings, &g->strings_cap, g->strings_len + len + 1 + 7, 1);
    uint32_t off = (uint32_t)g->strings_len;
    memcpy(g->strings + off, s, len);
    g->strings[off + len] = '\0';
    g->strings_len += len + 1;
    return off;
}

/* Writes an ASCII token's matching form to out (room for len + 8 bytes) a
 * word at a time and returns its length, or SIZE_MAX when a byte is not
 * ASCII (then token_form writes it). readable bytes may be read from s. */
static size_t ascii_form(const char *s, size_t len, size_t readable, int folded, char *out)
{
    for (size_t i = 0; i < len; i += 8) {
        uint64_t w = load_word(s + i, len - i, readable - i), upper;
        if (w & HIGH_BITS)
            return SIZE_MAX;
        if (folded)
            w = fold_ascii_word(w, &upper);
        memcpy(out + i, &w, 8);
    }
    return len;
}

/* The key of an entry already in the slot with the same case mode and
 * spelling, or UINT32_MAX: entries sharing a key are confirmed once. */
static uint32_t shared_key(const gazetteer *g, const gaz_slot *slot, int caseless, const char *key, size_t key_len)
{
    for (uint32_t e = slot->entries & GAZ_NO_ENTRY; e != GAZ_NO_ENTRY; e = g->entries[e].next) {
        const gaz_entry *other = &g->entries[e];
        if (other->caseless == caseless && !strncmp(g->strings + other->key, key, key_len) &&
            !g->strings[other->key + key_len])
            return other->key;
    }
    return UINT32_MAX;
}

/* Sets the filter bits of a first token whose hashes are first. */
static void mark_first_token(gazetteer *g, token_hash_pair first, int caseless)
{
    g->first_tokens[filter_word(g, first.folded)] |= filter_pattern(caseless ? first.folded : first.cased, caseless);
}

/* Makes the filter room for one more entry: the first time, the smallest
 * filter; past GAZ_FILTER_ENTRIES_PER_WORD entries a word, one twice the
 * size, marked again from every entry's first token. That token is hashed
 * from the key, which holds its matching form: hash_token gives a form the
 * hashes of the token it is the form of. */
static void make_filter_room(gazetteer *g)
{
    size_t words = g->first_tokens ? (size_t)1 << (64 - g->filter_shift) : 0;
    if (words && g->entry_count < words * GAZ_FILTER_ENTRIES_PER_WORD)
        return;
    words = words ? words * 2 : GAZ_FILTER_MIN_WORDS;
    free(g->first_tokens);
    g->first_tokens = xcalloc(words, sizeof *g->first_tokens);
    g->filter_shift = 64;
    for (size_t w = words; w > 1; w /= 2)
        g->filter_shift--;
    for (size_t e = 0; e < g->entry_count; e++) {
        const char *key = g->strings + g->entries[e].key;
        size_t len = strcspn(key, "\x1f");
        mark_first_token(g, hash_token(key, len, len + 8), g->entries[e].caseless); /* add_string's spare bytes */
    }
}

/* Points a's key at the text of the first key of its name (shared_keys),
 * noting it when it is the first. The name found moves to the front: a
 * list's entries mostly use the same few keys one after the other. */
static void share_key(gazetteer *g, gaz_attr *a)
{
    for (size_t k = 0; k < g->shared_key_count; k++) {
        uint32_t found = g->shared_keys[k];
        const gaz_attr *first = &g->attrs[found];
        if (first->key_len == a->key_len && !memcmp(g->strings + first->key, g->strings + a->key, a->key_len)) {
            a->key = first->key;
            memmove(g->shared_keys + 1, g->shared_keys, k * sizeof *g->shared_keys);
            g->shared_keys[0] = found;
            return;
        }
    }
    if (g->shared_key_count < GAZ_SHARED_KEYS)
        g->shared_keys[g->shared_key_count++] = (uint32_t)g->attr_count;
}

/* Splits "k=v k=v" (words between runs of spaces, each a pair from its
 * first '=', words without a key skipped) into attrs, with the pair that
 * ends them; returns the index of the first, or UINT32_MAX when there is
 * none. The same text as the last time gives the same pairs. */
static uint32_t add_attrs(gazetteer *g, const char *attrs, size_t attrs_len)
{
    if (attrs_len == g->last_attrs_len && !memcmp(g->strings + g->last_attrs_text, attrs, attrs_len))
        return g->last_attrs;
    uint32_t text = add_string(g, attrs, attrs_len), first = (uint32_t)g->attr_count;
    g->last_attrs_text = text;
    g->last_attrs_len = attrs_len;
    g->last_attrs = UINT32_MAX;
    for (const char *word = attrs, *end = attrs + attrs_len; word < end;) {
        const char *space = memchr(word, ' ', (size_t)(end - word)), *eq;
        if (!space)
            space = end;
        if ((eq = memchr(word, '=', (size_t)(space - word))) && eq > word) {
            gaz_attr a = {text + (uint32_t)(word - attrs), text + (uint32_t)(eq + 1 - attrs), (uint32_t)(eq - word),
                          (uint32_t)(space - eq - 1)};
            share_key(g, &a);
            ARRAY_PUSH(g->attrs, g->attr_count, g->attr_cap, a);
        }
        for (word = space; word < end && *word == ' '; word++)
            ;
    }
    if (g->attr_count == first)
        return UINT32_MAX;
    gaz_attr last = {0, 0, 0, 0};
    ARRAY_PUSH(g->attrs, g->attr_count, g->attr_cap, last);
    return g->last_attrs = first;
}

int gaz_add(gazetteer *g, uint32_t rule, int caseless, const char *surface, size_t surface_len,
            const char *norm, size_t norm_len, const char *attrs, size_t attrs_len)
{
    make_filter_room(g);
    const token_list *toks = &g->entry_tokens;
    tokenize(surface, surface_len, &g->entry_tokens);
    if (toks->count == 0)
        return -1;
    /* forms, separators, and 8 bytes for ascii_form's last word */
    grow_array((void **)&g->entry_key, &g->entry_key_cap, surface_len * 4 + toks->count + 8, 1);
    char *key = g->entry_key;
    size_t key_len = 0;
    uint64_t seq = 0;
    for (size_t i = 0; i < toks->count; i++) {
        const token *t = &toks->items[i];
        const char *s = surface + t->start;
        size_t len = t->end - t->start, n = ascii_form(s, len, surface_len - t->start, caseless, key + key_len);
        if (n == SIZE_MAX)
            n = token_form(s, len, caseless, key + key_len);
        uint64_t tok;
        if (i == 0) { /* both forms' hashes, as a document's token has them */
            token_hash_pair first = hash_token(s, len, surface_len - t->start);
            tok = caseless ? first.folded : first.cased;
            mark_first_token(g, first, caseless);
            seq = start_hash(tok, caseless);
        } else {
            tok = hash_bytes(key + key_len, n, g->entry_key_cap - key_len);
            seq = extend_hash(seq, tok);
        }
        key_len += n;
        if (i + 1 < toks->count) {
            claim_slot(g, seq)->entries |= GAZ_EXTENDED;
            key[key_len++] = '\x1f';
        }
    }
    gaz_slot *slot = claim_slot(g, seq);
    uint32_t surface_at = add_string(g, surface, surface_len), key_at = shared_key(g, slot, caseless, key, key_len);
    if (key_at == UINT32_MAX) /* a one-word entry is often its own key */
        key_at = key_len == surface_len && !memcmp(key, surface, key_len) ? surface_at : add_string(g, key, key_len);
    gaz_entry e = {
        .rule = rule,
        .token_count = (uint32_t)toks->count,
        .key = key_at,
        .surface = surface_at,
        .norm = norm_len ? add_string(g, norm, norm_len) : UINT32_MAX,
        .attrs = attrs_len ? add_attrs(g, attrs, attrs_len) : UINT32_MAX,
        .next = slot->entries & GAZ_NO_ENTRY,
        .caseless = (uint8_t)caseless,
    };
    slot->entries = (slot->entries & GAZ_EXTENDED) | (uint32_t)g->entry_count;
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
    free(g->attrs);
    free(g->first_tokens);
    token_list_free(&g->entry_tokens);
    free(g->entry_key);
    memset(g, 0, sizeof *g);
}

/* The folded form of a token of up to 8 bytes, w its bytes as load_word
 * gives them, when every character of it is one token_form handles without
 * utf8proc (ASCII, U+0080..U+00FF, U+2000..U+203F) and none is U+2019: its
 * cased form is then its bytes, and its folded form the same bytes with A-Z
 * and U+00C0..U+00DE (but U+00D7) lowered in place, which changes no length.
 * Returns 0 for any other token (hash_token hashes it). Most of the tokens
 * of news text that are not ASCII: quotes, dashes and accented names. */
static int fold_latin_word(uint64_t w, size_t len, uint64_t *folded)
{
    unsigned char b[8 + 2] = {0}; /* two more, which c1 and b[i + 2] below may read */
    memcpy(b, &w, 8);
    for (size_t i = 0; i < len;) {
        unsigned char c = b[i], c1 = b[i + 1];
        if (c < 0x80) {
            if (c >= 'A' && c <= 'Z')
                b[i] = (unsigned char)(c + 32);
            i++;
        } else if ((c == 0xc2 || c == 0xc3) && i + 1 < len && c1 >= 0x80 && c1 <= 0xbf) {
            if (c == 0xc3 && c1 <= 0x9e && c1 != 0x97)
                b[i + 1] = (unsigned char)(c1 + 0x20);
            i += 2;
        } else if (c == 0xe2 && c1 == 0x80 && i + 2 < len && b[i + 2] >= 0x80 && b[i + 2] <= 0xbf && b[i + 2] != 0x99) {
            i += 3;
        } else {
            return 0;
        }
    }
    memcpy(folded, b, 8);
    return 1;
}

void gaz_hash_tokens(const document *doc, gaz_token_hashes *h)
{
    size_t n = doc->tokens.count;
    if (n > h->cap) {
        h->cased = xrealloc(h->cased, n * sizeof *h->cased);
        h->folded = xrealloc(h->folded, n * sizeof *h->folded);
        h->cap = n;
    }
    const token *toks = doc->tokens.items;
    const char *text = doc->text.clean;
    /* the NUL and the padding may be read too: 17 bytes at least from any token */
    size_t text_size = doc->text.len + 1 + TEXT_PADDING;
    uint64_t *cased = h->cased, *folded = h->folded;
    for (size_t i = 0; i < n; i++) {
        size_t start = toks[i].start, len = toks[i].end - start;
        uint64_t c = len, f = len, upper_seen = 0, w, w2;
        /* nearly every token of English news: ASCII, of one word or two,
         * which the padding lets load with no bound test */
        if (len <= 8 && !((w = load_first_bytes(text + start, len)) & HIGH_BITS))
            hash_ascii_word(w, &c, &f, &upper_seen);
        else if (len > 8 && len <= 16 && !(((w = load_first_bytes(text + start, 8)) |
                                 (w2 = load_first_bytes(text + start + 8, len - 8))) & HIGH_BITS)) {
            hash_ascii_word(w, &c, &f, &upper_seen);
            hash_ascii_word(w2, &c, &f, &upper_seen);
        } else if (len <= 8 && fold_latin_word(w, len, &w2)) { /* as hash_bytes hashes both forms */
            c = hash_step(len, w);
            f = hash_step(len, w2);
        } else {
            token_hash_pair pair = hash_token(text + start, len, text_size - start);
            c = pair.cased;
            f = pair.folded;
        }
        if (toks[i].flags & TOKF_JOINED)
            c = f = JOINED_TOKEN_HASH;
        cased[i] = c;
        folded[i] = f;
    }
}

uint64_t gaz_word_key(const char *word, size_t len, int folded)
{
    gaz_token_hashes one;
    token_hash_pair pair = hash_token(word, len, len);
    one.cased = &pair.cased;
    one.folded = &pair.folded;
    return gaz_token_key(&one, 0, folded);
}

void gaz_hashes_free(gaz_token_hashes *h)
{
    free(h->cased);
    free(h->folded);
    memset(h, 0, sizeof *h);
}

/* match_token for a token that is not all ASCII: through token_form. Kept
 * out of its caller, which then needs no buffer. */
__attribute__((noinline)) static const char *match_token_form(const char *s, size_t len, int folded, const char *key)
{
    char small[256];
    char *buf = len * 4 <= sizeof small ? small : xmalloc(len * 4);
    size_t n = token_form(s, len, folded, buf), k = 0;
    while (k < n && key[k] == buf[k])
        k++;
    if (buf != small)
        free(buf);
    return k == n ? key + n : NULL;
}

/* Whether one token's matching form starts key; returns the key past it, or
 * NULL. readable bytes may be read from s, and 8 from any place in a key
 * (add_string). Tokens hold no control byte (the tokenizer splits at them),
 * so a key's 0x1F or NUL never equals a token byte and a shorter key fails. */
static const char *match_token(const char *s, size_t len, size_t readable, int folded, const char *key)
{
    uint64_t upper;
    if (len <= 8 && readable >= 8) { /* most words, and every one before the text's padding */
        uint64_t w = load_first_bytes(s, len);
        if (!(w & HIGH_BITS)) {
            if (folded)
                w = fold_ascii_word(w, &upper);
            return w == load_first_bytes(key, len) ? key + len : NULL;
        }
    }
    for (size_t i = 0; i < len; i += 8) {
        uint64_t w = load_word(s + i, len - i, readable - i);
        if (w & HIGH_BITS)
            return match_token_form(s, len, folded, key);
        if (folded)
            w = fold_ascii_word(w, &upper);
        if (w != load_word(key + i, len - i, 8))
            return NULL;
    }
    return key + len; /* ASCII keeps its length in either form */
}

/* What one gaz_lookup_range call looks for, and where hits go. */
typedef struct {
    const gazetteer *g;
    const token *toks;
    const char *text;
    size_t text_size;     /* the text, its NUL terminator and padding, which may be read */
    size_t limit;
    gaz_hit_fn hit;
    void *ctx;
} lookup;

/* Whether the document tokens first..first+count-1 spell an entry's key. */
static int tokens_spell_key(const lookup *l, size_t first, size_t count, const char *key, int folded)
{
    for (size_t i = first; i < first + count; i++) {
        const token *t = &l->toks[i];
        key = match_token(l->text + t->start, t->end - t->start, l->text_size - t->start, folded, key);
        if (!key || *key++ != (i + 1 < first + count ? '\x1f' : '\0'))
            return 0;
    }
    return 1;
}

/* Walks from token first, whose sequence hash is seq, reporting every entry of
 * one form that the tokens up to the limit spell. */
static void walk_entries(const lookup *l, const uint64_t *hashes, int folded, uint64_t seq, size_t first)
{
    const gazetteer *g = l->g;
    for (size_t end = first + 1;; end++) {
        const gaz_slot *slot = find_slot(g, slot_tag(seq));
        if (slot->tag == 0)
            return;
        uint32_t spelled = UINT32_MAX; /* the key the tokens were found to spell */
        for (uint32_t e = slot->entries & GAZ_NO_ENTRY; e != GAZ_NO_ENTRY; e = g->entries[e].next) {
            const gaz_entry *entry = &g->entries[e];
            if (entry->caseless != folded || entry->token_count != end - first)
                continue;
            if (entry->key != spelled) {
                if (!tokens_spell_key(l, first, end - first, g->strings + entry->key, folded))
                    continue;
                spelled = entry->key;
            }
            l->hit(l->ctx, entry, first, end);
        }
        if (!(slot->entries & GAZ_EXTENDED) || end == l->limit || end - first == g->max_tokens)
            return;
        seq = extend_hash(seq, hashes[end]);
    }
}

/* Every start token of first..limit-1, in one or both forms. Inlined with
 * constant flags: the usual gazetteer has both, and then the loop tests
 * neither. */
static inline void walk_starts(const lookup *l, const gaz_token_hashes *h, size_t first, int cased, int caseless)
{
    /* in locals, which the calls below cannot change: the loop keeps them
     * in registers instead of loading them again for every token */
    const uint64_t *filter = l->g->first_tokens, *cased_hashes = h->cased, *folded_hashes = h->folded;
    const unsigned shift = l->g->filter_shift;
    const size_t limit = l->limit;
    for (size_t t = first; t < limit; t++) {
        uint64_t word = filter[folded_hashes[t] >> shift], bits = filter_pattern(cased_hashes[t], 0);
        if (cased && (word & bits) == bits)
            walk_entries(l, cased_hashes, 0, start_hash(cased_hashes[t], 0), t);
        bits = filter_pattern(folded_hashes[t], 1);
        if (caseless && (word & bits) == bits)
            walk_entries(l, folded_hashes, 1, start_hash(folded_hashes[t], 1), t);
    }
}

/* The walks from every start token of first..limit-1. */
static inline void walk_range(lookup *l, const gaz_token_hashes *h, size_t first, size_t limit)
{
    const gazetteer *g = l->g;
    l->limit = limit;
    if (g->has_cased && g->has_caseless)
        walk_starts(l, h, first, 1, 1);
    else if (g->entry_count)
        walk_starts(l, h, first, g->has_cased, g->has_caseless);
}

void gaz_lookup_range(const gazetteer *g, const document *doc, const gaz_token_hashes *h,
                      size_t first, size_t limit, gaz_hit_fn hit, void *ctx)
{
    lookup l = {g, doc->tokens.items, doc->text.clean, doc->text.len + 1 + TEXT_PADDING, limit, hit, ctx};
    walk_range(&l, h, first, limit);
}

void gaz_lookup_sentences(const gazetteer *g, const document *doc, const gaz_token_hashes *h, gaz_hit_fn hit,
                          void *ctx)
{
    lookup l = {g, doc->tokens.items, doc->text.clean, doc->text.len + 1 + TEXT_PADDING, 0, hit, ctx};
    for (size_t s = 0; s < doc->sentences.count; s++) {
        const segment *seg = &doc->sentences.items[s];
        walk_range(&l, h, seg->first_token, (size_t)seg->first_token + seg->token_count);
    }
}
