// Placeholder implementations; the real ones replace this file.
#include "clean/metadata.h"

namespace dateline {

void SplitTitle(std::string_view raw, std::string* title, std::string* site) {
  title->assign(raw);
  site->clear();
}
std::string OutletName(std::string_view, std::string_view) { return ""; }
std::string ParseDateTime(std::string_view) { return ""; }
size_t ParseDateline(std::string_view, std::vector<std::string>*) { return 0; }
bool ParseTagLine(std::string_view, std::vector<std::string>*) { return false; }
void SplitCaptionCredit(std::string_view caption, std::string* text,
                        std::string* credit) {
  text->assign(caption);
  credit->clear();
}
void RepairLostCharacters(std::string*, std::vector<Repair>*) {}
std::string DetectLanguage(std::string_view) { return ""; }

}  // namespace dateline
