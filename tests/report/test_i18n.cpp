// The catalogue of report sentences: complete in both languages, and every key in use exists.
#include "classify/site_rules.hpp"
#include "plan/query.hpp"
#include "report/i18n.hpp"
#include "search/backend.hpp"
#include "support/temp_dir.hpp"
#include "traces/trace.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <re2/re2.h>
#include <set>

using namespace empreinte;

namespace {

// {0}, {1}, {p0}...: the placeholders of a catalogue text.
std::multiset<std::string> placeholders(std::string_view text)
{
  static const RE2 k_placeholder(R"((\{p?[0-9]+\}))");
  std::multiset<std::string> out;
  re2::StringPiece rest(text.data(), text.size());
  std::string placeholder;
  while (RE2::FindAndConsume(&rest, k_placeholder, &placeholder)) {
    out.insert(placeholder);
  }
  return out;
}

} // namespace

TEST_CASE("report: every catalogue key has both languages")
{
  std::set<std::string_view> keys;
  REQUIRE(report::catalogue().size() > 100);
  for (const auto& e : report::catalogue()) {
    CAPTURE(e.key);
    CHECK(keys.insert(e.key).second); // unique
    CHECK_FALSE(e.en.empty());
    CHECK_FALSE(e.fr.empty());
    // A cue and an engine definition's reason carry their own sentence in each language: {0}
    // or {1}.
    if (e.key != "kind.cue" && !e.key.starts_with("search.engine_says")) {
      CHECK(placeholders(e.en) == placeholders(e.fr));
    }
    CHECK(report::has_key(e.key));
  }
  CHECK_FALSE(report::has_key("no.such.key"));
}

TEST_CASE("report: messages render their arguments and nested parts in one language")
{
  const util::Message but{
      "kind.but",
      {},
      {{"kind.post_by", {"@someone", "Instagram"}, {}}, {"kind_label.inherited", {}, {}}}};
  CHECK(report::tr("en", but) == "but: a post by @someone on Instagram (suggests inherited)");
  CHECK(report::tr("fr", but) ==
        "mais : une publication de @someone sur Instagram (indice d'une trace héritée)");
  const util::Message cue{"kind.cue", {"is an obituary", "est une nécrologie"}, {}};
  CHECK(report::tr("en", cue) == "is an obituary");
  CHECK(report::tr("fr", cue) == "est une nécrologie");
  CHECK(report::tr("de", cue) == "is an obituary"); // any other language: English
  CHECK(report::tr("fr", util::Message{"missing.key", {}, {}}) ==
        "missing.key"); // visible, not silent
  // Braces in arguments are data, not placeholders.
  CHECK(report::tr("en", "identity.full_name", {"{1}"}) == "your name appears ({1})");
}

TEST_CASE("report: French elides de before a vowel or a mute h, never in English")
{
  using util::Message;
  CHECK(report::tr("fr", Message{"report.title", {"Hélène Vasseur"}, {}}) == "Empreinte numérique d'Hélène Vasseur");
  CHECK(report::tr("fr", Message{"report.title", {"Émile Roux"}, {}}) == "Empreinte numérique d'Émile Roux");
  CHECK(report::tr("fr", Message{"report.title", {"Anne Roux"}, {}}) == "Empreinte numérique d'Anne Roux");
  CHECK(report::tr("fr", Message{"report.title", {"Camille Martin"}, {}}) == "Empreinte numérique de Camille Martin");
  CHECK(report::tr("fr", Message{"diff.title", {"Ines Roux"}, {}}) == "Évolution de l'empreinte d'Ines Roux");
  CHECK(report::tr("en", Message{"report.title", {"Hélène Vasseur"}, {}}) == "Digital footprint of Hélène Vasseur");
}

