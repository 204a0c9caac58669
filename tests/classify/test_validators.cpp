#include "classify/validators.hpp"

#include <doctest/doctest.h>

using namespace empreinte::classify;

TEST_CASE("validators: IBAN mod-97")
{
  CHECK(valid_iban("FR76 3000 6000 0112 3456 7890 189"));
  CHECK(valid_iban("fr7630006000011234567890189"));
  CHECK(valid_iban("GB82 WEST 1234 5698 7654 32"));
  CHECK_FALSE(valid_iban("FR76 3000 6000 0112 3456 7890 188")); // one digit off
  CHECK_FALSE(valid_iban("FR76 3000"));                          // too short
  CHECK_FALSE(valid_iban("7630006000011234567890189FR"));
  CHECK_FALSE(valid_iban(""));
}

TEST_CASE("validators: French NIR key, with Corsica")
{
  CHECK(valid_nir("1 89 03 38 185 123 93"));
  CHECK(valid_nir("189033818512393"));
  CHECK_FALSE(valid_nir("1 89 03 38 185 123 94"));
  CHECK(valid_nir("2 89 03 2A 185 123 71"));
  CHECK_FALSE(valid_nir("2 89 03 2A 185 123 70"));
  CHECK_FALSE(valid_nir("3 89 03 38 185 123 93")); // sex digit is 1 or 2
  CHECK_FALSE(valid_nir("12345"));
}

TEST_CASE("validators: Luhn")
{
  CHECK(valid_luhn("4539 1488 0343 6467"));
  CHECK_FALSE(valid_luhn("4539 1488 0343 6468"));
  CHECK(valid_luhn("732 829 320")); // a SIREN
  CHECK_FALSE(valid_luhn("12"));
  CHECK_FALSE(valid_luhn("abcd efgh ijkl"));
}
