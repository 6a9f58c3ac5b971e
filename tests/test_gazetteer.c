/* gazetteer: word lists matched as token sequences (internal API, gazetteer.h
 * over documents made by doc.h). Every test builds a gazetteer, loads a
 * document, and looks up every token start, collecting the hits as
 * (rule, first token, end token). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "doc.h"
#include "gazetteer.h"

/* ---- helpers ---------------------------------------------------------------------- */

static void add(gazetteer *g, uint32_t rule, int caseless, const char *surface)
{
    assert_int_equal(gaz_add(g, rule, caseless, surface, strlen(surface), NULL, 0, NULL, 0), 0);
}

typedef struct {
    uint32_t rule;
    size_t first, end;
    const gaz_entry *entry;
} hit;

typedef struct {
    hit *items;
    size_t count, cap;
} hit_list;

static void on_hit(void *ctx, const gaz_entry *entry, size_t first, size_t end)
{
    hit_list *hits = ctx;
    if (hits->count == hits->cap) {
        hits->cap = hits->cap ? hits->cap * 2 : 16;
        hits->items = realloc(hits->items, hits->cap * sizeof *hits->items);
        assert_non_null(hits->items);
    }
    hits->items[hits->count++] = (hit){entry->rule, first, end, entry};
}

/* A loaded document with its token hashes; text must outlive it. */
typedef struct {
    document doc;
    gaz_token_hashes hashes;
} probe;

static void probe_load(probe *p, const char *text)
{
    memset(p, 0, sizeof *p);
    doc_load(&p->doc, text, strlen(text));
    gaz_hash_tokens(&p->doc, &p->hashes);
}

static void probe_free(probe *p)
{
    gaz_hashes_free(&p->hashes);
    doc_free(&p->doc);
}

/* Looks up every token start of text, with the whole document as limit. */
static hit_list lookup_all(const gazetteer *g, const char *text)
{
    probe p;
    probe_load(&p, text);
    hit_list hits = {0};
    gaz_lookup_range(g, &p.doc, &p.hashes, 0, p.doc.tokens.count, on_hit, &hits);
    probe_free(&p);
    return hits;
}

static int has_hit(const hit_list *hits, uint32_t rule, size_t first, size_t end)
{
    for (size_t i = 0; i < hits->count; i++)
        if (hits->items[i].rule == rule && hits->items[i].first == first && hits->items[i].end == end)
            return 1;
    return 0;
}

static void describe(const hit_list *hits, char *out, size_t cap)
{
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < hits->count && used < cap; i++)
        used += (size_t)snprintf(out + used, cap - used, " (rule %u, %zu-%zu)", hits->items[i].rule,
                                 hits->items[i].first, hits->items[i].end);
}

/* The hits are exactly the expected (rule, first, end) triples, in any order. */
static void assert_hits(const hit_list *hits, const size_t (*want)[3], size_t n)
{
    char found[1024];
    describe(hits, found, sizeof found);
    if (hits->count != n)
        fail_msg("%zu hits, expected %zu; found:%s", hits->count, n, found);
    for (size_t i = 0; i < n; i++)
        if (!has_hit(hits, (uint32_t)want[i][0], want[i][1], want[i][2]))
            fail_msg("no hit of rule %zu over tokens %zu-%zu; found:%s", want[i][0], want[i][1], want[i][2], found);
}

#define ASSERT_HITS(g, text, ...)                                               \
    do {                                                                        \
        static const size_t want_[][3] = {__VA_ARGS__};                         \
        hit_list hits_ = lookup_all(g, text);                                   \
        assert_hits(&hits_, want_, sizeof want_ / sizeof want_[0]);             \
        free(hits_.items);                                                      \
    } while (0)

static void assert_no_hits(const gazetteer *g, const char *text)
{
    hit_list hits = lookup_all(g, text);
    char found[1024];
    describe(&hits, found, sizeof found);
    if (hits.count)
        fail_msg("\"%s\": %zu hits, expected none; found:%s", text, hits.count, found);
    free(hits.items);
}

/* ---- tests ---------------------------------------------------------------------------- */

