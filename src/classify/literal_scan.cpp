#include "classify/literal_scan.hpp"

#include <algorithm>

namespace empreinte::classify {

std::uint32_t LiteralScan::head_of(const char* p)
{
  return static_cast<std::uint32_t>(static_cast<unsigned char>(p[0]))
         | static_cast<std::uint32_t>(static_cast<unsigned char>(p[1])) << 8
         | static_cast<std::uint32_t>(static_cast<unsigned char>(p[2])) << 16;
}

std::size_t LiteralScan::bucket_of(std::uint32_t head)
{
  return static_cast<std::size_t>((head * 2654435761u) >> 16) & 0xFFFF; // 64 Ki bits
}

LiteralScan::LiteralScan(std::vector<std::string> literals)
  : m_literals(std::move(literals))
{
  for (std::size_t i = 0; i < m_literals.size(); ++i) {
    const auto& s = m_literals[i];
    if (s.size() < 3) {
      m_short.push_back(static_cast<int>(i));
      continue;
    }
    const std::uint32_t head = head_of(s.data());
    m_by_head.emplace_back(head, static_cast<int>(i));
    const std::size_t bucket = bucket_of(head);
    m_heads[bucket / 64] |= std::uint64_t{1} << (bucket % 64);
  }
  std::sort(m_by_head.begin(), m_by_head.end());
}

std::vector<int> LiteralScan::find(std::string_view text) const
{
  std::vector<int> out;
  std::vector<bool> seen(m_literals.size());
  for (int i : m_short) {
    if (text.find(m_literals[static_cast<std::size_t>(i)]) != std::string_view::npos) {
      out.push_back(i);
    }
  }
  for (std::size_t at = 0; at + 3 <= text.size(); ++at) {
    const std::uint32_t head = head_of(text.data() + at);
    const std::size_t bucket = bucket_of(head);
    if (!(m_heads[bucket / 64] >> (bucket % 64) & 1)) {
      continue;
    }
    auto it = std::lower_bound(m_by_head.begin(), m_by_head.end(), std::make_pair(head, -1));
    for (; it != m_by_head.end() && it->first == head; ++it) {
      const auto index = static_cast<std::size_t>(it->second);
      if (!seen[index] && text.substr(at).starts_with(m_literals[index])) {
        seen[index] = true;
        out.push_back(it->second);
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

} // namespace empreinte::classify
