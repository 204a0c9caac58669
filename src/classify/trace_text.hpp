// A trace's text, prepared once for every judgement: folded, split into words, URL parts, and
// the page itself when it was read.
#pragma once

#include "classify/cues.hpp"
#include "traces/trace.hpp"
#include "util/folded_text.hpp"

#include <string>
#include <vector>

namespace empreinte::classify {

// The page's own text, prepared for judging: its blocks folded (with the way back to its own
// words for quotes), and their words in one sequence.
struct PageView
{
  struct WordRef
  {
    std::uint32_t block = 0;
    std::uint32_t begin = 0; // folded byte range in the block
    std::uint32_t end = 0;
  };

  std::vector<util::FoldedText> blocks; // the description, then the body's blocks
  std::vector<std::string> words;       // folded words of every block, in order
  std::vector<WordRef> refs;            // where each word is
  const parse::PageSignals* signals = nullptr;
  std::string title;                    // the page's own <title>
  std::string lower_text;               // every block, ASCII lower-cased, "\n" between blocks

  bool empty() const { return blocks.empty(); }
  // A quote of the page around words [first, last] (same block: the first word's block).
  std::string quote(std::size_t first, std::size_t last) const;
  // The folded text of words [first, last], blocks joined by "\n".
  std::string folded_range(std::size_t first, std::size_t last) const;
  // Where words [first, last] are: "description" or "page".
  std::string where(std::size_t first) const;
  static PageView make(const traces::PageRead& page);

  bool has_description = false;
};

// How many words of the page the classifier reads (pages can be long; what matters is near
// the top and around the person's name).
constexpr std::size_t k_max_page_words = 60000;
// How much of the top of a page (description first) kind cues read, besides title and snippets.
constexpr std::size_t k_page_head_bytes = 600;

struct TraceText
{
  CueInput cue;                          // folded title, folded text, path, host
  std::vector<std::string> title_words;  // folded
  std::vector<std::string> text_words;   // folded title + snippets
  std::vector<std::string> url_words;    // folded words of the path and query
  std::vector<std::string> host_labels;  // slugs of the host's labels, "www" dropped
  std::vector<std::string> path_slugs;   // slugs of the path segments
  std::string title_head;                // title before its first " - ", " | ", " · ", " (" ...
  util::FoldedText title;                // for quotes and data as written
  std::vector<util::FoldedText> snippets;
  PageView page;                         // empty when the page was not read

  static TraceText make(const traces::Trace& trace);
};

} // namespace empreinte::classify
