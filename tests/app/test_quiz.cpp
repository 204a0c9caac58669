// The trainees' quiz: the answer sheet and its scoring, the printable worksheet and key, the
// terminal quiz (driven through streams), and what happens without a terminal.
#include "report/i18n.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "training/quiz.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <re2/re2.h>
#include <set>
#include <sstream>

using namespace empreinte;
using nlohmann::json;

namespace {

json sheet(const std::vector<std::string>& extra)
{
  std::vector<std::string> args{"quiz", "--persona", "declan-ashworth", "--format", "json"};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto r = test::run_empreinte(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const json j = json::parse(r.out, nullptr, false);
  REQUIRE(!j.is_discarded());
  return j;
}

test::ProcessResult
run_score(const test::TempDir& dir, const json& answers, const std::vector<std::string>& extra = {})
{
  const auto file = dir.write("answers.json", answers.dump(2));
  std::vector<std::string> args{"quiz", "--persona", "declan-ashworth", "--answers", file.string()};
  args.insert(args.end(), extra.begin(), extra.end());
  return test::run_empreinte(args);
}

// The blank sheet filled in from the key.
json filled(const json& blank, const json& key)
{
  json out = blank;
  REQUIRE(blank["items"].size() == key["items"].size());
  for (std::size_t i = 0; i < key["items"].size(); ++i) {
    REQUIRE(out["items"][i]["page"] == key["items"][i]["page"]);
    for (const char* k : {"kind", "about_subject", "exposes", "action"}) {
      out["items"][i][k] = key["items"][i][k];
    }
  }
  return out;
}

std::string quiz_training_dir()
{
  return test::source_dir() + "/training";
}

} // namespace

TEST_CASE("quiz: the blank sheet, the key and the order are fixed by the seed")
{
  const json blank = sheet({"--seed", "7", "--count", "8"});
  const json key = sheet({"--seed", "7", "--count", "8", "--key"});
  CHECK(blank["schema"] == "empreinte/quiz-sheet/v1");
  CHECK(blank["persona"] == "declan-ashworth");
  REQUIRE(blank["items"].size() == 8);
  std::set<std::string> groups;
  for (std::size_t i = 0; i < 8; ++i) {
    CAPTURE(i);
    CHECK(blank["items"][i]["item"] == i + 1);
    CHECK(blank["items"][i]["page"] == key["items"][i]["page"]);
    CHECK(blank["items"][i]["kind"].is_null());
    CHECK(blank["items"][i]["action"].is_null());
    CHECK_FALSE(blank["items"][i].contains("why"));
    CHECK_FALSE(blank["items"][i]["title"].get<std::string>().empty());
    CHECK_FALSE(blank["items"][i]["snippet"].get<std::string>().empty());
    const auto& k = key["items"][i];
    CHECK_FALSE(k["why"].get<std::string>().empty());
    groups.insert(k["about_subject"].get<bool>() ? k["kind"].get<std::string>() : "namesake");
    // The action follows from the kind, and nothing is to be done about a namesake.
    CHECK(k["action"] == training::action_for(k["kind"], k["about_subject"]));
  }
  // A short quiz still asks about every kind and about a namesake.
  CHECK(groups == std::set<std::string>{"voluntary", "inherited", "involuntary", "namesake"});
  // The same seed gives the same sheet; another seed another order.
  CHECK(sheet({"--seed", "7", "--count", "8"}) == blank);
  const json other = sheet({"--seed", "8", "--count", "8"});
  std::vector<std::string> a, b;
  for (std::size_t i = 0; i < 8; ++i) {
    a.push_back(blank["items"][i]["page"]);
    b.push_back(other["items"][i]["page"]);
  }
  CHECK(a != b);
  CHECK(sheet({"--count", "0"})["items"].size() == 33); // every label of the persona
}

TEST_CASE("quiz: a perfect answer sheet scores full marks")
{
  test::TempDir dir;
  const json key = sheet({"--count", "0", "--key"});
  const json blank = sheet({"--count", "0"});
  const auto text = run_score(dir, filled(blank, key));
  INFO(text.err);
  CHECK(text.exit_code == 0);
  CHECK(text.out.find("Score: 132 / 132 (100%)") != std::string::npos);
  CHECK(text.out.find("wrong") == std::string::npos);
  const auto as_json = run_score(dir, filled(blank, key), {"--format", "json"});
  CHECK(as_json.exit_code == 0);
  const json j = json::parse(as_json.out);
  CHECK(j["points"] == 132);
  CHECK(j["max_points"] == 132);
}

TEST_CASE("quiz: a partly wrong sheet loses exactly the wrong answers and says why")
{
  test::TempDir dir;
  const json key = sheet({"--seed", "3", "--count", "5", "--key"});
  json answers = filled(sheet({"--seed", "3", "--count", "5"}), key);
  // Item 1: the wrong kind (and so a wrong action); item 2: one category too many; item 3:
  // the about question left blank.
  const std::string kind = answers["items"][0]["kind"];
  answers["items"][0]["kind"] = kind == "inherited" ? "voluntary" : "inherited";
  answers["items"][1]["exposes"].push_back("criminal"); // in no label
  answers["items"][2]["about_subject"] = nullptr;
  const auto r = run_score(dir, answers, {"--format", "json"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const json j = json::parse(r.out);
  CHECK(j["max_points"] == 20);
  CHECK(j["points"] == 17);
  CHECK(j["items"][0]["right"]["kind"] == false);
  CHECK(j["items"][0]["right"]["action"] == true); // the action given is still the key's
  CHECK(j["items"][1]["right"]["exposes"] == false);
  CHECK(j["items"][2]["right"]["about_subject"] == false);
  CHECK(j["items"][3]["points"] == 4);
  // The text feedback names the mistake, the right answer and the label's reason, in French too.
  const auto text = run_score(dir, answers, {"--lang", "fr"});
  CHECK(text.exit_code == 0);
  CHECK(text.out.find("Score : 17 / 20 (85 %)") != std::string::npos);
  CHECK(text.out.find("faux") != std::string::npos);
  CHECK(text.out.find("pas de réponse") != std::string::npos);
  // The label's reason in French, from its why_fr.
  const json key_fr = sheet({"--seed", "3", "--count", "5", "--key", "--lang", "fr"});
  const std::string why_fr = key_fr["items"][0]["why"];
  CHECK(why_fr != key["items"][0]["why"].get<std::string>());
  CHECK(text.out.find(why_fr) != std::string::npos);
  CHECK(text.out.find(key["items"][0]["why"].get<std::string>()) == std::string::npos);
  const auto en = run_score(dir, answers, {"--lang", "en"});
  CHECK(en.out.find(key["items"][0]["why"].get<std::string>()) != std::string::npos);
}

TEST_CASE("quiz: a malformed answer sheet is an input error naming the item")
{
  test::TempDir dir;
  const json blank = sheet({"--count", "4"});
  struct Case
  {
    std::function<void(json&)> change;
    std::string message;
  };
  const std::vector<Case> cases{
      {[](json& s) { s["items"][2]["kind"] = "volontary"; }, "item 3: kind \"volontary\" is not one of"},
      {[](json& s) { s["items"][0]["about_subject"] = "yes"; }, "item 1: about_subject \"yes\" is not true or false"},
      {[](json& s) { s["items"][1]["exposes"] = json::array({"shoe size"}); }, "item 2: exposes: \"shoe size\""},
      {[](json& s) { s["items"][3]["action"] = 3; }, "item 4: action 3"},
      {[](json& s) { s["items"][0]["page"] = "example.org/x.html"; }, "item 1: page \"example.org/x.html\" is not a trace"},
      {[](json& s) { s["items"][1]["page"] = s["items"][0]["page"]; }, "answered twice"},
      {[](json& s) { s["persona"] = "helene-vasseur"; }, "for persona \"helene-vasseur\""},
      {[](json& s) { s["schema"] = "empreinte/report/v1"; }, "not a quiz answer sheet"},
      {[](json& s) { s["items"][0]["colour"] = "red"; }, "/items/0"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.message);
    json s = blank;
    c.change(s);
    const auto r = run_score(dir, s);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find(c.message) != std::string::npos);
  }
  const auto broken = dir.write("broken.json", "{\"items\": [");
  const auto r = test::run_empreinte(
      {"quiz", "--persona", "declan-ashworth", "--answers", broken.string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("broken.json") != std::string::npos);
}

TEST_CASE("quiz: without a terminal it says what to use instead, bad combinations exit 2")
{
  const auto r = test::run_empreinte({"quiz", "--persona", "declan-ashworth"});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("needs a terminal") != std::string::npos);
  CHECK(r.err.find("--format json") != std::string::npos);
  CHECK(r.err.find("--format html") != std::string::npos);
  CHECK(test::run_empreinte({"quiz", "--persona", "nobody", "--format", "json"}).exit_code == 2);
  CHECK(test::run_empreinte({"quiz", "--persona", "../personas/x", "--format", "json"}).exit_code == 2);
  CHECK(test::run_empreinte({"quiz", "--key"}).exit_code == 2);
  const auto help = test::run_empreinte({"quiz", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("Exit codes: 0 quiz done") != std::string::npos);
}

TEST_CASE("quiz: the worksheet and the answer key are printable HTML, in English and French")
{
  for (const std::string lang : {"en", "fr"}) {
    CAPTURE(lang);
    const json key = sheet({"--seed", "2", "--count", "6", "--key", "--lang", lang});
    const auto ws = test::run_empreinte({"quiz", "--persona", "declan-ashworth", "--seed", "2",
                                         "--count", "6", "--format", "html", "--lang", lang});
    const auto k = test::run_empreinte({"quiz", "--persona", "declan-ashworth", "--seed", "2",
                                        "--count", "6", "--format", "html", "--key", "--lang", lang});
    REQUIRE(ws.exit_code == 0);
    REQUIRE(k.exit_code == 0);
    for (const auto* page : {&ws.out, &k.out}) {
      CHECK(page->rfind("<!DOCTYPE html>", 0) == 0);
      CHECK(page->find("<script") == std::string::npos);
      CHECK(page->find("href=") == std::string::npos); // no link at all, so none live
      CHECK(page->find("src=") == std::string::npos);
      CHECK(page->find(std::string("<html lang=\"") + lang + "\">") != std::string::npos);
    }
    const bool fr = lang == "fr";
    CHECK(ws.out.find(fr ? "Fiche d&#39;exercice : Declan Ashworth" : "Worksheet: Declan Ashworth") !=
          std::string::npos);
    CHECK(k.out.find(fr ? "Corrigé : Declan Ashworth" : "Answer key: Declan Ashworth") !=
          std::string::npos);
    CHECK(ws.out.find(fr ? "Qui l&#39;a publiée ?" : "Who published it?") != std::string::npos);
    for (const auto& item : key["items"]) {
      const std::string site = item["site"];
      const std::string page = item["page"];
      CAPTURE(page);
      CHECK(ws.out.find("training/corpus/" + page) != std::string::npos); // the saved copy, as text
      CHECK(k.out.find(site) != std::string::npos);
    }
    // The worksheet gives no answer away; the key gives every reason.
    for (const auto& item : key["items"]) {
      std::string why = item["why"];
      RE2::GlobalReplace(&why, "&", "&amp;");
      RE2::GlobalReplace(&why, "'", "&#39;");
      RE2::GlobalReplace(&why, "\"", "&quot;");
      CHECK(ws.out.find(why) == std::string::npos);
      CHECK(k.out.find(why) != std::string::npos);
    }
  }
}

TEST_CASE("quiz: third-party text is escaped in the worksheet and key")
{
  // A data folder with the shipped rules and a persona whose page and label carry markup.
  test::TempDir dir;
  std::filesystem::create_directory_symlink(test::source_dir() + "/rules", dir.path() / "rules");
  dir.write("training/personas/eve-test.json", R"({"first_name": "Eve", "last_name": "Test"})");
  dir.write("training/personas/eve-test.labels.json", R"([{"url": "https://example.org/eve",
    "file": "example.org/eve.html", "kind": "inherited", "about_subject": true,
    "sensitive": ["phone"], "pseudonym_link": false, "job_link": false,
    "why": "A <b>bold</b> claim & more"}])");
  dir.write("training/corpus/example.org/eve.html",
            "<html><head><title>Eve Test &lt;script&gt;alert(1)&lt;/script&gt; \"quoted\"</title>"
            "<meta name=\"description\" content=\"Call &lt;img src=x onerror=alert(2)&gt; Eve Test "
            "now, a long enough description\"></head><body><p>Eve Test</p></body></html>");
  const std::map<std::string, std::string> env{{"EMPREINTE_DATA_DIR", dir.path().string()}};
  for (const bool with_key : {false, true}) {
    std::vector<std::string> args{"quiz", "--persona", "eve-test", "--format", "html"};
    if (with_key) {
      args.push_back("--key");
    }
    const auto r = test::run_empreinte(args, env);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("<script") == std::string::npos);
    CHECK(r.out.find("<img") == std::string::npos);
    CHECK(r.out.find("&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot;") != std::string::npos);
    if (with_key) {
      CHECK(r.out.find("A &lt;b&gt;bold&lt;/b&gt; claim &amp; more") != std::string::npos);
    } else {
      CHECK(r.out.find("&lt;img src=x onerror=alert(2)&gt;") != std::string::npos);
    }
  }
  // A label with an unknown category is refused, naming the file and the entry.
  dir.write("training/personas/eve-test.labels.json", R"([{"url": "https://example.org/eve",
    "file": "example.org/eve.html", "kind": "inherited", "about_subject": true,
    "sensitive": ["shoes"], "pseudonym_link": false, "job_link": false, "why": "x"}])");
  const auto bad = test::run_empreinte({"quiz", "--persona", "eve-test", "--format", "json"}, env);
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("eve-test.labels.json: /0/sensitive") != std::string::npos);
}