static void test_entries_of_one_to_four_tokens(void **state)
{
    (void)state;
    gazetteer g = {0};
    add(&g, 1, 0, "Japan");
    add(&g, 2, 0, "South Korea");
    add(&g, 3, 0, "Bosnia and Herzegovina");
    add(&g, 4, 0, "Saint Kitts and Nevis");
    assert_int_equal(g.max_tokens, 4);
    /* tokens: Japan(0) ,(1) South(2) Korea(3) and(4) Bosnia(5) and(6)
     * Herzegovina(7) met(8) Saint(9) Kitts(10) and(11) Nevis(12) .(13) */
    ASSERT_HITS(&g, "Japan, South Korea and Bosnia and Herzegovina met Saint Kitts and Nevis.",
                {1, 0, 1}, {2, 2, 4}, {3, 5, 8}, {4, 9, 13});
    /* entries match whatever the spacing between their tokens */
    ASSERT_HITS(&g, "South\n  Korea", {2, 0, 2});
    /* parts of entries are no entries */
    assert_no_hits(&g, "South Kitts and Bosnia, Korea and Herzegovina, Saint Kitts and Japanese");
    gaz_free(&g);
}

/* A lookup never goes past its limit: the sentence end the matcher passes. */
static void test_lookup_respects_limit(void **state)
{
    (void)state;
    gazetteer g = {0};
    add(&g, 4, 0, "Saint Kitts and Nevis");
    add(&g, 5, 0, "Saint Kitts");
    probe p;
    probe_load(&p, "Saint Kitts and Nevis");
    hit_list hits = {0};
    gaz_lookup_range(&g, &p.doc, &p.hashes, 0, 3, on_hit, &hits);
    assert_int_equal(hits.count, 1);
    assert_int_equal(hits.items[0].rule, 5);
    assert_int_equal(hits.items[0].end, 2);
    hits.count = 0;
    gaz_lookup_range(&g, &p.doc, &p.hashes, 0, 4, on_hit, &hits);
    assert_int_equal(hits.count, 2);
    /* nor starts before first */
    hits.count = 0;
    gaz_lookup_range(&g, &p.doc, &p.hashes, 1, 4, on_hit, &hits);
    assert_int_equal(hits.count, 0);
    free(hits.items);
    probe_free(&p);
    gaz_free(&g);
}

/* gaz_lookup_sentences looks up each sentence on its own: what a lookup of
 * the whole text finds across a sentence end, it does not, and it finds all
 * the rest. */
static void test_lookup_by_sentence(void **state)
{
    (void)state;
    gazetteer g = {0};
    add(&g, 1, 0, "Japan");
    add(&g, 2, 0, "Nevis. Japan");
    probe p;
    /* tokens: They(0) left(1) Nevis(2) .(3) | Japan(4) agreed(5) with(6) Japan(7) .(8) */
    probe_load(&p, "They left Nevis. Japan agreed with Japan.");
    assert_int_equal(p.doc.sentences.count, 2);
    assert_int_equal(p.doc.sentences.items[1].first_token, 4);
    hit_list hits = {0};
    gaz_lookup_range(&g, &p.doc, &p.hashes, 0, p.doc.tokens.count, on_hit, &hits);
    static const size_t whole[][3] = {{2, 2, 5}, {1, 4, 5}, {1, 7, 8}};
    assert_hits(&hits, whole, 3);
    hits.count = 0;
    gaz_lookup_sentences(&g, &p.doc, &p.hashes, on_hit, &hits);
    static const size_t by_sentence[][3] = {{1, 4, 5}, {1, 7, 8}};
    assert_hits(&hits, by_sentence, 2);
    free(hits.items);
    probe_free(&p);
    gaz_free(&g);
}

static void test_overlapping_entries_all_reported(void **state)
{
    (void)state;
    gazetteer g = {0};
    add(&g, 0, 0, "New York");
    add(&g, 1, 0, "New York City");
    add(&g, 2, 0, "York");
    add(&g, 3, 0, "City Hall");
    ASSERT_HITS(&g, "New York City Hall", {0, 0, 2}, {1, 0, 3}, {2, 1, 2}, {3, 2, 4});
    gaz_free(&g);
}

/* The matcher adds candidates in the order of the hits, so the order is part
 * of the output: by start, cased before caseless, by end, latest entry first. */
