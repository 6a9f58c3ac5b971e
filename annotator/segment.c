/* segment: see segment.h. One pass over the tokens. The text between two
 * tokens is read only when the second starts a line, to count the line
 * breaks, so the pass is linear in the text. */
#include "segment.h"

#include "alloc.h"
#include "utf8.h"

#include <assert.h>
#include <string.h>
#include <utf8proc.h>

/* The first character of t, which does not start with an ASCII byte. */
static int32_t decode_first_char(const char *text, const token *t)
{
    utf8proc_int32_t cp;
    const unsigned char *s = (const unsigned char *)text + t->start;
    if (!utf8_decode_common(s, t->end - t->start, &cp))
        utf8proc_iterate(s, t->end - t->start, &cp);
    return cp;
}

/* Inline, as most marks asked about are ASCII. */
static inline int32_t first_char(const char *text, const token *t)
{
    unsigned char c = (unsigned char)text[t->start];
    return c < 0x80 ? c : decode_first_char(text, t);
}

/* . ! ? and their runs, the ellipsis, and the CJK full stops and marks.
 * Inline: it is asked of every token that may end a sentence. */
static inline int is_terminal_punct(const char *text, const token *t)
{
    if (t->kind != TOK_PUNCT)
        return 0;
    switch (first_char(text, t)) {
    case '.': case '!': case '?':
    case 0x2026:                /* … */
    case 0x3002: case 0xFF61:   /* 。 ｡ */
    case 0xFF01: case 0xFF1F:   /* ！ ？ */
        return 1;
    default:
        return 0;
    }
}

/* Punctuation that may close a sentence after its terminal mark: quotes and
 * brackets. Straight quotes count only because the caller requires them to
 * touch the mark; after a space they open the next sentence. */
static int is_closer(const char *text, const token *t)
{
    if (t->kind != TOK_PUNCT)
        return 0;
    int32_t cp = first_char(text, t);
    if (cp < 0x80)
        return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == '}';
    utf8proc_category_t cat = utf8proc_category(cp);
    return cat == UTF8PROC_CATEGORY_PE || cat == UTF8PROC_CATEGORY_PF;
}

/* Words that typically open a sentence; after an abbreviation that may end
 * one ("U.S.", "Inc.") they decide that it does. */
static const char *const sentence_starters[] = {
    "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "He", "She",
    "They", "We", "I", "You", "His", "Her", "Their", "Our", "There", "In", "On",
    "At", "As", "But", "And", "If", "When", "While", "After", "However",
    "Meanwhile", "Some", "Many", "What", "Why", "How",
};

static int is_sentence_starter(const char *text, const token *t)
{
    if (t->kind != TOK_WORD)
        return 0;
    size_t n = t->end - t->start;
    for (size_t k = 0; k < sizeof sentence_starters / sizeof sentence_starters[0]; k++)
        if (sentence_starters[k][0] == text[t->start] && strlen(sentence_starters[k]) == n &&
            memcmp(sentence_starters[k], text + t->start, n) == 0)
            return 1;
    return 0;
}

/* Line breaks (LF, CR, CRLF) in text[from..to), counted up to 2. to is a
 * token start, so text[to] is readable and never '\n'. */
static int line_breaks(const char *text, size_t from, size_t to)
{
    int breaks = 0;
    for (size_t i = from; i < to && breaks < 2; i++)
        if (text[i] == '\n' || (text[i] == '\r' && text[i + 1] != '\n'))
            breaks++;
    return breaks;
}

/* Whether a sentence ends between the group tok[lead..last] and tok[last + 1],
 * which follows it after `breaks` line breaks (0 or 1). The group is a
 * terminal mark or abbreviation (terminal is 1) with the marks and closers
 * that touch it, or a single other token (terminal is 0). */
