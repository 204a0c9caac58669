// Actions are data; this file only picks the ones that fit a trace, most specific first, and
// words them for the law of the request.
#include "score/remedies.hpp"

#include "classify/rules_file.hpp"
#include "util/json_fields.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <filesystem>

namespace empreinte::score {

using nlohmann::json;

namespace {

Localized localized(util::JsonFields& f, std::string_view key, bool required)
{
  return read_localized(f, key, required);
}

// The placeholders action and advice texts may hold.
bool placeholders_known(const Localized& text,
                        std::initializer_list<std::string_view> allowed,
                        std::string& unknown)
{
  for (const std::string* t : {&text.en, &text.fr}) {
    for (std::size_t open = t->find('{'); open != std::string::npos;
         open = t->find('{', open + 1)) {
      const std::size_t close = t->find('}', open);
      const std::string name =
          t->substr(open + 1, close == std::string::npos ? std::string::npos : close - open - 1);
      if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
        unknown = name;
        return false;
      }
    }
  }
  return true;
}

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

util::Result<Remedies> Remedies::load(const std::string& path)
{
  auto value = classify::load_rules_json(
    path, "empreinte/remedies/v1", {"actions", "platforms", "sites", "categories", "authorities", "global"});
  if (!value) {
    return value.error();
  }
  auto remedies = from_json(*value, path);
  if (!remedies) {
    return remedies;
  }
  const std::filesystem::path dir = std::filesystem::path(path).parent_path();
  auto jurisdictions =
      Jurisdictions::load((dir / "jurisdictions.json").string(), remedies->m_authorities);
  if (!jurisdictions) {
    return jurisdictions.error();
  }
  remedies->m_jurisdictions = std::move(*jurisdictions);
  auto contacts = Contacts::load((dir / "contacts.json").string());
  if (!contacts) {
    return contacts.error();
  }
  remedies->m_contacts = std::move(*contacts);
  return remedies;
}

util::Result<Remedies> Remedies::from_json(const json& value, const std::string& source)
{
  util::JsonFields root(value, source, "");
  const json* actions = root.array("actions", true);
  const json* platforms = root.array("platforms", true);
  const json* sites = root.array("sites", true);
  const json* categories = root.array("categories", true);
  const json* authorities = root.array("authorities", true);
  const json* global = root.array("global", true);
  if (root.error()) {
    return *root.error();
  }
  Remedies r;
  for (std::size_t i = 0; i < actions->size(); ++i) {
    util::JsonFields f((*actions)[i], source, "/actions/" + std::to_string(i));
    f.allow_only({"id",
                  "kind",
                  "title",
                  "how",
                  "url",
                  "right",
                  "requires",
                  "jurisdictions",
                  "url_for",
                  "otherwise",
                  "source"});
    RemedyAction a;
    a.id = f.string("id", true);
    a.kind = f.string("kind", true);
    a.title = localized(f, "title", true);
    a.how = localized(f, "how", true);
    a.url = f.string("url");
    a.right = f.string("right");
    a.conditions = f.strings("requires");
    a.jurisdictions = f.strings("jurisdictions");
    a.url_for = f.strings("url_for");
    a.otherwise = f.string("otherwise");
    (void)f.string("source");
    static const char* const k_rights[] = {
        "", "access", "rectification", "erasure", "objection", "complaint", "delisting"};
    static const char* const k_conditions[] = {
        "own", "own_account", "not_own", "minors", "delisting", "authority"};
    if (!f.error() &&
        std::find(std::begin(k_rights), std::end(k_rights), a.right) == std::end(k_rights)) {
      f.fail("unknown right \"" + a.right + "\"",
             "right",
             "use access, rectification, erasure, objection, complaint or delisting");
    }
    for (std::size_t c = 0; c < a.conditions.size() && !f.error(); ++c) {
      if (std::find(std::begin(k_conditions), std::end(k_conditions), a.conditions[c]) ==
          std::end(k_conditions)) {
        f.fail_at("unknown condition \"" + a.conditions[c] + "\"",
                  "requires/" + std::to_string(c),
                  "use own, own_account, not_own, minors, delisting or authority");
      }
    }
    std::string unknown;
    for (const Localized* text : {&a.title, &a.how}) {
      if (!f.error() &&
          !placeholders_known(*text, {"law", "article", "deadline", "authority"}, unknown)) {
        f.fail("unknown placeholder {" + unknown + "}",
               text == &a.title ? "title" : "how",
               "use {law}, {article}, {deadline} or {authority}");
      }
    }
    if (!f.error() && a.right.empty() && a.how.en.find("{article}") != std::string::npos) {
      f.fail(
          "{article} without a right", "how", "say which right the action exercises in \"right\"");
    }
    if (f.error()) {
      return *f.error();
    }
    r.m_actions.emplace(a.id, std::move(a));
  }
  for (const auto& [id, a] : r.m_actions) {
    if (!a.otherwise.empty() && !r.m_actions.count(a.otherwise)) {
      return util::input_error("unknown action \"" + a.otherwise + "\"",
                               source + ": /actions (" + id + "/otherwise)",
                               "declare it in /actions");
    }
  }
  for (std::size_t i = 0; i < platforms->size(); ++i) {
    util::JsonFields f((*platforms)[i], source, "/platforms/" + std::to_string(i));
    f.allow_only({"id", "privacy_url", "delete_url", "report_url", "notes", "source"});
    const std::string id = f.string("id", true);
    PlatformRemedy p;
    p.privacy_url = f.string("privacy_url");
    p.delete_url = f.string("delete_url");
    p.report_url = f.string("report_url");
    p.notes = localized(f, "notes", false);
    (void)f.string("source");
    if (f.error()) {
      return *f.error();
    }
    r.m_platforms.emplace(id, std::move(p));
  }
  for (std::size_t i = 0; i < sites->size(); ++i) {
    util::JsonFields f((*sites)[i], source, "/sites/" + std::to_string(i));
    f.allow_only({"domain", "opt_out_url", "email", "how", "source"});
    const std::string domain = f.string("domain", true);
    SiteRemedy s;
    s.opt_out_url = f.string("opt_out_url");
    s.email = f.string("email");
    s.how = localized(f, "how", true);
    (void)f.string("source");
    if (f.error()) {
      return *f.error();
    }
    r.m_sites.emplace(domain, std::move(s));
  }
  for (std::size_t i = 0; i < categories->size(); ++i) {
    util::JsonFields f((*categories)[i], source, "/categories/" + std::to_string(i));
    f.allow_only({"category", "actions", "advice"});
    const std::string category = f.string("category", true);
    const auto ids = f.strings("actions", true);
    const Localized advice = localized(f, "advice", true);
    for (std::size_t j = 0; j < ids.size() && !f.error(); ++j) {
      if (ids[j] != "registry-remedies" && !r.m_actions.count(ids[j])) {
        f.fail_at("unknown action \"" + ids[j] + "\"", "actions/" + std::to_string(j), "declare it in /actions");
      }
    }
    if (f.error()) {
      return *f.error();
    }
    r.m_categories.emplace(category, ids);
    r.m_category_advice.emplace(category, advice);
  }
  for (std::size_t i = 0; i < authorities->size(); ++i) {
    util::JsonFields f((*authorities)[i], source, "/authorities/" + std::to_string(i));
    f.allow_only({"id", "country", "name", "complaint_url", "address", "source"});
    Authority a;
    a.id = f.string("id", true);
    a.country = f.string("country", true);
    a.name = f.string("name", true);
    a.complaint_url = f.string("complaint_url");
    a.address = f.string("address");
    (void)f.string("source");
    if (f.error()) {
      return *f.error();
    }
    r.m_authorities.push_back(std::move(a));
  }
  for (std::size_t i = 0; i < global->size(); ++i) {
    util::JsonFields f((*global)[i], source, "/global/" + std::to_string(i));
    f.allow_only({"id", "when", "title", "how"});
    GlobalAdvice g;
    g.id = f.string("id", true);
    g.when = f.string("when", true);
    g.title = localized(f, "title", true);
    g.how = localized(f, "how", true);
    static const char* const k_when[] = {"always",
                                         "pseudonym_linked",
                                         "no_professional_presence",
                                         "sensitive_on_networks",
                                         "contact_data_exposed",
                                         "law_known",
                                         "no_law",
                                         "no_country"};
    if (!f.error() && std::find(std::begin(k_when), std::end(k_when), g.when) == std::end(k_when)) {
      f.fail(
          "unknown condition \"" + g.when + "\"", "when", "see rules/schemas/remedies.schema.json");
    }
    std::string unknown;
    for (const Localized* text : {&g.title, &g.how}) {
      if (!f.error() && !placeholders_known(*text, {"jurisdiction", "law", "notes"}, unknown)) {
        f.fail("unknown placeholder {" + unknown + "}",
               text == &g.title ? "title" : "how",
               "use {jurisdiction}, {law} or {notes}");
      }
    }
    if (f.error()) {
      return *f.error();
    }
    r.m_global.push_back(std::move(g));
  }
  return r;
}

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
