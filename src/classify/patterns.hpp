// RE2 patterns from rules files: compiled once, errors as values.
#pragma once

#include "classify/literal_scan.hpp"
#include "util/result.hpp"

#include <memory>
#include <mutex>
#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <string>
#include <vector>

namespace empreinte::classify {

// Compiles `pattern` (RE2 syntax, case-insensitive, UTF-8); the error names `where`.
util::Result<std::shared_ptr<const re2::RE2>> compile_pattern(const std::string& pattern,
                                                              const std::string& where);

// A pattern checked when the rules load (parsed: a syntax error or a missing named group is an
// error naming `where`) and compiled on its first use, from any thread. Platform patterns are
// used only for the URLs of their own platform: most runs never compile most of them (about
// 5 % of a warm demo's CPU; docs/benchmarks.md).
class LazyPattern
{
public:
  static util::Result<LazyPattern> check(const std::string& pattern,
                                         const std::string& where,
                                         const char* required_group = nullptr);
  // The compiled pattern; an RE2 that failed to compile (too large: the parse succeeded)
  // matches nothing.
  const re2::RE2& get() const;

private:
  struct Compiled
  {
    std::once_flag once;
    std::unique_ptr<const re2::RE2> re;
  };
  std::string m_pattern;
  std::shared_ptr<Compiled> m_compiled = std::make_shared<Compiled>();
};

// Many patterns searched together; `matches` returns the indices of those that match.
// The texts they search are folded (lower case, no accents), so the patterns are
// case-sensitive and one with an upper-case letter is refused (it could never match).
// Each pattern is compiled once, alone, and prefiltered (re2::FilteredRE2): one scan of the
// text for the literal words the patterns need ("photos", "guest"...), then only the patterns
// whose words are all there run. One RE2::Set of hundreds of patterns with gaps such as
// [^.]{0,60} never caches its states (each byte of a page made a new one, copying an
// array the size of the whole program); the words are found without an automaton
// (LiteralScan), and a page costs a few small automata instead of one huge one.
class PatternSet
{
public:
  PatternSet();
  ~PatternSet();
  PatternSet(PatternSet&&) noexcept;
  PatternSet& operator=(PatternSet&&) noexcept;
  // Adds a pattern; returns its index or an error naming `where`.
  util::Result<int> add(const std::string& pattern, const std::string& where);
  util::Status compile();
  // Indices of the patterns that match `text`, in increasing order.
  std::vector<int> matches(std::string_view text) const;
  // The indices that pass the prefilter: a superset of `matches`, for callers that run the
  // pattern themselves (with captures).
  std::vector<int> candidates(std::string_view text) const;
  // The compiled pattern `index`.
  const re2::RE2& pattern(int index) const;
  bool empty() const { return m_count == 0; }
  // Number of literal words scanned for (0 before compile()); for tests and benchmarks.
  std::size_t atom_count() const { return m_atoms ? m_atoms->size() : 0; }

private:
  std::unique_ptr<re2::FilteredRE2> m_filter;
  std::unique_ptr<LiteralScan> m_atoms;
  int m_count = 0;
  bool m_compiled = false;
};

// The value of named group `group` in the first match of `re` in `text`, or "".
std::string capture(const re2::RE2& re, std::string_view text, const std::string& group);

} // namespace empreinte::classify
