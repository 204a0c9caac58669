// FNV-1a: tiny and stable; ids and cache keys need stability, not secrecy.
#include "util/hash.hpp"

#include <fmt/format.h>

namespace empreinte::util {

Hasher& Hasher::update(std::string_view bytes)
{
  for (unsigned char c : bytes) {
    m_state ^= c;
    m_state *= 0x100000001b3ULL;
  }
  return *this;
}

Hasher& Hasher::field(std::string_view bytes)
{
  update(std::to_string(bytes.size()));
  update(":");
  return update(bytes);
}

std::string Hasher::hex() const
{
  return fmt::format("{:016x}", m_state);
}

std::string hash_hex(std::string_view bytes)
{
  return Hasher().update(bytes).hex();
}

} // namespace empreinte::util
