// RE2 patterns from rules files: compiled once, errors as values.
#pragma once

#include "classify/literal_prefilter.hpp"
#include "classify/literal_scan.hpp"
#include "util/result.hpp"

#include <cstdint>
#include <memory>
#include <mutex>
#include <re2/re2.h>
#include <span>
#include <string>
#include <vector>

namespace empreinte::classify {

// Compiles `pattern` (RE2 syntax, case-insensitive, UTF-8); the error names `where`.
util::Result<std::shared_ptr<const re2::RE2>> compile_pattern(const std::string& pattern,
                                                              const std::string& where);

// Patterns known to parse. The program is built with the digests of every pattern of the
// shipped rules (src/tools/pattern_digests.cpp parses them all at build time); a pattern whose
// digest is listed is not parsed again when the rules load, which was a fifth of the
// allocations of a run's start-up (docs/benchmarks.md). Any other pattern (edited rules, a
// rules folder of one's own) is checked as always. The required group is checked either way.
// Only a collision of the 64-bit digests could list a pattern that does not parse; it would
// then fail to compile on first use and match nothing, as a pattern too large for RE2 does.
// `sorted_digests` must outlive every load; set it before any rules load, from one thread.
void trust_patterns(std::span<const std::uint64_t> sorted_digests);
// From now on, appends the digest of each pattern that passes its check to `out` (nullptr:
// stop recording). For the build tool: loads on several threads may record at once; stop
// only when no rules are loading.
void record_checked_patterns(std::vector<std::uint64_t>* out);
// How many patterns were parsed to check them since the program started; for tests.
std::size_t patterns_parsed();
// The digest under which a pattern is trusted: its text and whether it is case-sensitive
// (PatternSet) or not (LazyPattern).
std::uint64_t pattern_digest(const std::string& pattern, bool case_sensitive);

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
// Each pattern is prefiltered: the literal words it needs are read from its text
// (Prefilter), one scan of a text finds which of all the patterns' words it holds
// (LiteralScan), and only the patterns whose words are there run. A pattern is parsed when it
// is added (a syntax error is an error naming its place) and compiled the first time a text
// passes its prefilter, from any thread: a run compiles only the patterns its pages call for
// (compiling all of them was a fifth of a warm demo's start-up; docs/benchmarks.md). One
// RE2::Set of hundreds of patterns with gaps such as [^.]{0,60} never caches its states (each
// byte of a page made a new one, copying an array the size of the whole program); a page
// costs a few small automata instead of one huge one.
class PatternSet
{
public:
  PatternSet();
  ~PatternSet();
  PatternSet(PatternSet&&) noexcept;
  PatternSet& operator=(PatternSet&&) noexcept;
  // Adds a pattern; returns its index or an error naming `where`. With `required_group`, the
  // pattern must capture a group of that name.
  util::Result<int> add(const std::string& pattern,
                        const std::string& where,
                        const char* required_group = nullptr);
  util::Status compile();
  // Indices of the patterns that match `text`, in increasing order.
  std::vector<int> matches(std::string_view text) const;
  // The indices that pass the prefilter: a superset of `matches`, for callers that run the
  // pattern themselves (with captures).
  std::vector<int> candidates(std::string_view text) const;
  // The compiled pattern `index` (compiled now if it was not yet). One that RE2 cannot build
  // (too large: the parse succeeded) matches nothing.
  const re2::RE2& pattern(int index) const;
  bool empty() const { return m_entries.empty(); }
  std::size_t size() const { return m_entries.size(); }
  // Number of literal words scanned for (0 before compile()); for tests and benchmarks.
  std::size_t atom_count() const { return m_atoms ? m_atoms->size() : 0; }
  // How many patterns have been compiled so far; for tests and benchmarks.
  std::size_t compiled_count() const;

private:
  struct Entry;
  std::vector<std::unique_ptr<Entry>> m_entries;
  std::unique_ptr<LiteralScan> m_atoms;
  std::vector<std::vector<int>> m_by_atom; // the patterns whose prefilter names each word
  std::vector<int> m_unfiltered;           // the patterns that need no word: always run
  bool m_compiled = false;
};

// The value of named group `group` in the first match of `re` in `text`, or "".
std::string capture(const re2::RE2& re, std::string_view text, const std::string& group);

} // namespace empreinte::classify
