// Actions are data; this file only picks the ones that fit a trace, most specific first.
#include "score/remedies.hpp"

#include "classify/rules_file.hpp"
#include "util/json_fields.hpp"
#include "util/text.hpp"

#include <algorithm>

namespace empreinte::score {

using nlohmann::json;

namespace {

Localized localized(util::JsonFields& f, std::string_view key, bool required)
{
  Localized out;
  const json* v = f.object(key, required);
  if (v && !f.error()) {
    util::JsonFields l(*v, f.source(), f.pointer() + "/" + std::string(key));
    l.allow_only({"en", "fr"});
    out.en = l.string("en", true);
    out.fr = l.string("fr", true);
    if (l.error()) {
      f.fail(l.error()->what, key, l.error()->hint);
    }
  }
  return out;
}

} // namespace

util::Result<Remedies> Remedies::load(const std::string& path)
{
  auto value = classify::load_rules_json(
    path, "empreinte/remedies/v1", {"actions", "platforms", "sites", "categories", "authorities", "global"});
  if (!value) {
    return value.error();
  }
  return from_json(*value, path);
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
    f.allow_only({"id", "kind", "title", "how", "url", "source"});
    RemedyAction a;
    a.id = f.string("id", true);
    a.kind = f.string("kind", true);
    a.title = localized(f, "title", true);
    a.how = localized(f, "how", true);
    a.url = f.string("url");
    (void)f.string("source");
    if (f.error()) {
      return *f.error();
    }
    r.m_actions.emplace(a.id, std::move(a));
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
      if (!r.m_actions.count(ids[j])) {
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
  const std::string lower = util::ascii_lower(key);
  for (const auto& a : m_authorities) {
    if (a.id == lower || util::ascii_lower(a.country) == lower) {
      return &a;
    }
  }
  return nullptr;
}

std::vector<traces::Action> Remedies::for_trace(const traces::Trace& t, const std::string& lang) const
{
  std::vector<traces::Action> out;
  auto add = [&](traces::Action a) {
    if (std::none_of(out.begin(), out.end(), [&](const auto& o) { return o.id == a.id; })) {
      out.push_back(std::move(a));
    }
  };
  auto generic = [&](const std::string& id, const std::string& url = {}) {
    if (const RemedyAction* a = action(id)) {
      add({a->id, a->kind, a->title.in(lang), a->how.in(lang), url.empty() ? a->url : url});
    }
  };
  // The platform's own settings and forms first.
  if (const auto p = m_platforms.find(t.platform); p != m_platforms.end()) {
    if (t.kind == traces::Kind::voluntary) {
      if (!p->second.privacy_url.empty()) {
        generic("privacy-settings", p->second.privacy_url);
      }
      if (!p->second.delete_url.empty()) {
        generic(t.category == "social" ? "delete-content" : "delete-account", p->second.delete_url);
        generic("delete-account", p->second.delete_url);
      }
    } else if (!p->second.report_url.empty()) {
      generic("report-platform", p->second.report_url);
    }
  }
  // A listed site's opt-out route.
  if (const SiteRemedy* s = site(t.host)) {
    if (const RemedyAction* a = action("opt-out-site")) {
      add({a->id, a->kind, a->title.in(lang), s->how.in(lang), s->opt_out_url});
    }
  }
  // Then what fits the category (or the kind, for pages nobody listed).
  std::string category = t.category.empty() ? "unknown" : t.category;
  if (!m_categories.count(category)) {
    category = "unknown";
  }
  if (const auto c = m_categories.find(category); c != m_categories.end()) {
    for (const auto& id : c->second) {
      const bool own = t.kind == traces::Kind::voluntary;
      if (!own && (id == "delete-account" || id == "privacy-settings")) {
        continue; // not the person's account
      }
      if (own && (id == "report-platform" || id == "ask-publisher")) {
        continue; // the person published it: nobody else to ask
      }
      generic(id);
    }
  }
  return out;
}

std::vector<GlobalAdvice> Remedies::advice(const std::vector<Finding>& findings,
                                           const std::vector<traces::Trace>& traces,
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
  std::vector<GlobalAdvice> out;
  for (const auto& g : m_global) {
    if (g.when == "always" || (g.when == "pseudonym_linked" && pseudonym_linked)
        || (g.when == "no_professional_presence" && !presence)
        || (g.when == "sensitive_on_networks" && sensitive_on_networks)
        || (g.when == "contact_data_exposed" && contact)) {
      out.push_back(g);
    }
  }
  return out;
}

} // namespace empreinte::score
