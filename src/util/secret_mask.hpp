// Secrets and every form they take on the wire, masked wherever text leaves the program.
#pragma once

#include "util/message.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace empreinte::util {

// The one masking mechanism: API keys and the passwords of URLs (`http://user:PASS@host/`),
// raw, percent-encoded and form-encoded, replaced by "***" in reasons, results, cache keys and
// cache files, listings and messages.
class SecretMask
{
public:
  // Masks `secret` in all its forms. Values under 4 characters are ignored: masking them would
  // garble ordinary text, and no real key or password worth the name is that short.
  void add(std::string_view secret);
  // Masks the password of a URL's user-info ("user:PASS@"), as written and decoded, and the
  // whole user-info; a value that is not a URL with one adds nothing.
  void add_url_credentials(std::string_view url);
  // Everything another mask masks.
  void add(const SecretMask& other);

  // `text` with every form of every secret replaced by "***", longest first.
  std::string apply(std::string text) const;
  // The same for a message's arguments and quote, and those of its parts (the catalogue's
  // own words hold no secret).
  Message apply(Message message) const;
  bool empty() const { return m_forms.empty(); }

private:
  std::vector<std::string> m_forms; // longest first, so "user:PASS" wins over "PASS"
};

} // namespace empreinte::util
