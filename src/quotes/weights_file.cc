#include "quotes/weights_file.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace dateline {

Status ParseWeights(std::string_view text, const std::string& path,
                    std::string_view number_name, double* number,
                    std::unordered_map<uint64_t, float>* weights,
                    std::vector<std::string>* info) {
  weights->clear();
  info->clear();
  *number = 0;
  const std::string prefix = std::string(number_name) + " ";
  size_t line_no = 0, pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string line(text.substr(pos, nl - pos));
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    if (line[0] == '#') {
      if (line.size() > 2 && line_no > 1) info->push_back(line.substr(2));
      continue;
    }
    char* endp = nullptr;
    if (line.rfind(prefix, 0) == 0) {
      const char* m = line.c_str() + prefix.size();
      *number = std::strtod(m, &endp);
      if (endp == m || *endp != '\0' || !(*number == *number)) {
        return Status::Corruption(path, "malformed " + std::string(number_name) +
                                            " on line " +
                                            std::to_string(line_no));
      }
      continue;
    }
    if (line.size() < 18 || line[16] != ' ') {
      return Status::Corruption(path,
                                "malformed line " + std::to_string(line_no));
    }
    // The key's digits in a string of their own that outlives the check
    // (endp points into it).
    const std::string digits = line.substr(0, 16);
    uint64_t key = std::strtoull(digits.c_str(), &endp, 16);
    if (endp == nullptr || *endp != '\0') {
      return Status::Corruption(path,
                                "malformed key on line " + std::to_string(line_no));
    }
    const char* wstr = line.c_str() + 17;
    float w = std::strtof(wstr, &endp);
    if (endp == wstr || *endp != '\0' || !(w == w)) {
      return Status::Corruption(
          path, "malformed weight on line " + std::to_string(line_no));
    }
    (*weights)[key] = w;
  }
  return Status::OK();
}

Status ReadWeightsFile(const std::string& path, std::string_view number_name,
                       double* number,
                       std::unordered_map<uint64_t, float>* weights,
                       std::vector<std::string>* info) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path, "cannot open the model");
  std::stringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Status::IOError(path, "cannot read the model");
  return ParseWeights(buffer.str(), path, number_name, number, weights, info);
}

}  // namespace dateline
