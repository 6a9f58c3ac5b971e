#include "prefilter.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "alloc.h"

typedef enum {
    ATOM_END,        /* end of the sequence */
    ATOM_BAR,        /* '|' between alternatives */
    ATOM_BOUNDARY,   /* \b */
    ATOM_ZERO,       /* other zero-width items: lookarounds, anchors, callouts */
    ATOM_SPACE,      /* \h \s, a space or tab: never inside a token */
    ATOM_WORD_CHAR,  /* a letter or digit taken literally (a letter or mark beyond ASCII too) */
    ATOM_GROUP,      /* (...), content in [inner, inner_end) */
    ATOM_OTHER       /* anything else: classes, escapes, punctuation */
} atom_kind;

typedef struct {
    atom_kind kind;
    size_t start, end;        /* the atom with its quantifier */
    size_t inner, inner_end;  /* for groups */
    int once;                 /* no quantifier, or one that means exactly once */
    int optional;             /* its quantifier allows zero */
    int caseless;             /* (?i) in force for it */
    size_t ch_len;            /* for ATOM_WORD_CHAR: its bytes are p[start, start + ch_len) */
} atom;

/* Where the group or class opening at p[i] closes (the index after it). */
static size_t skip_bracketed(const char *p, size_t i, size_t end)
{
    if (p[i] == '[') {
        size_t j = i + 1;
        if (j < end && p[j] == '^')
            j++;
        if (j < end && p[j] == ']')
            j++;
        while (j < end && p[j] != ']') {
            if (p[j] == '\\')
                j++;
            else if (p[j] == '[' && j + 1 < end && p[j + 1] == ':') {
                const char *close = strstr(p + j + 2, ":]");
                if (close && (size_t)(close - p) < end)
                    j = (size_t)(close - p) + 1;
            }
            j++;
        }
        return j < end ? j + 1 : end;
    }
    int depth = 0;
    for (size_t j = i; j < end; j++) {
        if (p[j] == '\\') {
            j++;
        } else if (p[j] == '[') {
            j = skip_bracketed(p, j, end) - 1;
        } else if (p[j] == '(') {
            depth++;
        } else if (p[j] == ')' && --depth == 0) {
            return j + 1;
        }
    }
    return end;
}

/* Reads a quantifier at p[i], if any: sets once/optional, returns its end. */
static size_t read_quantifier(const char *p, size_t i, size_t end, atom *a)
{
    a->once = 1;
    a->optional = 0;
    if (i >= end)
        return i;
    if (p[i] == '?' || p[i] == '*' || p[i] == '+') {
        a->once = 0;
        a->optional = p[i] != '+';
        i++;
    } else if (p[i] == '{' && i + 1 < end && isdigit((unsigned char)p[i + 1])) {
        char *stop;
        long lo = strtol(p + i + 1, &stop, 10);
        size_t j = (size_t)(stop - p);
        long hi = lo;
        if (j < end && p[j] == ',') {
            hi = isdigit((unsigned char)p[j + 1]) ? strtol(p + j + 1, &stop, 10) : -1;
            j = (size_t)(stop - p);
            if (hi == -1)
                j = j + 1 > end ? end : j + (p[j] == ',');
        }
        if (j < end && p[j] == '}') {
            a->once = lo == 1 && hi == 1;
            a->optional = lo == 0;
            i = j + 1;
        } else
            return i; /* a literal brace */
    } else
        return i;
    if (i < end && (p[i] == '?' || p[i] == '+'))
        i++; /* lazy or possessive */
    return i;
}

/* The length of the character at s when it is a letter or a combining mark
 * beyond ASCII ("é" of "Fédération", which a token holds as it holds
 * ASCII letters), else 0 (a curly quote or a dash ends a token). */
static size_t letter_length(const char *s, size_t n)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t len = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &cp);
    if (len <= 0)
        return 0;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
        return (size_t)len;
    default:
        return 0;
    }
}

