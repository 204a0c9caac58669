// RE2 patterns from rules files: compiled once, errors as values.
#pragma once

#include "util/result.hpp"

#include <memory>
#include <mutex>
#include <re2/re2.h>
#include <re2/set.h>
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

// Many patterns searched in one pass (RE2::Set); `matches` returns the indices that match.
// The texts they search are folded (lower case, no accents), so the set is case-sensitive and
// refuses a pattern with an upper-case letter (it could never match).
// Each pattern is compiled once, into the set; the one-by-one fallback is compiled only if a
// run ever needs it.
class PatternSet
{
public:
  PatternSet();
  // Adds a pattern; returns its index or an error naming `where`.
  util::Result<int> add(const std::string& pattern, const std::string& where);
  util::Status compile();
  // Indices of the patterns that match `text`. Should the set's DFA run out of memory, the
  // patterns are tried one by one: a result is never silently lost.
  std::vector<int> matches(std::string_view text) const;
  bool empty() const { return m_count == 0; }

private:
  // The patterns one by one, compiled on first use by the fallback (thread-safe).
  struct Fallback
  {
    std::once_flag once;
    std::vector<std::shared_ptr<const re2::RE2>> each;
  };
  const std::vector<std::shared_ptr<const re2::RE2>>& fallback() const;

  std::unique_ptr<re2::RE2::Set> m_set;
  std::vector<std::string> m_patterns;
  std::unique_ptr<Fallback> m_fallback = std::make_unique<Fallback>();
  int m_count = 0;
  bool m_compiled = false;
};

// The value of named group `group` in the first match of `re` in `text`, or "".
std::string capture(const re2::RE2& re, std::string_view text, const std::string& group);

} // namespace empreinte::classify
