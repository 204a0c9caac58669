// Text folded for matching that remembers where each folded byte came from, so that what
// was matched can be shown as the page wrote it (quotes in evidence, data in letters).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace empreinte::util {

// A word of a FoldedText: its folded form and its folded byte range.
struct WordSpan
{
  std::string word;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

class FoldedText
{
public:
  FoldedText() = default;
  // `original` must be valid UTF-8 (invalid sequences are replaced first otherwise).
  explicit FoldedText(std::string_view original);

  const std::string& original() const { return m_original; }
  const std::string& folded() const { return m_folded; }

  // The original bytes behind folded[begin, end), squeezed of white space.
  std::string original_of(std::size_t begin, std::size_t end) const;
  // A quote around folded[begin, end) for evidence: the match and about `context` bytes of
  // whole words on each side, "…" where the text goes on.
  std::string quote(std::size_t begin, std::size_t end, std::size_t context = 48) const;
  // The words, as util::split_words would give them, with their ranges.
  std::vector<WordSpan> words() const { return words_of(m_folded); }
  // The words of text that is already folded, with their ranges.
  static std::vector<WordSpan> words_of(std::string_view folded);

private:
  std::size_t origin(std::size_t folded_offset) const;

  std::string m_original;
  std::string m_folded;
  std::vector<std::uint32_t> m_origin; // per folded byte, its original offset; + end sentinel
};

} // namespace empreinte::util
