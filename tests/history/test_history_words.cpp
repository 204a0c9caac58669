// Every sentence key the history, diff, review and request code names is in the catalogue, in
// both languages (the report's own test covers the report's prefixes).
#include "report/i18n.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <re2/re2.h>

using namespace empreinte;

TEST_CASE("history: every sentence key in use is in the catalogue")
{
  static const RE2 k_literal(
      R"re("((?:since|diff|history|review|requests|request_state|right|outcome|via|mark)\.[a-z_.-]+)")re");
  const std::string src = std::string(EMPREINTE_SOURCE_DIR) + "/src";
  std::size_t found = 0;
  for (const char* file : {"history/diff_view.cpp",
                           "history/diff_render.cpp",
                           "history/review_session.cpp",
                           "report/since_last.cpp",
                           "app/cmd_history.cpp",
                           "app/cmd_diff.cpp",
                           "app/cmd_review.cpp",
                           "app/cmd_mark.cpp",
                           "app/cmd_requests.cpp"}) {
    const std::string text = test::slurp(src + "/" + file);
    re2::StringPiece rest(text);
    std::string key;
    while (RE2::FindAndConsume(&rest, k_literal, &key)) {
      if (key.back() == '.' || key.find(".mustache") != std::string::npos) {
        continue; // a prefix completed at run time (checked below), or a file name
      }
      CAPTURE(file);
      CAPTURE(key);
      CHECK(report::has_key(key));
      ++found;
    }
  }
  CHECK(found > 40);
  for (const char* right : {"erasure", "rectification", "objection", "delist"}) {
    CHECK(report::has_key(std::string("right.") + right));
  }
  for (const char* state : {"gone", "gone_now", "present", "not_seen"}) {
    CHECK(report::has_key(std::string("request_state.") + state));
  }
  for (const char* outcome : {"removed", "refused", "no-answer"}) {
    CHECK(report::has_key(std::string("outcome.") + outcome));
  }
  for (const char* via : {"email", "post", "form"}) {
    CHECK(report::has_key(std::string("via.") + via));
  }
  for (const char* section : {"new", "changed", "gone", "not_seen"}) {
    CHECK(report::has_key(std::string("diff.section.") + section));
  }
  for (const char* what : {"kind", "about", "risk", "exposed"}) {
    CHECK(report::has_key(std::string("since.what.") + what));
  }
  for (const char* reason : {"search_failed", "not_searched"}) {
    CHECK(report::has_key(std::string("diff.reason.") + reason));
  }
}
