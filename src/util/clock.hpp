// Wall-clock time for reports and request deadlines, replaceable for tests and reproducible output.
#pragma once

#include <ctime>
#include <optional>
#include <string>
#include <string_view>

namespace empreinte::util {

// Where "now" comes from; code that computes deadlines takes one so that tests can fix it.
class Clock
{
public:
  virtual ~Clock() = default;
  // Seconds since the epoch, UTC.
  virtual std::time_t now() const = 0;
};

// A clock that never moves (tests).
class FixedClock final : public Clock
{
public:
  explicit FixedClock(std::time_t at) : m_at(at) {}
  std::time_t now() const override { return m_at; }

private:
  std::time_t m_at;
};

// The process's clock. EMPREINTE_NOW fixes it for tests (RFC 3339 "2026-12-01T09:00:00Z", a
// date "2026-12-01", or seconds since the epoch); otherwise SOURCE_DATE_EPOCH fixes it for
// reproducible reports; otherwise it is the system clock. Read at every call.
const Clock& process_clock();

// "2026-11-22T10:00:00Z".
std::string format_rfc3339(std::time_t t);

// "2026-11-22" (UTC).
std::string format_date(std::time_t t);

// Reads "2026-11-22T10:00:00Z" (or with an offset, "+01:00") or a date "2026-11-22" (midnight
// UTC); nullopt for anything else, including impossible dates.
std::optional<std::time_t> parse_time(std::string_view text);

// Current UTC time as RFC 3339, from process_clock().
std::string now_rfc3339();

} // namespace empreinte::util
