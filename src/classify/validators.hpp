// Checksums that tell a real identifier from a look-alike number.
#pragma once

#include <string_view>

namespace empreinte::classify {

// IBAN (ISO 13616): country, check digits, mod-97 == 1. Spaces are ignored.
bool valid_iban(std::string_view text);

// French NIR (social security number, 13 digits + 2-digit key = 97 - n mod 97), with the
// Corsican departments 2A/2B. Spaces, dots and dashes are ignored.
bool valid_nir(std::string_view text);

// Luhn checksum (payment cards, SIREN). Spaces and dashes are ignored.
bool valid_luhn(std::string_view text);

} // namespace empreinte::classify
