// Titles, outlet names, tag lines and caption credits. Dates live in
// date_parser.cc, datelines in dateline_parser.cc, character repair in
// char_repair.cc and language detection in language.cc.
#include "clean/metadata.h"

#include <algorithm>
#include <cctype>

#include "base/utf8.h"
#include "clean/text_util.h"

namespace dateline {
namespace {

using clean_internal::ContainsNoCase;
using clean_internal::EqualsNoCase;
using clean_internal::SplitWords;
using clean_internal::StartsWithNoCase;
using clean_internal::Trim;

// Separators between a headline and a site name, strongest first.
constexpr std::string_view kStrongSeparators[] = {" | ", " :: ", " · ",
                                                  " • ", " » ", " || "};
constexpr std::string_view kWeakSeparators[] = {" - ", " – ", " — "};

// Returns true if `s` could be a site name: short, no sentence punctuation.
bool LooksLikeSiteName(std::string_view s) {
  s = Trim(s);
  if (s.empty() || s.size() > 60) return false;
  size_t words = SplitWords(s).size();
  if (words == 0 || words > 6) return false;
  uint32_t last = clean_internal::LastCodePoint(s);
  if (last == '?' || last == '!' || last == ',' || last == ':') return false;
  return true;
}

// Finds the last occurrence of any of `seps` in `s`; returns npos if none.
size_t FindLast(std::string_view s, const std::string_view* seps, size_t n,
                size_t* sep_len) {
  size_t best = std::string_view::npos;
  for (size_t i = 0; i < n; ++i) {
    size_t p = s.rfind(seps[i]);
    if (p != std::string_view::npos &&
        (best == std::string_view::npos || p > best)) {
      best = p;
      *sep_len = seps[i].size();
    }
  }
  return best;
}

}  // namespace

void SplitTitle(std::string_view raw, std::string* title, std::string* site) {
  std::string_view s = Trim(raw);
  site->clear();
  // The last strong separator ("|"), else the last dash, whose right side
  // reads as a site name.
  for (int pass = 0; pass < 2; ++pass) {
    size_t len = 0;
    size_t p = pass == 0 ? FindLast(s, kStrongSeparators,
                                    std::size(kStrongSeparators), &len)
                         : FindLast(s, kWeakSeparators,
                                    std::size(kWeakSeparators), &len);
    if (p == std::string_view::npos || p == 0) continue;
    std::string_view right = Trim(s.substr(p + len));
    std::string_view left = Trim(s.substr(0, p));
    if (LooksLikeSiteName(right) && SplitWords(left).size() >= 2) {
      site->assign(right);
      s = left;
      break;
    }
  }
  // A section label before a strong separator: "Opinion | Headline".
  size_t q = s.find(" | ");
  if (q != std::string_view::npos && SplitWords(s.substr(0, q)).size() <= 2 &&
      SplitWords(s.substr(q + 3)).size() >= 3) {
    s = Trim(s.substr(q + 3));
  }
  title->assign(s);
}

std::string OutletName(std::string_view site_name, std::string_view url) {
  std::string name(Trim(site_name));
  // "INQUIRER.net", "example.com": drop the top-level domain.
  for (std::string_view tld : {".com", ".net", ".org", ".co.uk", ".co",
                               ".info", ".news", ".ph", ".in", ".ng"}) {
    if (name.size() > tld.size() + 2 &&
        EqualsNoCase(std::string_view(name).substr(name.size() - tld.size()),
                     tld)) {
      name = name.substr(0, name.size() - tld.size());
      break;
    }
  }
  if (StartsWithNoCase(name, "www.")) name = name.substr(4);
  // "Inquirer News", "Gazette Online": the trailing word names the section,
  // not the paper, unless what is left is an acronym or a generic word.
  for (std::string_view suffix : {" News", " Online", " Newspaper",
                                  " Digital", " Web"}) {
    if (name.size() <= suffix.size()) continue;
    std::string_view head =
        std::string_view(name).substr(0, name.size() - suffix.size());
    if (!EqualsNoCase(std::string_view(name).substr(head.size()), suffix))
      continue;
    auto words = SplitWords(head);
    bool acronym = words.size() == 1 && words[0].all_upper;
    bool generic = false;
    for (std::string_view g : {"daily", "local", "world", "breaking", "latest",
                               "top", "business", "sky", "fox", "the"}) {
      if (EqualsNoCase(head, g)) generic = true;
    }
    if (!acronym && !generic && clean_internal::CharCount(head) >= 4) {
      name.assign(head);
    }
    break;
  }
  if (!name.empty()) return name;
  // From the URL host: the label before the public suffix.
  std::string_view u = url;
  size_t scheme = u.find("://");
  if (scheme != std::string_view::npos) u = u.substr(scheme + 3);
  u = u.substr(0, u.find_first_of("/:?#"));
  if (u.empty()) return "";
  std::vector<std::string_view> labels;
  size_t start = 0;
  while (start <= u.size()) {
    size_t dot = u.find('.', start);
    if (dot == std::string_view::npos) dot = u.size();
    labels.push_back(u.substr(start, dot - start));
    start = dot + 1;
  }
  if (labels.size() < 2) return "";
  size_t idx = labels.size() - 2;
  // "bbc.co.uk", "abc.net.au": a second-level public suffix.
  std::string_view sld = labels[idx];
  if (idx > 0 && labels.back().size() == 2 &&
      (sld == "co" || sld == "com" || sld == "net" || sld == "org" ||
       sld == "ac" || sld == "gov" || sld == "ne" || sld == "or")) {
    --idx;
  }
  std::string label(labels[idx]);
  if (label.empty()) return "";
  label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
  return label;
}

bool ParseTagLine(std::string_view line, std::vector<std::string>* tags) {
  std::string_view s = Trim(line);
  static constexpr std::string_view kPrefixes[] = {
      "tagged with", "tagged", "tags", "tag", "topics", "keywords",
      "filed under", "related topics", "more on", "themen", "étiquettes",
      "etiquetas", "mots-clés"};
  size_t rest = std::string_view::npos;
  for (std::string_view p : kPrefixes) {
    if (!StartsWithNoCase(s, p)) continue;
    size_t i = p.size();
    while (i < s.size() && s[i] == ' ') ++i;
    if (i < s.size() && s[i] == ':') {
      rest = i + 1;
      break;
    }
  }
  if (rest == std::string_view::npos) return false;
  std::string_view list = Trim(s.substr(rest));
  if (list.empty()) return false;
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= list.size()) {
    size_t end = list.find_first_of(",;|", start);
    if (end == std::string_view::npos) end = list.size();
    // "•" separates tags on some sites, too.
    std::string_view item = list.substr(start, end - start);
    size_t bullet;
    while ((bullet = item.find("•")) != std::string_view::npos) {
      std::string_view part = Trim(item.substr(0, bullet));
      if (!part.empty()) out.emplace_back(part);
      item = item.substr(bullet + std::string_view("•").size());
    }
    item = Trim(item);
    if (!item.empty()) out.emplace_back(item);
    start = end + 1;
  }
  if (out.empty()) return false;
  for (const std::string& t : out) {
    if (t.size() > 80) return false;  // a sentence, not a tag
  }
  tags->insert(tags->end(), out.begin(), out.end());
  return true;
}

