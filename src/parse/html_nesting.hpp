// Flattens hostile nesting before Gumbo sees it: Gumbo's cost grows worse than quadratically
// with depth (50,000 nested <div>s take ~40 s), and it caps nothing itself.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace empreinte::parse {

// Returns `html` where an element that would nest deeper than `max_depth` becomes the sibling of
// the innermost open element (an end tag for it is inserted first), as browsers do past their
// own depth limit. A lexical estimate in one linear pass: void elements, raw-text elements and
// elements whose end tag is optional (p, li, td, ...) are not counted.
std::string flatten_deep_nesting(std::string_view html, std::size_t max_depth);

} // namespace empreinte::parse
