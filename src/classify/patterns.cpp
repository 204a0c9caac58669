// RE2 runs in linear time on hostile text; a prefilter on literal words lets hundreds of cues
// cost one scan and a few small automata.
#include "classify/patterns.hpp"

#include "util/hash.hpp"

#include <algorithm>
#include <atomic>
#include <map>
#include <re2/set.h>

namespace empreinte::classify {

namespace {

re2::RE2::Options options(int64_t max_mem, bool case_sensitive = false)
{
  re2::RE2::Options o;
  o.set_case_sensitive(case_sensitive);
  o.set_log_errors(false);
  o.set_encoding(re2::RE2::Options::EncodingUTF8);
  o.set_max_mem(max_mem);
  return o;
}

// RE2's default: room for the program and its DFA cache.
constexpr int64_t k_single_mem = 8 << 20;

// The first upper-case ASCII letter the pattern would match literally, outside escapes
// (\B, \x{1F92E}, \p{Lu}) and group names; 0 when none.
char upper_literal(std::string_view pattern)
{
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      const char e = pattern[++i];
      if ((e == 'x' || e == 'p' || e == 'P') && i + 1 < pattern.size() && pattern[i + 1] == '{') {
        const std::size_t close = pattern.find('}', i);
        i = close == std::string_view::npos ? pattern.size() : close;
      } else if ((e == 'p' || e == 'P') && i + 1 < pattern.size()) {
        ++i; // \pL, \pN: a one-letter class name
      }
      continue;
    }
    if (pattern.compare(i, 4, "(?P<") == 0) {
      const std::size_t close = pattern.find('>', i);
      i = close == std::string_view::npos ? pattern.size() : close;
      continue;
    }
    if (c >= 'A' && c <= 'Z') {
      return c;
    }
  }
  return 0;
}

} // namespace

util::Result<std::shared_ptr<const re2::RE2>> compile_pattern(const std::string& pattern,
                                                              const std::string& where)
{
  auto re = std::make_shared<const re2::RE2>(pattern, options(k_single_mem));
  if (!re->ok()) {
    return util::input_error("pattern does not compile: " + re->error(),
                             where,
                             "use RE2 syntax: no lookahead, lookbehind or backreferences");
  }
  return std::shared_ptr<const re2::RE2>(std::move(re));
}

namespace {

std::span<const std::uint64_t> g_trusted;
std::mutex g_recording; // guards the vector g_recorded points to
std::atomic<std::vector<std::uint64_t>*> g_recorded{nullptr};
std::atomic<std::size_t> g_parsed{0};

// Parses `pattern` without compiling it (RE2::Set::Add: a fifth of the cost of building the
// RE2), unless it is trusted, and checks it captures `required_group`; the error names
// `where`.
util::Status check_syntax(const std::string& pattern,
                          const std::string& where,
                          bool case_sensitive,
                          const char* required_group)
{
  const std::uint64_t digest = pattern_digest(pattern, case_sensitive);
  if (!std::binary_search(g_trusted.begin(), g_trusted.end(), digest)) {
    ++g_parsed;
    re2::RE2::Set parser(options(k_single_mem, case_sensitive), re2::RE2::UNANCHORED);
    std::string error;
    if (parser.Add(pattern, &error) < 0) {
      return util::input_error("pattern does not compile: " + error,
                               where,
                               "use RE2 syntax: no lookahead, lookbehind or backreferences");
    }
  }
  if (required_group
      && pattern.find(std::string("(?P<") + required_group + ">") == std::string::npos) {
    return util::input_error(std::string("pattern has no named group \"") + required_group + "\"",
                             where,
                             std::string("capture it with (?P<") + required_group + ">...)");
  }
  if (auto* recorded = g_recorded.load()) {
    const std::lock_guard lock(g_recording);
    recorded->push_back(digest);
  }
  return util::ok_status();
}

} // namespace

// The pattern and the one option that could change how it parses.
std::uint64_t pattern_digest(const std::string& pattern, bool case_sensitive)
{
  return util::Hasher()
    .field(case_sensitive ? "case-sensitive" : "case-insensitive")
    .field(pattern)
    .digest();
}

void trust_patterns(std::span<const std::uint64_t> sorted_digests)
{
  g_trusted = sorted_digests;
}

void record_checked_patterns(std::vector<std::uint64_t>* out)
{
  const std::lock_guard lock(g_recording);
  g_recorded.store(out);
}

std::size_t patterns_parsed()
{
  return g_parsed.load();
}

util::Result<LazyPattern> LazyPattern::check(const std::string& pattern,
                                             const std::string& where,
                                             const char* required_group)
{
  if (auto s = check_syntax(pattern, where, /*case_sensitive=*/false, required_group); !s) {
    return s.error();
  }
  LazyPattern p;
  p.m_pattern = pattern;
  return p;
}

const re2::RE2& LazyPattern::get() const
{
  std::call_once(m_compiled->once, [&] {
    m_compiled->re = std::make_unique<const re2::RE2>(m_pattern, options(k_single_mem));
  });
  return *m_compiled->re;
}

// Literal words shorter than this are not scanned for: "de" or "a" are in every text, so a
// pattern that needs only them runs on every text anyway.
constexpr std::size_t k_min_atom_len = 3;

