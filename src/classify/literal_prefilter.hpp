// The literal words a pattern needs, read from its text: lets PatternSet compile a pattern
// only once a text holds them. The conditions are here (literal_prefilter.cpp); reading them
// from RE2 syntax is in regex_literals.cpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace empreinte::classify {

// A condition on the words a text holds that every text a pattern matches meets: necessary,
// never sufficient. `all` is the condition every text meets (the pattern needs no word long
// enough to look for); `word` needs one literal byte string; `all_of` and `any_of` combine.
// Read from the pattern's syntax (RE2's, case-sensitive: the texts are folded) the way RE2's
// own prefilter reads its parsed form, without compiling anything: for each part of the
// pattern, the set of strings it can match exactly while that set stays small (a literal, a
// class of a few characters, an optional part, alternatives), otherwise a condition. Anything
// it does not model (case-insensitive flags, \x{...}, classes of many characters) counts as
// `all`, which is always safe.
struct Prefilter
{
  enum class Op { all, word, all_of, any_of };
  Op op = Op::all;
  std::string word;             // Op::word
  int atom = -1;                // Op::word: its index in the caller's word list, if it keeps one
  std::vector<Prefilter> parts; // Op::all_of, Op::any_of

  // The condition of `pattern`, which RE2 has already parsed (well formed). Words shorter than
  // `min_word` bytes are not worth looking for ("de" is in every text): a condition that
  // would need one becomes `all`. (classify/regex_literals.cpp)
  static Prefilter of(std::string_view pattern, std::size_t min_word);

  static Prefilter all();
  static Prefilter make_word(std::string w);
  // `parts` joined by `op` (all_of or any_of), simplified: `all` parts dropped from a
  // conjunction, an alternative that needs nothing makes the whole need nothing, nested
  // nodes of the same kind flattened, a single part returned as it is.
  static Prefilter combine(Op op, std::vector<Prefilter> parts);

  // Whether a text meets the condition, `holds(leaf)` telling whether it holds the word of a
  // leaf (Op::word).
  template <typename Holds>
  bool met(const Holds& holds) const
  {
    switch (op) {
    case Op::all:
      return true;
    case Op::word:
      return holds(*this);
    case Op::all_of:
      for (const auto& p : parts) {
        if (!p.met(holds)) {
          return false;
        }
      }
      return true;
    case Op::any_of:
      for (const auto& p : parts) {
        if (p.met(holds)) {
          return true;
        }
      }
      return false;
    }
    return true;
  }

  // For tests and messages: all, "word", and(...), or(...).
  std::string str() const;
};

} // namespace empreinte::classify