static void test_hit_order(void **state)
{
    (void)state;
    gazetteer g = {0};
    add(&g, 0, 1, "new york city");
    add(&g, 1, 0, "New York");
    add(&g, 2, 0, "New");
    add(&g, 3, 0, "New York");
    add(&g, 4, 1, "new york");
    add(&g, 5, 0, "York");
    hit_list hits = lookup_all(&g, "New York City");
    static const size_t want[][3] = {{2, 0, 1}, {3, 0, 2}, {1, 0, 2}, {4, 0, 2}, {0, 0, 3}, {5, 1, 2}};
    assert_int_equal(hits.count, 6);
    for (size_t i = 0; i < 6; i++) {
        assert_int_equal(hits.items[i].rule, want[i][0]);
        assert_int_equal(hits.items[i].first, want[i][1]);
        assert_int_equal(hits.items[i].end, want[i][2]);
    }
    free(hits.items);
    /* the two "New York" entries are one key, compared once */
    assert_int_equal(g.entries[1].key, g.entries[3].key);
    assert_int_not_equal(g.entries[1].key, g.entries[4].key);
    /* a one-word cased entry is its own key; a caseless one with capitals is not */
    assert_int_equal(g.entries[2].key, g.entries[2].surface);
    assert_string_equal(g.strings + g.entries[0].key, "new\x1fyork\x1f" "city");
    assert_int_not_equal(g.entries[1].key, g.entries[1].surface);
    gaz_free(&g);
}

/* Tokens are hashed eight bytes at a time, ASCII ones in place: long words,
 * capitals only past the first eight bytes, non-ASCII letters and a token
 * ending the text (fewer than eight bytes left to read) all match. */
static void test_long_and_non_ascii_tokens(void **state)
{
    (void)state;
    gazetteer g = {0};
    add(&g, 0, 1, "internationalization");
    add(&g, 1, 0, "Nordrhein-Westfalen");
    add(&g, 2, 1, "m\xc3\xbcller");
    add(&g, 3, 0, "Ab");
    add(&g, 4, 0, "Bundesministerium");
    /* tokens: internationalIZATION(0) INTERNATIONALIZATION(1) Nordrhein-Westfalen(2)
     * MÜLLER(3) Müller(4) Bundesministerium(5) Ab(6) */
    ASSERT_HITS(&g, "internationalIZATION INTERNATIONALIZATION Nordrhein-Westfalen M\xc3\x9cLLER M\xc3\xbcller "
                    "Bundesministerium Ab",
                {0, 0, 1}, {0, 1, 2}, {1, 2, 3}, {2, 3, 4}, {2, 4, 5}, {4, 5, 6}, {3, 6, 7});
    /* a cased entry wants its capitals, wherever they are */
    assert_no_hits(&g, "nordrhein-westfalen Nordrhein-westfalen BundesMinisterium bundesministerium AB ab");
    gaz_free(&g);
}

/* Trigger tables key words with gaz_word_key and look tokens up with
 * gaz_token_key: both must agree on every kind of token, of one, two or
 * three words of 8 bytes, alone or followed by more text (document hashing
 * reads a token near the end of the text another way). */
static void test_word_key_matches_token_key(void **state)
{
    (void)state;
    static const char *const words[] = {"said", "Said", "SAID", "Washington", "AGRICULTURAL", "sixteen-letter-x",
                                        "internationalization", "Internationalization", "M\xc3\xbcller",
                                        "Bundesministeri\xc3\xbcm", "\xe2\x80\x94", "O\xe2\x80\x99" "Brien", "O'Brien",
                                        "U.S.",
                                        /* up to 8 bytes of Latin-1 and general punctuation, which
                                         * gaz_hash_tokens folds itself, and others it leaves to utf8proc */
                                        "Jos\xc3\xa9", "\xc3\x89mile", "\xc3\x9clk\xc3\xbc", "caf\xc3\xa9",
                                        "\xe2\x80\x9c", "\xc2\xa5", "\xc3\x97", "\xc5\x81ukasz", "\xe2\x82\xac"};
    for (size_t w = 0; w < sizeof words / sizeof *words; w++)
        for (int followed = 0; followed <= 1; followed++) {
            char text[64];
            snprintf(text, sizeof text, "%s%s", words[w], followed ? "                " : "");
            probe p;
            probe_load(&p, text);
            if (p.doc.tokens.count != 1)
                fail_msg("\"%s\": %zu tokens", text, p.doc.tokens.count);
            for (int folded = 0; folded <= 1; folded++)
                if (gaz_token_key(&p.hashes, 0, folded) != gaz_word_key(words[w], strlen(words[w]), folded))
                    fail_msg("\"%s\": token and word keys differ (folded %d)", text, folded);
            probe_free(&p);
        }
    /* the typographic apostrophe is the straight one in either form */
    assert_int_equal(gaz_word_key("O\xe2\x80\x99" "Brien", 9, 0), gaz_word_key("O'Brien", 7, 0));
    assert_int_equal(gaz_word_key("SAID", 4, 1), gaz_word_key("said", 4, 1));
    assert_int_not_equal(gaz_word_key("SAID", 4, 0), gaz_word_key("said", 4, 0));
}

