/* bitset: a bit per byte offset of a document, for stages that ask whether
 * any marked offset lies in a range. The caller allocates the words
 * (bitset_words of them, zeroed) and frees them. */
#ifndef ANN_BITSET_H
#define ANN_BITSET_H

#include <stddef.h>
#include <stdint.h>

static inline size_t bitset_words(size_t offsets)
{
    return offsets / 64 + 1;
}

static inline void bitset_mark(uint64_t *bits, size_t offset)
{
    bits[offset / 64] |= 1ULL << (offset % 64);
}

/* Whether an offset in [from, to) is marked: a word at a time. */
static inline int bitset_any(const uint64_t *bits, size_t from, size_t to)
{
    if (from >= to)
        return 0;
    size_t first = from / 64, last = (to - 1) / 64;
    uint64_t head = ~0ULL << (from % 64), tail = ~0ULL >> (63 - (to - 1) % 64);
    if (first == last)
        return (bits[first] & head & tail) != 0;
    if (bits[first] & head)
        return 1;
    for (size_t w = first + 1; w < last; w++)
        if (bits[w])
            return 1;
    return (bits[last] & tail) != 0;
}

#endif
