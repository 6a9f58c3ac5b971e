/* lossless: rebuilding a document's input bytes from annotator XML (its text
 * nodes plus the bytes of its <raw hex> elements), shared by the stream tests
 * and the stream fuzzer. Include after <cmocka.h> and libxml2's parser.h. */
#ifndef TESTS_LOSSLESS_H
#define TESTS_LOSSLESS_H

#include <stdlib.h>
#include <string.h>

/* A growable byte buffer, always NUL-terminated. */
typedef struct {
    char *data;
    size_t len, cap;
} bytes;

static inline void bytes_add(bytes *b, const void *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        b->data = realloc(b->data, cap);
        assert_non_null(b->data);
        b->cap = cap;
    }
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static inline void bytes_str(bytes *b, const char *s)
{
    bytes_add(b, s, strlen(s));
}

static inline void bytes_free(bytes *b)
{
    free(b->data);
    memset(b, 0, sizeof *b);
}

/* Position of the first byte where a and b differ, to make a failure readable. */
static inline size_t first_difference_of(const char *a, size_t a_len, const char *b, size_t b_len)
{
    size_t n = a_len < b_len ? a_len : b_len, i = 0;
    while (i < n && a[i] == b[i])
        i++;
    return i;
}

static inline int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

/* Appends to b the bytes node stands for: its text, and each <raw hex>
 * element's bytes, in document order. Fails the test on anything else a
 * document may not hold. */
static inline void rebuild_text(const xmlNode *node, bytes *b)
{
    for (const xmlNode *c = node->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            bytes_str(b, (const char *)c->content);
        } else if (c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, "raw")) {
            assert_null(c->children);
            xmlChar *hex = xmlGetProp(c, BAD_CAST "hex");
            assert_non_null(hex);
            size_t n = strlen((const char *)hex);
            assert_true(n > 0 && n % 2 == 0);
            for (size_t i = 0; i < n; i += 2) {
                int hi = hex_value((char)hex[i]), lo = hex_value((char)hex[i + 1]);
                assert_true(hi >= 0 && lo >= 0);
                char byte = (char)(hi * 16 + lo);
                bytes_add(b, &byte, 1);
            }
            xmlFree(hex);
        } else if (c->type == XML_ELEMENT_NODE) {
            rebuild_text(c, b);
        } else {
            fail_msg("unexpected node type %d in a document", (int)c->type);
        }
    }
}

/* Parses a whole corpus, failing the test unless it is well-formed with a
 * <corpus> root; *root is set to it. Free the result with xmlFreeDoc. */
static inline xmlDocPtr parse_corpus(const bytes *xml, xmlNode **root)
{
    xmlDocPtr doc = xmlReadMemory(xml->data, (int)xml->len, "out.xml", NULL, XML_PARSE_HUGE | XML_PARSE_NONET);
    if (!doc)
        fail_msg("the output is not well-formed XML");
    *root = xmlDocGetRootElement(doc);
    assert_non_null(*root);
    assert_string_equal((const char *)(*root)->name, "corpus");
    return doc;
}

#endif
