/* match: runs one phase of the rules over a document and adds every match as
 * a candidate span (the resolver then picks the winners).
 *
 * Cost per byte barely grows with the number of rules: patterns are tried
 * only at token starts, only if what starts there can begin a match (start
 * keys, rules.h: PCRE2's start-of-match bitmap by byte, and a few characters
 * and the marker types tried one by one; then, where the text starts with
 * two ASCII bytes, a partial match of each rule on those two alone, and,
 * for rules whose short lookbehinds can rule them out, one after the two
 * bytes before, and at a marker, for rules that read the annotation only
 * through the reference they start with, one on the two bytes after it;
 * each probed once per matcher when a pair keeps coming up),
 * anchored, and only within the sentence; word lists are one hashed walk
 * per token (gazetteer.h). A pattern
 * that refers to earlier annotations (<TYPE>) runs over a view: the text with
 * markers around those annotations (rules.h). A callout at the end of every
 * pattern makes PCRE2 backtrack until the match ends on a token end.
 *
 * The matcher owns its scratch buffers and PCRE2 match state; what its
 * start probes find goes to the rules (ann_rules.pair_states), for every
 * matcher of them. One per worker of a stream. */
#ifndef ANN_MATCH_H
#define ANN_MATCH_H

#include "doc.h"
#include "rules.h"

typedef struct matcher matcher;

/* Called when a pattern hits a PCRE2 resource limit at a document offset;
 * matching goes on with the next position. */
typedef void (*match_limit_fn)(void *ctx, const rule *r, uint32_t offset, int pcre2_error);

matcher *matcher_new(const ann_rules *rules, match_limit_fn on_limit, void *ctx);
void matcher_free(matcher *m);

/* Adds the candidates of every rule of the phase (1-based) to doc->spans. */
void match_phase(matcher *m, document *doc, int phase);

#endif
