// The environment is read here, once, so that the report stages never look at it.
#include "app/lang_option.hpp"

#include "report/i18n.hpp"

#include <cstdlib>

namespace empreinte::app {

void add_lang_option(CLI::App& command, std::string& lang)
{
  command
      .add_option("--lang",
                  lang,
                  "Language of the report's sentences: en or fr (default: from LC_ALL, LC_MESSAGES "
                  "or LANG)")
      ->check(CLI::Validator(
          [](std::string& value) {
            return report::is_lang(value) ? std::string()
                                          : "unknown language \"" + value + "\": use en or fr";
          },
          "en|fr",
          "lang"))
      ->group("Output");
}

std::string resolve_lang(const std::string& flag)
{
  if (!flag.empty()) {
    return flag;
  }
  return report::lang_from_locale(
      std::getenv("LC_ALL"), std::getenv("LC_MESSAGES"), std::getenv("LANG"));
}

} // namespace empreinte::app
