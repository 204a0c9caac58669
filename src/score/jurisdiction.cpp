// The law is data; this file reads it strictly and guesses, in a documented order, where the
// person lives (docs/remedies.md, "Which law").
#include "score/jurisdiction.hpp"

#include "classify/rules_file.hpp"
#include "classify/site_rules.hpp"
#include "util/json_fields.hpp"
#include "util/text.hpp"

#include <algorithm>

namespace empreinte::score {

using nlohmann::json;

Localized read_localized(util::JsonFields& f, std::string_view key, bool required)
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

std::string_view chosen_by_name(ChosenBy how)
{
  switch (how) {
  case ChosenBy::given:
    return "given";
  case ChosenBy::location:
    return "location";
  case ChosenBy::phone:
    return "phone";
  case ChosenBy::fallback:
    return "default";
  }
  return "default";
}

const std::string* Jurisdiction::article(const std::string& right, const std::string& lang) const
{
  const auto it = articles.find(right);
  return it == articles.end() ? nullptr : &it->second.in(lang);
}

std::string deadline_words(const Deadline& d, const std::string& lang)
{
  const bool fr = lang == "fr";
  if (d.months > 0) {
    static const char* const k_en[] = {"", "one month", "two months", "three months"};
    static const char* const k_fr[] = {"", "d'un mois", "de deux mois", "de trois mois"};
    if (d.months <= 3) {
      return fr ? k_fr[d.months] : k_en[d.months];
    }
    return (fr ? "de " : "") + std::to_string(d.months) + (fr ? " mois" : " months");
  }
  if (d.days > 0) {
    return (fr ? "de " : "") + std::to_string(d.days) + (fr ? " jours" : " days");
  }
  return fr ? "raisonnable" : "a reasonable time";
}

namespace {

Authority read_authority(const json& value,
                         const std::string& source,
                         const std::string& pointer,
                         std::optional<util::Error>& error)
{
  util::JsonFields f(value, source, pointer);
  f.allow_only({"id", "country", "name", "complaint_url", "address", "source"});
  Authority a;
  a.id = f.string("id", true);
  a.country = f.string("country", true);
  a.name = f.string("name", true);
  a.complaint_url = f.string("complaint_url");
  a.address = f.string("address");
  (void)f.string("source", true);
  if (f.error()) {
    error = f.error();
  }
  return a;
}

std::optional<Deadline> read_deadline(util::JsonFields& f)
{
  const json* v = f.object("deadline");
  if (!v || f.error()) {
    return std::nullopt;
  }
  util::JsonFields d(*v, f.source(), f.pointer() + "/deadline");
  Deadline out;
  if (d.has("months")) {
    d.allow_only({"months", "extension_months", "cite"});
    out.months = static_cast<int>(d.integer("months", 0, 1, 12));
    out.extension_months = static_cast<int>(d.integer("extension_months", 0, 1, 12));
  } else {
    d.allow_only({"days", "extension_days", "cite"});
    out.days = static_cast<int>(d.integer("days", 0, 1, 365));
    out.extension_days = static_cast<int>(d.integer("extension_days", 0, 1, 365));
    if (!d.has("days") && !d.error()) {
      d.fail("missing required number \"days\" (or \"months\")", "days", "add it");
    }
  }
  out.cite = read_localized(d, "cite", true);
  if (d.error()) {
    f.fail(d.error()->what, "deadline", d.error()->hint);
  }
  return out;
}

std::optional<util::Error>
read_entry(const json& value, const std::string& source, std::size_t index, Jurisdiction& j)
{
  const std::string pointer = "/jurisdictions/" + std::to_string(index);
  util::JsonFields f(value, source, pointer);
  f.allow_only({"id",
                "name",
                "parent",
                "confidence",
                "law",
                "articles",
                "deadline",
                "authority",
                "regional_authorities",
                "languages",
                "delisting",
                "identity_proof",
                "sending",
                "registry_remedies",
                "notes",
                "source"});
  j.id = f.string("id", true);
  j.name = read_localized(f, "name", true);
  j.parent = f.string("parent");
  (void)f.string("confidence", true);
  if (const json* law = f.object("law", true); law && !f.error()) {
    util::JsonFields l(*law, source, pointer + "/law");
    l.allow_only({"id", "name", "short", "in_force", "url", "national"});
    j.law.id = l.string("id", true);
    j.law.name = read_localized(l, "name", true);
    j.law.short_name = read_localized(l, "short", true);
    (void)l.string("in_force");
    j.law.url = l.string("url");
    (void)l.string("national");
    if (l.error()) {
      return l.error();
    }
  }
  if (const json* articles = f.object("articles", true); articles && !f.error()) {
    util::JsonFields a(*articles, source, pointer + "/articles");
    a.allow_only({"access", "rectification", "erasure", "objection", "complaint", "delisting"});
    for (const char* right :
         {"access", "rectification", "erasure", "objection", "complaint", "delisting"}) {
      if (a.has(right)) {
        Localized cite = read_localized(a, right, false);
        if (!cite.empty()) {
          j.articles.emplace(right, std::move(cite));
        }
      } else if (!a.error()) {
        a.fail(std::string("missing required \"") + right + "\"",
               right,
               "add it (null when the law does not give it)");
      }
    }
    if (a.error()) {
      return a.error();
    }
  }
  j.deadline = read_deadline(f);
  j.authority = f.string("authority");
  if (const json* regional = f.object("regional_authorities"); regional && !f.error()) {
    for (const auto& [region, id] : regional->items()) {
      if (!id.is_string()) {
        f.fail_at("expected a string",
                  "regional_authorities/" + util::pointer_escape(region),
                  "give an authority id");
      }
    }
  }
  j.languages = f.strings("languages", true);
  j.delisting = f.boolean("delisting", false);
  if (!f.has("delisting") && !f.error()) {
    f.fail("missing required boolean \"delisting\"", "delisting", "add it");
  }
  j.identity_proof = read_localized(f, "identity_proof", true);
  j.sending = read_localized(f, "sending", true);
  j.notes = read_localized(f, "notes", true);
  (void)f.string("source", true);
  if (const json* remedies = f.array("registry_remedies", true); remedies && !f.error()) {
    for (std::size_t i = 0; i < remedies->size(); ++i) {
      util::JsonFields r(
          (*remedies)[i], source, pointer + "/registry_remedies/" + std::to_string(i));
      r.allow_only({"id", "name", "how", "url", "categories", "confidence", "source"});
      RegistryRemedy remedy;
      remedy.id = r.string("id", true);
      remedy.name = read_localized(r, "name", true);
      remedy.how = read_localized(r, "how", true);
      remedy.url = r.string("url");
      remedy.categories = r.strings("categories", true);
      remedy.confidence = r.string("confidence", true);
      (void)r.string("source", true);
      for (std::size_t c = 0; c < remedy.categories.size() && !r.error(); ++c) {
        if (!classify::category_from_name(remedy.categories[c])) {
          r.fail_at("unknown site category \"" + remedy.categories[c] + "\"",
                    "categories/" + std::to_string(c),
                    "use a category of rules/sites.json (registry, aggregator, directory...)");
        }
      }
      if (r.error()) {
        return r.error();
      }
      j.registry_remedies.push_back(std::move(remedy));
    }
  }
  return f.error();
}

std::string upper(std::string_view text)
{
  std::string out(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') {
      c = static_cast<char>(c - 'a' + 'A');
    }
  }
  return out;
}

bool is_alpha2(std::string_view text)
{
  return text.size() == 2 && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
         });
}

