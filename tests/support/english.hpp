// A message as the JSON report and the command line write it, whatever the report's language.
#pragma once

#include "report/i18n.hpp"
#include "util/message.hpp"

#include <string>

namespace empreinte::test {

inline std::string english(const util::Message& message)
{
  return report::tr("en", message);
}

} // namespace empreinte::test
