/* stance: the stance stage, run after the quote stage (quote.h). Finds who
 * (holder) is for or against what (target) in each sentence, on the
 * evidence of cue words. It owns doc->stances and doc->stance_summaries
 * (doc.h), and only reads the spans and quotations.
 *
 * Cues come from rules, not C: helper annotations made by
 * rules/50-stance.rules and its word lists. A cue's type says its polarity
 * and where its target is:
 *   _FAVOR, _AGAINST              target after the cue ("welcomed the deal")
 *   _FAVOR_STATE, _AGAINST_STATE  target is the clause's subject before it
 *                                 ("the tariffs are not acceptable")
 *   _FAVOR_EFFECT, _AGAINST_EFFECT  what the subject before it does or will
 *                                 not do ("the duties would close mills",
 *                                 "the tariff has protected jobs"): as
 *                                 _STATE, but the author's report of it
 *                                 holds none
 *   _COMPLAINT                    against, target after; reader comments only
 *   _REFUSAL                      against, target the subject; comments only
 *   _FAVOR_FROM, _AGAINST_FROM    target the subject, holder the agent after
 *                                 the cue ("the plan drew support from X")
 *   _RHETORICAL                   against; a question whose answer is plain
 *                                 ("Who exactly benefits when ...?": nobody),
 *                                 target the measure it is asked about
 *   _HARM                         against; a harm the speaker's side is made
 *                                 to suffer ("they should not pay for it"),
 *                                 target the measure in context
 *   _FAVOR_CONTEXT                for the measure in context, named by no
 *                                 word of its own ("Good move.")
 * A cue inside a longer cue is dropped ("acceptable" in "not acceptable"),
 * so a negation listed inside a phrase stays part of it; so is a cue inside
 * a _NOT_CUE phrase ("would back down", "would stay at 10%"), and a
 * condition word inside one is no condition ("if you ask me").
 *
 * Per sentence, in this order:
 *   questions     a sentence ending in '?' states no stance but a
 *                 _RHETORICAL one, whose holder is its speaker or reader
 *                 comment (the author's open questions state none);
 *   conditions    nor does the part of one holding a _CONDITION ("if",
 *                 "unless"), between the contrast words and ";" around it
 *                 ("did not want a trade war, but would answer ... if ..."
 *                 keeps its first part), and before a "because" or a speech
 *                 verb after the cue ("backed this deal because ... if
 *                 imports surged", "supported the union and said ... if"),
 *                 but for a _RHETORICAL cue: the condition is part of what
 *                 it asks ("Who is better off if ...?"); a condition inside
 *                 a quotation reaches only cues inside it, and one outside
 *                 reaches none inside;
 *   negation      a _NEGATION ending within the 3 tokens before the cue, in
 *                 its clause and outside any cue, flips it (favor <-> against);
 *   intensifier   an _INTENSIFIER within the 2 tokens before the cue joins
 *                 its evidence (the stance's extent), as does the negator;
 *   hedge         a _HEDGE within the 3 tokens before the cue ("may
 *                 accept") makes it a possibility, no stance, unless a
 *                 negator follows the hedge ("could not accept");
 *   contrast      a stance before the last _CONTRAST ("but") of its sentence
 *                 is dropped when one after it has the same target ("the
 *                 talks were constructive but unproductive"); one on a
 *                 target of its own stays ("supported stronger protection
 *                 but did not want a trade conflict").
 * Clauses end at , ; : ( ) and at a _CONTRAST. Cues in the <topic> line
 * (the headline repeated over the comments, cut short) state none.
 *
 * Holder, the first rule that gives one:
 *   quote       inside a quotation: its speaker; none known, the speaker
 *               of a calling verb before it in the sentence ("Wang called
 *               the step "a necessary answer""); else no stance;
 *   agent       (_FAVOR_FROM, _AGAINST_FROM) the first PERSON, ORG, GPE or
 *               NORP after the cue in its clause (none: no stance);
 *   possessor   (_FAVOR and _AGAINST cues) a cue that is a noun owned by
 *               what comes right before it: the entity before "'s"
 *               ("Russia's backing for ..."), the last PERSON of the
 *               sentence before "his"/"her", the last ORG, GPE or NORP
 *               before "its"/"their" ("Belgrade, for its support of ...");
 *   relative    (_FAVOR and _AGAINST cues) an act in a clause that
 *               "which" or "who" opens after a comma, within 4 tokens
 *               before the cue: the PERSON, ORG, GPE, NORP or group ending
 *               right before that comma ("..., president of the Midwest
 *               Food Importers Council, which opposes the tariffs");
 *   reported    a _SPEECH verb, or for an evaluation a _CALLING verb
 *               ("called the tariff unfair"), before the cue in its clause
 *               for a holder (see below): a title noun right before
 *               it as the person it stands for ("..., Seoul's top trade
 *               negotiator said"), else, in the verb's clause if it has
 *               one, else before it, the last PERSON, else the last ORG,
 *               GPE or NORP that is not a possessive ("Keidanren, Japan's
 *               business lobby, said"), else any, else a pronoun right
 *               before the verb ("Akazawa said Japan's position ... not
 *               acceptable", "He added that ..."); with no one named before
 *               a verb that opens its clause, the one after it ("According
 *               to the ministry, ...");
 *   reported-after  a _SPEECH verb after the cue, in a clause of its own:
 *               the last PERSON (else ORG, GPE, NORP) of that clause within
 *               8 tokens before it, a pronoun right before it, or a PERSON
 *               or ORG right after it ("..., Fournier said", "..., said
 *               Fournier", "..., according to the Exporters' Association");
 *   subject     (_FAVOR and _AGAINST cues, acts with an agent) the first
 *               PERSON of its clause before the cue, else its first ORG,
 *               GPE or NORP, else its first _GROUP, none right after a
 *               preposition of place ("France's Claire Duvernoy welcomed
 *               ..." is Duvernoy; "Farmers in Iowa backed ..." is
 *               "farmers", not Iowa); else, opening that clause within 4
 *               tokens of the cue, "he" or "she" as the last PERSON named
 *               before it, "the minister" as the person introduced with
 *               that title, "the union" as the last ORG whose name holds
 *               that head noun ("the group", "the company": the last ORG);
 *               a place's possessive before a body that is no government
 *               ("Britain's largest livestock union called for ...") is
 *               not the holder: the ORG of the next sentence whose name
 *               holds the body's head noun is; an entity "and" joins to the
 *               subject holds the stance too ("Japan and South Korea
 *               criticised ...": a second stance, of the same extent, so
 *               summarised but not written);
 *   comment     inside a reader comment (<comment n="N">): "comment N",
 *               except for an act whose clause names its agent before it
 *               (an entity, a group, a noun after "his", "her", "their",
 *               "its": "after her union cheered the deal"), which the
 *               reader reports: no stance;
 *   author      otherwise "author", for evaluations only: an act whose
 *               agent the text does not name ("The union has long opposed
 *               ..." with no union named before) states no stance.
 * An organisation's officer speaking after a quotation that states no
 * stance ("...," said its chief executive, NAME) shares the stance the
 * organisation took last before it in its paragraph ("X welcomed the
 * decision."): a second stance of the same extent, summarised, not written.
 * A nationality after "a" ("Nordfarm Cooperative, a Danish processor,
 * said") ranks below the names around it, as a possessive does; one
 * qualifying lower-case words that a capitalised name in commas then names
 * is no subject ("The Spanish olive oil producers' association, Aceites de
 * España, condemned ...": the name is, or nobody when it is no entity). A one-word
 * noun phrase target that is an organisation's head noun ("supported the
 * union") is that organisation, as a title noun is its person.
 * Speakers and subjects include groups named by what they are (_GROUP:
 * "farmers", "automakers"), below any entity; a group is named in lower
 * case, after a GPE or NORP right before it ("U.S. farmers"), unless it is
 * a government noun ("Chinese officials" speak for China, below). Where a
 * pronoun may stand for the speaker right before a speech verb, so may a
 * title noun or an organisation's head noun ("..., the union said").
 * The clause for a holder starts after a dateline opening the sentence
 * ("OTTAWA (Northwire) -"), and after the last ";", "while", "whereas", or
 * _CONTRAST followed by a subject of its own ("..., but opposition parties
 * signalled support"; not "... but would not accept"). Nothing right after
 * a preposition of place or direction is an agent or speaker ("Farmers in
 * Iowa", "Exports to India").
 * A PERSON named by one word that begins exactly one longer PERSON name of
 * the document is named in full ("Liu" after "Liu Haoran": the linker only
 * gives a lone last word the full name). A NORP before a government noun
 * ("the Japanese government", "Chinese officials") holds for its country
 * (its `country` code), named as the document names that country, with no
 * holder-ref.
 *
 * Target of a _RHETORICAL question or a _HARM: the first tariff mention of
 * its sentence, else the last before it in its paragraph or reader
 * comment, with its owner as below, else the last measure noun a GPE or
 * NORP qualifies there, after a tariff mention in the document, as that
 * country's tariffs ("The Chinese measure will hit Spain ... they should
 * not pay for it" is against China tariffs); none: no stance. Neither is the
 * author's: the article's own voice asks questions it leaves open and
 * reports harms without blaming.
 *
 * Target, for cues whose target follows: in the clause after the cue, a
 * tariff mention (a TARIFF entity or a _TARIFF_WORD; reached through a noun
 * of easing, "relief from U.S. tariffs", "concessions on ... tariffs", it
 * flips the cue's polarity), else the nearest
 * PERSON, ORG, GPE, NORP, EVENT or GOODS entity, else a noun phrase of up to
 * three lower-case words (determiners and amounts skipped). A noun phrase
 * right after the cue comes first when the entity only completes it after
 * a preposition ("praised the agreement with Brazil") or the tariff comes
 * farther on ("would back any agreement that left the tariff unchanged"),
 * unless it names a body asked to act ("urged the government to scrap the
 * levy"). An entity asked to act is no target either ("urged Washington to
 * reconsider it" is against the tariff named before "it", else no stance).
 * A pronoun object ("Scrap them", "drop it") is the last tariff mention
 * before it in its reader comment or paragraph; none there: no stance.
 * Who is asked to act is no target, the object of the act is ("called on
 * its voters to end a boycott" is against the boycott): an entity right
 * after the cue, or a noun phrase after it ending in a group, government,
 * organisation or title noun, followed by "to" and a verb.
 * A _FAVOR or _AGAINST cue followed by a particle or a passive's "by"
 * ("blasted in two aces", "backed by tanks") has no object: no stance. A
 * target that is the holder itself is no target. An entity target lies
 * within 6 tokens of the cue.
 * An evaluation after "as" that follows an act in its clause is the act's
 * own wording ("slammed the duties as short-sighted"): no second stance.
 * A one-word evaluation right before a noun with no copula just before it
 * only qualifies the noun or number and states no stance ("from unfair
 * competition", "a dangerous 3-6 hole"; not "are an unfair burden"). A city between
 * a determiner and lower-case nouns names the thing there ("the Geneva
 * meeting"); a country there is the noun's actor ("a U.S. request" is
 * "request"), as an object or as a subject after a determiner ("called the
 * U.S. threat "out of proportion"" judges the threat), but for a government
 * noun ("the Israeli government" is Israel); a measure noun ("measure",
 * "move", "step", "decision", "threat") a country so qualifies, in a
 * document that mentions a tariff, is that country's tariffs ("the U.S.
 * threat" is "United States tariffs"). A noun phrase that points back is
 * resolved: "the
 * minister('s remarks)" is the last person introduced with a title holding
 * "minister" (in the 4 words before a mention of the person: "Agriculture
 * Minister Hiroshi Tanabe", "chief trade negotiator Yoon Seo-jin"; the
 * stance and quote stages share the title nouns, quote.h),
 * "that argument" (view, claim, ...) whoever spoke in the sentence before
 * (nobody named: no stance), and "the idea that ..." is no target; "the
 * government's offer" is "offer"; "the tax" ("this tax", "its tax") is the
 * last tax named before by what it falls on, in the article or its reader
 * comment ("digital services tax"; none: "tax"), a measure noun right
 * after its cue with "the" or a demonstrative ("defended the measures") the
 * last tariff mention in its paragraph or the one before, while other
 * nouns stay as written. For subject cues: the first tariff
 * mention or entity of the clause before the cue, after its last speech or
 * calling verb or "that" (an owner's tariffs for the owner: "Trump's
 * tariffs"; the noun after a place's or an organisation's "'s": "Seoul's
 * offer" is "offer", while "Stanhope's position" is Stanhope); else the
 * one right after a calling verb earlier in the sentence ("described the
 * Geneva meeting as "candid, practical and constructive""); else, for a
 * cue opening its clause (after auxiliaries and a copula) right after an
 * insertion between commas, the same taken from the clause before the
 * insertion, or the noun phrase after "the", "this" or "that" ending it
 * ("that the tax, which Madrid has collected since 2021, discriminated
 * against ..."); else the noun
 * phrase before the copula ("the call had been unproductive") or between a
 * calling verb and the evaluation ("called the decision disappointing"),
 * or right before the cue after "the", "this" or "that" ("said the measure
 * put 400,000 jobs at risk"); such a phrase naming a measure ("measure",
 * "move", "step", "decision", "threat") after a tariff mention in its sentence is that
 * tariff ("asked for relief from the tariffs, warning that the measure would
 * raise prices"), and after "this" or "that" it points back farther, to the
 * last tariff mention in its paragraph or reader comment or the paragraph
 * before ("This decision is not acceptable" after a paragraph on the
 * duties);
 * else, for a pronoun subject and a holder other than
 * the author, the nearest tariff mention or entity before the cue in its
 * sentence (", and it is not acceptable").
 *
 * Tariff owners: a tariff target is "OWNER tariffs" when the text names the
 * owner: a GPE right before the mention ("U.S. tariffs", "Japan's
 * duties"; not one the tariff falls on, "Australia faces tariffs", nor the
 * holder, as itself or as the country it names: Beijing's "the duties"),
 * "its"/"their" after a GPE ("Washington lifting its 20%
 * tariff"), after a cue a GPE between the cue and the mention ("urging the
 * U.S. to drop all the tariffs"), or a subject GPE followed by one ("Japan
 * doesn't change tariffs"). A mention with a rate (a TARIFF's `rate`, or a
 * rate judged on its own) names no owner of its own is the first earlier
 * mention, in the article or its reader comment, that names that rate
 * ("42%" in "18% to 42%") and has an owner; one without a rate but with
 * goods (inside a TARIFF, or right before its levy word: "the coffee
 * tariff") the first that names those goods ("U.S. coffee tariff"). The
 * earlier mention's owner is one right before it, or its
 * imposer, the GPE or coded organisation ("EU") opening its sentence when
 * an _IMPOSING verb ends at most 3 tokens before it ("EU halves steel
 * import quotas, sets 50% duty": a reader's "50% is still too low" is the
 * EU's, though the United States charges 50% too). Otherwise the owner
 * comes from the context: the
 * owner of the last tariff mention whose owner was named, in the article or
 * in the same reader comment (each comment is read with the article, not
 * with the other comments), else the owner named most often, right before
 * its tariffs or through "its" ("Chile will keep its 8% export duty"), in
 * the article and that reader comment (a reader's mentions do not change
 * what the article is about for the others); the holder itself only for a
 * cue in favour (a country defends its own tariffs: "Chile defends 8%
 * lithium export duty"; against, they are the other side's), and never
 * the country the measure falls on, by the nationality or place that
 * qualifies its goods after "on" ("a 25% tariff on Brazilian orange
 * juice", or such an earlier mention of the same goods): then the owner
 * named most often, if it is another. A city stands for the organisation seated there when the
 * document names it (its `seat`, an ORG's `code`: Brussels for the European
 * Union), else for its country (its `country` code), named as
 * the document names that country. No owner: "tariffs". Never the holder
 * itself as target. No target: no stance.
 *
 * Summary: each (holder, target) pair, in order of first stance, with the
 * number of its cues and the majority polarity (a tie is neutral).
 *
 * Writing: a stance is written (its nests flag) when its extent crosses no
 * entity, lies in no entity, crosses and holds no written quotation, and
 * overlaps no earlier stance. Entities may lie inside it.
 *
 * Cost: one pass over the spans and a sort of the few that matter; a
 * document without a cue costs that pass only. Looking back ("the
 * minister", the tariffs' owner) is bounded to 64 mentions. */
#ifndef ANN_STANCE_H
#define ANN_STANCE_H

#include "doc.h"
#include "rules.h"

/* Fills doc->stances and doc->stance_summaries (cleared first) for a
 * document after its quote stage. Never fails. */
void stance_document(const ann_rules *rules, document *doc);

/* "favor", "against" or "neutral". */
const char *stance_polarity_name(int polarity);

#endif