/* Asserts the attributes of e, split into pairs: want is "k=v" strings. */
static void assert_attrs(const gazetteer *g, const gaz_entry *e, const char *const *want, size_t n)
{
    assert_int_not_equal(e->attrs, UINT32_MAX);
    const gaz_attr *a = &g->attrs[e->attrs];
    for (size_t i = 0; i < n; i++, a++) {
        char pair[64];
        snprintf(pair, sizeof pair, "%.*s=%.*s", (int)a->key_len, g->strings + a->key, (int)a->value_len,
                 g->strings + a->value);
        assert_string_equal(pair, want[i]);
    }
    assert_int_equal(a->key_len, 0);
}

static void test_entry_keeps_norm_and_attributes(void **state)
{
    (void)state;
    gazetteer g = {0};
    /* words between runs of spaces, each a pair from its first '='; a word
     * without a key is no attribute */
    static const char surface[] = "South Korea", norm[] = "Korea, Republic of",
                      attrs[] = "code=KR  iso=410 =x plain eq=a=b empty=";
    assert_int_equal(gaz_add(&g, 9, 0, surface, strlen(surface), norm, strlen(norm), attrs, strlen(attrs)), 0);
    add(&g, 9, 0, "Korea");
    assert_int_equal(gaz_add(&g, 9, 0, "Seoul", 5, NULL, 0, "none =at-all", 12), 0);
    hit_list hits = lookup_all(&g, "South Korea Seoul");
    assert_int_equal(hits.count, 3);
    const gaz_entry *e = hits.items[0].end == 2 ? hits.items[0].entry : hits.items[1].entry;
    assert_string_equal(g.strings + e->surface, "South Korea");
    assert_string_equal(g.strings + e->norm, "Korea, Republic of");
    static const char *const pairs[] = {"code=KR", "iso=410", "eq=a=b", "empty="};
    assert_attrs(&g, e, pairs, 4);
    e = hits.items[0].end == 2 ? hits.items[1].entry : hits.items[0].entry;
    assert_int_equal(e->norm, UINT32_MAX);
    assert_int_equal(e->attrs, UINT32_MAX);
    assert_int_equal(hits.items[2].entry->attrs, UINT32_MAX);
    free(hits.items);
    /* an ALL-CAPS form comes with the same attributes, and gets them all */
    assert_int_equal(gaz_add(&g, 9, 0, "SOUTH KOREA", 11, NULL, 0, attrs, strlen(attrs)), 0);
    assert_int_equal(gaz_add(&g, 9, 0, "SOUTH", 5, NULL, 0, attrs, strlen(attrs) - 1), 0);
    hits = lookup_all(&g, "SOUTH KOREA");
    assert_int_equal(hits.count, 2);
    static const char *const shorter[] = {"code=KR", "iso=410", "eq=a=b"};
    assert_attrs(&g, hits.items[0].end == 1 ? hits.items[1].entry : hits.items[0].entry, pairs, 4);
    assert_attrs(&g, hits.items[0].end == 1 ? hits.items[0].entry : hits.items[1].entry, shorter, 3);
    free(hits.items);
    gaz_free(&g);
}

static void test_entry_without_tokens_is_refused(void **state)
{
    (void)state;
    gazetteer g = {0};
    assert_int_equal(gaz_add(&g, 0, 0, "", 0, NULL, 0, NULL, 0), -1);
    assert_int_equal(gaz_add(&g, 0, 1, " \t ", 3, NULL, 0, NULL, 0), -1);
    assert_int_equal(g.entry_count, 0);
    gaz_free(&g);
}

