// The world of the history end-to-end tests (test_history_cli.cpp, test_history_requests_cli.cpp):
// two corpora a month apart (a page removed, one added, one changed), a profile of the training
// persona, a private history, and the binary run in it, on a fake clock or a pseudo-terminal.
#pragma once

#include "support/loopback.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "util/sqlite.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace empreinte::test::history {

using nlohmann::json;
namespace fs = std::filesystem;

const char* const k_removed = "www.pappers.fr/entreprise/vasseur-helene-903472157.html";
const char* const k_removed_url = "https://www.pappers.fr/entreprise/vasseur-helene-903472157";
const char* const k_changed = "www.instagram.com/helvass38/index.html";
const char* const k_added_url = "https://www.annuaire-des-voisins.fr/helene-vasseur-grenoble";
const char* const k_present_url =
    "https://www.trouver-une-personne.fr/fiche/helene-vasseur-grenoble-38";

// Two corpora: the training one, and the same a month later with a page removed, one added and
// one changed; a profile of the training persona the tests may rewrite; a private history.
struct World
{
  test::TempDir dir;
  fs::path corpus_a;
  fs::path corpus_b;
  fs::path profile;
  fs::path data;

  World()
  {
    corpus_a = dir.path() / "corpus-a";
    corpus_b = dir.path() / "corpus-b";
    data = dir.path() / "data";
    fs::copy(test::source_dir() + "/training/corpus", corpus_a, fs::copy_options::recursive);
    fs::copy(corpus_a, corpus_b, fs::copy_options::recursive);
    fs::remove(corpus_b / k_removed);
    std::string page = test::slurp(corpus_b / k_changed);
    const std::string title = "<title>Hélène Vasseur (@helvass38) • ";
    REQUIRE(page.find(title) != std::string::npos);
    page.replace(page.find(title), title.size(), title + "06 39 98 52 14 • ");
    dir.write("corpus-b/" + std::string(k_changed), page);
    dir.write("corpus-b/www.annuaire-des-voisins.fr/helene-vasseur-grenoble.html",
              R"(<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>Hélène Vasseur à Grenoble - téléphone et adresse</title>
<meta name="description" content="Hélène Vasseur, 12 rue des Alliés, 38100 Grenoble. Téléphone : 06 39 98 52 14."></head>
<body><h1>Hélène Vasseur</h1><p>Hélène Vasseur habite 12 rue des Alliés, 38100 Grenoble.
Téléphone : 06 39 98 52 14. Née le 14/03/1989.</p></body></html>
)");
    profile = dir.write("me.json",
                        test::slurp(test::source_dir() + "/training/personas/helene-vasseur.json"));
  }

  std::map<std::string, std::string> env(const std::string& now) const
  {
    return {{"XDG_DATA_HOME", data.string()}, {"EMPREINTE_NOW", now}};
  }

  test::ProcessResult run(const std::vector<std::string>& args,
                          const std::string& now = "2026-11-15") const
  {
    return test::run_empreinte(args, env(now));
  }

  test::ProcessResult audit(const fs::path& corpus,
                            const std::string& now,
                            const std::vector<std::string>& extra = {}) const
  {
    std::vector<std::string> args{
        "audit", "--profile", profile.string(), "--corpus", corpus.string(), "--quiet"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run(args, now);
  }

  // Runs under a pseudo-terminal through tests/tools/pty_driver.py.
  test::ProcessResult on_terminal(const std::vector<std::string>& driver_steps,
                                  const std::vector<std::string>& args,
                                  std::map<std::string, std::string> extra_env = {}) const
  {
    std::vector<std::string> argv{"/usr/bin/python3",
                                  test::source_dir() + "/tests/tools/pty_driver.py"};
    argv.insert(argv.end(), driver_steps.begin(), driver_steps.end());
    argv.push_back("--");
    argv.push_back(EMPREINTE_BINARY);
    argv.insert(argv.end(), args.begin(), args.end());
    auto e = env("2026-11-15");
    e.insert(extra_env.begin(), extra_env.end());
    return test::run_process(argv, e);
  }

  // Runs and report ids straight from the database, as a check independent of the binary.
  std::vector<std::int64_t> stored_runs() const
  {
    std::vector<std::int64_t> ids;
    const auto path = data / "empreinte" / "history.sqlite";
    if (!fs::exists(path)) {
      return ids;
    }
    auto db = util::Database::open(path.string(), util::Database::Mode::read_only);
    REQUIRE(db);
    auto check = db->prepare("PRAGMA integrity_check");
    REQUIRE(check);
    REQUIRE(check->step());
    CHECK(check->column_text(0) == "ok");
    auto s = db->prepare(
        "SELECT runs.id FROM runs JOIN reports ON reports.run = runs.id ORDER BY runs.id");
    REQUIRE(s);
    while (s->step()) {
      ids.push_back(s->column_int(0));
    }
    return ids;
  }
};

inline json json_of(const test::ProcessResult& r)
{
  const json j = json::parse(r.out, nullptr, false);
  const std::string output = r.out + r.err;
  INFO(output);
  REQUIRE(!j.is_discarded());
  return j;
}

inline std::string trace_id(const json& report, const std::string& url)
{
  for (const auto& t : report["traces"]) {
    if (t["url"] == url) {
      return t["id"].get<std::string>();
    }
  }
  FAIL("no trace " << url);
  return {};
}

inline bool contains(const std::string& text, const std::string& part)
{
  return text.find(part) != std::string::npos;
}

} // namespace empreinte::test::history