TEST_CASE("report: the locale decides the default language")
{
  CHECK(report::lang_from_locale(nullptr, nullptr, nullptr) == "en");
  CHECK(report::lang_from_locale(nullptr, nullptr, "fr_FR.UTF-8") == "fr");
  CHECK(report::lang_from_locale(nullptr, nullptr, "fr_CA") == "fr");
  CHECK(report::lang_from_locale(nullptr, nullptr, "en_GB.UTF-8") == "en");
  CHECK(report::lang_from_locale(nullptr, nullptr, "C.UTF-8") == "en");
  CHECK(report::lang_from_locale("en_US.UTF-8", "fr_FR", "fr_FR") == "en"); // LC_ALL first
  CHECK(report::lang_from_locale("", "fr_BE.UTF-8", "en_GB") == "fr");      // empty means unset
  CHECK(report::lang_from_locale(nullptr, nullptr, "de_DE") == "en");
  CHECK(report::is_lang("fr"));
  CHECK(report::is_lang("en"));
  CHECK_FALSE(report::is_lang("de"));
  CHECK_FALSE(report::is_lang(""));
}

TEST_CASE("report: every key the code names is in the catalogue")
{
  // Keys written as literals in the sources...
  static const RE2 k_literal(R"re("((?:identity|kind|risk_reason|finding|report|md|html|)re"
                             R"re(classify|plan|quiz|search|transport)\.[a-z_.]+)")re");
  std::size_t literals = 0;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(std::string(EMPREINTE_SOURCE_DIR) + "/src")) {
    if (entry.path().extension() != ".cpp"
        || entry.path().filename().string().starts_with("i18n_catalogue")) {
      continue;
    }
    const std::string text = test::slurp(entry.path().string());
    re2::StringPiece rest(text);
    std::string key;
    while (RE2::FindAndConsume(&rest, k_literal, &key)) {
      if (key.back() == '.') {
        continue; // a prefix completed at run time, checked below
      }
      if (RE2::PartialMatch(key, R"(\.(mustache|json|md|html)$)")) {
        continue; // a file name ("report.html.mustache"), not a key
      }
      CAPTURE(entry.path().filename().string());
      CAPTURE(key);
      CHECK(report::has_key(key));
      ++literals;
    }
  }
  CHECK(literals > 60);
  // ...and keys made of a prefix and a machine name.
  for (auto kind : {traces::Kind::voluntary,
                    traces::Kind::inherited,
                    traces::Kind::involuntary,
                    traces::Kind::unknown}) {
    const std::string k(traces::kind_name(kind));
    for (const char* prefix :
         {"kind_label.", "kind_meaning.", "kind_traces.", "finding.name.dominant."}) {
      CAPTURE(prefix);
      CHECK(report::has_key(prefix + k));
    }
  }
  for (auto risk :
       {traces::Trace::Risk::low, traces::Trace::Risk::medium, traces::Trace::Risk::high}) {
    CHECK(report::has_key("risk." + std::string(traces::risk_name(risk))));
  }
  for (auto family :
       {plan::Family::name, plan::Family::network, plan::Family::pseudonym, plan::Family::job}) {
    CHECK(report::has_key("family." + std::string(plan::family_name(family))));
    CHECK(plan::family_question(family, "fr") != plan::family_question(family, "en"));
  }
  for (auto status :
       {search::QueryStatus::ok, search::QueryStatus::empty, search::QueryStatus::error}) {
    CHECK(report::has_key("status." + std::string(search::status_name(status))));
  }
  CHECK(report::tr_or("fr", "status.someday", "someday") == "someday");
  for (int c = 0;; ++c) {
    const auto name = classify::category_name(static_cast<classify::SiteCategory>(c));
    if (name.empty()) {
      break;
    }
    CAPTURE(name);
    CHECK(report::has_key("site_category." + std::string(name)));
  }
  // Personal-data categories: the detectors' fixed ones and every lexicon's.
  std::set<std::string> categories{
      "email", "phone", "address", "birthdate", "national_id", "financial"};
  const auto lexicons = nlohmann::json::parse(
      test::slurp(std::string(EMPREINTE_SOURCE_DIR) + "/rules/lexicons.json"));
  for (const char* list : {"terms", "patterns"}) {
    for (const auto& item : lexicons.value(list, nlohmann::json::array())) {
      categories.insert(item.at("category").get<std::string>());
    }
  }
  for (const auto& c : categories) {
    CAPTURE(c);
    CHECK(report::has_key("category." + c));
  }
}