static void test_case_sensitive_and_caseless(void **state)
{
    (void)state;
    gazetteer g = {0};
    add(&g, 0, 0, "US");
    add(&g, 1, 1, "steel");
    add(&g, 2, 1, "über");
    add(&g, 3, 1, "WTO");
    /* tokens: us(0) US(1) Us(2) Steel(3) STEEL(4) steel(5) ÜBER(6) Über(7)
     * über(8) wto(9) Wto(10) */
    ASSERT_HITS(&g, "us US Us Steel STEEL steel ÜBER Über über wto Wto", {0, 1, 2}, {1, 3, 4}, {1, 4, 5},
                {1, 5, 6}, {2, 6, 7}, {2, 7, 8}, {2, 8, 9}, {3, 9, 10}, {3, 10, 11});
    gaz_free(&g);
}

/* A suffix joined to a name ("backed" of "Kremlin-backed") is no word of a
 * list: no entry starts or goes on there. */
static void test_joined_suffix_is_no_word(void **state)
{
    (void)state;
    gazetteer g = {0};
    add(&g, 1, 1, "backed");
    add(&g, 2, 0, "Dubai");
    add(&g, 3, 0, "- based");
    /* tokens: Kremlin(0) -(1) backed(2) media(3) backed(4) Dubai(5) -(6) based(7) */
    ASSERT_HITS(&g, "Kremlin-backed media backed Dubai-based", {1, 4, 5}, {2, 5, 6});
    gaz_free(&g);
}

/* The same spelling in a cased and a caseless list: both are found where
 * both match, only the caseless one elsewhere. */
static void test_cased_and_caseless_same_spelling(void **state)
{
    (void)state;
    gazetteer g = {0};
    add(&g, 2, 0, "Turkey");
    add(&g, 3, 1, "turkey");
    ASSERT_HITS(&g, "Turkey turkey TURKEY", {2, 0, 1}, {3, 0, 1}, {3, 1, 2}, {3, 2, 3});
    gaz_free(&g);
}

static void test_typographic_apostrophe(void **state)
{
    (void)state;
    gazetteer g = {0};
    add(&g, 0, 0, "People's Republic");          /* straight in the list */
    add(&g, 1, 0, "C\xc3\xb4te d\xe2\x80\x99Ivoire"); /* typographic in the list */
    add(&g, 2, 1, "o'brien");
    /* tokens: People(0) ’s(1) Republic(2) and(3) Côte(4) d'Ivoire(5) and(6) O’BRIEN(7) */
    ASSERT_HITS(&g, "People\xe2\x80\x99s Republic and C\xc3\xb4te d'Ivoire and O\xe2\x80\x99" "BRIEN", {0, 0, 3},
                {1, 4, 6}, {2, 7, 8});
    /* and the same spelling as the list still matches */
    ASSERT_HITS(&g, "People's Republic and C\xc3\xb4te d\xe2\x80\x99Ivoire and o'brien", {0, 0, 3}, {1, 4, 6},
                {2, 7, 8});
    /* another quote mark is no apostrophe */
    assert_no_hits(&g, "People\xca\xbcs Republic and C\xc3\xb4te d`Ivoire");
    gaz_free(&g);
}

/* Latin-1 and general punctuation take a short cut past utf8proc: over
 * every code point of U+0080..U+00FF and U+2000..U+203F, and the straight
 * apostrophe, the folded keys of two words agree exactly when utf8proc
 * lowers their code points alike, and the cased keys when the code points
 * are the same (U+2019 being '). */
