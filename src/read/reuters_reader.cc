#include "read/reuters_reader.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace dateline {
namespace {

// A wire record is a few KB; lines and records past these are malformed.
constexpr size_t kMaxLine = 1 << 20;
constexpr size_t kMaxRecord = 8 << 20;

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

// Returns the content of the first <tag ...>...</tag> in `s`, or npos-empty.
bool Element(std::string_view s, std::string_view tag, std::string_view* out) {
  std::string open(1, '<');
  open.append(tag);
  size_t b = 0;
  while (true) {
    b = s.find(open, b);
    if (b == std::string_view::npos) return false;
    size_t after = b + open.size();
    if (after < s.size() && (s[after] == '>' || IsSpace(s[after]))) break;
    b = after;
  }
  size_t gt = s.find('>', b);
  if (gt == std::string_view::npos) return false;
  std::string close("</");
  close.append(tag).push_back('>');
  size_t e = s.find(close, gt + 1);
  *out = s.substr(gt + 1, (e == std::string_view::npos ? s.size() : e) - gt - 1);
  return true;
}

// Decodes &lt; &gt; &amp; &quot; &apos; and &#N;, dropping control
// characters other than newline and tab.
std::string Decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '&') {
      size_t semi = s.find(';', i);
      if (semi != std::string_view::npos && semi - i <= 8) {
        std::string_view ent = s.substr(i + 1, semi - i - 1);
        int code = -1;
        if (ent == "lt") code = '<';
        else if (ent == "gt") code = '>';
        else if (ent == "amp") code = '&';
        else if (ent == "quot") code = '"';
        else if (ent == "apos") code = '\'';
        else if (ent.size() >= 2 && ent[0] == '#' &&
                 std::all_of(ent.begin() + 1, ent.end(),
                             [](char d) { return d >= '0' && d <= '9'; })) {
          code = 0;
          for (char d : ent.substr(1)) code = code * 10 + (d - '0');
          if (code > 126) code = ' ';
        }
        if (code >= 0) {
          if (code >= 32 || code == '\n' || code == '\t') {
            out.push_back(static_cast<char>(code));
          }
          i = semi;
          continue;
        }
      }
    }
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 32 && c != '\n' && c != '\t') continue;
    if (u == 127) continue;
    out.push_back(c);
  }
  return out;
}

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && IsSpace(s[b])) ++b;
  while (e > b && IsSpace(s[e - 1])) --e;
  return std::string(s.substr(b, e - b));
}

// "26-FEB-1987 15:01:01.79" -> "26 February 1987 15:01"; "" if not a date.
std::string WireDate(std::string_view d) {
  static const char* kMonths[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                  "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
  static const char* kNames[] = {"January", "February", "March",     "April",
                                 "May",     "June",     "July",      "August",
                                 "September", "October", "November", "December"};
  std::string t = Trim(d);
  // "7-APR-1987 ..." has a one-digit day.
  if (t.size() >= 2 && t[1] == '-') t.insert(t.begin(), '0');
  if (t.size() < 11 || t[2] != '-' || t[6] != '-') return "";
  std::string mon = t.substr(3, 3);
  for (char& c : mon) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  for (int m = 0; m < 12; ++m) {
    if (mon != kMonths[m]) continue;
    std::string day = t.substr(0, 2);
    if (day[0] == '0') day.erase(0, 1);
    std::string out;
    out.append(day).append(" ").append(kNames[m]).append(" ");
    out.append(std::string_view(t).substr(7, 4));
    if (t.size() >= 17 && t[11] == ' ' && t[14] == ':') {
      out.append(" ").append(std::string_view(t).substr(12, 5));
    }
    return out;
  }
  return "";
}

// "26-FEB-1987 15:01:01.79" -> "1987-02-26T15:01"; "" if not a date.
std::string WireDateIso(std::string_view d) {
  static const char* kMonths[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                  "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
  std::string t = Trim(d);
  if (t.size() >= 2 && t[1] == '-') t.insert(t.begin(), '0');
  if (t.size() < 11 || t[2] != '-' || t[6] != '-') return "";
  std::string mon = t.substr(3, 3);
  for (char& c : mon) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  auto digits = [](std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
      return c >= '0' && c <= '9';
    });
  };
  std::string_view tv(t);
  if (!digits(tv.substr(0, 2)) || !digits(tv.substr(7, 4))) return "";
  for (int m = 0; m < 12; ++m) {
    if (mon != kMonths[m]) continue;
    char month[3] = {static_cast<char>('0' + (m + 1) / 10),
                     static_cast<char>('0' + (m + 1) % 10), 0};
    std::string out;
    out.append(tv.substr(7, 4)).append("-").append(month).append("-");
    out.append(tv.substr(0, 2));
    if (t.size() >= 17 && t[11] == ' ' && t[14] == ':' &&
        digits(tv.substr(12, 2)) && digits(tv.substr(15, 2))) {
      out.append("T").append(tv.substr(12, 5));
    }
    return out;
  }
  return "";
}

// Appends the <D> items of `list` ("<D>grain</D><D>wheat</D>") to *out.
void DItems(std::string_view list, std::vector<std::string>* out) {
  size_t pos = 0;
  while ((pos = list.find("<D>", pos)) != std::string_view::npos) {
    pos += 3;
    size_t end = list.find("</D>", pos);
    if (end == std::string_view::npos) break;
    std::string item = Trim(Decode(list.substr(pos, end - pos)));
    if (!item.empty() &&
        std::find(out->begin(), out->end(), item) == out->end()) {
      out->push_back(std::move(item));
    }
    pos = end + 4;
  }
}

}  // namespace

