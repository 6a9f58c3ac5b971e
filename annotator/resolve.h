/* resolve: chooses among overlapping candidates, and links names.
 * Its working buffers, and the scratch block link and quote take memory
 * from, are kept in the document for the next one (doc->resolve_buffers,
 * freed by doc_free).
 *
 * Policy, applied per phase in this order, documented in rules/README.md:
 * candidates are ranked by priority (higher first), then length (longer
 * first), then position (leftmost first), then rule order. A candidate is
 * kept unless it overlaps a kept candidate of the same phase, crosses a span
 * of an earlier phase, or lies inside one. When it covers an earlier span,
 * the earlier span stays nested inside it if the rule references or nests
 * its type; otherwise the earlier span is removed, unless its priority is
 * higher, in which case the candidate loses. Helper types (starting with '_') never
 * conflict with anything. Losers stay in doc->spans flagged SPAN_REMOVED. */
#ifndef ANN_RESOLVE_H
#define ANN_RESOLVE_H

#include "doc.h"
#include "rules.h"

/* Runs every phase and its resolution over a loaded document, then links
 * it (link.h), finds its quotations (quote.h) and its stances (stance.h). */
struct matcher;
void annotate_document(struct matcher *m, const ann_rules *rules, document *doc);

/* Memory for one document's work in the stages after the resolver (link,
 * quote): taken in pieces, never given back one by one, and all reused once
 * the next document is resolved. The document keeps it (doc.h), so those
 * stages allocate only while documents grow. */
typedef struct document_scratch document_scratch;

/* n bytes, aligned for any record, valid until annotate_document runs on
 * the document again. Never fails (alloc.h). */
void *scratch_take(document_scratch *scratch, size_t n);

/* A span and where it starts. */
typedef struct {
    uint32_t start;
    uint32_t index;       /* in doc->spans */
} span_position;

/* What the resolver lists of a document for the stages after it (link.h,
 * quote.h), so that none of them reads every span: most are helpers or
 * losers. Entries a later phase removed stay listed, flagged SPAN_REMOVED:
 * readers skip them. */
typedef struct {
    /* the visible spans by start, starting together in the order found,
     * and the length of the longest (end - start) */
    span_position *by_start; /* link_document may move a span's start back (widen_given_names) */
    size_t by_start_count;
    uint32_t longest;
    /* the visible spans in the order found (by index); link_document drops
     * the removed ones and adds its own, with room for one per token */
    uint32_t *visible;
    size_t visible_count;
    /* set by link_document: the same visible_count spans by start, starting
     * together in the order found */
    const uint32_t *visible_by_start;
    /* the spans of the helper types the later stages read (_SURNAME_FIRST,
     * _LEGAL_FORM, _SPEECH, _PLACE_ANY_CASE, _PEOPLE_ANY_CASE, _FIRSTNAME),
     * in the order found */
    const uint32_t *helpers;
    size_t helper_count;
} resolved_spans;

/* Frees the buffers the resolver keeps in a document (doc_free calls it). */
void resolve_buffers_free(resolve_buffers *buffers);

#endif
