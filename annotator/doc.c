#include "doc.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "resolve.h"

void doc_load(document *doc, const char *bytes, size_t len)
{
    doc->bytes = bytes;
    doc->len = len;
    text_prepare(&doc->text, bytes, len);
    grow_array((void **)&doc->token_edges, &doc->edges_cap, len + 1, 1);
    memset(doc->token_edges, 0, len + 1);
    tokenize_marking_edges(doc->text.clean, len, &doc->tokens, doc->token_edges);
    segment_text(doc->text.clean, len, &doc->tokens, &doc->paragraphs, &doc->sentences);
    doc->span_count = 0;
    doc->attr_count = 0;
    doc->pool_len = 0;
    if (++doc->generation == 0) { /* wrapped: slots of an old document could look current */
        memset(doc->fixed_strings, 0, sizeof doc->fixed_strings);
        doc->generation = 1;
    }
    doc->layout_name = NULL;
    for (int i = 0; i < DOC_ATTR_COUNT; i++)
        doc->doc_attrs[i] = NO_STRING;
    doc->structure_count = 0;
    doc->layout_span_count = 0;
    doc->quote_count = 0;
    doc->stance_count = 0;
    doc->stance_summary_count = 0;
}

void doc_free(document *doc)
{
    text_free(&doc->text);
    token_list_free(&doc->tokens);
    segment_list_free(&doc->paragraphs);
    segment_list_free(&doc->sentences);
    free(doc->token_edges);
    free(doc->spans);
    free(doc->attrs);
    free(doc->pool);
    free(doc->structure);
    free(doc->layout_spans);
    free(doc->quotes);
    free(doc->stances);
    free(doc->stance_summaries);
    resolve_buffers_free(doc->resolve_buffers);
    memset(doc, 0, sizeof *doc);
}

size_t doc_add_span(document *doc, const span *s)
{
    return doc_add_span_at(doc, s, token_at_or_after(&doc->tokens, s->start));
}
