// Finds known phrases (names of places, job titles) in a sequence of folded words.
#pragma once

#include "util/text.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

namespace empreinte::classify {

// Maps word sequences to payload ids; lookups cost one hash probe per word of the text.
class PhraseIndex
{
public:
  // Adds `phrase` (any spelling: it is folded and split into words) for payload `id`.
  void add(const std::string& phrase, std::size_t id)
  {
    auto words = util::words(phrase);
    if (!words.empty()) {
      auto& bucket = m_by_first[words.front()];
      bucket.push_back(Entry{std::move(words), id});
    }
  }

  // A match: payload id and where it starts in the words.
  struct Hit
  {
    std::size_t id;
    std::size_t start;
    std::size_t length;
  };

  // Every occurrence, preferring the longest phrase at each position.
  std::vector<Hit> find_all(const std::vector<std::string>& words) const
  {
    std::vector<Hit> hits;
    for (std::size_t i = 0; i < words.size();) {
      const Hit* best = nullptr;
      Hit candidate{};
      if (auto it = m_by_first.find(words[i]); it != m_by_first.end()) {
        for (const auto& e : it->second) {
          if (i + e.words.size() <= words.size()
              && std::equal(e.words.begin(), e.words.end(), words.begin() + static_cast<std::ptrdiff_t>(i))
              && (!best || e.words.size() > best->length)) {
            candidate = Hit{e.id, i, e.words.size()};
            best = &candidate;
          }
        }
      }
      if (best) {
        hits.push_back(*best);
        i += best->length;
      } else {
        ++i;
      }
    }
    return hits;
  }

  // Every payload whose phrase is exactly the words of `hit` (a phrase given for several ids).
  std::vector<std::size_t> ids_at(const std::vector<std::string>& words, const Hit& hit) const
  {
    std::vector<std::size_t> out;
    if (hit.start + hit.length > words.size()) {
      return out;
    }
    if (auto it = m_by_first.find(words[hit.start]); it != m_by_first.end()) {
      for (const auto& e : it->second) {
        if (e.words.size() == hit.length &&
            std::equal(e.words.begin(),
                       e.words.end(),
                       words.begin() + static_cast<std::ptrdiff_t>(hit.start))) {
          out.push_back(e.id);
        }
      }
    }
    return out;
  }

  bool empty() const { return m_by_first.empty(); }

private:
  struct Entry
  {
    std::vector<std::string> words;
    std::size_t id;
  };
  std::unordered_map<std::string, std::vector<Entry>> m_by_first;
};

} // namespace empreinte::classify
