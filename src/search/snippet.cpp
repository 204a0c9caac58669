// Words are split as SQLite's unicode61 tokenizer splits them (runs of letters, marks and
// digits) and folded as the index folds them, so a snippet shows what the match found.
#include "search/snippet.hpp"

#include "util/text.hpp"

#include <algorithm>
#include <set>
#include <utf8proc.h>

namespace empreinte::search {

namespace {

struct Span
{
  std::size_t begin = 0;
  std::size_t end = 0;
  int term = -1; // index in the sorted distinct terms, or -1
};

// The index's tokenizer also keeps enclosing marks in a word (util's words leave them out).
bool is_word_codepoint(utf8proc_int32_t cp)
{
  if (cp < 0x80) {
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  }
  return util::is_word_codepoint(cp) || utf8proc_category(cp) == UTF8PROC_CATEGORY_ME;
}

} // namespace

std::string bounded_snippet(std::string_view text,
                            const std::vector<std::string>& terms,
                            std::size_t window)
{
  if (window == 0) {
    return {};
  }
  std::vector<std::string> distinct(terms.begin(), terms.end());
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());

  // Words up to `window` past the last usable hit; hits counted as they come.
  std::vector<Span> spans;
  std::vector<std::size_t> hits; // indices in spans
  bool more = false;             // words remain after the last span kept
  std::size_t stop_at = std::string_view::npos;
  std::size_t i = 0;
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  while (i < text.size()) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(bytes + i, static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    if (n <= 0) {
      n = 1;
      cp = -1;
    }
    if (cp < 0 || !is_word_codepoint(cp)) {
      i += static_cast<std::size_t>(n);
      continue;
    }
    const std::size_t begin = i;
    while (i < text.size()) {
      n = utf8proc_iterate(bytes + i, static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
      if (n <= 0 || !is_word_codepoint(cp)) {
        break;
      }
      i += static_cast<std::size_t>(n);
    }
    if (spans.size() >= stop_at) {
      more = true;
      break;
    }
    Span span{begin, i, -1};
    if (!distinct.empty()) {
      const std::string folded = util::fold(text.substr(begin, i - begin));
      const auto it = std::lower_bound(distinct.begin(), distinct.end(), folded);
      if (it != distinct.end() && *it == folded) {
        span.term = static_cast<int>(it - distinct.begin());
        hits.push_back(spans.size());
      }
    }
    spans.push_back(span);
    if (hits.size() == k_snippet_max_hits && stop_at == std::string_view::npos) {
      stop_at = spans.size() + window;
    }
    if (hits.empty() && distinct.empty() && spans.size() >= window) {
      stop_at = window;
    }
  }
  if (spans.empty()) {
    return {};
  }
  // The window starting a few words before each hit; the one with most different terms wins,
  // then the one with most hits, then the earliest.
  std::size_t best_start = 0;
  if (!hits.empty()) {
    const std::size_t lead = window / 4;
    int best_distinct = -1;
    std::size_t best_count = 0;
    std::vector<char> seen(distinct.size());
    for (std::size_t h : hits) {
      std::size_t start = h > lead ? h - lead : 0;
      if (start + window > spans.size()) {
        start = spans.size() > window ? spans.size() - window : 0;
      }
      std::fill(seen.begin(), seen.end(), 0);
      int kinds = 0;
      std::size_t count = 0;
      for (std::size_t w = start; w < spans.size() && w < start + window; ++w) {
        if (spans[w].term >= 0) {
          ++count;
          auto& s = seen[static_cast<std::size_t>(spans[w].term)];
          kinds += s ? 0 : 1;
          s = 1;
        }
      }
      if (kinds > best_distinct || (kinds == best_distinct && count > best_count)) {
        best_distinct = kinds;
        best_count = count;
        best_start = start;
      }
    }
  }
  const std::size_t last = std::min(spans.size(), best_start + window) - 1;
  std::string out;
  if (best_start > 0) {
    out += "…";
  }
  const bool cut = last + 1 < spans.size() || more;
  // To the end of the text when nothing follows ("bien." keeps its full stop).
  const std::size_t end = cut ? spans[last].end : text.size();
  out += util::squeeze_spaces(text.substr(spans[best_start].begin, end - spans[best_start].begin));
  if (cut) {
    out += "…";
  }
  return out;
}

} // namespace empreinte::search