static int sentence_ends(const char *text, const token *tok, size_t lead, size_t last, int breaks, int terminal)
{
    const token *next = &tok[last + 1];
    int lone_abbrev = tok[lead].kind == TOK_ABBREV && last == lead;
    /* "Sialkot Leaf Importers (Pvt.) Ltd.": closing brackets after an
     * abbreviation that binds what follows end nothing either (a closing
     * quote may: "... again in Sept." The minister left.) */
    int abbrev_bracketed = tok[lead].kind == TOK_ABBREV && last > lead;
    for (size_t k = lead + 1; k <= last && abbrev_bracketed; k++) {
        char mark = text[tok[k].start];
        abbrev_bracketed = tok[k].end - tok[k].start == 1 && (mark == ')' || mark == ']' || mark == '}');
    }
    if ((lone_abbrev || abbrev_bracketed) && token_abbrev_binds_next(text, &tok[lead]))
        return 0;
    /* a lower-case word goes on with the sentence ("Is it over? not yet",
     * "Maybe... and then"), but in text written in lower case, as readers'
     * comments often are, a lone full stop after a word ends one ("... for
     * her. protect workers yes") */
    if (next->flags & TOKF_LOWER)
        return terminal && last == lead && tok[lead].kind == TOK_PUNCT && tok[lead].end - tok[lead].start == 1 &&
               text[tok[lead].start] == '.' && lead > 0 && tok[lead - 1].kind == TOK_WORD && next->kind == TOK_WORD;
    /* "R3.9 billion": a point with a digit right after it is a decimal
     * point, whatever came before it */
    if (!breaks && next->start == tok[last].end && (unsigned)(text[next->start] - '0') < 10)
        return 0;
    if (breaks)
        return 1;
    if (lone_abbrev)
        return is_sentence_starter(text, next);
    return terminal;
}

static void push_segment(segment_list *list, const token *tok, size_t first, size_t last)
{
    segment seg = { tok[first].start, tok[last].end, (uint32_t)first, (uint32_t)(last - first + 1) };
    ARRAY_PUSH(list->items, list->count, list->cap, seg);
}

void segment_text(const char *text, size_t len, const token_list *tokens,
                  segment_list *paragraphs, segment_list *sentences)
{
    const token *tok = tokens->items;
    size_t n = tokens->count;
    assert(n == 0 || tok[n - 1].end <= len);
    (void)len; /* only the assertion needs it */
    paragraphs->count = 0;
    sentences->count = 0;

    size_t paragraph_first = 0, sentence_first = 0;
    for (size_t lead = 0; lead < n;) {
        /* Most tokens are words and commas with no line break after them:
         * they end nothing, whatever follows (see sentence_ends). The
         * tokenizer marks the others: a line break after them, or a mark or
         * an abbreviation a sentence may end at. */
        const token *t = tok + lead, *last_token = tok + n - 1;
        while (t < last_token && !(t->flags & (TOKF_LINE_END | TOKF_STOP)))
            t++;
        lead = (size_t)(t - tok);
        size_t last = lead;
        int terminal = tok[lead].kind == TOK_ABBREV || is_terminal_punct(text, &tok[lead]);
        if (terminal)
            while (last + 1 < n && tok[last + 1].start == tok[last].end &&
                   (is_terminal_punct(text, &tok[last + 1]) || is_closer(text, &tok[last + 1])))
                last++;
        size_t next = last + 1;
        int breaks = 2;
        if (next < n)
            breaks = tok[next].flags & TOKF_LINE_START
                         ? line_breaks(text, tok[last].end, tok[next].start) : 0;
        if (breaks == 2) {
            push_segment(sentences, tok, sentence_first, last);
            push_segment(paragraphs, tok, paragraph_first, last);
            sentence_first = paragraph_first = next;
        } else if (sentence_ends(text, tok, lead, last, breaks, terminal)) {
            push_segment(sentences, tok, sentence_first, last);
            sentence_first = next;
        }
        lead = next;
    }
}

void segment_list_free(segment_list *list)
{
    free(list->items);
    memset(list, 0, sizeof *list);
}
