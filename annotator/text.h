/* text: the first look at a document's bytes. Validates UTF-8 (the commonest
 * sequences inline, see utf8.h, the others with utf8proc) and
 * finds every byte run that XML 1.0 cannot carry (invalid UTF-8, NUL and the
 * other C0 controls but TAB/LF/CR, U+FFFE/U+FFFF). Those runs become <raw>
 * elements in the output; every other byte is written as text.
 *
 * It also builds the "clean" copy the later stages read: the same length and
 * offsets as the input, but every invalid byte, U+FFFE and U+FFFF, and the
 * private-use code points U+E000..U+E002 that rule views use as markers,
 * replaced by 0x1A (SUB), so PCRE2 in UTF mode can match it without
 * per-match validation. The tokenizer treats 0x1A, like every control, as a
 * separator. */
#ifndef ANN_TEXT_H
#define ANN_TEXT_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint32_t start, end;  /* byte offsets, end exclusive */
    int invalid_utf8;     /* 1: not UTF-8; 0: valid but not allowed in XML */
} raw_run;

/* Zero bytes after the clean copy's NUL terminator: a word load of eight
 * bytes, or two, from any offset up to len stays inside the buffer, so the
 * stages that read tokens a word at a time (gazetteer.c) need no bound test. */
#define TEXT_PADDING 16

typedef struct {
    char *clean;          /* owned; len bytes, a NUL terminator, TEXT_PADDING zero bytes */
    size_t len, clean_cap; /* clean_cap: bytes allocated, kept between documents */
    raw_run *raws;        /* owned; in order; each a maximal run of one class,
                             so invalid bytes next to a NUL are two runs */
    size_t raw_count, raw_cap;
} text_view;

/* Fills tv from bytes[0..len). tv must be zeroed or previously used (its
 * buffers are reused). len must be below 4 GiB, as all offsets are
 * uint32_t. Never fails. */
void text_prepare(text_view *tv, const char *bytes, size_t len);
void text_free(text_view *tv);

#endif
