/* quote: the quotation stage, run after linking (link.h). Finds the
 * quotations of a document and names their speakers. It owns doc->quotes
 * (doc.h): a layer of its own beside the entity spans, which it only reads.
 *
 * Quotations: a pair of double quote marks, straight ("...") or curly
 * (“...”), inside one paragraph; a quotation may hold several sentences.
 * A straight mark with a space (or an opening bracket) before it and a word
 * after it opens, one touching the word before it and followed by a space or
 * punctuation closes, any other toggles. A mark that opens while a quotation
 * is open drops the open one; a closing mark with nothing open, and a mark
 * still open at the paragraph's end, are ignored (unbalanced). Single quotes
 * are text: they may appear inside a quotation.
 *
 * Speakers, tried in this order (the first that finds one wins):
 *   after      the clause right after the closing mark (in the next
 *              sentence too, when the quotation ends one): a speaker then a
 *              speech verb within 6 tokens, with no punctuation in between
 *              (`"...," Akazawa told reporters`, `"...," a Treasury
 *              Department statement said`), or a PERSON, an apposition of
 *              at most 12 tokens between commas, then a speech verb
 *              (`"...," Ann Lee, a trade lawyer at X, said`), or a speech
 *              verb then a speaker within 6 tokens (`"...," said Akazawa`);
 *   before     the nearest speech verb before the opening mark in its
 *              sentence, and the speaker before that verb
 *              (`Akazawa said: "..."`, `Liu said Beijing's position "has not
 *              changed"`), or the source "according to" names when a
 *              clause of its own follows it (`according to the
 *              federation, which called it "..."`);
 *   continued  a quotation that opens its sentence, after an attributed
 *              quotation of the same paragraph, has that speaker;
 *   next       a quotation that ends its sentence: the first PERSON of the
 *              next sentence of the paragraph, when it holds a speech verb.
 * A speaker is a PERSON, ORG or GPE entity, or a pronoun ("he", "she") or
 * "the" + title noun ("the minister"), which resolve to a PERSON mentioned
 * before: a title noun to the last one whose TITLE entity holds that noun
 * (looking back at most 64 people), a pronoun to the first PERSON of the
 * sentence of the last one (its subject, usually: "Ogasawara said he would
 * meet Whitford. "...," he said" is Ogasawara); else the last PERSON. Among
 * several in a clause, a PERSON wins, then a pronoun or title, then an ORG,
 * then a GPE; the one nearest the verb. Speech verbs are the _SPEECH helper
 * annotations (rules/lists/speech-verbs.txt). Hard-coded in quote.c: the
 * pronouns and title nouns, and the token windows.
 *
 * Writing (its `nests` flag): a quotation no entity reaches across (each
 * entity is inside it or outside it) is written whole when it lies within
 * one sentence or spans whole sentences (then it wraps those <s> inside
 * <p>), and else in pieces, one inside each sentence it covers part of
 * (`"... growers. They hurt everyone," said Ann Lee` is two <quote>
 * elements, part 1 and 2 of 2). Others stay in doc->quotes, for the stages
 * after, but are not written.
 *
 * Cost: one pass over the tokens; a document without a quote mark costs
 * nothing more. Otherwise per-token tables, a sort of the PERSON mentions
 * and one binary search per entity (against the quote marks). */
#ifndef ANN_QUOTE_H
#define ANN_QUOTE_H

#include "doc.h"
#include "resolve.h"
#include "rules.h"

/* Fills doc->quotes (cleared first) for a linked document, its spans as
 * link_document left them listed; its working memory comes from scratch.
 * Never fails. */
void quote_document(const ann_rules *rules, document *doc, const resolved_spans *spans, document_scratch *scratch);

/* Words that stand for a person named before, NULL-terminated: pronouns
 * ("he", "she") and title nouns ("minister", "secretary", ...). The stance
 * stage resolves them the same way. */
extern const char *const quote_pronouns[];
extern const char *const quote_title_nouns[];

/* Prepositions of place and direction, NULL-terminated: an entity after
 * one (and a "the") speaks for no one ("Farmers in Iowa backed ...",
 * "Exports to India rose", "the Chinese Chamber of Commerce to the EU
 * said"), but an organisation after "at" is where the speaker works ("an
 * official at the ministry said"). The stance stage reads its holders the
 * same way. */
extern const char *const quote_locatives[];

/* Whether the len bytes at text hold word (lower-case ASCII), ignoring case. */
int quote_text_has_word(const char *text, size_t len, const char *word);

#endif
