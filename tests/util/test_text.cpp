#include "util/terminal.hpp"
#include "util/text.hpp"

#include <doctest/doctest.h>

using namespace empreinte::util;

TEST_CASE("text: fold strips case and accents")
{
  CHECK(fold("Hélène MÜLLER-Ñúñez") == "helene muller-nunez");
  CHECK(fold("Straße") == "strasse");
  CHECK(fold("ﬁlm") == "film");           // compatibility ligature
  CHECK(fold("Jo\xC2\xADsé") == "jose"); // soft hyphen is ignorable
}

TEST_CASE("text: words split on punctuation and fold")
{
  CHECK(words("Jean-Pierre d'Arc, 1984!") == std::vector<std::string>{"jean", "pierre", "d", "arc", "1984"});
  CHECK(words("").empty());
  CHECK(word_key("  VASSEUR,   Hélène ") == "vasseur helene");
}

TEST_CASE("text: contains_words needs a contiguous run")
{
  const auto hay = words("Madame Hélène Vasseur, infirmière");
  CHECK(contains_words(hay, words("helene vasseur")));
  CHECK_FALSE(contains_words(hay, words("vasseur helene")));
  CHECK_FALSE(contains_words(hay, {}));
  CHECK_FALSE(contains_words(words("Hélène Marchal et Didier Vasseur"), words("Hélène Vasseur")));
}

TEST_CASE("text: invalid UTF-8 is replaced, ISO-8859-1 decoded")
{
  CHECK(sanitize_utf8("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
  CHECK_FALSE(is_valid_utf8("caf\xE9"));
  CHECK(latin1_to_utf8("caf\xE9") == "café");
  CHECK(is_valid_utf8(latin1_to_utf8("\xE9\xE8\xFF")));
}

TEST_CASE("text: truncation never cuts a UTF-8 sequence")
{
  const std::string t = truncate_utf8("héhéhé", 2);
  CHECK(is_valid_utf8(t));
  CHECK(t == "h…");
  CHECK(truncate_utf8("short", 10) == "short");
}

TEST_CASE("terminal: escape sequences and control characters are stripped")
{
  CHECK(strip_controls("a\x1b[31mred\x1b[0m\x07 b") == "a[31mred[0m b");
  CHECK(strip_controls("x\xC2\x9B" "2Jy") == "x2Jy");        // C1 CSI
  CHECK(strip_controls("evil\xE2\x80\xAEtxt") == "eviltxt"); // right-to-left override
  CHECK(strip_controls("tab\there") == "tab here");
  CHECK(strip_controls("Hélène 🍾") == "Hélène 🍾");
}

TEST_CASE("text: text_problem refuses invalid UTF-8 and control characters")
{
  CHECK(empreinte::util::text_problem("Hélène Müller-Ñúñez 李").empty());
  CHECK(empreinte::util::text_problem("").empty());
  CHECK(empreinte::util::text_problem("Cam\xffille") == "is not valid UTF-8");
  CHECK(empreinte::util::text_problem("\xC3") == "is not valid UTF-8");
  CHECK(empreinte::util::text_problem("a\nb") == "contains a control character");
  CHECK(empreinte::util::text_problem("a\x1b[2J") == "contains a control character");
  CHECK(empreinte::util::text_problem("a\x7f") == "contains a control character");
  CHECK(empreinte::util::text_problem("a\xC2\x9B") == "contains a control character"); // C1 CSI
}

TEST_CASE("text: wrap breaks between words, indents, and cuts only words longer than a line")
{
  using empreinte::util::wrap;
  CHECK(wrap("un deux trois quatre", 10, "  ") == "un deux\n  trois\n  quatre");
  CHECK(wrap("Hélène écrit à Grenoble", 12, "") == "Hélène écrit\nà Grenoble");
  CHECK(wrap("aa bb", 10, "    ", 8) == "aa\n    bb");
  const std::string url = "https://example.org/" + std::string(30, 'x');
  for (const auto& line : {wrap(url, 20, "")}) {
    std::size_t start = 0;
    while (start <= line.size()) {
      const auto end = line.find('\n', start);
      CHECK(empreinte::util::char_count(line.substr(start, end - start)) <= 20);
      if (end == std::string::npos) {
        break;
      }
      start = end + 1;
    }
  }
  CHECK(wrap("", 10, "") == "");
}

TEST_CASE("text: truncate_chars counts characters, not bytes, and marks the cut")
{
  using empreinte::util::truncate_chars;
  CHECK(truncate_chars("Hélène", 6) == "Hélène");
  CHECK(truncate_chars("Hélène Vasseur", 7) == "Hélène…");
  CHECK(empreinte::util::char_count(truncate_chars("ééééééééé", 4)) == 4);
  CHECK(truncate_chars("abc", 0).empty());
}
