// Reads the literal words a pattern needs from RE2's syntax: a recursive descent that keeps
// only what a prefilter needs, which literal strings each part of the pattern can match,
// while there are few of them.
#include "classify/literal_prefilter.hpp"
#include "classify/regex_cursor.hpp"

#include <algorithm>
#include <cstdint>

namespace empreinte::classify {

namespace {

// Beyond this many strings, a part's exact set becomes a condition (RE2's prefilter uses 16).
constexpr std::size_t k_max_exact = 16;
// A class of more characters than this matches "anything" for the prefilter.
constexpr std::size_t k_max_class = 4;

struct Info
{
  bool exact = false;
  std::vector<std::string> strings; // sorted, unique; when exact
  Prefilter match;                  // when not exact

  static Info of_strings(std::vector<std::string> s)
  {
    std::sort(s.begin(), s.end());
    s.erase(std::unique(s.begin(), s.end()), s.end());
    Info i;
    i.exact = true;
    i.strings = std::move(s);
    return i;
  }
  static Info empty_width() { return of_strings({""}); }
  static Info anything() { return {}; }
  static Info of_match(Prefilter p)
  {
    Info i;
    i.match = std::move(p);
    return i;
  }
};

class Reader : RegexCursor
{
public:
  Reader(std::string_view pattern, std::size_t min_word)
    : RegexCursor(pattern)
    , m_min(min_word)
  {
  }

  Prefilter run()
  {
    Info top = alternation();
    if (m_unsupported || m_i != m_p.size()) {
      return Prefilter::all();
    }
    return to_match(top);
  }

private:

  // The condition an exact set stands for: one of its strings, each long enough to look for.
  Prefilter to_match(const Info& info) const
  {
    if (!info.exact) {
      return info.match;
    }
    std::vector<Prefilter> words;
    for (const auto& s : info.strings) {
      if (s.size() < m_min) {
        return Prefilter::all();
      }
      words.push_back(Prefilter::make_word(s));
    }
    return words.empty() ? Prefilter::all() : Prefilter::combine(Prefilter::Op::any_of, std::move(words));
  }

  Info alternation()
  {
    std::vector<Info> branches{concatenation()};
    while (!at_end() && peek() == '|') {
      ++m_i;
      branches.push_back(concatenation());
    }
    if (branches.size() == 1) {
      return std::move(branches.front());
    }
    std::vector<std::string> strings;
    bool exact = true;
    for (const auto& b : branches) {
      exact = exact && b.exact;
      if (exact) {
        strings.insert(strings.end(), b.strings.begin(), b.strings.end());
      }
    }
    if (exact && strings.size() <= k_max_exact) {
      return Info::of_strings(std::move(strings));
    }
    std::vector<Prefilter> any;
    for (const auto& b : branches) {
      any.push_back(to_match(b));
    }
    return Info::of_match(Prefilter::combine(Prefilter::Op::any_of, std::move(any)));
  }

  Info concatenation()
  {
    std::vector<Prefilter> needs;
    std::vector<std::string> current{""};
    bool flushed = false;
    auto flush = [&] {
      if (!(current.size() == 1 && current.front().empty())) {
        needs.push_back(to_match(Info::of_strings(current)));
      }
      current = {""};
      flushed = true;
    };
    while (!at_end() && peek() != '|' && peek() != ')') {
      if (const std::string_view run = literal_run(); !run.empty()) {
        for (auto& a : current) {
          a += run;
        }
        continue;
      }
      Info part = repetition();
      if (!part.exact) {
        flush();
        needs.push_back(std::move(part.match));
        continue;
      }
      if (part.strings.size() == 1) {
        // One string (a literal character, most often): appended in place, not a new product.
        for (auto& a : current) {
          a += part.strings.front();
        }
        continue;
      }
      if (current.size() * part.strings.size() > k_max_exact) {
        flush();
        current = std::move(part.strings);
        continue;
      }
      std::vector<std::string> product;
      for (const auto& a : current) {
        for (const auto& b : part.strings) {
          product.push_back(a + b);
        }
      }
      current = std::move(product);
    }
    if (!flushed) {
      return Info::of_strings(std::move(current));
    }
    flush();
    return Info::of_match(Prefilter::combine(Prefilter::Op::all_of, std::move(needs)));
  }


  // `x?`: the empty string joins x's strings.
  Info optional(Info part) const
  {
    if (part.exact && part.strings.size() < k_max_exact) {
      part.strings.emplace_back();
      return Info::of_strings(std::move(part.strings));
    }
    return Info::anything();
  }

  // `x+`, `x{2,}`: x at least once, its strings no longer exact.
  Info at_least_once(const Info& part) const { return Info::of_match(to_match(part)); }

