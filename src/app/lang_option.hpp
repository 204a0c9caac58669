// --lang en|fr: the language of the human sentences of a report, by default the locale's.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace empreinte::app {

// Adds --lang to `command`; `lang` stays empty when the flag is not given.
void add_lang_option(CLI::App& command, std::string& lang);

// `flag` when given, else the language of the environment (LC_ALL, LC_MESSAGES, LANG).
std::string resolve_lang(const std::string& flag);

} // namespace empreinte::app
