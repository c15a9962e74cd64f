#include "events/gdelt_export.h"

#include <cstdio>
#include <set>
#include <string_view>
#include <vector>

namespace dateline {
namespace {

// CAMEO role codes (actor types) that follow a country code.
const std::set<std::string_view>& RoleCodes() {
  static const std::set<std::string_view> kRoles = {
      "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU",
      "BUS", "CRM", "CVL", "LEG", "ELI", "HLH", "HRI", "IGO", "IMG", "INS",
      "LAB", "MNC", "NGO", "REF", "REL", "SEP", "UAF", "AGR", "ENV", "DEV",
      "MOD", "RAD", "UIS", "SET", "ATH", "ELE"};
  return kRoles;
}

// Three-letter codes that open a non-state actor code (no country).
const std::set<std::string_view>& NonStateCodes() {
  static const std::set<std::string_view> kCodes = {
      "IGO", "NGO", "NGM", "MNC", "INT", "UIS", "IMG", "REL", "CVL", "BUS",
      "MED", "REB", "SEP", "OPP", "MIL", "GOV", "COP", "ELI", "EDU", "HRI"};
  return kCodes;
}

std::string Clean(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

std::string Upper(std::string_view s) {
  std::string out = Clean(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

bool IsDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

// Returns "YYYYMMDD" for a full ISO date at the start of `d`, else "".
std::string DayOf(std::string_view d) {
  if (d.size() < 10 || d[4] != '-' || d[7] != '-') return "";
  std::string day = std::string(d.substr(0, 4)) + std::string(d.substr(5, 2)) +
                    std::string(d.substr(8, 2));
  return IsDigits(day) ? day : "";
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// GDELT's FractionDate: YYYY + day_of_year / 365, four decimals.
std::string FractionDate(const std::string& day) {
  int y = std::stoi(day.substr(0, 4));
  int m = std::stoi(day.substr(4, 2));
  int d = std::stoi(day.substr(6, 2));
  static const int kCum[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  if (m < 1 || m > 12) return "";
  int doy = kCum[m - 1] + d + (m > 2 && IsLeap(y) ? 1 : 0);
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.4f", y + doy / 365.0);
  return buf;
}

// "2023-09-13T10:00:00Z" -> "20230913100000"; "" if malformed.
std::string DateAdded(std::string_view t) {
  std::string day = DayOf(t);
  if (day.empty()) return "";
  std::string time = "000000";
  if (t.size() >= 19 && t[10] == 'T' && t[13] == ':' && t[16] == ':') {
    time = std::string(t.substr(11, 2)) + std::string(t.substr(14, 2)) +
           std::string(t.substr(17, 2));
    if (!IsDigits(time)) time = "000000";
  }
  return day + time;
}

void ActorFields(const EventActor& a, bool present,
                 std::vector<std::string>* f) {
  if (!present) {
    f->insert(f->end(), 10, "");
    return;
  }
  CameoActorParts p = SplitCameoActor(a.code);
  f->push_back(Clean(a.code));
  f->push_back(Upper(a.name));
  f->push_back(p.country);
  f->push_back(p.known_group);
  f->push_back("");  // EthnicCode
  f->push_back("");  // Religion1Code
  f->push_back("");  // Religion2Code
  f->push_back(p.type1);
  f->push_back(p.type2);
  f->push_back(p.type3);
}

}  // namespace

const std::array<const char*, kGdeltEventColumns>& GdeltEventColumnNames() {
  static const std::array<const char*, kGdeltEventColumns> kNames = {
      "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
      "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode",
      "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code",
      "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
      "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode",
      "Actor2EthnicCode", "Actor2Religion1Code", "Actor2Religion2Code",
      "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
      "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode",
      "QuadClass", "GoldsteinScale", "NumMentions", "NumSources",
      "NumArticles", "AvgTone",
      "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode",
      "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code", "Actor1Geo_Lat",
      "Actor1Geo_Long", "Actor1Geo_FeatureID",
      "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode",
      "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code", "Actor2Geo_Lat",
      "Actor2Geo_Long", "Actor2Geo_FeatureID",
      "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode",
      "ActionGeo_ADM1Code", "ActionGeo_ADM2Code", "ActionGeo_Lat",
      "ActionGeo_Long", "ActionGeo_FeatureID",
      "DATEADDED", "SOURCEURL"};
  return kNames;
}

CameoActorParts SplitCameoActor(const std::string& code) {
  CameoActorParts p;
  std::vector<std::string> parts;
  for (size_t i = 0; i + 3 <= code.size(); i += 3) {
    parts.push_back(code.substr(i, 3));
  }
  size_t next = 0;
  if (!parts.empty() && !NonStateCodes().contains(parts[0])) {
    p.country = parts[0];
    next = 1;
  } else if (!parts.empty() && (parts[0] == "IGO" || parts[0] == "NGO" ||
                                parts[0] == "NGM" || parts[0] == "MNC")) {
    // International and non-governmental bodies: the group follows.
    if (parts.size() > 1) p.known_group = parts[1];
  }
  std::string* types[] = {&p.type1, &p.type2, &p.type3};
  size_t t = 0;
  for (size_t i = next; i < parts.size() && t < 3; ++i) {
    if (RoleCodes().contains(parts[i])) *types[t++] = parts[i];
  }
  return p;
}

std::string GdeltEventLine(const GdeltEventInput& in) {
  const Event& e = in.event;
  std::vector<std::string> f;
  f.reserve(kGdeltEventColumns);
  f.push_back(std::to_string(in.global_event_id));
  std::string day = DayOf(e.date);
  if (day.empty()) day = DayOf(in.published);
  f.push_back(day);
  f.push_back(day.empty() ? "" : day.substr(0, 6));
  f.push_back(day.empty() ? "" : day.substr(0, 4));
  f.push_back(day.empty() ? "" : FractionDate(day));
  ActorFields(e.source, true, &f);
  ActorFields(e.target, e.has_target, &f);
  f.push_back(in.is_root < 0 ? "" : std::to_string(in.is_root));
  f.push_back(Clean(e.code));
  f.push_back(Clean(e.code.substr(0, std::min<size_t>(e.code.size(), 3))));
  f.push_back(Clean(e.root));
  f.push_back(e.quad_class > 0 ? std::to_string(e.quad_class) : "");
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.1f", e.goldstein);
  f.push_back(e.code.empty() ? "" : buf);
  // One row per coded mention in one article.
  f.push_back("1");
  f.push_back("1");
  f.push_back("1");
  f.push_back("");  // AvgTone
  // Actor1Geo and Actor2Geo: not geocoded.
  f.insert(f.end(), 16, "");
  // ActionGeo: the place geocoded when the coder had a gazetteer (Type,
  // FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID), else
  // the place as the text names it. CountryCode is ISO alpha-2 (GDELT
  // writes FIPS 10-4, which differs for some countries: Russia RS).
  if (e.geo.resolved) {
    f.push_back(std::to_string(e.geo.type));
    f.push_back(Clean(e.geo.name));
    f.push_back(e.geo.adm1.substr(0, 2));
    f.push_back(Clean(e.geo.adm1));
    f.push_back("");
    char lat[32], lon[32];
    std::snprintf(lat, sizeof(lat), "%.4f", e.geo.latitude);
    std::snprintf(lon, sizeof(lon), "%.4f", e.geo.longitude);
    f.push_back(lat);
    f.push_back(lon);
    f.push_back(Clean(e.geo.feature_id));
  } else {
    f.push_back("");
    f.push_back(Clean(e.location));
    f.insert(f.end(), 6, "");
  }
  f.push_back(DateAdded(in.date_added));
  f.push_back(Clean(in.source_url));
  std::string line;
  for (size_t i = 0; i < f.size(); ++i) {
    if (i > 0) line.push_back('\t');
    line += f[i];
  }
  return line;
}

}  // namespace dateline
