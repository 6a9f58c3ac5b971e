/* token: splits a document's clean text (see text.h) into tokens with byte
 * offsets. Tokens never contain whitespace or control bytes and never overlap;
 * every rule match must begin at a token start and end at a token end.
 *
 * Choices the kinds below leave open:
 * - Han, Hiragana and Katakana have no spaces between words; a letter run is
 *   split where it passes from one of them to another or to digits/Latin
 *   ("東京のトヨタ" -> 東京 の トヨタ), and stays one token within one script.
 * - Digits directly followed by letters are two tokens ("20bn" -> 20 bn),
 *   except an ordinal st/nd/rd/th or a plural s ("2nd", "1990s").
 * - A hyphen joins words and numbers ("non-tariff", "15-year-old"); a dash,
 *   a double hyphen or a hyphen next to a space is punctuation.
 * - ' and U+2019 after a word in -s followed by a non-letter are a clitic
 *   ("countries'"), so a closing single quote after such a word is one too.
 * - A line ends at LF, CR or CRLF. */
#ifndef ANN_TOKEN_H
#define ANN_TOKEN_H

#include <stddef.h>
#include <stdint.h>

typedef enum {
    TOK_WORD,    /* letters/marks/digits in any script, inner hyphens: "tariff", "non-tariff", "G7", "東京" */
    TOK_NUMBER,  /* 3.5  1,200  2025-05-30  1990s  2nd */
    TOK_ABBREV,  /* U.S.  Jan.  Mr.  Inc.  J. */
    TOK_CLITIC,  /* 's  '  n't  're  've  'll  'd  'm  (after the word they belong to) */
    TOK_URL,     /* https://...  www.example.com/x */
    TOK_EMAIL,
    TOK_PUNCT,   /* one punctuation mark; runs such as "..." or "--" are one token */
    TOK_SYMBOL   /* % $ € ¥ £ + = and other symbols, one per token */
} token_kind;

enum {
    TOKF_CAPITALIZED = 1, /* first letter uppercase: "Japan", "U.S.", "G7" */
    TOKF_ALL_CAPS = 2,    /* at least two letters, all uppercase: "WASHINGTON", "WTO" */
    TOKF_LOWER = 4,       /* first letter lowercase */
    TOKF_HAS_DIGIT = 8,
    TOKF_LINE_START = 16, /* first token on its line */
    TOKF_LINE_END = 32,   /* a line break follows it (before any other token) */
    /* a sentence may end after it: an abbreviation, or punctuation that is
     * . ! ? (or a run of one) or not ASCII (the segmenter checks which) */
    TOKF_STOP = 64,
    /* a lower-case word a hyphen joins to the name before it ("based" of
     * "Dubai-based", "san" of "Abe-san"): no word list starts or goes on
     * through it */
    TOKF_JOINED = 128
};

typedef struct {
    uint32_t start, end;  /* byte offsets into the document, end exclusive */
    uint8_t kind;         /* token_kind */
    uint8_t flags;        /* TOKF_* */
} token;

typedef struct {
    token *items;
    size_t count, cap;
    /* token_at_or_after(block * TOKEN_BLOCK) for each block of the text,
     * then count: where that function starts looking. block_count is 0 for
     * a short list, which it scans whole. */
    uint32_t *first_in_block;
    size_t block_count, block_cap;
} token_list;

#define TOKEN_BLOCK 16

/* Appends the tokens of text[0..len) to out (after clearing it) and indexes
 * them for token_at_or_after(). text is the clean copy: valid UTF-8. Unless
 * edges is NULL, it also sets bit 0 of edges[i] (len + 1 bytes, all 0
 * before) where a token starts and bit 1 where one ends (on its last byte),
 * in the same pass over the tokens as the index. */
void tokenize_marking_edges(const char *text, size_t len, token_list *out, uint8_t *edges);

static inline void tokenize(const char *text, size_t len, token_list *out)
{
    tokenize_marking_edges(text, len, out, NULL);
}
void token_list_free(token_list *list);

/* Whether the text of token t is word (lower case), ASCII letters compared
 * without case; and whether it is one of words (a NULL-terminated list). */
int token_is_word(const char *text, const token *t, const char *word);
int token_is_one_of(const char *text, const token *t, const char *const *words);

/* Index of the first token whose end is > offset, or list->count. list is
 * one tokenize() filled, or zeroed. */
size_t token_at_or_after(const token_list *list, uint32_t offset);

/* 1 when t is an abbreviation that introduces what follows ("Mr.", "Jan.",
 * "No."), so no sentence ends after it; 0 for every other token, including
 * "U.S.", "Inc." and initials, which may end one. text is what t indexes. */
int token_abbrev_binds_next(const char *text, const token *t);

/* Whether word token t of text is a name after a lower-case Arabic article
 * ("al-Saeedi", "el-Sisi", "ash-Shami"), which the tokenizer flags
 * TOKF_CAPITALIZED as names are. */
int token_is_article_name(const char *text, const token *t);

#endif