static void test_short_cut_forms_agree_with_utf8proc(void **state)
{
    (void)state;
    enum { COUNT = 0x80 + 0x40 + 1 };
    utf8proc_int32_t cps[COUNT];
    uint64_t cased[COUNT], folded[COUNT];
    size_t n = 0;
    for (utf8proc_int32_t cp = 0x80; cp <= 0xff; cp++)
        cps[n++] = cp;
    for (utf8proc_int32_t cp = 0x2000; cp <= 0x203f; cp++)
        cps[n++] = cp;
    cps[n++] = '\'';
    for (size_t i = 0; i < n; i++) {
        unsigned char word[8] = {'x'};
        size_t len = 1 + (size_t)utf8proc_encode_char(cps[i], word + 1);
        word[len++] = 'y';
        cased[i] = gaz_word_key((const char *)word, len, 0);
        folded[i] = gaz_word_key((const char *)word, len, 1);
    }
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            utf8proc_int32_t a = cps[i] == 0x2019 ? '\'' : cps[i], b = cps[j] == 0x2019 ? '\'' : cps[j];
            if ((cased[i] == cased[j]) != (a == b))
                fail_msg("U+%04X and U+%04X: cased keys %s", cps[i], cps[j], a == b ? "differ" : "agree");
            if ((folded[i] == folded[j]) != (utf8proc_tolower(a) == utf8proc_tolower(b)))
                fail_msg("U+%04X and U+%04X: folded keys disagree with utf8proc", cps[i], cps[j]);
        }
}

/* ---- a large list ------------------------------------------------------------------- */

/* A distinct made-up word for every n < 80^4: four consonant-vowel
 * syllables, the first capitalised. Vowels are a e i o u, never y. */
static void make_word(unsigned long n, char *out)
{
    static const char consonants[] = "bdfghjklmnprstvz";
    static const char vowels[] = "aeiou";
    for (int k = 0; k < 4; k++) {
        unsigned digit = (unsigned)((n + 37u * (unsigned long)k) % 80);
        n /= 80;
        out[2 * k] = consonants[digit / 5];
        out[2 * k + 1] = vowels[digit % 5];
    }
    out[8] = '\0';
    out[0] = (char)(out[0] - 'a' + 'A');
}

enum { LARGE = 100000 };

/* Entry i: one word (i % 3 == 0), two words (1) or "W of W" (2). */
static void make_entry(unsigned long i, char *out)
{
    char a[9], b[9];
    make_word(i, a);
    make_word(i + LARGE, b);
    switch (i % 3) {
    case 0: snprintf(out, 64, "%s", a); break;
    case 1: snprintf(out, 64, "%s %s", a, b); break;
    default: snprintf(out, 64, "%s of %s", a, b); break;
    }
}

static void test_large_list(void **state)
{
    (void)state;
    gazetteer g = {0};
    char entry[64];
    /* entries the filter marks again as it grows: caseless, and with forms
     * other than their spelling */
    add(&g, 7, 1, "\xc3\x9c" "ber alles");
    add(&g, 8, 0, "O\xe2\x80\x99" "Neill Street");
    for (unsigned long i = 0; i < LARGE; i++) {
        make_entry(i, entry);
        assert_int_equal(gaz_add(&g, (uint32_t)(i % 7), 0, entry, strlen(entry), NULL, 0, NULL, 0), 0);
    }
    assert_int_equal(g.entry_count, LARGE + 2);
    ASSERT_HITS(&g, "\xc3\xbc" "BER alles and O'Neill Street", {7, 0, 2}, {8, 3, 5});

    /* the first-token filter grew with the list: under a quarter of its bits
     * are set, as for a short list, so no more tokens get past it to the
     * table (a list of 100,000 entries costs about what one of 100 does) */
    size_t words = (size_t)1 << (64 - g.filter_shift), bits = 0;
    for (size_t w = 0; w < words; w++)
        bits += (size_t)__builtin_popcountll(g.first_tokens[w]);
    if (bits * 4 >= words * 64)
        fail_msg("%zu of the filter's %zu bits set", bits, words * 64);

    /* every entry of a sample spread over the list is found, alone in a sentence */
    char text[256];
    for (unsigned long i = 0; i < LARGE; i += 997) {
        make_entry(i, entry);
        snprintf(text, sizeof text, "Then %s said no.", entry);
        hit_list hits = lookup_all(&g, text);
        size_t tokens = i % 3 == 0 ? 1 : i % 3 == 1 ? 2 : 3;
        if (hits.count != 1 || hits.items[0].first != 1 || hits.items[0].end != 1 + tokens ||
            hits.items[0].rule != i % 7)
            fail_msg("entry %lu \"%s\": %zu hits", i, entry, hits.count);
        assert_string_equal(g.strings + hits.items[0].entry->surface, entry);
        free(hits.items);
    }

    /* near misses find nothing */
    for (unsigned long i = 1; i < LARGE; i += 1009) {
        char a[9], b[9], wrong[9];
        make_word(i, a);
        make_word(i + LARGE, b);
        make_word(i + LARGE + 1, wrong);
        /* a changed letter: 'y' is in no word */
        char changed[9];
        memcpy(changed, a, 9);
        changed[7] = 'y';
        /* the lowercase form of a cased entry */
        char lower[9];
        memcpy(lower, a, 9);
        lower[0] = (char)(lower[0] - 'A' + 'a');
        switch (i % 3) {
        case 0: /* one-word entries */
            snprintf(text, sizeof text, "%s %s %sx x%s", changed, lower, a, a);
            break;
        case 1: /* two words: only the first, the wrong second, the wrong order */
            snprintf(text, sizeof text, "%s. %s %s. %s %s. %s %s.", a, a, wrong, b, a, changed, b);
            break;
        default: /* "W of W": without "of", another word for it */
            snprintf(text, sizeof text, "%s %s. %s in %s. %s of. %s", a, b, a, b, a, b);
            break;
        }
        assert_no_hits(&g, text);
    }
    gaz_free(&g);
}