namespace {

// Words that mark a photo credit.
bool HasCreditWord(std::string_view s) {
  static constexpr std::string_view kWords[] = {
      "photo", "photograph", "image", "credit", "courtesy", "getty",
      "reuters", "afp", "associated press", "epa", "shutterstock", "pool",
      "handout", "via ", "/ap", "ap/", "file", "xinhua", "alamy", "pexels",
      "unsplash", "bloomberg", "yonhap", "kcna", "anadolu", "sipa", "dpa",
      "istock", "wikimedia", "foto", "illustration"};
  for (std::string_view w : kWords) {
    if (ContainsNoCase(s, w)) return true;
  }
  // A bare agency acronym: "AP", "AFP", "EPA".
  auto words = SplitWords(s);
  if (words.size() == 1 && words[0].all_upper && s.size() <= 6) return true;
  return false;
}

// Strips a credit label: "Photo: X" -> "X", "Credit... X" -> "X".
std::string_view StripCreditLabel(std::string_view s) {
  s = Trim(s);
  static constexpr std::string_view kLabels[] = {
      "photo credit", "image credit", "photograph", "photos", "photo",
      "picture", "image", "credit", "source", "foto"};
  for (std::string_view l : kLabels) {
    if (!StartsWithNoCase(s, l)) continue;
    std::string_view rest = s.substr(l.size());
    size_t i = 0;
    while (i < rest.size() && (rest[i] == ' ' || rest[i] == ':' ||
                               rest[i] == '.' || rest[i] == '-'))
      ++i;
    if (rest.substr(i).starts_with("…")) i += std::string_view("…").size();
    if (i > 0 && i < rest.size()) return Trim(rest.substr(i));
  }
  return s;
}

}  // namespace

void SplitCaptionCredit(std::string_view caption, std::string* text,
                        std::string* credit) {
  std::string_view s = Trim(caption);
  text->assign(s);
  credit->clear();
  if (s.empty()) return;
  // "(KCNA via REUTERS)", "(Photo: AP)", "[Photo: X]" at the end.
  char close = s.back();
  if (close == ')' || close == ']') {
    char open = close == ')' ? '(' : '[';
    size_t p = s.rfind(open);
    if (p != std::string_view::npos) {
      std::string_view inner = s.substr(p + 1, s.size() - p - 2);
      if (HasCreditWord(inner) && SplitWords(inner).size() <= 10) {
        text->assign(Trim(s.substr(0, p)));
        credit->assign(StripCreditLabel(inner));
        return;
      }
    }
  }
  // "Credit... Doug Mills/The New York Times", "Photo: Getty Images".
  static constexpr std::string_view kMarkers[] = {
      "Credit...", "Credit…", "Photo credit:", "Image credit:",
      "Photograph:", "Photo:", "Image:", "Credit:", "Picture:", "Foto:"};
  for (std::string_view m : kMarkers) {
    size_t p = s.rfind(m);
    if (p == std::string_view::npos) continue;
    std::string_view rest = Trim(s.substr(p + m.size()));
    if (rest.empty() || SplitWords(rest).size() > 10) continue;
    text->assign(Trim(s.substr(0, p)));
    credit->assign(rest);
    return;
  }
  // "... News Agency. KCNA via REUTERS": a trailing fragment after the last
  // sentence end, without sentence punctuation, that names a source.
  size_t best = std::string_view::npos;
  for (std::string_view end : {". ", "! ", "? ", ".” ", ".\" "}) {
    size_t p = s.rfind(end);
    if (p != std::string_view::npos &&
        (best == std::string_view::npos || p > best))
      best = p + end.size() - 1;
  }
  if (best != std::string_view::npos) {
    std::string_view tail = Trim(s.substr(best));
    uint32_t last = clean_internal::LastCodePoint(tail);
    size_t words = SplitWords(tail).size();
    if (words >= 1 && words <= 8 && last != '.' && last != '!' &&
        last != '?' && HasCreditWord(tail)) {
      text->assign(Trim(s.substr(0, best)));
      credit->assign(StripCreditLabel(tail));
    }
  }
}

}  // namespace dateline