/* Reads the atom at p[i]; *caseless is updated by (?i) and (?-i). */
static atom next_atom(const char *p, size_t i, size_t end, int *caseless)
{
    atom a = {.start = i, .caseless = *caseless};
    if (i >= end) {
        a.kind = ATOM_END;
        a.end = i;
        return a;
    }
    char c = p[i];
    size_t j = i + 1;
    if (c == '|') {
        a.kind = ATOM_BAR;
        a.end = j;
        return a;
    }
    if (c == '\\' && j < end) {
        char e = p[j];
        j++;
        if (e == 'b')
            a.kind = ATOM_BOUNDARY;
        else if (e == 'h' || e == 's')
            a.kind = ATOM_SPACE;
        else if (strchr("BAzZGK", e))
            a.kind = ATOM_ZERO;
        else {
            a.kind = ATOM_OTHER;
            if (strchr("pPxoNgk", e) && j < end && (p[j] == '{' || p[j] == '<')) {
                const char *close = strchr(p + j, p[j] == '{' ? '}' : '>');
                j = close && (size_t)(close - p) < end ? (size_t)(close - p) + 1 : end;
            }
        }
    } else if (c == '(') {
        j = skip_bracketed(p, i, end);
        size_t inner = i + 1;
        if (p[inner] == '?') {
            char k = p[inner + 1];
            if (k == '=' || k == '!' || (k == '<' && (p[inner + 2] == '=' || p[inner + 2] == '!')) || k == 'C' ||
                k == '#' || k == '(') {
                a.kind = ATOM_ZERO; /* lookarounds, callouts, comments, conditionals: not read further */
                if (k == '(')
                    a.kind = ATOM_OTHER;
                a.end = j;
                return a;
            }
            if (k == '<' || k == 'P' || k == '\'') { /* named group */
                const char *close = strchr(p + inner, k == '\'' ? '\'' : '>');
                inner = close ? (size_t)(close - p) + 1 : j;
                if (k == '\'')
                    inner = close ? (size_t)(strchr(close + 1, '\'') - p) + 1 : j;
            } else if (k == ':' || k == '>' || k == '|') {
                inner += 2;
            } else {
                /* option letters: (?i) sets them from here on, (?i:...) for the group */
                size_t q = inner + 1;
                int on = 1, group_caseless = *caseless;
                while (q < j && p[q] != ')' && p[q] != ':') {
                    if (p[q] == '-')
                        on = 0;
                    else if (p[q] == 'i')
                        group_caseless = on;
                    q++;
                }
                if (p[q] == ')') {
                    *caseless = group_caseless;
                    a.kind = ATOM_ZERO;
                    a.end = q + 1;
                    return a;
                }
                a.caseless = group_caseless;
                inner = q + 1;
            }
        }
        a.kind = ATOM_GROUP;
        a.inner = inner;
        a.inner_end = j - 1;
    } else if (c == '[' || c == '.') {
        a.kind = ATOM_OTHER;
        if (c == '[')
            j = skip_bracketed(p, i, end);
    } else if (c == '^' || c == '$') {
        a.kind = ATOM_ZERO;
    } else if (c == ' ' || c == '\t') {
        a.kind = ATOM_SPACE;
    } else if (isalnum((unsigned char)c)) {
        a.kind = ATOM_WORD_CHAR;
        a.ch_len = 1;
    } else if ((unsigned char)c >= 0x80 && (a.ch_len = letter_length(p + i, end - i)) != 0) {
        a.kind = ATOM_WORD_CHAR;
        j = i + a.ch_len;
    } else {
        a.kind = ATOM_OTHER;
    }
    a.end = read_quantifier(p, j, end, &a);
    return a;
}

static void add_word(word_set *set, const char *w, size_t n, int caseless)
{
    char *copy = xstrndup(w, n);
    if (caseless)
        for (size_t i = 0; i < n; i++)
            copy[i] = (char)tolower((unsigned char)copy[i]);
    if (set->count == set->cap) {
        set->cap = set->cap ? set->cap * 2 : 8;
        set->words = xrealloc(set->words, set->cap * sizeof *set->words);
        set->caseless = xrealloc(set->caseless, set->cap);
    }
    set->words[set->count] = copy;
    set->caseless[set->count++] = (uint8_t)caseless;
}

void word_set_clear(word_set *set)
{
    for (size_t i = 0; i < set->count; i++)
        free(set->words[i]);
    free(set->words);
    free(set->caseless);
    memset(set, 0, sizeof *set);
}

/* Reads a run of literal word characters, each exactly once, starting with
 * atom a; returns its length in *len and the atom after it. */
static atom read_word(const char *p, atom a, size_t end, int *caseless, char *buf, size_t cap, size_t *len)
{
    *len = 0;
    while (a.kind == ATOM_WORD_CHAR && a.once && *len + a.ch_len < cap) {
        memcpy(buf + *len, p + a.start, a.ch_len);
        *len += a.ch_len;
        a = next_atom(p, a.end, end, caseless);
    }
    return a;
}

/* Reads a literal word as read_word does, and an ending made optional by a
 * plain '?': a letter ("tariffs?") or a group of letters ("surtax(?:es)?").
 * suffix receives that ending ("" when there is none). */