// "US-NY", "fr-38": an ISO 3166-2 subdivision code.
bool is_subdivision(std::string_view text)
{
  return text.size() >= 4 && text.size() <= 6 && is_alpha2(text.substr(0, 2)) && text[2] == '-' &&
         std::all_of(text.begin() + 3, text.end(), [](char c) {
           return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
         });
}

} // namespace

util::Result<Jurisdictions> Jurisdictions::load(const std::string& path,
                                                const std::vector<Authority>& known)
{
  auto value = classify::load_rules_json(
      path, "empreinte/jurisdictions/v1", {"authorities", "derive", "jurisdictions"});
  if (!value) {
    return value.error();
  }
  return from_json(*value, path, known);
}

util::Result<Jurisdictions> Jurisdictions::from_json(const json& value,
                                                     const std::string& source,
                                                     const std::vector<Authority>& known)
{
  util::JsonFields root(value, source, "");
  const json* authorities = root.array("authorities", true);
  const json* derive = root.object("derive", true);
  const json* entries = root.array("jurisdictions", true);
  if (root.error()) {
    return *root.error();
  }
  Jurisdictions out;
  out.m_authorities = known;
  for (std::size_t i = 0; i < authorities->size(); ++i) {
    std::optional<util::Error> error;
    Authority a =
        read_authority((*authorities)[i], source, "/authorities/" + std::to_string(i), error);
    if (error) {
      return *error;
    }
    if (out.authority(a.id)) {
      return util::input_error("authority \"" + a.id + "\" is already declared",
                               source + ": /authorities/" + std::to_string(i),
                               "keep one of them");
    }
    out.m_authorities.push_back(std::move(a));
  }
  for (std::size_t i = 0; i < entries->size(); ++i) {
    Jurisdiction j;
    if (auto error = read_entry((*entries)[i], source, i, j)) {
      return *error;
    }
    const std::string where = source + ": /jurisdictions/" + std::to_string(i);
    if (!j.authority.empty() && !out.authority(j.authority)) {
      return util::input_error("unknown authority \"" + j.authority + "\"",
                               where + "/authority",
                               "declare it in /authorities or in remedies.json");
    }
    if (out.find(j.id)) {
      return util::input_error(
          "jurisdiction \"" + j.id + "\" given twice", where + "/id", "keep one of them");
    }
    out.m_entries.push_back(std::move(j));
  }
  for (std::size_t i = 0; i < out.m_entries.size(); ++i) {
    const auto& j = out.m_entries[i];
    if (!j.parent.empty() && !out.find(j.parent)) {
      return util::input_error("unknown parent \"" + j.parent + "\"",
                               source + ": /jurisdictions/" + std::to_string(i) + "/parent",
                               "use the id of another entry");
    }
  }
  if (!out.fallback()) {
    return util::input_error(
        "no INTL entry", source + ": /jurisdictions", "add the fallback entry INTL");
  }
  util::JsonFields d(*derive, source, "/derive");
  d.allow_only({"phone_prefixes", "country_names"});
  const json* prefixes = d.object("phone_prefixes", true);
  const json* names = d.object("country_names", true);
  if (d.error()) {
    return *d.error();
  }
  for (const auto& [prefix, id] : prefixes->items()) {
    const std::string where = source + ": /derive/phone_prefixes/" + util::pointer_escape(prefix);
    if (id.is_null()) {
      out.m_phone_prefixes[prefix] = "";
    } else if (!id.is_string() || !out.find(id.get<std::string>())) {
      return util::input_error(
          "not a jurisdiction id", where, "use the id of an entry of /jurisdictions, or null");
    } else {
      out.m_phone_prefixes[prefix] = id.get<std::string>();
    }
  }
  for (const auto& [name, id] : names->items()) {
    if (!id.is_string() || !out.find(id.get<std::string>())) {
      return util::input_error("not a jurisdiction id",
                               source + ": /derive/country_names/" + util::pointer_escape(name),
                               "use the id of an entry of /jurisdictions");
    }
    out.m_names.add(name, out.m_name_ids.size());
    out.m_name_ids.push_back(id.get<std::string>());
  }
  return out;
}

