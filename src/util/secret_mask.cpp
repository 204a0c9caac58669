// Forms are kept longest first so that masking one never leaves part of a longer one in clear.
#include "util/secret_mask.hpp"

#include "util/url.hpp"

#include <algorithm>

namespace empreinte::util {

namespace {

constexpr std::size_t k_min_secret = 4;

} // namespace

void SecretMask::add(std::string_view secret)
{
  if (secret.size() < k_min_secret) {
    return;
  }
  std::string form_encoded = percent_encode(secret);
  for (std::size_t pos = 0; (pos = form_encoded.find("%20", pos)) != std::string::npos;) {
    form_encoded.replace(pos, 3, "+");
  }
  for (std::string form : {std::string(secret), percent_encode(secret), form_encoded}) {
    if (!form.empty() && std::find(m_forms.begin(), m_forms.end(), form) == m_forms.end()) {
      m_forms.push_back(std::move(form));
    }
  }
  std::stable_sort(m_forms.begin(), m_forms.end(), [](const std::string& a, const std::string& b) {
    return a.size() > b.size();
  });
}

void SecretMask::add_url_credentials(std::string_view url)
{
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) {
    return;
  }
  const std::string_view rest = url.substr(scheme_end + 3);
  const std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
  const auto at = authority.rfind('@');
  if (at == std::string_view::npos) {
    return;
  }
  const std::string_view userinfo = authority.substr(0, at);
  const auto colon = userinfo.find(':');
  if (colon == std::string_view::npos) {
    add(userinfo); // a token used as the user name ("https://TOKEN@host/")
    add(percent_decode(userinfo));
    return;
  }
  const std::string_view password = userinfo.substr(colon + 1);
  add(password);
  add(percent_decode(password));
  if (!password.empty()) {
    add(userinfo);
  }
}

void SecretMask::add(const SecretMask& other)
{
  for (const auto& f : other.m_forms) {
    if (std::find(m_forms.begin(), m_forms.end(), f) == m_forms.end()) {
      m_forms.push_back(f);
    }
  }
  std::stable_sort(m_forms.begin(), m_forms.end(), [](const std::string& a, const std::string& b) {
    return a.size() > b.size();
  });
}

std::string SecretMask::apply(std::string text) const
{
  for (const auto& form : m_forms) {
    std::size_t pos = 0;
    while ((pos = text.find(form, pos)) != std::string::npos) {
      text.replace(pos, form.size(), "***");
      pos += 3;
    }
  }
  return text;
}

Message SecretMask::apply(Message message) const
{
  for (auto& arg : message.args) {
    arg = apply(std::move(arg));
  }
  message.quote = apply(std::move(message.quote));
  for (auto& part : message.parts) {
    part = apply(std::move(part));
  }
  return message;
}

} // namespace empreinte::util
