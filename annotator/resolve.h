/* resolve: chooses among overlapping candidates, and links names.
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

/* Frees the buffers the resolver keeps in a document (doc_free calls it). */
void resolve_buffers_free(resolve_buffers *buffers);

#endif
