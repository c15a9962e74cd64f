// Helpers both archive stores share (src/store/sqlite_archive.cc,
// src/store/postgres_archive.cc): date and code checks, the WHERE builder
// that keeps user text in bound parameters, LIKE escaping, name queries,
// record packing, day numbers. Internal to src/store.
#ifndef DATELINE_STORE_ARCHIVE_SQL_H_
#define DATELINE_STORE_ARCHIVE_SQL_H_

#include <zlib.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/archive.h"
#include "dateline/document.h"
#include "dateline/status.h"

namespace dateline {
namespace archive_sql {

inline std::string JoinList(const std::vector<std::string>& v) {
  // Unit separator: names never contain it; LIKE '%x%' still works.
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i > 0) out.push_back('\x1f');
    out += v[i];
  }
  return out;
}

// The name an entity row is listed by across the archive: its canonical
// entity's name when linked ("Tony Blair" for an article's "Mr Blair"),
// else its own. `table` is the table or its alias. Standard SQL (CASE), so
// both stores group and filter by the same expression.
inline std::string EntityKey(const std::string& table) {
  return "(CASE WHEN " + table + ".canonical_name <> '' THEN " + table +
         ".canonical_name ELSE " + table + ".name END)";
}

inline std::string_view Slice(const std::string& text, Span s) {
  if (s.begin > s.end || s.end > text.size()) return {};
  return std::string_view(text).substr(s.begin, s.end - s.begin);
}

// Returns `s` escaped for LIKE ... ESCAPE '\' and wrapped in %...%.
inline std::string LikeContains(std::string_view s) {
  std::string out = "%";
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('%');
  return out;
}
inline std::string LikePrefix(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('%');
  return out;
}