struct PatternSet::Entry
{
  std::string pattern;
  Prefilter needs;
  std::once_flag once;
  std::unique_ptr<const re2::RE2> re;
};

PatternSet::PatternSet() = default;
PatternSet::~PatternSet() = default;
PatternSet::PatternSet(PatternSet&&) noexcept = default;
PatternSet& PatternSet::operator=(PatternSet&&) noexcept = default;

util::Result<int> PatternSet::add(const std::string& pattern,
                                  const std::string& where,
                                  const char* required_group)
{
  // Case-sensitive (a smaller automaton): the texts are folded, so a pattern must be written
  // in lower case too.
  if (const char upper = upper_literal(pattern)) {
    return util::input_error(std::string("pattern has an upper-case letter ('") + upper
                               + "'): it is matched against folded, lower-case text and would never match",
                             where,
                             "write the pattern in lower case and without accents");
  }
  if (m_compiled) {
    return util::runtime_error("a pattern was added to a compiled set", where);
  }
  if (auto s = check_syntax(pattern, where, /*case_sensitive=*/true, required_group); !s) {
    return s.error();
  }
  auto entry = std::make_unique<Entry>();
  entry->pattern = pattern;
  entry->needs = Prefilter::of(pattern, k_min_atom_len);
  m_entries.push_back(std::move(entry));
  return static_cast<int>(m_entries.size() - 1);
}

util::Status PatternSet::compile()
{
  if (m_compiled) {
    return util::ok_status();
  }
  m_compiled = true;
  // Each distinct word once; the leaves of each prefilter point at it.
  std::map<std::string, int> index_of;
  std::vector<std::string> atoms;
  for (std::size_t i = 0; i < m_entries.size(); ++i) {
    Prefilter& needs = m_entries[i]->needs;
    if (needs.op == Prefilter::Op::all) {
      m_unfiltered.push_back(static_cast<int>(i));
      continue;
    }
    std::vector<Prefilter*> stack{&needs};
    while (!stack.empty()) {
      Prefilter* node = stack.back();
      stack.pop_back();
      if (node->op == Prefilter::Op::word) {
        const auto [it, added] = index_of.emplace(node->word, static_cast<int>(atoms.size()));
        if (added) {
          atoms.push_back(node->word);
          m_by_atom.emplace_back();
        }
        node->atom = it->second;
        auto& users = m_by_atom[static_cast<std::size_t>(it->second)];
        if (users.empty() || users.back() != static_cast<int>(i)) {
          users.push_back(static_cast<int>(i));
        }
      }
      for (auto& part : node->parts) {
        stack.push_back(&part);
      }
    }
  }
  m_atoms = std::make_unique<LiteralScan>(std::move(atoms));
  return util::ok_status();
}

std::vector<int> PatternSet::candidates(std::string_view text) const
{
  if (!m_compiled || m_entries.empty()) {
    return {};
  }
  const std::vector<int> found = m_atoms->find(text); // increasing
  // The patterns that name a word the text holds; the others cannot pass.
  std::vector<int> touched;
  for (int atom : found) {
    const auto& users = m_by_atom[static_cast<std::size_t>(atom)];
    touched.insert(touched.end(), users.begin(), users.end());
  }
  std::sort(touched.begin(), touched.end());
  touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
  const auto holds = [&](const Prefilter& leaf) { return std::binary_search(found.begin(), found.end(), leaf.atom); };
  std::vector<int> out = m_unfiltered;
  for (int i : touched) {
    if (m_entries[static_cast<std::size_t>(i)]->needs.met(holds)) {
      out.push_back(i);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<int> PatternSet::matches(std::string_view text) const
{
  std::vector<int> out;
  const re2::StringPiece piece(text.data(), text.size());
  for (int index : candidates(text)) {
    if (re2::RE2::PartialMatch(piece, pattern(index))) {
      out.push_back(index);
    }
  }
  return out;
}

const re2::RE2& PatternSet::pattern(int index) const
{
  Entry& e = *m_entries.at(static_cast<std::size_t>(index));
  std::call_once(e.once, [&] {
    e.re = std::make_unique<const re2::RE2>(e.pattern, options(k_single_mem, /*case_sensitive=*/true));
  });
  return *e.re;
}

std::size_t PatternSet::compiled_count() const
{
  std::size_t n = 0;
  for (const auto& e : m_entries) {
    // Read without the once flag: a figure for tests, taken when no other thread compiles.
    n += e->re ? 1 : 0;
  }
  return n;
}

std::string capture(const re2::RE2& re, std::string_view text, const std::string& group)
{
  const auto& names = re.NamedCapturingGroups();
  const auto it = names.find(group);
  if (it == names.end()) {
    return {};
  }
  std::vector<re2::StringPiece> groups(static_cast<std::size_t>(re.NumberOfCapturingGroups()) + 1);
  if (!re.Match(re2::StringPiece(text.data(), text.size()),
                0,
                text.size(),
                re2::RE2::UNANCHORED,
                groups.data(),
                static_cast<int>(groups.size()))) {
    return {};
  }
  const auto& piece = groups[static_cast<std::size_t>(it->second)];
  return std::string(piece.data() ? std::string_view(piece.data(), piece.size()) : std::string_view());
}

} // namespace empreinte::classify
