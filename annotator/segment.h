/* segment: paragraphs and sentences over a tokenized document.
 *
 * Paragraphs are blocks of non-blank lines separated by blank lines (a line
 * holding only whitespace is blank; so is one holding only control bytes or
 * invalid UTF-8, as it has no token). Sentences split at terminal punctuation
 * (. ! ? and runs of them, …, 。！？) followed by optional closing
 * quotes/brackets that touch it, when the next token starts a new sentence:
 * one that does not start with a lowercase letter, or any word after a
 * lone full stop that follows a word (text written in lower case, as
 * readers' comments often are: "... in his field. this rule ..."). An
 * abbreviation such as
 * "Mr." or "Jan." never ends one (see token_abbrev_binds_next), "U.S.",
 * "Inc." or an initial ends one only before a word that typically starts a
 * sentence ("It", "The", ...). A line break also ends a sentence unless the
 * next line starts with a lowercase letter (hard-wrapped prose) or the line
 * ends with a "Mr."-like abbreviation. Every sentence lies inside one paragraph;
 * both are trimmed to their first token's start and last token's end. */
#ifndef ANN_SEGMENT_H
#define ANN_SEGMENT_H

#include "token.h"

typedef struct {
    uint32_t start, end;        /* byte offsets, end exclusive */
    uint32_t first_token;       /* index into the token list */
    uint32_t token_count;
} segment;

typedef struct {
    segment *items;
    size_t count, cap;
} segment_list;

/* Fills paragraphs and sentences (both cleared first) for text[0..len) and
 * its tokens, as made by tokenize() from the same text. */
void segment_text(const char *text, size_t len, const token_list *tokens,
                  segment_list *paragraphs, segment_list *sentences);
void segment_list_free(segment_list *list);

#endif
