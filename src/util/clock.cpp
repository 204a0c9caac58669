// One clock for the process: the environment can fix it (SOURCE_DATE_EPOCH follows the
// reproducible-builds convention; EMPREINTE_NOW is for tests of dates and deadlines).
#include "util/clock.hpp"

#include <chrono>
#include <cstdlib>
#include <string>

namespace empreinte::util {

namespace {

std::optional<std::time_t> epoch_seconds(const char* text)
{
  if (!text || !*text) {
    return std::nullopt;
  }
  char* end = nullptr;
  const long long value = std::strtoll(text, &end, 10);
  if (!end || *end != '\0' || value < 0) {
    return std::nullopt;
  }
  return static_cast<std::time_t>(value);
}

class EnvironmentClock final : public Clock
{
public:
  std::time_t now() const override
  {
    if (const char* fixed = std::getenv("EMPREINTE_NOW"); fixed && *fixed) {
      if (auto t = epoch_seconds(fixed)) {
        return *t;
      }
      if (auto t = parse_time(fixed)) {
        return *t;
      }
    }
    if (auto t = epoch_seconds(std::getenv("SOURCE_DATE_EPOCH"))) {
      return *t;
    }
    return std::time(nullptr);
  }
};

// Reads `count` digits at `at`; -1 when they are not all digits.
int number_at(std::string_view text, std::size_t at, std::size_t count)
{
  if (at + count > text.size()) {
    return -1;
  }
  int value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') {
      return -1;
    }
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

std::string format(std::time_t t, const char* pattern)
{
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, pattern, &tm);
  return buffer;
}

} // namespace

const Clock& process_clock()
{
  static const EnvironmentClock clock;
  return clock;
}

std::string format_rfc3339(std::time_t t)
{
  return format(t, "%Y-%m-%dT%H:%M:%SZ");
}

std::string format_date(std::time_t t)
{
  return format(t, "%Y-%m-%d");
}

std::optional<std::time_t> parse_time(std::string_view text)
{
  using namespace std::chrono;
  const int y = number_at(text, 0, 4);
  const int mo = number_at(text, 5, 2);
  const int d = number_at(text, 8, 2);
  if (y < 0 || mo < 0 || d < 0 || text.size() < 10 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  const year_month_day date{
      year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
  if (!date.ok()) {
    return std::nullopt;
  }
  long long seconds =
      duration_cast<std::chrono::seconds>(sys_days{date}.time_since_epoch()).count();
  if (text.size() == 10) {
    return static_cast<std::time_t>(seconds);
  }
  const int h = number_at(text, 11, 2);
  const int mi = number_at(text, 14, 2);
  const int s = number_at(text, 17, 2);
  if (text.size() < 20 || (text[10] != 'T' && text[10] != 't' && text[10] != ' ') ||
      text[13] != ':' || text[16] != ':' || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 ||
      s > 60) {
    return std::nullopt;
  }
  seconds += h * 3600LL + mi * 60LL + s;
  std::size_t at = 19;
  if (text[at] == '.') { // fractions of a second are dropped
    ++at;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
      ++at;
    }
  }
  const std::string_view zone = text.substr(at);
  if (zone == "Z" || zone == "z") {
    return static_cast<std::time_t>(seconds);
  }
  const int oh = number_at(zone, 1, 2);
  const int om = number_at(zone, 4, 2);
  if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':' || oh < 0 ||
      oh > 23 || om < 0 || om > 59) {
    return std::nullopt;
  }
  const long long offset = oh * 3600LL + om * 60LL;
  return static_cast<std::time_t>(zone[0] == '+' ? seconds - offset : seconds + offset);
}

std::string now_rfc3339()
{
  return format_rfc3339(process_clock().now());
}

} // namespace empreinte::util
