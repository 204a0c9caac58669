// libFuzzer target: the literal prefilter of pattern sets. The input is a pattern, a newline,
// then a text. Properties: reading any pattern never crashes nor hangs; when RE2 accepts the
// pattern (case-sensitive, UTF-8, as PatternSet compiles it) and it matches the text, the text
// holds the words the prefilter says the pattern needs: a prefilter that lost a match would
// make the classifier miss a cue. Seeds: every shipped cue and lexicon pattern with one of its
// examples (fuzz/make-seeds).
#include "classify/literal_prefilter.hpp"
#include "fuzz_check.hpp"

#include <cstdint>
#include <re2/re2.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  using empreinte::classify::Prefilter;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t newline = input.find('\n');
  const std::string pattern(input.substr(0, newline));
  const std::string text(newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1));
  re2::RE2::Options o;
  o.set_log_errors(false);
  o.set_case_sensitive(true);
  o.set_encoding(re2::RE2::Options::EncodingUTF8);
  const re2::RE2 re(pattern, o);
  const bool matches = re.ok() && re2::RE2::PartialMatch(text, re);
  for (const std::size_t min_word : {std::size_t{1}, std::size_t{3}}) {
    const Prefilter needs = Prefilter::of(pattern, min_word);
    if (!matches) {
      continue;
    }
    FUZZ_CHECK(needs.met([&](const Prefilter& leaf) { return text.find(leaf.word) != std::string::npos; }));
  }
  return 0;
}
