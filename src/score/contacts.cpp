// Contacts are facts with their source and confidence; the loader keeps both, so that a letter
// can say how sure the address is.
#include "score/contacts.hpp"

#include "classify/rules_file.hpp"
#include "util/json_fields.hpp"
#include "util/text.hpp"

#include <algorithm>

namespace empreinte::score {

using nlohmann::json;

const ContactRoute* Contact::route(std::initializer_list<std::string_view> types) const
{
  for (const auto type : types) {
    for (const auto& r : routes) {
      if (r.type == type) {
        return &r;
      }
    }
  }
  return nullptr;
}

util::Result<Contacts> Contacts::load(const std::string& path)
{
  auto value = classify::load_rules_json(path, "empreinte/contacts/v1", {"contacts"});
  if (!value) {
    return value.error();
  }
  return from_json(*value, path);
}

util::Result<Contacts> Contacts::from_json(const json& value, const std::string& source)
{
  util::JsonFields root(value, source, "");
  const json* contacts = root.array("contacts", true);
  if (root.error()) {
    return *root.error();
  }
  Contacts out;
  for (std::size_t i = 0; i < contacts->size(); ++i) {
    const std::string pointer = "/contacts/" + std::to_string(i);
    util::JsonFields f((*contacts)[i], source, pointer);
    f.allow_only({"domain", "controller", "country", "routes", "none_known", "note"});
    Contact c;
    c.domain = util::ascii_lower(f.string("domain", true));
    c.controller = f.string("controller");
    c.country = f.string("country", true);
    const bool none_known = f.boolean("none_known", false);
    c.note = read_localized(f, "note", false);
    const json* routes = f.array("routes", true);
    for (std::size_t r = 0; routes && !f.error() && r < routes->size(); ++r) {
      util::JsonFields rf((*routes)[r], source, pointer + "/routes/" + std::to_string(r));
      rf.allow_only({"type", "value", "source", "confidence"});
      ContactRoute route;
      route.type = rf.string("type", true);
      route.value = rf.string("value", true);
      route.source = rf.string("source", true);
      route.confidence = rf.string("confidence", true);
      static const char* const k_types[] = {"dpo_email",
                                            "privacy_email",
                                            "abuse_email",
                                            "form",
                                            "opt_out",
                                            "privacy_policy",
                                            "postal"};
      if (!rf.error() &&
          std::find(std::begin(k_types), std::end(k_types), route.type) == std::end(k_types)) {
        rf.fail(
            "unknown route type \"" + route.type + "\"",
            "type",
            "use dpo_email, privacy_email, abuse_email, form, opt_out, privacy_policy or postal");
      }
      if (rf.error()) {
        return *rf.error();
      }
      c.routes.push_back(std::move(route));
    }
    if (!f.error() && none_known != c.routes.empty()) {
      f.fail(none_known ? "none_known is true but routes are given"
                        : "no route and none_known is false",
             "none_known",
             "set none_known to true exactly when routes is empty");
    }
    if (!f.error() && none_known && c.note.empty()) {
      f.fail("no note for a site without a known route", "note", "say what to do instead");
    }
    if (f.error()) {
      return *f.error();
    }
    if (!out.m_by_domain.emplace(c.domain, out.m_contacts.size()).second) {
      return util::input_error("domain \"" + c.domain + "\" given twice",
                               source + ": " + pointer + "/domain",
                               "keep one entry per domain");
    }
    out.m_contacts.push_back(std::move(c));
  }
  return out;
}

const Contact* Contacts::find(std::string_view host_view) const
{
  std::string host = util::ascii_lower(host_view);
  while (!host.empty()) {
    if (const auto it = m_by_domain.find(host); it != m_by_domain.end()) {
      return &m_contacts[it->second];
    }
    const auto dot = host.find('.');
    if (dot == std::string::npos) {
      break;
    }
    host.erase(0, dot + 1);
  }
  return nullptr;
}

} // namespace empreinte::score
