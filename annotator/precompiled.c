/* precompiled: patterns compiled at build time (see precompiled.h). */
#include "precompiled.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"

struct precompiled {
    /* precompiled_entry_count of them, each NULL once given away; NULL when
     * the store cannot be decoded */
    pcre2_code **codes;
};

int precompiled_compare(const char *a, size_t a_len, uint32_t a_options, const char *b, size_t b_len,
                        uint32_t b_options)
{
    int c = memcmp(a, b, a_len < b_len ? a_len : b_len);
    if (c)
        return c;
    if (a_len != b_len)
        return a_len < b_len ? -1 : 1;
    return a_options == b_options ? 0 : a_options < b_options ? -1 : 1;
}

/* The index of the entry of pattern and options, or SIZE_MAX. */
static size_t find_entry(const char *pattern, size_t len, uint32_t options)
{
    size_t lo = 0, hi = precompiled_entry_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const precompiled_entry *e = &precompiled_entries[mid];
        int c = precompiled_compare(pattern, len, options, precompiled_patterns + e->pattern, e->len, e->options);
        if (c == 0)
            return mid;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return SIZE_MAX;
}

/* Decodes every stored code at once: PCRE2 decodes a serialized set from
 * its start, and a run that finds one pattern of the builtin rules finds
 * nearly all. */
static precompiled *open_store(void)
{
    precompiled *s = xcalloc(1, sizeof *s);
    int32_t count = pcre2_serialize_get_number_of_codes(precompiled_codes);
    if (count < 0 || (size_t)count != precompiled_entry_count)
        return s;
    s->codes = xcalloc((size_t)count, sizeof *s->codes);
    if (pcre2_serialize_decode(s->codes, count, precompiled_codes, NULL) != count) {
        free(s->codes);
        s->codes = NULL;
    }
    return s;
}

pcre2_code *precompiled_compile(precompiled **store, const char *pattern, size_t len, uint32_t options,
                                int *errcode, PCRE2_SIZE *erroff)
{
    size_t k = find_entry(pattern, len, options);
    if (k != SIZE_MAX && !*store)
        *store = open_store();
    pcre2_code *code = NULL;
    if (k != SIZE_MAX && (*store)->codes) {
        code = (*store)->codes[k];
        (*store)->codes[k] = NULL;
    }
    return code ? code : pcre2_compile((PCRE2_SPTR)pattern, len, options, errcode, erroff, NULL);
}

void precompiled_close(precompiled *store)
{
    if (!store)
        return;
    for (size_t k = 0; store->codes && k < precompiled_entry_count; k++)
        pcre2_code_free(store->codes[k]);
    free(store->codes);
    free(store);
}
