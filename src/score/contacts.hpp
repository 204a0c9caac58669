// Where to send a request about a site: the controller's privacy contacts (rules/contacts.json).
#pragma once

#include "score/jurisdiction.hpp"
#include "util/result.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace empreinte::score {

// One way to reach a controller.
struct ContactRoute
{
  std::string type;  // dpo_email, privacy_email, abuse_email, form, opt_out, privacy_policy, postal
  std::string value; // an e-mail address, an https URL or a postal address on one line
  std::string source;     // where the fact comes from
  std::string confidence; // documented, secondary, unverified
};

// What is known about one site's controller.
struct Contact
{
  std::string domain;
  std::string controller;           // legal name, or ""
  std::string country;              // ISO alpha-2, or INTL
  std::vector<ContactRoute> routes; // most useful first; empty when none is known
  Localized note;                   // what to do, always given when no route is known

  // The first route of one of `types`, in the order of `types`, or nullptr.
  const ContactRoute* route(std::initializer_list<std::string_view> types) const;
  // The e-mail to write to: the DPO's, else the privacy address, else the abuse address.
  const ContactRoute* email() const { return route({"dpo_email", "privacy_email", "abuse_email"}); }
};

class Contacts
{
public:
  static util::Result<Contacts> load(const std::string& path);
  static util::Result<Contacts> from_json(const nlohmann::json& value, const std::string& source);

  // The entry for the host or its closest parent domain ("fr.pagesjaunes.fr" finds
  // "pagesjaunes.fr"), or nullptr.
  const Contact* find(std::string_view host) const;
  std::size_t size() const { return m_contacts.size(); }

private:
  std::vector<Contact> m_contacts;
  std::unordered_map<std::string, std::size_t> m_by_domain;
};

} // namespace empreinte::score
