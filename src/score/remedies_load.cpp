// Reading rules/remedies.json (and the contacts and jurisdictions it names): every action's
// wording checked for the placeholders it may use, in English and French.
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

} // namespace empreinte::score
