// Status: the outcome of an operation that can fail (I/O, untrusted input).
// Shaped like leveldb::Status: OK is cheap (no allocation); an error carries a
// code and a message that names the file and the cause. Copyable; not
// thread-safe for concurrent mutation, like any value type.
#ifndef DATELINE_STATUS_H_
#define DATELINE_STATUS_H_

#include <string>
#include <string_view>

namespace dateline {

class Status {
 public:
  Status() = default;

  static Status OK() { return Status(); }
  static Status NotFound(std::string_view msg, std::string_view msg2 = {}) {
    return Status(kNotFound, msg, msg2);
  }
  static Status Corruption(std::string_view msg, std::string_view msg2 = {}) {
    return Status(kCorruption, msg, msg2);
  }
  static Status InvalidArgument(std::string_view msg,
                                std::string_view msg2 = {}) {
    return Status(kInvalidArgument, msg, msg2);
  }
  static Status IOError(std::string_view msg, std::string_view msg2 = {}) {
    return Status(kIOError, msg, msg2);
  }
  static Status NotSupported(std::string_view msg, std::string_view msg2 = {}) {
    return Status(kNotSupported, msg, msg2);
  }

  // An operation stopped at its time budget (a query over its limit).
  static Status TimedOut(std::string_view msg, std::string_view msg2 = {}) {
    return Status(kTimedOut, msg, msg2);
  }

  bool ok() const { return code_ == kOk; }
  bool IsNotFound() const { return code_ == kNotFound; }
  bool IsCorruption() const { return code_ == kCorruption; }
  bool IsInvalidArgument() const { return code_ == kInvalidArgument; }
  bool IsIOError() const { return code_ == kIOError; }
  bool IsNotSupported() const { return code_ == kNotSupported; }
  bool IsTimedOut() const { return code_ == kTimedOut; }

  // Returns the message alone ("" when OK).
  const std::string& message() const { return msg_; }
  // Returns "OK" or "<Code>: <message>".
  std::string ToString() const;

 private:
  enum Code {
    kOk = 0,
    kNotFound,
    kCorruption,
    kInvalidArgument,
    kIOError,
    kNotSupported,
    kTimedOut
  };
  Status(Code code, std::string_view msg, std::string_view msg2);

  Code code_ = kOk;
  std::string msg_;
};

}  // namespace dateline

#endif  // DATELINE_STATUS_H_
