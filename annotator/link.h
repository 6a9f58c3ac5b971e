/* link: the last stage before writing. Makes a document consistent with
 * itself once every rule has run:
 *
 *   names      a person seen with two or more words ("Ryosei Akazawa") gives
 *              its full name as norm to every mention of its last word
 *              ("Akazawa", and "AKAZAWA" in a headline in capitals), tagged
 *              or not, with the lower-case particles the full name has
 *              before it ("de los Santos" of "Victorino de los Santos"),
 *              also written without its accents ("Kratochvil" for
 *              "Kratochvíl"); of its first word too where a family name comes
 *              first ("Xi Jinping", the helper type _SURNAME_FIRST); of its
 *              middle word too in a name of three words ("Ferrán" for
 *              "Lucía Ferrán Ibarra"); and of its words after the first,
 *              where a rule tagged them ("Ní Mhurchú" for "Siobhán Ní
 *              Mhurchú"); a word two people share ("Yeltsin"
 *              of Boris and Naina Yeltsin) makes its mentions persons
 *              still, with the word itself as norm;
 *              never of a regnal number ("III" of "Charles III");
 *   firms      a firm named by one word and its legal form ("Ruch SA", the
 *              form marked by the helper type _LEGAL_FORM) gives its name
 *              and type to the word alone ("Ruch"; "Voltcore" of "Shenzhen
 *              Voltcore Electronics Co.", whose first word is a place the
 *              document tags), tagged or not, and
 *              retypes it where a rule took it for a person, not where a
 *              rule took it for anything else (a place), nor where a
 *              person named in full goes by the word ("Han" of "Han
 *              Seung-woo" and "Han River Times Co., Ltd.");
 *   bodies     a body named in full by words ending in its head word
 *              ("European Commission") gives its name to the head word
 *              alone ("the Commission") where a rule tagged it, unless two
 *              bodies share it;
 *   acronyms   an acronym introduced in parentheses after a name
 *              ("World Trade Organization (WTO)") becomes that name's type
 *              and norm, there and wherever it appears later; capitalised
 *              words no rule found whole that an acronym of three or more
 *              letters spells ("Kenya Hides, Skins and Leather Traders
 *              Association (KHSLTA)") become one ORG, the spans wholly
 *              inside them giving way;
 *   types      a one-word name once typed ("Surrey" as ORG) keeps that type
 *              where it appears again untagged, unless it was typed two ways;
 *   goods      lower-case goods a rule found from their context, not from a
 *              list ("a ban on hilsa exports", "sunflower seed"), are goods
 *              wherever their last word appears again untagged: the whole
 *              phrase where the text repeats it, else the word alone
 *              ("tonnes of seed"), with the phrase's norm;
 *   comments   readers write names in lower case: in the reader comments,
 *              a lower-case word the names above know ("szekeres"), or a
 *              country or people the word lists name in any case (the
 *              helper types _PLACE_ANY_CASE, _PEOPLE_ANY_CASE: "south
 *              korea", "chinese"), is that name, unless the article writes
 *              it in lower case too;
 *   refs       every entity gets a document-unique ref, shared by all the
 *              mentions with its type and norm ("e3").
 *
 * Adds spans (rule -1), sets norms and refs, and moves a surname's start
 * back over its particles ("de los Santos"); removes a span only inside a
 * name an acronym spells. */
#ifndef ANN_LINK_H
#define ANN_LINK_H

#include "doc.h"
#include "resolve.h"
#include "rules.h"

/* Links the document the resolver listed in spans (resolve.h); the refs
 * are numbered walking its visible spans by start. Leaves spans->visible
 * exactly the visible spans, in the order found, its own added last, and
 * spans->visible_by_start the same by start. Its working memory comes
 * from scratch. */
void link_document(const ann_rules *rules, document *doc, resolved_spans *spans, document_scratch *scratch);

#endif
