// End to end: what the reports say in which language (--lang, the locale), and what --redact
// hides, on the bundled training personas.
#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "util/text.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <re2/re2.h>
#include <set>
#include <string>
#include <vector>

using namespace empreinte;
using nlohmann::json;

TEST_CASE("cli: --redact leaves no e-mail, phone or address of the subject in any format")
{
  std::size_t addresses_seen = 0;
  for (const char* persona_id : {"helene-vasseur", "declan-ashworth"}) {
    CAPTURE(persona_id);
    const auto plain = test::run_empreinte({"demo", "--persona", persona_id, "--format", "json"});
    REQUIRE(plain.exit_code == 0);
    const json report = json::parse(plain.out);
    std::vector<std::string> emails;
    std::vector<std::string> phone_tails;
    std::vector<std::string> addresses;
    for (const auto& e : report["subject"]["emails"]) {
      emails.push_back(util::ascii_lower(e.get<std::string>()));
    }
    for (const auto& p : report["subject"]["phones"]) {
      const auto d = util::digits(p.get<std::string>());
      phone_tails.push_back(d.substr(d.size() - 9));
    }
    for (const auto& t : report["traces"]) {
      for (const auto& s : t["sensitive"]) {
        if (s["category"] == "address") {
          addresses.push_back(s["text"].get<std::string>());
        }
        if (s["category"] == "email") {
          emails.push_back(s["text"].get<std::string>());
        }
      }
    }
    addresses_seen += addresses.size();
    // One redacted audit, written in the four formats at once (several -o).
    test::TempDir dir;
    const std::vector<std::string> formats{"txt", "json", "md", "html"};
    std::vector<std::string> args{"demo", "--persona", persona_id, "--redact", "--quiet"};
    for (const auto& ext : formats) {
      args.push_back("-o");
      args.push_back((dir.path() / ("r." + ext)).string());
    }
    REQUIRE(test::run_empreinte(args).exit_code == 0);
    for (const auto& format : formats) {
      CAPTURE(format);
      const std::string out = test::slurp(dir.path() / ("r." + format));
      REQUIRE(!out.empty());
      const std::string lower = util::ascii_lower(out);
      const std::string folded = util::fold(out);
      for (const auto& e : emails) {
        CAPTURE(e);
        CHECK(lower.find(e) == std::string::npos);
      }
      for (const auto& a : addresses) {
        CAPTURE(a);
        CHECK(folded.find(a) == std::string::npos);
      }
      // Every run of digits (phone separators allowed) is checked for the phones' last nine digits.
      std::string digits;
      auto check_run = [&] {
        for (const auto& tail : phone_tails) {
          if (digits.size() >= tail.size()) { // a shorter run cannot hold it: no check to count
            CHECK(digits.find(tail) == std::string::npos);
          }
        }
        digits.clear();
      };
      for (char c : out) {
        if (c >= '0' && c <= '9') {
          digits += c;
        } else if (!(c == ' ' || c == '.' || c == '-' || c == '(' || c == ')' || c == '+' || c == '/')) {
          check_run();
        }
      }
      check_run();
      if (format == "json") {
        CHECK(test::schema_violations(out) == "");
      }
    }
  }
  CHECK(addresses_seen > 0); // the corpus exposes addresses: the test means something
}

