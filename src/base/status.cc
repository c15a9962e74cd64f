#include "dateline/status.h"

namespace dateline {

Status::Status(Code code, std::string_view msg, std::string_view msg2)
    : code_(code), msg_(msg) {
  if (!msg2.empty()) {
    msg_.append(": ");
    msg_.append(msg2);
  }
}

std::string Status::ToString() const {
  const char* name = "OK";
  switch (code_) {
    case kOk:
      return "OK";
    case kNotFound:
      name = "NotFound";
      break;
    case kCorruption:
      name = "Corruption";
      break;
    case kInvalidArgument:
      name = "Invalid argument";
      break;
    case kIOError:
      name = "IO error";
      break;
    case kNotSupported:
      name = "Not supported";
      break;
    case kTimedOut:
      name = "Timed out";
      break;
  }
  return std::string(name) + ": " + msg_;
}

}  // namespace dateline