const Jurisdiction* Jurisdictions::find(std::string_view id) const
{
  const std::string key = upper(id);
  for (const auto& j : m_entries) {
    if (j.id == key) {
      return &j;
    }
  }
  return nullptr;
}

const Jurisdiction* Jurisdictions::for_code(std::string_view code) const
{
  if (const auto* j = find(code)) {
    return j;
  }
  if (const auto dash = code.find('-'); dash != std::string_view::npos) {
    if (const auto* parent = find(code.substr(0, dash))) {
      return parent;
    }
  }
  return fallback();
}

const Authority* Jurisdictions::authority(std::string_view id) const
{
  for (const auto& a : m_authorities) {
    if (a.id == id) {
      return &a;
    }
  }
  return nullptr;
}

const Jurisdiction* Jurisdictions::resolve_country(std::string_view raw) const
{
  const std::string text = util::squeeze_spaces(raw);
  if (const auto* j = find(text)) {
    return j;
  }
  // A name ("United Kingdom", "Royaume-Uni", "Québec"), compared word for word once folded.
  const auto words = util::words(text);
  const auto hits = m_names.find_all(words);
  if (hits.size() == 1 && hits.front().start == 0 && hits.front().length == words.size()) {
    return find(m_name_ids[hits.front().id]);
  }
  if (is_alpha2(text) || is_subdivision(text)) {
    return for_code(text); // a code this file does not describe: its country, else INTL
  }
  return nullptr;
}