TEST_CASE("cli: --lang fr writes every human word of every format in French")
{
  // Labels of each format that must not survive in a French report.
  const std::vector<std::string> english{"Digital footprint",
                                         "traces found",
                                         "about you",
                                         "voluntary traces",
                                         "inherited traces",
                                         "involuntary traces",
                                         "What to do first",
                                         "Findings",
                                         "Possibly someone else",
                                         "not counted",
                                         "how much a stranger learns",
                                         "your name appears",
                                         "is a known",
                                         "low risk",
                                         "medium risk",
                                         "high risk",
                                         "Why:",
                                         "Exposes:",
                                         "What comes out overall",
                                         "profiles or posts"};
  // One French audit, written in every format at once (several -o).
  test::TempDir dir;
  std::vector<std::string> args{"demo", "--lang", "fr"};
  for (const char* ext : {"txt", "md", "html", "json"}) {
    args.push_back("-o");
    args.push_back((dir.path() / (std::string("r.") + ext)).string());
  }
  const auto run = test::run_empreinte(args);
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  for (const char* format : {"txt", "md", "html"}) {
    CAPTURE(format);
    const std::string out = test::slurp(dir.path() / (std::string("r.") + format));
    CHECK((out.find("Empreinte numérique d'Hélène Vasseur") != std::string::npos
           || out.find("Empreinte numérique d&#39;Hélène Vasseur") != std::string::npos
           || out.find("Empreinte numérique d&apos;Hélène Vasseur") != std::string::npos));
    CHECK(out.find("races volontaires") != std::string::npos); // "Traces" in HTML headings
    CHECK(out.find("votre nom apparaît") != std::string::npos);
    for (const auto& label : english) {
      CAPTURE(label);
      CHECK(out.find(label) == std::string::npos);
    }
  }
  const std::string fr_json = test::slurp(dir.path() / "r.json");
  CHECK(test::schema_violations(fr_json) == "");
  const json report = json::parse(fr_json);
  CHECK(report["lang"] == "fr");
  CHECK(report["findings"]["pseudonym"]["verdict"].get<std::string>().rfind("Oui", 0) == 0);
  CHECK(report["queries"][0]["question"].get<std::string>().find("mon nom") != std::string::npos);
  // Machine-readable values stay English identifiers.
  std::set<std::string> kinds;
  for (const auto& t : report["traces"]) {
    kinds.insert(t["kind"].get<std::string>());
    for (const auto& e : t["evidence"]) {
      const std::string text = e.get<std::string>();
      CAPTURE(text);
      CHECK(text.find("your ") == std::string::npos);
      CHECK_FALSE(RE2::PartialMatch(text, R"(^[a-z_]+\.[a-z_.]+$)")); // never a bare key
    }
  }
  CHECK(kinds.count("voluntary") == 1);
}

TEST_CASE("cli: the language comes from --lang, else LC_ALL, LC_MESSAGES or LANG")
{
  // The report's language from the environment...
  const auto french = test::run_empreinte({"demo", "--format", "json"}, {{"LANG", "fr_FR.UTF-8"}});
  REQUIRE(french.exit_code == 0);
  CHECK(json::parse(french.out)["lang"] == "fr");
  // ...chosen as for every command (the plan shows it without running an audit).
  const std::vector<std::string> plan{"plan", "--first", "A", "--last", "B"};
  CHECK(test::run_empreinte(plan).out.rfind("Plan for A B", 0) == 0);
  CHECK(test::run_empreinte(plan, {{"LC_MESSAGES", "fr_CA.UTF-8"}}).out.rfind("Plan pour A B", 0) == 0);
  CHECK(test::run_empreinte(plan, {{"LANG", "fr_FR.UTF-8"}, {"LC_ALL", "C.UTF-8"}})
          .out.rfind("Plan for A B", 0) == 0);
  const auto flag = test::run_empreinte({"demo", "--lang", "en"}, {{"LANG", "fr_FR.UTF-8"}});
  REQUIRE(flag.exit_code == 0);
  CHECK(flag.out.find("Digital footprint of") != std::string::npos);
  const auto classify_fr =
      test::run_empreinte({"classify",
                           "--first",
                           "Hélène",
                           "--last",
                           "Vasseur",
                           "--lang",
                           "fr",
                           test::source_dir() + "/reports/examples/helene-vasseur.json"});
  INFO(classify_fr.err);
  REQUIRE(classify_fr.exit_code == 0);
  CHECK(classify_fr.out.find("vous concerne à") != std::string::npos);
  CHECK(classify_fr.out.find("votre nom apparaît") != std::string::npos);
  const auto plan_fr =
      test::run_empreinte({"plan", "--first", "Hélène", "--last", "Vasseur", "--lang", "fr"});
  REQUIRE(plan_fr.exit_code == 0);
  CHECK(plan_fr.out.find("Plan pour Hélène Vasseur") != std::string::npos);
  CHECK(plan_fr.out.find("Que sort-il globalement") != std::string::npos);
}

TEST_CASE("cli: an unknown --lang is a usage error")
{
  for (const char* command : {"demo", "audit", "classify", "plan"}) {
    CAPTURE(command);
    const auto r = test::run_empreinte({command, "--lang", "de"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--lang") != std::string::npos);
    CHECK(r.err.find("unknown language \"de\": use en or fr") != std::string::npos);
    CHECK(r.out.empty());
  }
}