/* ---- hash collisions ----------------------------------------------------------------- */

/* Sequences whose hashes share a slot tag (31 bits) share a slot. Finding two
 * real ones would take tens of thousands of words, so one is made: after the
 * surgery below, the slots of "Japan" and of "China" both chain both entries,
 * as if the two sequences had the same tag. A lookup must confirm its hit
 * token by token, so each name still finds only its own entry. */
static void test_hash_collision_is_confirmed_by_tokens(void **state)
{
    (void)state;
    gazetteer g = {0};
    add(&g, 0, 0, "Japan");
    add(&g, 1, 0, "China");
    add(&g, 2, 1, "india");
    add(&g, 3, 1, "korea");
    /* entries 0 and 1 are cased, 2 and 3 caseless */
    gaz_slot *slot[4] = {NULL};
    for (size_t i = 0; i < g.slot_count; i++)
        if (g.slots[i].tag && g.slots[i].entries < 4)
            slot[g.slots[i].entries] = &g.slots[i];
    for (int k = 0; k < 4; k++) {
        assert_non_null(slot[k]);
        assert_int_equal(g.entries[k].next, GAZ_NO_ENTRY);
    }
    /* Japan's slot: China -> Japan; China's slot: China -> Japan */
    g.entries[1].next = 0;
    slot[0]->entries = 1;
    /* the same for the caseless pair: india's slot: korea -> india */
    g.entries[3].next = 2;
    slot[2]->entries = 3;

    ASSERT_HITS(&g, "Japan", {0, 0, 1});
    ASSERT_HITS(&g, "China", {1, 0, 1});
    ASSERT_HITS(&g, "India", {2, 0, 1});
    ASSERT_HITS(&g, "KOREA", {3, 0, 1});
    ASSERT_HITS(&g, "China and Japan, India and Korea", {1, 0, 1}, {0, 2, 3}, {2, 4, 5}, {3, 6, 7});
    gaz_free(&g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_entries_of_one_to_four_tokens),
        cmocka_unit_test(test_lookup_respects_limit),
        cmocka_unit_test(test_lookup_by_sentence),
        cmocka_unit_test(test_overlapping_entries_all_reported),
        cmocka_unit_test(test_hit_order),
        cmocka_unit_test(test_long_and_non_ascii_tokens),
        cmocka_unit_test(test_word_key_matches_token_key),
        cmocka_unit_test(test_entry_keeps_norm_and_attributes),
        cmocka_unit_test(test_entry_without_tokens_is_refused),
        cmocka_unit_test(test_case_sensitive_and_caseless),
        cmocka_unit_test(test_joined_suffix_is_no_word),
        cmocka_unit_test(test_cased_and_caseless_same_spelling),
        cmocka_unit_test(test_typographic_apostrophe),
        cmocka_unit_test(test_short_cut_forms_agree_with_utf8proc),
        cmocka_unit_test(test_large_list),
        cmocka_unit_test(test_hash_collision_is_confirmed_by_tokens),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
