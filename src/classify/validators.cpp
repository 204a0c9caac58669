// Arithmetic is done digit by digit so that no number ever overflows.
#include "classify/validators.hpp"

#include <string>

namespace empreinte::classify {

namespace {

std::string compact(std::string_view text)
{
  std::string out;
  for (char c : text) {
    if (c != ' ' && c != '.' && c != '-' && c != '\t') {
      out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
  }
  return out;
}

// `digits` mod 97, for an arbitrarily long decimal string.
int mod97(std::string_view digits)
{
  int r = 0;
  for (char c : digits) {
    r = (r * 10 + (c - '0')) % 97;
  }
  return r;
}

bool all_digits(std::string_view s)
{
  for (char c : s) {
    if (c < '0' || c > '9') {
      return false;
    }
  }
  return !s.empty();
}

} // namespace

bool valid_iban(std::string_view text)
{
  const std::string s = compact(text);
  if (s.size() < 15 || s.size() > 34) {
    return false;
  }
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool letter = c >= 'A' && c <= 'Z';
    const bool digit = c >= '0' && c <= '9';
    if ((i < 2 && !letter) || (i >= 2 && i < 4 && !digit) || (!letter && !digit)) {
      return false;
    }
  }
  const std::string rearranged = s.substr(4) + s.substr(0, 4);
  std::string digits;
  for (char c : rearranged) {
    if (c >= 'A' && c <= 'Z') {
      digits += std::to_string(c - 'A' + 10);
    } else {
      digits += c;
    }
  }
  return mod97(digits) == 1;
}

bool valid_nir(std::string_view text)
{
  std::string s = compact(text);
  if (s.size() != 15) {
    return false;
  }
  std::string body = s.substr(0, 13);
  const std::string key = s.substr(13);
  // Corsica: 2A -> 19 and 2B -> 18 in the department field (positions 6-7), for the key.
  if (body[5] == '2' && (body[6] == 'A' || body[6] == 'B')) {
    const bool a = body[6] == 'A';
    body[5] = '1';
    body[6] = a ? '9' : '8';
  }
  if (!all_digits(body) || !all_digits(key) || (body[0] != '1' && body[0] != '2')) {
    return false;
  }
  return 97 - mod97(body) == std::stoi(key);
}

bool valid_luhn(std::string_view text)
{
  const std::string s = compact(text);
  if (s.size() < 9 || !all_digits(s)) {
    return false;
  }
  int sum = 0;
  bool twice = false;
  for (auto it = s.rbegin(); it != s.rend(); ++it) {
    int d = *it - '0';
    if (twice) {
      d *= 2;
      if (d > 9) {
        d -= 9;
      }
    }
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

} // namespace empreinte::classify
