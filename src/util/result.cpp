// Formatting of error values.
#include "util/result.hpp"

namespace empreinte::util {

std::string Error::to_string() const
{
  std::string out = what;
  if (!where.empty()) {
    out += " (" + where + ")";
  }
  if (!hint.empty()) {
    out += ": " + hint;
  }
  return out;
}

Error input_error(std::string what, std::string where, std::string hint)
{
  return Error{ErrorKind::input, std::move(what), std::move(where), std::move(hint)};
}

Error runtime_error(std::string what, std::string where, std::string hint)
{
  return Error{ErrorKind::runtime, std::move(what), std::move(where), std::move(hint)};
}

} // namespace empreinte::util