TEST_CASE("quiz: on a terminal, feedback at once and the score at the end")
{
  auto quiz = training::load_quiz(quiz_training_dir(), "helene-vasseur");
  REQUIRE(quiz);
  const auto items = training::pick_items(*quiz, 1, 3);
  REQUIRE(items.size() == 3);
  const auto index = [](const std::vector<std::string>& list, const std::string& v) {
    return std::to_string(std::find(list.begin(), list.end(), v) - list.begin() + 1);
  };
  // Item 1 answered right; item 2 with a bad entry first, then everything right but the action;
  // then the input ends.
  std::string input;
  for (std::size_t i = 0; i < 2; ++i) {
    const auto& k = items[i].key;
    input += (i == 1 ? "9\nfour\n" : "") + index(training::k_kinds, *k.kind) + "\n";
    input += std::string(*k.about_subject ? "1" : "2") + "\n";
    std::string cats;
    for (const auto& c : *k.exposes) {
      cats += index(training::k_categories, c) + " ";
    }
    input += (cats.empty() ? "0" : cats) + "\n";
    const auto action = i == 0 ? *k.action : (*k.action == "nothing" ? "opt_out" : "nothing");
    input += index(training::k_actions, action) + "\n";
  }
  std::istringstream in(input);
  std::ostringstream out;
  const auto s = training::run_interactive(*quiz, items, "en", in, out);
  const std::string text = out.str();
  INFO(text);
  REQUIRE(s.items.size() == 2);
  CHECK(s.items[0].points() == 4);
  CHECK(s.items[1].points() == 3);
  CHECK_FALSE(s.items[1].action);
  CHECK(text.find("Trace 1 of 3: " + items[0].title) != std::string::npos);
  CHECK(text.find(items[0].why) != std::string::npos);
  CHECK(text.find(items[1].why) != std::string::npos);
  CHECK(text.find("Please answer with one of the numbers shown") != std::string::npos);
  CHECK(text.find("Stopped after 2 traces.") != std::string::npos);
  CHECK(text.find("Score: 7 / 8 (88%)") != std::string::npos);
}

TEST_CASE("quiz: every choice has words in both languages, and every label's category is known")
{
  for (const auto& k : training::k_kinds) {
    CHECK(report::has_key("quiz.kind." + k));
    CHECK(report::has_key("kind_label." + k));
  }
  for (const auto& a : training::k_actions) {
    CHECK(report::has_key("quiz.action." + a));
  }
  for (const auto& c : training::k_categories) {
    CHECK(report::has_key("category." + c));
  }
  for (const auto& entry : std::filesystem::directory_iterator(quiz_training_dir() + "/personas")) {
    const std::string name = entry.path().filename().string();
    const auto dot = name.find(".labels.json");
    if (dot == std::string::npos) {
      continue;
    }
    CAPTURE(name);
    auto quiz = training::load_quiz(quiz_training_dir(), name.substr(0, dot));
    CHECK(quiz);
  }
}
