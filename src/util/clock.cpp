// SOURCE_DATE_EPOCH follows the reproducible-builds convention.
#include "util/clock.hpp"

#include <cstdlib>
#include <ctime>
#include <string>

namespace empreinte::util {

std::string now_rfc3339()
{
  std::time_t t = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    char* end = nullptr;
    const long long value = std::strtoll(epoch, &end, 10);
    if (end && *end == '\0' && value >= 0) {
      t = static_cast<std::time_t>(value);
    }
  }
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

} // namespace empreinte::util
