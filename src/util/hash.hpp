// Stable, non-cryptographic hashing for ids and cache keys (FNV-1a, 64 bits).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace empreinte::util {

// Incremental FNV-1a 64-bit hasher; the same input always gives the same value on every platform.
class Hasher
{
public:
  Hasher& update(std::string_view bytes);
  // Feeds a length-prefixed field so that ("ab","c") and ("a","bc") differ.
  Hasher& field(std::string_view bytes);
  std::uint64_t digest() const { return m_state; }
  std::string hex() const;

private:
  std::uint64_t m_state = 0xcbf29ce484222325ULL;
};

// 16 lower-case hex digits of the FNV-1a hash of `bytes`.
std::string hash_hex(std::string_view bytes);

} // namespace empreinte::util