// Returns an FTS5 query matching names that contain the words of `name`
// in order, the last one as a prefix ("kim jong" finds "Kim Jong Un",
// "Pesk" finds "Dmitry Peskov"); "" when `name` has no letters or digits.
// The text is quoted as one FTS5 string, so no query syntax gets through.
inline std::string NameQuery(std::string_view name) {
  bool any = false;
  for (char c : name) {
    any |= (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
           (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
  }
  if (!any) return "";
  std::string q = "\"";
  for (char c : name) {
    if (c == '"') q.push_back('"');
    q.push_back(c);
  }
  q += "\"*";
  return q;
}

// Accepts "", "YYYY", "YYYY-MM", "YYYY-MM-DD" (and a full ISO date-time).
inline Status CheckDate(const std::string& d, const char* field) {
  if (d.empty()) return Status::OK();
  auto digits = [&](size_t b, size_t n) {
    if (d.size() < b + n) return false;
    for (size_t i = b; i < b + n; ++i) {
      if (d[i] < '0' || d[i] > '9') return false;
    }
    return true;
  };
  bool ok = digits(0, 4) &&
            (d.size() == 4 ||
             (d[4] == '-' && digits(5, 2) &&
              (d.size() == 7 || (d[7] == '-' && digits(8, 2) &&
                                 (d.size() == 10 || d[10] == 'T')))));
  if (ok && d.size() >= 7) {
    const int month = (d[5] - '0') * 10 + (d[6] - '0');
    ok = month >= 1 && month <= 12;
    if (ok && d.size() >= 10) {
      const int year = std::stoi(d.substr(0, 4));
      const int day = (d[8] - '0') * 10 + (d[9] - '0');
      static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
      ok = day >= 1 && day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
    }
  }
  if (!ok) {
    return Status::InvalidArgument(
        field, "'" + d.substr(0, 40) +
                   "' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD, a real "
                   "month and day)");
  }
  return Status::OK();
}

inline Status CheckPeriod(const Period& p) {
  Status s = CheckDate(p.since, "--since");
  if (!s.ok()) return s;
  return CheckDate(p.until, "--until");
}

// The exclusive upper bound for an inclusive prefix `until`: every date
// starting with it sorts below it + "~".
inline std::string UntilBound(const std::string& until) { return until + "~"; }

// Builds a WHERE clause from fixed fragments and binds values in order.
class Where {
 public:
  void Add(std::string clause) { clauses_.push_back(std::move(clause)); }
  void Text(std::string v) { values_.emplace_back(std::move(v)); }
  void Int(int64_t v) { ints_[values_.size()] = v; values_.emplace_back(); }
  // Text after the WHERE clause (GROUP BY ...).
  void Suffix(std::string sql) { suffix_ += sql; }
  std::string Sql() const {
    std::string out;
    for (size_t i = 0; i < clauses_.size(); ++i) {
      out += i > 0 ? " AND " : " WHERE ";
      out += "(" + clauses_[i] + ")";
    }
    return out + suffix_;
  }
  // Appends the values of `other` (whose SQL the caller put in a clause).
  void MoveValuesTo(Where* w) const {
    for (size_t k = 0; k < values_.size(); ++k) {
      auto it = ints_.find(k);
      if (it != ints_.end()) {
        w->Int(it->second);
      } else {
        w->Text(values_[k]);
      }
    }
  }
  // Binds the values from parameter `first`; returns the next index.
  template <typename St>
  int BindAll(St* st, int first = 1) const {
    int i = first;
    for (size_t k = 0; k < values_.size(); ++k, ++i) {
      auto it = ints_.find(k);
      if (it != ints_.end()) {
        st->Bind(i, it->second);
      } else {
        st->Bind(i, values_[k]);
      }
    }
    return i;
  }
  // Adds the period on `column` (undated items only when asked), or, with
  // `undated_only`, the items without a date instead.
  void Period(const dateline::Period& p, const std::string& column,
              bool undated_only = false) {
    if (undated_only) {
      Add(column + " = ''");
      return;
    }
    if (p.since.empty() && p.until.empty()) return;
    std::string c;
    if (!p.since.empty()) {
      c = column + " >= ?";
      Text(p.since);
    }
    if (!p.until.empty()) {
      c += (c.empty() ? "" : " AND ") + column + " < ?";
      Text(UntilBound(p.until));
    }
    if (p.include_undated) c = "(" + c + ") OR " + column + " = ''";
    Add(c);
  }

 private:
  std::vector<std::string> clauses_;
  std::vector<std::string> values_;
  std::map<size_t, int64_t> ints_;
  std::string suffix_;
};

// Counts the words of a full-text query (runs of letters and digits; an
// operator counts too, which errs on the safe side).
inline size_t CountTerms(std::string_view q) {
  size_t n = 0;
  size_t i = 0;
  auto word = [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
           (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
  };
  while (i < q.size()) {
    if (!word(q[i])) {
      ++i;
      continue;
    }
    size_t b = i;
    while (i < q.size() && word(q[i])) ++i;
    std::string_view w = q.substr(b, i - b);
    if (w != "OR" && w != "AND" && w != "NOT" && w != "NEAR") ++n;
  }
  return n;
}

// Records are kept deflated (zlib): JSON compresses about four to one.
inline Status PackRecord(const std::string& record, std::string* out) {
  uLongf n = compressBound(static_cast<uLong>(record.size()));
  out->resize(n + 4);
  uint32_t size = static_cast<uint32_t>(record.size());
  std::memcpy(out->data(), &size, 4);
  int rc = compress2(reinterpret_cast<Bytef*>(out->data() + 4), &n,
                     reinterpret_cast<const Bytef*>(record.data()),
                     static_cast<uLong>(record.size()), 1);
  if (rc != Z_OK) return Status::IOError("archive", "cannot compress record");
  out->resize(n + 4);
  return Status::OK();
}

inline Status UnpackRecord(std::string_view packed, std::string* out) {
  out->clear();
  if (packed.empty()) return Status::OK();
  uint32_t size = 0;
  if (packed.size() < 4) return Status::Corruption("record", "too short");
  std::memcpy(&size, packed.data(), 4);
  out->resize(size);
  uLongf n = size;
  int rc = uncompress(reinterpret_cast<Bytef*>(out->data()), &n,
                      reinterpret_cast<const Bytef*>(packed.data() + 4),
                      static_cast<uLong>(packed.size() - 4));
  if (rc != Z_OK || n != size) {
    return Status::Corruption("record", "cannot inflate stored record");
  }
  return Status::OK();
}

// Returns the day number (days since 1970-01-01) of an ISO date that
// starts with YYYY-MM-DD, else -1.
inline int64_t DayNumber(std::string_view d) {
  if (d.size() < 10 || d[4] != '-' || d[7] != '-') return -1;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (d[i] < '0' || d[i] > '9') return -1;
  }
  int64_t y = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0');
  int64_t m = (d[5] - '0') * 10 + (d[6] - '0');
  int64_t dd = (d[8] - '0') * 10 + (d[9] - '0');
  if (m < 1 || m > 12 || dd < 1 || dd > 31) return -1;
  // Howard Hinnant's days_from_civil.
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + dd - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

inline std::string HostOf(const std::string& url) {
  size_t p = url.find("://");
  if (p == std::string::npos) return "";
  size_t b = p + 3;
  size_t e = url.find_first_of("/?#:", b);
  std::string host = url.substr(b, e == std::string::npos ? e : e - b);
  if (host.starts_with("www.")) host.erase(0, 4);
  return host;
}

// The event columns added by SQLite schema 4 and PostgreSQL step 3: where
// the date and the place come from, the place geocoded (GDELT's ActionGeo)
// and who reported the act. Both stores write and read them in this order,
// after the older columns, as text (SQLite's column affinity and
// PostgreSQL's input conversion make numbers of the numeric ones).
struct EventExtraColumn {
  const char* name;
  char kind;  // 't' text, 'i' integer, 'r' real
};
inline constexpr EventExtraColumn kEventExtras[] = {
    {"date_source", 't'},     {"location_source", 't'},
    {"geo_type", 'i'},        {"geo_name", 't'},
    {"geo_country", 't'},     {"geo_feature", 't'},
    {"geo_adm1", 't'},        {"geo_lat", 'r'},
    {"geo_lon", 'r'},         {"geo_id", 't'},
    {"has_reporter", 'i'},    {"reporter_name", 't'},
    {"reporter_code", 't'},   {"reporter_entity", 't'},
    {"reporter_begin", 'i'},  {"reporter_end", 'i'}};
inline constexpr size_t kEventExtraCount =
    sizeof(kEventExtras) / sizeof(kEventExtras[0]);

// ", e.date_source, e.location_source, ..." (prefix "e.") for a SELECT over
// `events e`; ", date_source, ..." (prefix "") for an INSERT or COPY.
inline std::string EventExtraColumns(const char* prefix) {
  std::string out;
  for (const EventExtraColumn& c : kEventExtras) {
    out += ", ";
    out += prefix;
    out += c.name;
  }
  return out;
}

// The values of kEventExtras for `e`, as text.
inline std::vector<std::string> EventExtraValues(const Event& e) {
  char lat[32] = "0", lon[32] = "0";
  const bool geo = e.geo.resolved;
  if (geo) {
    std::snprintf(lat, sizeof(lat), "%.6f", e.geo.latitude);
    std::snprintf(lon, sizeof(lon), "%.6f", e.geo.longitude);
  }
  const bool rep = e.has_reporter;
  return {e.date_source,
          e.location_source,
          std::to_string(geo ? e.geo.type : 0),
          geo ? e.geo.name : "",
          geo ? e.geo.country : "",
          geo ? e.geo.feature : "",
          geo ? e.geo.adm1 : "",
          lat,
          lon,
          geo ? e.geo.feature_id : "",
          rep ? "1" : "0",
          rep ? e.reporter.name : "",
          rep ? e.reporter.code : "",
          rep ? e.reporter.entity : "",
          std::to_string(rep ? e.reporter.span.begin : 0),
          std::to_string(rep ? e.reporter.span.end : 0)};
}

// The place columns a places query groups by (after the location), in the
// order ReadPlaceGeo reads them.
inline constexpr const char* kPlaceColumns =
    "e.geo_type, e.geo_name, e.geo_country, e.geo_feature, e.geo_adm1, "
    "e.geo_lat, e.geo_lon, e.geo_id";

// Sets *g from text(k), the k-th of kPlaceColumns as text.
template <typename TextAt>
void ReadPlaceGeo(const TextAt& text, EventGeo* g) {
  *g = EventGeo();
  g->type = static_cast<int>(std::strtoll(text(0).c_str(), nullptr, 10));
  g->resolved = g->type > 0;
  if (!g->resolved) return;
  g->name = text(1);
  g->country = text(2);
  g->feature = text(3);
  g->adm1 = text(4);
  g->latitude = std::strtod(text(5).c_str(), nullptr);
  g->longitude = std::strtod(text(6).c_str(), nullptr);
  g->feature_id = text(7);
}

// Sets the fields of kEventExtras on *e from text(k), the k-th of those
// columns as text. A place is resolved when it has a type (geo_type > 0).
template <typename TextAt>
void ReadEventExtras(const TextAt& text, Event* e) {
  auto num = [&](size_t k) { return std::strtoll(text(k).c_str(), nullptr, 10); };
  auto real = [&](size_t k) { return std::strtod(text(k).c_str(), nullptr); };
  e->date_source = text(0);
  e->location_source = text(1);
  e->geo = EventGeo();
  e->geo.type = static_cast<int>(num(2));
  e->geo.resolved = e->geo.type > 0;
  if (e->geo.resolved) {
    e->geo.name = text(3);
    e->geo.country = text(4);
    e->geo.feature = text(5);
    e->geo.adm1 = text(6);
    e->geo.latitude = real(7);
    e->geo.longitude = real(8);
    e->geo.feature_id = text(9);
  }
  e->has_reporter = num(10) != 0;
  e->reporter = EventActor();
  if (e->has_reporter) {
    e->reporter.name = text(11);
    e->reporter.code = text(12);
    e->reporter.entity = text(13);
    e->reporter.span = {static_cast<uint32_t>(num(14)),
                        static_cast<uint32_t>(num(15))};
  }
}

}  // namespace archive_sql
}  // namespace dateline

#endif  // DATELINE_STORE_ARCHIVE_SQL_H_