  Info repetition()
  {
    Info part = primary();
    while (!at_end()) {
      const char c = peek();
      if (c == '*') {
        ++m_i;
        part = Info::anything();
      } else if (c == '+') {
        ++m_i;
        part = at_least_once(part);
      } else if (c == '?') {
        ++m_i;
        part = optional(std::move(part));
      } else if (c == '{') {
        std::size_t min = 0;
        std::size_t max = 0;
        bool bounded = false;
        if (!counted(min, max, bounded)) {
          break; // a literal '{': RE2 reads it as one too, and primary() will
        }
        if (min == 0) {
          part = bounded && max == 1 ? optional(std::move(part)) : Info::anything();
        } else if (!(min == 1 && bounded && max == 1)) {
          part = at_least_once(part);
        }
      } else {
        break;
      }
      if (!at_end() && peek() == '?') {
        ++m_i; // non-greedy: matches the same texts
      }
    }
    return part;
  }




  Info primary()
  {
    const char c = peek();
    if (c == '(') {
      return group();
    }
    if (c == '[') {
      return char_class();
    }
    if (c == '.') {
      ++m_i;
      return Info::anything();
    }
    if (c == '^' || c == '$') {
      ++m_i;
      return Info::empty_width();
    }
    if (c == '\\') {
      return escape();
    }
    return Info::of_strings({character()});
  }

  Info group()
  {
    ++m_i; // (
    if (peek() == '?') {
      if (peek(1) == ':') {
        m_i += 2;
      } else if (peek(1) == 'P' || peek(1) == '<') {
        const std::size_t close = m_p.find('>', m_i);
        m_i = close == std::string_view::npos ? m_p.size() : close + 1;
      } else {
        // Flags: (?i) would match upper-case letters the words do not have.
        ++m_i;
        while (!at_end() && peek() != ':' && peek() != ')') {
          m_unsupported = m_unsupported || peek() == 'i';
          ++m_i;
        }
        if (peek() == ')') {
          ++m_i;
          return Info::empty_width();
        }
        ++m_i; // :
      }
    }
    Info inside = alternation();
    if (peek() != ')') {
      m_unsupported = true;
      return Info::anything();
    }
    ++m_i;
    return inside;
  }

  Info escape()
  {
    ++m_i; // backslash
    if (at_end()) {
      m_unsupported = true;
      return Info::anything();
    }
    const char e = peek();
    switch (e) {
    case 'b':
    case 'B':
    case 'A':
    case 'z':
      ++m_i;
      return Info::empty_width();
    case 'd':
    case 'D':
    case 's':
    case 'S':
    case 'w':
    case 'W':
    case 'C':
      ++m_i;
      return Info::anything();
    case 'p':
    case 'P':
    case 'x':
      ++m_i;
      skip_braced_or_one();
      if (e == 'x' && !at_end() && m_p[m_i - 1] != '}') {
        ++m_i; // \xFF: two hex digits
      }
      return Info::anything();
    case 'Q': {
      const std::size_t end = m_p.find("\\E", m_i);
      m_i = end == std::string_view::npos ? m_p.size() : end + 2;
      return Info::anything();
    }
    case 'n':
      ++m_i;
      return Info::of_strings({"\n"});
    case 't':
      ++m_i;
      return Info::of_strings({"\t"});
    case 'r':
      ++m_i;
      return Info::of_strings({"\r"});
    case 'f':
      ++m_i;
      return Info::of_strings({"\f"});
    case 'v':
      ++m_i;
      return Info::of_strings({"\v"});
    default:
      break;
    }
    if (e >= '0' && e <= '9') {
      while (!at_end() && peek() >= '0' && peek() <= '9') {
        ++m_i; // octal: not modelled
      }
      return Info::anything();
    }
    if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z')) {
      ++m_i; // an escape this reader does not know
      return Info::anything();
    }
    return Info::of_strings({character()}); // \. \- \( \/ ...: the character itself
  }




  Info char_class()
  {
    ++m_i; // [
    bool broad = false;
    if (peek() == '^') {
      ++m_i;
      broad = true; // all but a few characters
    }
    std::vector<std::string> members;
    bool first = true;
    while (!at_end() && (peek() != ']' || first)) {
      first = false;
      if (peek() == '[' && peek(1) == ':') {
        const std::size_t close = m_p.find(":]", m_i + 2);
        m_i = close == std::string_view::npos ? m_p.size() : close + 2;
        broad = true;
        continue;
      }
      const std::string lo = class_member();
      if (lo.empty()) {
        broad = true;
        continue;
      }
      if (peek() == '-' && peek(1) != ']' && m_i + 1 < m_p.size()) {
        ++m_i;
        const std::string hi = class_member();
        const std::int32_t a = code_point(lo);
        const std::int32_t b = hi.empty() ? a : code_point(hi);
        if (hi.empty() || a < 0 || b < a || static_cast<std::size_t>(b - a) >= k_max_class) {
          broad = true;
          continue;
        }
        for (std::int32_t cp = a; cp <= b; ++cp) {
          members.push_back(utf8(cp));
        }
        continue;
      }
      members.push_back(lo);
    }
    if (at_end()) {
      m_unsupported = true;
      return Info::anything();
    }
    ++m_i; // ]
    if (broad || members.empty() || members.size() > k_max_class) {
      return Info::anything();
    }
    return Info::of_strings(std::move(members));
  }

  std::size_t m_min;
  bool m_unsupported = false;
};

} // namespace

Prefilter Prefilter::of(std::string_view pattern, std::size_t min_word)
{
  return Reader(pattern, min_word).run();
}

} // namespace empreinte::classify
