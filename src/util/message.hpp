// A sentence for the person, kept as a catalogue key and its arguments until the language of
// the report is known (the catalogue is src/report/i18n_catalogue_*.cpp).
#pragma once

#include <string>
#include <vector>

namespace empreinte::util {

struct Message
{
  std::string key;               // catalogue key, e.g. "identity.full_name"
  std::vector<std::string> args = {}; // {0}, {1}...: shown as they are (names, figures, addresses)
  std::vector<Message> parts = {};    // {p0}, {p1}...: messages rendered in the same language
  // For evidence: where it was seen (title, snippet, description, page, url; "" = not said)
  // and a few words of the text around it, as written there, so a person can check.
  std::string where = {};
  std::string quote = {};

  bool empty() const { return key.empty(); }
};

} // namespace empreinte::util