static atom read_word_forms(const char *p, atom a, size_t end, int *caseless, char *buf, size_t cap, size_t *len,
                            char *suffix, size_t suffix_cap)
{
    a = read_word(p, a, end, caseless, buf, cap, len);
    suffix[0] = '\0';
    if (!*len || a.end - a.start < 2 || p[a.end - 1] != '?' || !a.optional)
        return a;
    size_t n = 0;
    if (a.kind == ATOM_WORD_CHAR && a.ch_len == 1 && a.end - a.start == 2) {
        suffix[n++] = p[a.start];
    } else if (a.kind == ATOM_GROUP) {
        int inner_caseless = a.caseless;
        atom rest = read_word(p, next_atom(p, a.inner, a.inner_end, &inner_caseless), a.inner_end, &inner_caseless,
                              suffix, suffix_cap, &n);
        if (rest.kind != ATOM_END || inner_caseless != a.caseless)
            n = 0;
    }
    if (!n || *len + n >= cap) {
        suffix[0] = '\0';
        return a;
    }
    suffix[n] = '\0';
    return next_atom(p, a.end, end, caseless);
}

static void add_word_forms(word_set *set, char *word, size_t n, const char *suffix, int caseless)
{
    add_word(set, word, n, caseless);
    if (*suffix) {
        size_t k = strlen(suffix);
        memcpy(word + n, suffix, k);
        add_word(set, word, n + k, caseless);
    }
}

/* Whether atom a is an apostrophe taken once: ' or a class of ' and ’. */
static int is_apostrophe(const char *p, atom a)
{
    if (!a.once || a.kind != ATOM_OTHER)
        return 0;
    if (a.end - a.start == 1)
        return p[a.start] == '\'';
    if (p[a.start] != '[' || p[a.end - 1] != ']')
        return 0;
    static const char curly[] = "\xE2\x80\x99";
    for (size_t i = a.start + 1; i < a.end - 1;) {
        if (p[i] == '\'')
            i++;
        else if (!strncmp(p + i, curly, 3))
            i += 3;
        else
            return 0;
    }
    return 1;
}

enum { NO_TOKEN_END, TOKEN_END, TOKEN_END_AFTER_LETTER };

/* Whether the atom after a word ends the token there: TOKEN_END, or
 * TOKEN_END_AFTER_LETTER for "n't", which the tokenizer splits off a word
 * ending in a letter ("do" + "n't"). A \b counts only when a space or the
 * end follows it: "Corp\b\." is the one token "Corp." for the tokenizer,
 * not "Corp". Zero-width items (a look-ahead, an anchor) take nothing, so
 * what follows them decides ("Palace\b(?!\h\d)" ends with its word: a
 * match ends at a token end). at_end_is_boundary is what the end of the
 * sequence gives. */
static int ends_token(const char *p, atom after, size_t end, int at_end_is_boundary)
{
    int caseless = 0;
    while (after.kind == ATOM_BOUNDARY || after.kind == ATOM_ZERO)
        after = next_atom(p, after.end, end, &caseless);
    /* "tariff\h?rates": when the space is there it ends the token; when
     * not, whatever comes after it decides */
    while (after.kind == ATOM_SPACE && after.optional)
        after = next_atom(p, after.end, end, &caseless);
    /* "(?:\hrates?)?": when the optional part is there a space follows;
     * when not, whatever comes after it decides */
    while (after.kind == ATOM_GROUP && after.optional) {
        int inner_caseless = 0;
        if (next_atom(p, after.inner, after.inner_end, &inner_caseless).kind != ATOM_SPACE)
            break;
        after = next_atom(p, after.end, end, &caseless);
        if (after.kind == ATOM_BOUNDARY) /* "(?:\hrates?)?\b" */
            after = next_atom(p, after.end, end, &caseless);
    }
    /* "Co\.?": the tokenizer may make "Co." one abbreviation token; the
     * matcher looks such tokens up without their dot as well */
    if (after.kind == ATOM_OTHER && after.end - after.start >= 2 && p[after.start] == '\\' &&
        p[after.start + 1] == '.' && (after.once || after.optional) &&
        after.end - after.start <= 3)
        after = next_atom(p, after.end, end, &caseless);
    if (after.kind == ATOM_WORD_CHAR && after.once && (p[after.start] == 'n' || p[after.start] == 'N')) {
        atom apostrophe = next_atom(p, after.end, end, &caseless);
        atom t = next_atom(p, apostrophe.end, end, &caseless);
        if (!is_apostrophe(p, apostrophe) || t.kind != ATOM_WORD_CHAR || !t.once || (p[t.start] != 't' && p[t.start] != 'T'))
            return NO_TOKEN_END;
        atom rest = next_atom(p, t.end, end, &caseless);
        return rest.kind != ATOM_WORD_CHAR && ends_token(p, rest, end, at_end_is_boundary) ? TOKEN_END_AFTER_LETTER
                                                                                          : NO_TOKEN_END;
    }
    /* a comma or a semicolon is a token of its own after a word */
    if (after.kind == ATOM_SPACE || (after.kind == ATOM_OTHER && after.once && after.end == after.start + 1 &&
                                     (p[after.start] == ',' || p[after.start] == ';')))
        return TOKEN_END;
    return after.kind == ATOM_END || after.kind == ATOM_BAR ? at_end_is_boundary : NO_TOKEN_END;
}

