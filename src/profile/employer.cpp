// The lists are of general words (legal forms, kinds of business), never of anyone's employer.
#include "profile/employer.hpp"

#include "util/text.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace empreinte::profile {

namespace {

// Folded legal forms of companies in the countries the tool is used in.
constexpr std::array<std::string_view, 40> k_legal_forms{
  "sarl", "sas", "sasu", "eurl", "sa", "snc", "sci", "selarl", "selas", "scop", "scp", "earl",
  "gaec", "srl", "sprl", "sc", "asbl", "ltd", "limited", "llc", "llp", "lp", "plc", "inc",
  "incorporated", "corp", "corporation", "co", "gmbh", "ag", "kg", "ug", "bv", "nv", "ab", "as",
  "oy", "spa", "pllc", "pc"};

// Words that say what kind of business follows, when they come first.
constexpr std::array<std::string_view, 44> k_business_kinds{
  "boulangerie", "patisserie", "garage", "cabinet", "agence", "atelier", "restaurant", "cafe",
  "bar", "salon", "clinique", "pharmacie", "librairie", "boutique", "societe", "entreprise",
  "studio", "etablissements", "ets", "groupe", "group", "bakery", "shop", "store", "salon",
  "studio", "the", "le", "la", "les", "l", "hotel", "brasserie", "fleuriste", "coiffure",
  "institut", "laboratoire", "lab", "labs", "bureau", "office", "maison", "ferme", "domaine"};

bool in(const auto& list, const std::string& w)
{
  return std::find(list.begin(), list.end(), w) != list.end();
}

// Letters and digits of the words, the size of what is left.
std::size_t letters(const std::vector<std::string>& words)
{
  std::size_t n = 0;
  for (const auto& w : words) {
    n += w.size();
  }
  return n;
}

// Distinctive enough to name one business: two words or more, or one of 6 letters or more.
bool distinctive(const std::vector<std::string>& words)
{
  return words.size() >= 2 ? letters(words) >= 6 : (!words.empty() && words.front().size() >= 6);
}

} // namespace

bool is_legal_form(const std::string& folded_word)
{
  return in(k_legal_forms, folded_word);
}

std::vector<std::vector<std::string>> employer_forms(const std::string& employer)
{
  std::vector<std::vector<std::string>> out;
  auto add = [&](const std::vector<std::string>& words) {
    if (!words.empty() && std::find(out.begin(), out.end(), words) == out.end()) {
      out.push_back(words);
    }
  };
  std::vector<std::string> words = util::words(employer);
  add(words);
  // Legal forms at either end: "Cairnware Sàrl", "SARL Le Fournil".
  while (words.size() > 1 && is_legal_form(words.back())) {
    words.pop_back();
  }
  while (words.size() > 1 && is_legal_form(words.front())) {
    words.erase(words.begin());
  }
  if (distinctive(words)) {
    add(words);
  }
  // A leading kind of business: "Boulangerie Le Fournil de Zola" -> "Fournil de Zola".
  std::vector<std::string> core = words;
  while (core.size() > 1 && in(k_business_kinds, core.front())) {
    core.erase(core.begin());
    if (distinctive(core)) {
      add(core);
    }
  }
  return out;
}

std::string employer_core(const std::string& employer)
{
  // Cut the written name at word boundaries, keeping its case and accents.
  std::vector<std::string> pieces;
  std::string current;
  for (char c : util::squeeze_spaces(employer)) {
    if (c == ' ') {
      pieces.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) {
    pieces.push_back(current);
  }
  auto folded = [](const std::string& piece) {
    const auto w = util::words(piece);
    return w.size() == 1 ? w.front() : std::string();
  };
  std::size_t begin = 0;
  std::size_t end = pieces.size();
  while (end - begin > 1 && is_legal_form(folded(pieces[end - 1]))) {
    --end;
  }
  while (end - begin > 1 && is_legal_form(folded(pieces[begin]))) {
    ++begin;
  }
  // Drop one leading kind of business (and the article after it is kept: "Le Fournil de Zola").
  if (end - begin > 2 && in(k_business_kinds, folded(pieces[begin]))
      && folded(pieces[begin]) != "le" && folded(pieces[begin]) != "la"
      && folded(pieces[begin]) != "les" && folded(pieces[begin]) != "the") {
    std::vector<std::string> rest;
    for (std::size_t i = begin + 1; i < end; ++i) {
      const auto w = util::words(pieces[i]);
      rest.insert(rest.end(), w.begin(), w.end());
    }
    if (distinctive(rest)) {
      ++begin;
    }
  }
  std::string out;
  for (std::size_t i = begin; i < end; ++i) {
    out += (out.empty() ? "" : " ") + pieces[i];
  }
  return out.empty() ? util::squeeze_spaces(employer) : out;
}

} // namespace empreinte::profile
