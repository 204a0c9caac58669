// Actions are data; this file only picks the ones that fit a trace, most specific first, and
// words them for the law of the request.
#include "score/remedies.hpp"

#include "util/text.hpp"

#include <algorithm>

namespace empreinte::score {

namespace {

std::string fill(std::string text, const std::vector<std::pair<std::string, std::string>>& values)
{
  for (const auto& [name, value] : values) {
    const std::string key = "{" + name + "}";
    for (std::size_t at = text.find(key); at != std::string::npos;
         at = text.find(key, at + value.size())) {
      text.replace(at, key.size(), value);
    }
  }
  return text;
}

bool in_list(const std::vector<std::string>& ids, const Jurisdiction& j)
{
  return std::find(ids.begin(), ids.end(), j.id) != ids.end() ||
         (!j.parent.empty() && std::find(ids.begin(), ids.end(), j.parent) != ids.end());
}

bool has_category(const traces::Trace& t, std::string_view category)
{
  return std::any_of(t.sensitive.begin(), t.sensitive.end(), [&](const auto& s) {
    return s.category == category;
  });
}

} // namespace

const RemedyAction* Remedies::action(const std::string& id) const
{
  const auto it = m_actions.find(id);
  return it == m_actions.end() ? nullptr : &it->second;
}

const SiteRemedy* Remedies::site(const std::string& host_view) const
{
  std::string host = util::ascii_lower(host_view);
  while (!host.empty()) {
    if (const auto it = m_sites.find(host); it != m_sites.end()) {
      return &it->second;
    }
    const auto dot = host.find('.');
    if (dot == std::string::npos) {
      break;
    }
    host.erase(0, dot + 1);
  }
  return nullptr;
}

const Authority* Remedies::authority(const std::string& key) const
{
  // A jurisdiction's own authority first: "US-CA" has two, "DE" a federal one and the Länder's.
  if (const Jurisdiction* j = m_jurisdictions.find(key); j && !j->authority.empty()) {
    return m_jurisdictions.authority(j->authority);
  }
  const std::string lower = util::ascii_lower(key);
  const auto& all =
      m_jurisdictions.authorities().empty() ? m_authorities : m_jurisdictions.authorities();
  for (const auto& a : all) {
    if (a.id == lower || util::ascii_lower(a.country) == lower) {
      return &a;
    }
  }
  return nullptr;
}

const Jurisdiction& Remedies::law_for(const Jurisdiction& person,
                                      const std::string& site_country) const
{
  if (person.has_law() || site_country.empty()) {
    return person;
  }
  const Jurisdiction* site = m_jurisdictions.for_code(site_country);
  return site && site->has_law() ? *site : person;
}

const Jurisdiction& Remedies::registry_jurisdiction(const Jurisdiction& person,
                                                    const std::string& category,
                                                    const std::string& site_country) const
{
  if ((category == "registry" || category == "aggregator") && !site_country.empty() &&
      site_country != "INTL") {
    if (const Jurisdiction* site = m_jurisdictions.for_code(site_country);
        site && site->id != "INTL") {
      return *site;
    }
  }
  return person;
}

const Authority* Remedies::complaint_authority(const Jurisdiction& law) const
{
  return law.authority.empty() ? nullptr : m_jurisdictions.authority(law.authority);
}

std::optional<traces::Action> Remedies::make(const std::string& id,
                                             const traces::Trace& t,
                                             const Jurisdiction& person,
                                             const std::string& site_country,
                                             const std::string& lang) const
{
  const RemedyAction* a = action(id);
  if (!a || (id == "delete-content" && t.platform_page == "profile")) {
    return std::nullopt; // an account's own page: deleting the account is the action
  }
  const Jurisdiction& law = law_for(person, site_country);
  const Authority* authority = complaint_authority(law);
  const bool own = t.kind == traces::Kind::voluntary;
  auto holds = [&](const std::string& condition) {
    if (condition == "own") {
      return own;
    }
    if (condition == "own_account") {
      return own && t.platform_page == "profile";
    }
    if (condition == "not_own") {
      return !own;
    }
    if (condition == "minors") {
      return has_category(t, "minors");
    }
    if (condition == "delisting") {
      return person.delisting;
    }
    return condition == "authority" && authority != nullptr;
  };
  const bool applies = std::all_of(a->conditions.begin(), a->conditions.end(), holds) &&
                       (a->jurisdictions.empty() || in_list(a->jurisdictions, person)) &&
                       (a->right.empty() || law.article(a->right, lang));
  if (!applies) {
    return a->otherwise.empty() ? std::nullopt : make(a->otherwise, t, person, site_country, lang);
  }
  std::string url = a->url_for.empty() || in_list(a->url_for, person) ? a->url : std::string();
  std::string how = a->how.in(lang);
  const auto platform = m_platforms.find(t.platform);
  const PlatformRemedy* p = platform == m_platforms.end() ? nullptr : &platform->second;
  const Contact* contact = m_contacts.find(t.host);
  if (id == "privacy-settings" && p && !p->privacy_url.empty()) {
    url = p->privacy_url;
  } else if (id == "delete-account" && p && !p->delete_url.empty()) {
    url = p->delete_url;
  } else if (id == "delete-content" && !t.platform.empty() && t.platform_page != "profile") {
    url = t.url; // the post itself is where its author deletes or edits it
  } else if (id == "report-platform" && p && !p->report_url.empty()) {
    url = p->report_url;
  } else if (id == "opt-out-site") {
    const SiteRemedy* s = site(t.host);
    if (s && !s->how.in(lang).empty()) {
      how = s->how.in(lang);
    }
    const ContactRoute* route = contact ? contact->route({"opt_out", "form"}) : nullptr;
    url = s && !s->opt_out_url.empty() ? s->opt_out_url : route ? route->value : std::string();
  } else if (id == "contact-site" && contact) {
    if (const ContactRoute* route = contact->route({"form", "privacy_policy"})) {
      url = route->value;
    }
    if (const ContactRoute* email = contact->email()) {
      how += (lang == "fr" ? " Adresse : " : " Address: ") + email->value + ".";
    }
  } else if (id == "dpa-complaint" && authority) {
    url = authority->complaint_url;
  }
  const std::string* article = a->right.empty() ? nullptr : law.article(a->right, lang);
  const std::vector<std::pair<std::string, std::string>> values{
      {"law", law.law.short_name.in(lang)},
      {"article", article ? *article : std::string()},
      {"deadline",
       law.deadline ? deadline_words(*law.deadline, lang) : deadline_words(Deadline{}, lang)},
      {"authority", authority ? authority->name : std::string()}};
  return traces::Action{a->id, a->kind, fill(a->title.in(lang), values), fill(how, values), url};
}

std::vector<traces::Action> Remedies::for_trace(const traces::Trace& t,
                                                const Jurisdiction& person,
                                                const std::string& given_site_country,
                                                const std::string& lang) const
{
  std::string site_country = given_site_country;
  if (site_country.empty()) {
    if (const Contact* c = m_contacts.find(t.host)) {
      site_country = c->country;
    }
  }
  std::vector<traces::Action> out;
  auto add = [&](const std::string& id) {
    if (auto a = make(id, t, person, site_country, lang)) {
      if (std::none_of(out.begin(), out.end(), [&](const auto& o) { return o.id == a->id; })) {
        out.push_back(std::move(*a));
      }
    }
  };
  std::string category = t.category.empty() ? "unknown" : t.category;
  if (!m_categories.count(category)) {
    category = "unknown";
  }
  auto add_registry_remedies = [&] {
    const Jurisdiction& where = registry_jurisdiction(person, category, site_country);
    for (const auto& r : where.registry_remedies) {
      if (std::find(r.categories.begin(), r.categories.end(), category) == r.categories.end() ||
          std::any_of(out.begin(), out.end(), [&](const auto& o) { return o.id == r.id; })) {
        continue;
      }
      const RemedyAction* same = action(r.id); // the id of a remedies.json action: its kind
      out.push_back({r.id, same ? same->kind : "registry", r.name.in(lang), r.how.in(lang), r.url});
    }
  };
  // The platform's own settings and forms first: the right link for each.
  if (!t.platform.empty()) {
    for (const char* id :
         {"privacy-settings", "delete-account", "delete-content", "report-platform"}) {
      add(id);
    }
  }
  // A listed site's opt-out route.
  if (site(t.host)) {
    add("opt-out-site");
  }
  // Then what fits the category (or the kind, for pages nobody listed).
  if (const auto c = m_categories.find(category); c != m_categories.end()) {
    for (const auto& id : c->second) {
      if (id == "registry-remedies") {
        add_registry_remedies();
      } else {
        add(id);
      }
    }
  }
  return out;
}

std::vector<GlobalAdvice> Remedies::advice(const std::vector<Finding>& findings,
                                           const std::vector<traces::Trace>& traces,
                                           const JurisdictionChoice& where,
                                           double about_threshold) const
{
  bool pseudonym_linked = false;
  bool presence = true;
  bool sensitive_on_networks = false;
  for (const auto& f : findings) {
    if (f.family == plan::Family::pseudonym && f.linked) {
      pseudonym_linked = *f.linked;
    }
    if (f.family == plan::Family::job && f.professional_presence) {
      presence = *f.professional_presence;
    }
    if (f.family == plan::Family::network) {
      sensitive_on_networks = std::any_of(f.networks.begin(), f.networks.end(), [](const auto& n) {
        return !n.flagged.empty();
      });
    }
  }
  const bool contact = std::any_of(traces.begin(), traces.end(), [&](const traces::Trace& t) {
    return t.about_subject >= about_threshold
           && std::any_of(t.sensitive.begin(), t.sensitive.end(), [](const auto& s) {
                return s.category == "email" || s.category == "phone" || s.category == "address";
              });
  });
  const Jurisdiction* j = where.jurisdiction;
  const bool law = j && j->has_law();
  std::vector<GlobalAdvice> out;
  for (const auto& g : m_global) {
    if (g.when == "always" || (g.when == "pseudonym_linked" && pseudonym_linked) ||
        (g.when == "no_professional_presence" && !presence) ||
        (g.when == "sensitive_on_networks" && sensitive_on_networks) ||
        (g.when == "contact_data_exposed" && contact) || (g.when == "law_known" && j && law) ||
        (g.when == "no_law" && j && !law) ||
        (g.when == "no_country" && j && where.how == ChosenBy::fallback)) {
      GlobalAdvice filled = g;
      if (j) {
        for (const char* lang : {"en", "fr"}) {
          const std::vector<std::pair<std::string, std::string>> values{
              {"jurisdiction", j->name.in(lang)},
              {"law", j->law.short_name.in(lang)},
              {"notes", j->notes.in(lang)}};
          std::string& title = std::string(lang) == "fr" ? filled.title.fr : filled.title.en;
          std::string& how = std::string(lang) == "fr" ? filled.how.fr : filled.how.en;
          title = fill(title, values);
          how = fill(how, values);
        }
      }
      out.push_back(std::move(filled));
    }
  }
  return out;
}

} // namespace empreinte::score
