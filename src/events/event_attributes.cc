#include "events/event_attributes.h"

#include "events/event_lexicons.h"

namespace dateline {
namespace {

bool Starts(const std::string& s, const char* p) { return s.rfind(p, 0) == 0; }

}  // namespace

std::string DefaultIntentCode(const std::string& code) {
  std::string root = code.substr(0, 2);
  if (root == "04") return "036";
  if (root == "05") return "032";
  if (root == "06") {
    if (code == "061") return "0311";
    if (code == "062") return "0312";
    if (code == "063") return "0313";
    if (code == "064") return "0314";
    return "031";
  }
  if (root == "07") {
    if (code == "071") return "0331";
    if (code == "072") return "0332";
    if (code == "073") return "0333";
    if (code == "074") return "0334";
    return "033";
  }
  if (root == "08") {
    if (Starts(code, "081")) return "0351";
    if (Starts(code, "084")) return "0353";
    if (code == "085") return "0354";
    if (Starts(code, "086")) return "0355";
    if (Starts(code, "087")) return "0356";
    return "035";
  }
  if (root == "14") return "133";
  if (root == "16") {
    if (code == "161") return "1313";
    if (Starts(code, "162")) return "1311";
    if (code == "163") return "1312";
    if (code == "164") return "134";
    if (code == "165") return "135";
    if (Starts(code, "166")) return "136";
    return "131";
  }
  if (root == "17") return Starts(code, "172") ? "132" : "137";
  if (root == "15" || root == "18" || root == "19" || root == "20") {
    if (code == "191") return "1381";
    if (code == "192") return "1382";
    if (root == "20") return "1383";
    return "138";
  }
  return code;
}

std::string DefaultNegatedCode(const std::string& code, bool intent) {
  std::string root = code.substr(0, 2);
  if (root == "04") return "125";
  // An intent not held is a refusal of its kind (the codebook's 12x for
  // each 03x): "will not give permission" (035) refuses to yield (124),
  // "will not meet" (036) rejects the meeting (125), as the acts
  // themselves do; only material cooperation or aid stays 121.
  if (root == "03" && intent) {
    if (Starts(code, "035")) return "124";
    if (Starts(code, "036")) return "125";
    if (Starts(code, "037")) return "127";
    if (Starts(code, "038")) return "126";
  }
  if (root == "06" || root == "07" || (root == "03" && intent)) return "121";
  if (root == "08") return Starts(code, "084") ? "1243" : "124";
  if (root == "03") return "120";
  return "";
}

CodeChoice ChooseCode(const std::string& code, const std::string& intent_code,
                      const std::string& neg_code,
                      const std::string& modality, bool negated) {
  CodeChoice out;
  out.code = code;
  if (modality == "question") {
    out.drop = true;
    return out;
  }
  // The consequence of a conditional is an offer or a threat: "would meet
  // the mediator if he gave them a veto" is an intent to meet (036), as
  // "would raise tariffs if" is a threat (the condition itself comes here
  // as "possible").
  bool intent = modality == "future" || modality == "intent" ||
                modality == "threat" || modality == "conditional";
  if (intent) {
    out.code = intent_code.empty() ? DefaultIntentCode(code) : intent_code;
    out.hypothetical = true;
  } else if (!modality.empty()) {
    out.hypothetical = true;  // possible, necessity, conditional
  }
  if (negated) {
    std::string refusal =
        neg_code.empty() ? DefaultNegatedCode(out.code, intent) : neg_code;
    if (!refusal.empty()) {
      out.code = refusal;
      out.hypothetical = false;
    } else {
      out.negated = true;
    }
  }
  return out;
}

std::string ClauseModality(const Document& doc, int ci,
                           const EventLexicons& lex) {
  const Clause& c = doc.clauses[ci];
  if (!c.modality.empty()) return c.modality;
  int p = c.parent;
  if (p < 0 || p >= static_cast<int>(doc.clauses.size())) return "";
  const Clause& parent = doc.clauses[p];
  // "is likely to be lifted despite US objections", "may resume after the
  // talks with Iran": a noun after a preposition of fact is asserted,
  // whatever holds back the clause it modifies.
  if (c.kind == "noun") {
    for (const ClauseArgument& a : parent.arguments) {
      if (a.clause == ci && lex.Has("fact_prep", a.preposition)) return "";
    }
  }
  if (parent.modality == "question" || parent.modality == "conditional")
    return parent.modality;
  // A noun the planned act holds ("will make three trips to"), a verb it
  // controls ("will try to meet"), share its modality.
  bool inherits = c.kind == "noun";
  if (c.predicate < doc.deprels.size()) {
    const std::string& rel = doc.deprels[c.predicate];
    inherits |= rel == "xcomp" || rel == "conj";
  }
  if (inherits && !parent.modality.empty()) return parent.modality;
  if (lex.Has("intent_parent", parent.lemma)) return "intent";
  if (parent.lemma == "be") {
    for (const ClauseArgument& a : parent.arguments) {
      if (a.role != "attribute" || a.head >= doc.tokens.size()) continue;
      const Span& s = doc.tokens[a.head];
      std::string w = doc.text.substr(s.begin, s.end - s.begin);
      for (char& ch : w) {
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
      }
      if (lex.Has("intent_attribute", w)) return "intent";
    }
  }
  return "";
}

bool IsCalendarDate(std::string_view v) {
  auto digits = [&](size_t b, size_t n) {
    for (size_t i = b; i < b + n; ++i) {
      if (i >= v.size() || v[i] < '0' || v[i] > '9') return false;
    }
    return true;
  };
  if (v.size() == 4) return digits(0, 4);
  if (v.size() == 7) return digits(0, 4) && v[4] == '-' && digits(5, 2);
  if (v.size() == 10)
    return digits(0, 4) && v[4] == '-' && digits(5, 2) && v[7] == '-' &&
           digits(8, 2);
  return false;
}

std::string ClauseDate(const Document& doc, int ci) {
  for (int depth = 0; depth < 3 && ci >= 0 &&
                      ci < static_cast<int>(doc.clauses.size());
       ++depth) {
    const Clause& c = doc.clauses[ci];
    for (const ClauseArgument& a : c.arguments) {
      if (a.role == "complement" || a.role == "agent") continue;
      for (const TimeMention& tm : doc.times) {
        if (tm.span.begin >= a.span.begin && tm.span.end <= a.span.end &&
            IsCalendarDate(tm.value))
          return tm.value;
      }
    }
    // A relative clause or a parenthetical has its own time; complements,
    // conjuncts, nouns and adverbial clauses take their parent's.
    if (c.predicate < doc.deprels.size()) {
      const std::string& rel = doc.deprels[c.predicate];
      if (rel == "acl:relcl" || rel == "parataxis") break;
    }
    ci = c.parent;
  }
  return "";
}

}  // namespace dateline
