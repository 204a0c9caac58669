// Which of many literal byte strings occur in a text: the prefilter of PatternSet.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace empreinte::classify {

// Built in one pass over the strings (no automaton to compile); a scan reads each byte of the
// text once, and looks further only where the text's next three bytes start one of the
// strings (a 64 Kib table of hashed three-byte heads, mostly in the L1 cache). Strings of
// fewer than three bytes are searched for one by one.
class LiteralScan
{
public:
  explicit LiteralScan(std::vector<std::string> literals);
  // The indices (into the constructor's list) of the strings found in `text`, in increasing order.
  std::vector<int> find(std::string_view text) const;
  std::size_t size() const { return m_literals.size(); }

private:
  static std::uint32_t head_of(const char* p);
  static std::size_t bucket_of(std::uint32_t head);

  std::vector<std::string> m_literals;
  // (three-byte head, literal index), sorted: the literals that start with a head.
  std::vector<std::pair<std::uint32_t, int>> m_by_head;
  std::vector<int> m_short;
  std::array<std::uint64_t, 1024> m_heads{}; // a bit per hashed head present
};

} // namespace empreinte::classify
