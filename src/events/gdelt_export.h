// GDELT 2.0 event table export: one tab-separated line of the 61 columns of
// the GDELT 2.0 Event Database (GDELT Event Codebook V2.0), in order, per
// coded event. Columns dateline does not know (ethnic and religion codes,
// tone, geocoded coordinates) are left empty, as GDELT leaves unknown
// fields. Stateless functions; thread-safe.
#ifndef DATELINE_EVENTS_GDELT_EXPORT_H_
#define DATELINE_EVENTS_GDELT_EXPORT_H_

#include <array>
#include <cstdint>
#include <string>

#include "dateline/document.h"

namespace dateline {

constexpr size_t kGdeltEventColumns = 61;

// The column names, in order ("GlobalEventID", "Day", ... "SOURCEURL").
const std::array<const char*, kGdeltEventColumns>& GdeltEventColumnNames();

// One event with what the GDELT row needs besides the event itself.
struct GdeltEventInput {
  int64_t global_event_id = 0;
  Event event;
  std::string published;   // the article's date, used when the event has none
  std::string date_added;  // when it entered the archive (ISO 8601, UTC)
  std::string source_url;  // the article's URL (or source when none)
  int is_root = -1;        // 1: in the lead paragraph, 0: not, -1: unknown
};

// Returns the 61 tab-separated fields (no newline). Tabs and newlines inside
// names are turned into spaces.
std::string GdeltEventLine(const GdeltEventInput& in);

// Splits a CAMEO actor code into the GDELT actor fields: country (first
// three letters when they are not an international or non-state code),
// known group (IGO, NGO, ... codes and their group), and up to three role
// types ("GOV", "MIL", ...). Exposed for tests.
struct CameoActorParts {
  std::string country;
  std::string known_group;
  std::string type1, type2, type3;
};
CameoActorParts SplitCameoActor(const std::string& code);

}  // namespace dateline

#endif  // DATELINE_EVENTS_GDELT_EXPORT_H_