const Jurisdiction* Jurisdictions::from_location(std::string_view location,
                                                 const classify::Places& places,
                                                 const Jurisdiction* hint) const
{
  // A country or region named in full wins, the last one being the widest ("Austin, Texas").
  const auto words = util::words(location);
  const auto hits = m_names.find_all(words);
  if (!hits.empty()) {
    return find(m_name_ids[hits.back().id]);
  }
  const auto candidates = places.resolve_all(std::string(location));
  if (candidates.empty()) {
    return nullptr;
  }
  const classify::Place* place = candidates.front();
  if (hint) {
    // "Manchester" is in England and in New Hampshire: the phone says which.
    for (const auto* c : candidates) {
      if (c->country == hint->id || (!hint->parent.empty() && c->country == hint->parent)) {
        place = c;
        break;
      }
    }
  }
  for (const auto& region : place->regions) {
    if (const auto* j = find(region)) {
      return j; // Quebec, California...: the region has its own law
    }
  }
  return for_code(place->country);
}

const Jurisdiction* Jurisdictions::from_phone(std::string_view phone) const
{
  std::string digits;
  for (std::size_t i = 0; i < phone.size(); ++i) {
    const char c = phone[i];
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c == '+' && digits.empty()) {
      digits += c;
    } else if (c != ' ' && c != '.' && c != '-' && c != '(' && c != ')' && c != '/') {
      return nullptr;
    }
  }
  if (digits.rfind("00", 0) == 0) {
    digits = "+" + digits.substr(2);
  }
  if (digits.empty() || digits.front() != '+') {
    return nullptr; // a national number says nothing of the country
  }
  for (std::size_t n = std::min<std::size_t>(digits.size(), 5); n >= 2; --n) {
    if (const auto it = m_phone_prefixes.find(digits.substr(0, n)); it != m_phone_prefixes.end()) {
      return it->second.empty() ? nullptr : find(it->second);
    }
  }
  return nullptr;
}

util::Result<JurisdictionChoice> Jurisdictions::choose(const profile::Profile& person,
                                                       const classify::Places& places,
                                                       const std::string& source) const
{
  if (!person.country.empty()) {
    if (const auto* j = resolve_country(person.country)) {
      return JurisdictionChoice{j, ChosenBy::given, person.country};
    }
    return util::input_error("unknown country \"" + person.country + "\"",
                             source == "command line" ? "command line: --country"
                                                      : source + ": /country",
                             "give an ISO code (FR, GB, CH, BE, US-CA, CA-QC...) or a country name "
                             "in English or French");
  }
  const Jurisdiction* by_phone = nullptr;
  std::string phone;
  for (const auto& p : person.phones) {
    if ((by_phone = from_phone(p))) {
      phone = p;
      break;
    }
  }
  if (!person.location.empty()) {
    if (const auto* j = from_location(person.location, places, by_phone)) {
      return JurisdictionChoice{j, ChosenBy::location, person.location};
    }
  }
  if (by_phone) {
    return JurisdictionChoice{by_phone, ChosenBy::phone, phone};
  }
  return JurisdictionChoice{fallback(), ChosenBy::fallback, ""};
}

} // namespace empreinte::score
