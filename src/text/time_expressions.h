// Time expressions: finds dates and periods in English news text ("on
// Wednesday", "in October", "September 13, 2023", "since 2022", "last week",
// "the 1990s") and resolves them against the publication date into ISO 8601
// values. Stateless functions over the caller's text; thread-safe; no
// exceptions.
//
// Values:   day "2023-09-13", week "2023-W37", month "2023-10", year "1991",
//           decade "199" (ISO 8601-2: the 1990s), range "2022/" (open: since
//           2022) or "1997/2024".
//
// Resolution rules (TimeExpression::rule names the one used):
//   - A weekday in the past ("said on Wednesday") is the latest such day on
//     or before the publication day; in the future ("is due on Thursday")
//     the first such day on or after the day before publication (stories
//     are often published the day after the local date they report, as the
//     seed: Friday 01:47 for a Thursday event). "last"/"next" Wednesday are
//     strictly before/after the publication day.
//   - A month without a year ("in July") in the past is the latest such
//     month up to the publication month; in the future ("would travel ...
//     in October") the first one from the publication month on. "last" and
//     "next" October are strictly before/after the publication month.
//   - A day without a year ("Sept. 13") follows the same rule by date.
//   - Tense comes from `hint`, or with TenseHint::kAuto from the nearest
//     cue word in the sentence: first to the left of the expression, then
//     to the right: will/would/'ll/shall/due/scheduled/plans/expected/...
//     mean future; said/was/were/had/has/did and past participles ("-ed")
//     mean past. No cue: past (news reports what happened).
//   - Relative expressions (yesterday, today, last week, next month, this
//     year, two years ago) count from the publication date; without one
//     they are not reported. Absolute ones (July 2000, 1948, the 1990s) are
//     reported with or without it.
#ifndef DATELINE_TEXT_TIME_EXPRESSIONS_H_
#define DATELINE_TEXT_TIME_EXPRESSIONS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace dateline {

struct TimeExpression {
  uint32_t begin;           // byte span of the expression in the text; it
  uint32_t end;             // leaves out "on"/"in" but keeps "since"/"last"
  std::string value;        // ISO 8601, see above
  std::string granularity;  // day|week|month|year|decade|range
  std::string rule;         // how it was resolved, e.g. "weekday-past"
};

enum class TenseHint { kAuto, kPast, kFuture };

// Stores in *out (cleared first) the time expressions of `text`, in order,
// non-overlapping, given its tokens and sentences (from TokenizeAndSplit).
// `published` is the publication date as ISO 8601 ("2023-09-15",
// "2023-09-15T01:47+08:00") or any form ParseDateTime reads; "" or an
// unreadable value leaves relative expressions out.
void FindTimeExpressions(std::string_view text,
                         const std::vector<Token>& tokens,
                         const std::vector<Sentence>& sentences,
                         std::string_view published,
                         std::vector<TimeExpression>* out,
                         TenseHint hint = TenseHint::kAuto);

// Same, tokenizing and splitting `text` itself.
void FindTimeExpressions(std::string_view text, std::string_view published,
                         std::vector<TimeExpression>* out,
                         TenseHint hint = TenseHint::kAuto);

// Whether `word` names a time whatever the publication date: a month or a
// weekday ("May", "Thursday"), a word of relative time ("yesterday",
// "night") or a unit of time, one or many ("week", "18 years"). For readers that must not take a time for a party when
// the document has no date to resolve it against.
bool IsCalendarWord(std::string_view word);

}  // namespace dateline

#endif  // DATELINE_TEXT_TIME_EXPRESSIONS_H_
