// Snippets for corpus results, computed from a bounded window of the page's text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace empreinte::search {

// At most this many hits of the query's words are looked at per page: a page repeating a
// name tens of thousands of times costs no more than one that says it 64 times (SQLite
// FTS5's snippet() weighs every hit against every other, quadratic in the hits of a page).
constexpr std::size_t k_snippet_max_hits = 64;

// About `window` words of `text` around the best place where the words of `terms` (folded, as
// util::words gives them) occur: the window holding the most different query words among the
// first k_snippet_max_hits hits, earliest first. "…" marks text cut at either end. Without a
// hit, the first `window` words. The scan stops after the hits it may use, so its cost is
// bounded by the text up to the 64th hit and never grows with more.
std::string bounded_snippet(std::string_view text,
                            const std::vector<std::string>& terms,
                            std::size_t window = 32);

} // namespace empreinte::search
