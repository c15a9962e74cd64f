// Event attributes from the clause: the code as modality and polarity
// bend it (intent, threat, refusal), the date of the clause's own time
// expression, and its place.
//
// Free functions over const inputs; thread-safe.
#ifndef DATELINE_EVENTS_EVENT_ATTRIBUTES_H_
#define DATELINE_EVENTS_EVENT_ATTRIBUTES_H_

#include <string>
#include <string_view>

#include "dateline/document.h"

namespace dateline {

class EventLexicons;

// Returns the code of an act expressed as intent ("will visit" 042 ->
// 036, "will impose sanctions" 163 -> 1312), the code itself when CAMEO
// has no intent code for it.
std::string DefaultIntentCode(const std::string& code);
// Returns the refusal code of a negated cooperative act ("will not meet"
// -> 125), "" when there is none (the act is then flagged negated).
std::string DefaultNegatedCode(const std::string& code, bool intent);

// How a clause's modality and polarity bend a pattern's code.
struct CodeChoice {
  std::string code;
  bool hypothetical = false;
  bool negated = false;
  bool drop = false;  // a question: no event
};
// `modality` is the clause's ("future", "intent", "threat", "possible",
// "necessity", "conditional", "question", ""), after the parent's intent
// (ClauseIntent) is taken in; `intent_code` / `neg_code` the pattern's own.
CodeChoice ChooseCode(const std::string& code, const std::string& intent_code,
                      const std::string& neg_code,
                      const std::string& modality, bool negated);

// Returns "intent" when the clause's parent plans it ("is due to visit",
// "vowed to retaliate"), else the clause's own modality; a clause under a
// conditional or question parent takes that.
std::string ClauseModality(const Document& doc, int clause,
                           const EventLexicons& lex);

// Returns whether `value` is a calendar date: YYYY, YYYY-MM or YYYY-MM-DD.
bool IsCalendarDate(std::string_view value);

// The clause's own time expression (a calendar date in one of its
// arguments other than a complement clause), else its parents' up to two
// levels ("said on Wednesday that ... would"); "" when none.
std::string ClauseDate(const Document& doc, int clause);

}  // namespace dateline

#endif  // DATELINE_EVENTS_EVENT_ATTRIBUTES_H_
