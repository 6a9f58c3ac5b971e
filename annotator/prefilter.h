/* prefilter: reads a pattern (macros already expanded) to find literal words
 * that decide cheaply where it can match, so the matcher tries it only there:
 *
 *   first words     every match starts with one of these tokens:
 *                   "(?i:minister|envoy) of" -> {minister, envoy}, caseless
 *   required words  every match consumes one of these as a whole token:
 *                   "\p{Lu}\w+ (?:Corp|Inc)\b" -> {Corp, Inc}; of several,
 *                   the first without a word nearly every sentence has
 *                   ("the", "of"): "the first \d+ days" -> {first}
 *
 * The analysis is conservative: a pattern it does not understand gets no
 * set, and is then tried wherever its start keys allow. Words are made of
 * letters (in any script, with their combining marks) and digits. */
#ifndef ANN_PREFILTER_H
#define ANN_PREFILTER_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    char **words;         /* owned; lower case when the word matches caselessly */
    uint8_t *caseless;
    size_t count, cap;
} word_set;

/* Each returns 1 and adds to set when the property holds for every match,
 * 0 otherwise (set is then left with whatever was added: clear it).
 * pattern_required_words passes over the words in starts (the pattern's
 * first words, or NULL) as it does over "the": where every match holds a
 * later word too, that one is taken, since a rule is tried at its first
 * words anyway ("(?i:would|could) put ... at risk" needs "risk"). */
int pattern_first_words(const char *pattern, word_set *set);
int pattern_required_words(const char *pattern, const word_set *starts, word_set *set);

void word_set_clear(word_set *set);

#endif