/* Whether a word (and its longer form with suffix) ends where the token
 * ending e says it does. */
static int word_ends_token(int e, const char *word, size_t n, const char *suffix)
{
    if (e == TOKEN_END_AFTER_LETTER) {
        size_t k = strlen(suffix);
        return isalpha((unsigned char)word[n - 1]) && (!k || isalpha((unsigned char)suffix[k - 1]));
    }
    return e == TOKEN_END;
}

/* First words of the sequence p[i..end); follow_bounds says whether what
 * comes after the sequence ends a token. */
static int first_words_of(const char *p, size_t i, size_t end, int caseless, int follow_bounds, word_set *set)
{
    for (;;) {
        atom a = next_atom(p, i, end, &caseless);
        while (a.kind == ATOM_ZERO || a.kind == ATOM_BOUNDARY)
            a = next_atom(p, a.end, end, &caseless);
        if (a.kind == ATOM_WORD_CHAR) {
            char word[64], suffix[16];
            size_t n;
            int word_caseless = a.caseless;
            atom after = read_word_forms(p, a, end, &caseless, word, sizeof word, &n, suffix, sizeof suffix);
            if (after.kind == ATOM_WORD_CHAR ||
                !word_ends_token(ends_token(p, after, end, follow_bounds), word, n, suffix))
                return 0;
            add_word_forms(set, word, n, suffix, word_caseless);
            a = after;
        } else if (a.kind == ATOM_GROUP && a.once) {
            int inner_caseless = a.caseless;
            atom after = next_atom(p, a.end, end, &caseless);
            if (!first_words_of(p, a.inner, a.inner_end, inner_caseless, ends_token(p, after, end, follow_bounds), set))
                return 0;
            a = after;
        } else
            return 0;
        /* skip the rest of this alternative */
        while (a.kind != ATOM_BAR && a.kind != ATOM_END)
            a = next_atom(p, a.end, end, &caseless);
        if (a.kind == ATOM_END)
            return 1;
        i = a.end;
    }
}

/* Extended mode and \Q...\E change what characters mean: not read. */
static int readable(const char *pattern)
{
    return !strstr(pattern, "\\Q") && !strstr(pattern, "(?x") && !strstr(pattern, "(*");
}

int pattern_first_words(const char *pattern, word_set *set)
{
    if (!readable(pattern))
        return 0;
    return first_words_of(pattern, 0, strlen(pattern), 0, TOKEN_END, set);
}

/* Whether every alternative of a group ends with one space or more:
 * "(?:new\h)", "(?:\w+\h+)", "(?:want\h+to\h+|plan\h+to\h+)". An empty
 * alternative ("(?:not\h+|)") ends where the group starts, a token start
 * when at_token_start says so. */
static int ends_with_space(const char *p, const atom *g, int at_token_start)
{
    int caseless = g->caseless;
    atom last = {.kind = ATOM_END};
    for (atom a = next_atom(p, g->inner, g->inner_end, &caseless);; a = next_atom(p, a.end, g->inner_end, &caseless)) {
        if (a.kind != ATOM_BAR && a.kind != ATOM_END) {
            last = a;
            continue;
        }
        int ends = last.kind == ATOM_END ? at_token_start : last.kind == ATOM_SPACE && !last.optional;
        if (!ends || a.kind == ATOM_END)
            return ends;
        last.kind = ATOM_END;
    }
}

/* Whether set holds a word that tells little where a match is: one found
 * in nearly every sentence, or one of the words every match starts with
 * (starts, may be NULL), which find the rule's positions already. */