void ReutersRecordMetadata(std::string_view record, PageMetadata* meta) {
  *meta = PageMetadata();
  meta->origin = "reuters";
  meta->outlet = "Reuters";
  std::string_view v;
  if (Element(record, "TITLE", &v)) meta->title = Trim(Decode(v));
  if (Element(record, "DATE", &v)) meta->published = WireDateIso(v);
  if (Element(record, "TOPICS", &v)) DItems(v, &meta->tags);
  if (Element(record, "PLACES", &v)) DItems(v, &meta->tags);
}

bool LooksLikeReutersSgml(std::string_view head) {
  size_t i = 0;
  while (i < head.size() && IsSpace(head[i])) ++i;
  std::string_view t = head.substr(i);
  return t.starts_with("<!DOCTYPE lewis") || t.starts_with("<REUTERS ") ||
         t.starts_with("<REUTERS>");
}

bool ReutersRecordToText(std::string_view record, std::string* text,
                         std::string* newid) {
  text->clear();
  newid->clear();
  size_t id = record.find("NEWID=\"");
  size_t gt = record.find('>');
  if (id != std::string_view::npos && id < gt) {
    size_t e = record.find('"', id + 7);
    if (e != std::string_view::npos && e - id - 7 <= 12) {
      *newid = std::string(record.substr(id + 7, e - id - 7));
    }
  }
  std::string_view body_raw;
  if (!Element(record, "BODY", &body_raw)) return false;
  std::string_view v;
  std::string title = Element(record, "TITLE", &v) ? Trim(Decode(v)) : "";
  std::string date = Element(record, "DATE", &v) ? WireDate(v) : "";
  std::string dateline = Element(record, "DATELINE", &v) ? Trim(Decode(v)) : "";
  std::string body = Decode(body_raw);
  // Paragraphs start with an indented line; other lines continue the last.
  std::vector<std::string> paras;
  size_t pos = 0;
  while (pos <= body.size()) {
    size_t nl = body.find('\n', pos);
    if (nl == std::string::npos) nl = body.size();
    std::string_view line(body.data() + pos, nl - pos);
    pos = nl + 1;
    std::string t = Trim(line);
    if (t.empty()) continue;
    // The wire's end marker: "Reuter" on its own line.
    if (t == "Reuter" || t == "REUTER") continue;
    bool indented = !line.empty() && IsSpace(line[0]);
    if (paras.empty() || indented) {
      paras.push_back(t);
    } else {
      paras.back().append(" ").append(t);
    }
  }
  if (paras.empty()) return false;
  if (!dateline.empty()) {
    // "SALVADOR, Feb 26 -" + the first paragraph.
    paras.front() = dateline + " " + paras.front();
  }
  if (!title.empty()) text->append(title).append("\n\n");
  if (!date.empty()) text->append(date).append("\n\n");
  for (size_t i = 0; i < paras.size(); ++i) {
    if (i > 0) text->append("\n\n");
    text->append(paras[i]);
  }
  return true;
}

bool ReutersReader::Next(Page* page) {
  while (!done_) {
    // Find the next record's start.
    std::string record;
    std::string_view line;
    bool too_long = false;
    bool in_record = false;
    while (true) {
      if (!in_->ReadLine(kMaxLine, &line, &too_long)) {
        done_ = true;
        if (!in_->status().ok()) {
          *page = ErrorPage(name_, in_->status());
          return true;
        }
        if (in_record) {
          *page = ErrorPage(name_ + "#record=" + std::to_string(records_),
                            Status::Corruption(name_, "record cut off by the end of the file"));
          return true;
        }
        if (pages_ == 0) {
          // Nothing in the file could be read: say so rather than yield
          // nothing (a lone DOCTYPE, records without a BODY).
          *page = ErrorPage(name_, Status::Corruption(
                                       name_, "Reuters SGML with no record "
                                              "holding a BODY (" +
                                                  std::to_string(records_) +
                                                  " records)"));
          return true;
        }
        return false;
      }
      if (too_long) {
        in_->SkipLine();
        continue;
      }
      if (!in_record) {
        size_t b = line.find("<REUTERS");
        if (b == std::string_view::npos) continue;
        in_record = true;
        ++records_;
        line.remove_prefix(b);
      }
      if (record.size() + line.size() > std::min(kMaxRecord, options_.max_page_bytes)) {
        // Skip to the end of this record.
        while (in_->ReadLine(kMaxLine, &line, &too_long)) {
          if (too_long) in_->SkipLine();
          else if (line.find("</REUTERS>") != std::string_view::npos) break;
        }
        *page = ErrorPage(name_ + "#record=" + std::to_string(records_),
                          Status::InvalidArgument(name_, "record larger than the limit"));
        ++pages_;
        return true;
      }
      record.append(line).push_back('\n');
      if (line.find("</REUTERS>") != std::string_view::npos) break;
    }
    std::string text, newid;
    if (!ReutersRecordToText(record, &text, &newid)) continue;
    *page = Page();
    page->source = name_ + "#newid=" + (newid.empty() ? "record" + std::to_string(records_) : newid);
    BuildPage(std::move(text), page->source, "", PageFormat::kText, "record", page);
    if (page->status.ok()) ReutersRecordMetadata(record, &page->metadata);
    ++pages_;
    return true;
  }
  return false;
}

}  // namespace dateline