static int holds_common_word(const word_set *set, const word_set *starts)
{
    static const char *const everywhere[] = {"a", "an", "and", "at", "by", "for", "from", "in",
                                             "is", "of", "on", "the", "to", "with"};
    for (size_t k = 0; k < set->count; k++) {
        /* the first letters first: sets of a few hundred words meet sets
         * as large, and nearly every pair differs there */
        int first = tolower((unsigned char)set->words[k][0]);
        for (size_t e = 0; e < sizeof everywhere / sizeof *everywhere; e++)
            if (first == everywhere[e][0] && !strcasecmp(set->words[k], everywhere[e]))
                return 1;
        for (size_t e = 0; starts && e < starts->count; e++)
            if (first == tolower((unsigned char)starts->words[e][0]) && !strcasecmp(set->words[k], starts->words[e]))
                return 1;
    }
    return 0;
}

/* Required words of p[i..end): every top-level alternative must hold one
 * as a whole token, outside any optional part. Of the words or groups of
 * words an alternative holds, the first without a word found in nearly
 * every sentence or starting every match is taken ("the", "of": a rule that
 * starts with "the" gains nothing from needing it too), or else the first. */
static int required_in(const char *p, size_t i, size_t end, int caseless, const word_set *starts, word_set *set)
{
    for (;;) {
        atom a = next_atom(p, i, end, &caseless);
        atom second = next_atom(p, a.end, end, &caseless);
        int found = 0;
        if (a.kind == ATOM_GROUP && a.once && (second.kind == ATOM_END || second.kind == ATOM_BAR)) {
            /* an alternative that is one group: its alternatives decide */
            if (!required_in(p, a.inner, a.inner_end, a.caseless, starts, set))
                return 0;
            found = 1;
            a = second;
        }
        int after_boundary = 1; /* a match starts at a token start */
        word_set best = {0};
        int best_tells = 0; /* best holds no common word: the alternative is read far enough */
        while (!found && !best_tells && a.kind != ATOM_END && a.kind != ATOM_BAR) {
            atom after = next_atom(p, a.end, end, &caseless);
            word_set words = {0};
            if (a.kind == ATOM_WORD_CHAR && after_boundary) {
                char word[64], suffix[16];
                size_t n;
                int word_caseless = a.caseless;
                after = read_word_forms(p, a, end, &caseless, word, sizeof word, &n, suffix, sizeof suffix);
                if (after.kind != ATOM_WORD_CHAR && word_ends_token(ends_token(p, after, end, TOKEN_END), word, n, suffix))
                    add_word_forms(&words, word, n, suffix, word_caseless);
            } else if (a.kind == ATOM_GROUP && a.once && after_boundary && ends_token(p, after, end, TOKEN_END) == TOKEN_END) {
                /* a group between token ends: its own required words do */
                if (!required_in(p, a.inner, a.inner_end, a.caseless, starts, &words))
                    word_set_clear(&words);
            }
            int tells = words.count && !holds_common_word(&words, starts);
            if (words.count && (!best.count || tells)) {
                word_set_clear(&best);
                best = words;
                best_tells = tells;
            } else
                word_set_clear(&words);
            /* only a space makes the next word a token of its own: after \b
             * it could follow a hyphen inside one ("non-tariff"); a group
             * ending with a space, "(?:\w+\h+){1,3}", makes one, and an
             * optional "(?:new\h)?" or "\h?" keeps a boundary there either
             * way, as it keeps none ("tariff\h?rates") */
            after_boundary = (a.kind == ATOM_SPACE && !a.optional) ||
                             (a.kind == ATOM_GROUP && !a.optional && ends_with_space(p, &a, after_boundary)) ||
                             (after_boundary && (a.kind == ATOM_ZERO || a.kind == ATOM_BOUNDARY || a.kind == ATOM_SPACE ||
                                                 (a.kind == ATOM_GROUP && a.optional && ends_with_space(p, &a, after_boundary))));
            a = after;
        }
        for (size_t k = 0; k < best.count; k++)
            add_word(set, best.words[k], strlen(best.words[k]), best.caseless[k]);
        found |= best.count > 0;
        word_set_clear(&best);
        if (!found)
            return 0;
        while (a.kind != ATOM_END && a.kind != ATOM_BAR)
            a = next_atom(p, a.end, end, &caseless);
        if (a.kind == ATOM_END)
            return 1;
        i = a.end;
    }
}

int pattern_required_words(const char *pattern, const word_set *starts, word_set *set)
{
    if (!readable(pattern))
        return 0;
    return required_in(pattern, 0, strlen(pattern), 0, starts, set);
}
