// Code keeps keys, not sentences, so that a report can be written in either language after the
// fact. The entries (i18n_catalogue_*.cpp) are grouped by what uses them; the lookup
// sorts them once.
#include "report/i18n.hpp"

#include "report/i18n_catalogue.hpp"

#include <algorithm>
#include <vector>

namespace empreinte::report {

namespace {


struct Sorted
{
  std::vector<CatalogueEntry> entries;

  Sorted()
  {
    entries = catalogue_entries();
    std::stable_sort(
        entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.key < b.key; });
  }
};

const Sorted& sorted()
{
  static const Sorted s;
  return s;
}

const CatalogueEntry* find(std::string_view key)
{
  const auto& e = sorted().entries;
  const auto it =
      std::lower_bound(e.begin(), e.end(), key, [](const CatalogueEntry& a, std::string_view k) {
        return a.key < k;
      });
  return it != e.end() && it->key == key ? &*it : nullptr;
}

bool starts_with_fr(const char* value)
{
  return value[0] == 'f' && value[1] == 'r';
}

} // namespace

std::span<const CatalogueEntry> catalogue()
{
  return sorted().entries;
}

bool is_lang(std::string_view lang)
{
  return lang == "en" || lang == "fr";
}

std::string lang_from_locale(const char* lc_all, const char* lc_messages, const char* lang)
{
  for (const char* value : {lc_all, lc_messages, lang}) {
    if (value && *value) {
      return starts_with_fr(value) ? "fr" : "en";
    }
  }
  return "en";
}

bool has_key(std::string_view key)
{
  return find(key) != nullptr;
}

namespace {

// French elides "de" before a vowel or a mute h: "l'empreinte d'Hélène", not "de Hélène".
bool starts_with_vowel_sound(std::string_view word)
{
  static constexpr std::string_view vowels[] = {
    "a", "e", "i", "o", "u", "y", "A", "E", "I", "O", "U", "Y", "à", "â", "é", "è", "ê", "ë",
    "î", "ï", "ô", "û", "À", "Â", "É", "È", "Ê", "Î", "Ô", "Û"};
  auto vowel_at = [&](std::string_view w) {
    return std::any_of(std::begin(vowels), std::end(vowels),
                       [&](std::string_view v) { return w.substr(0, v.size()) == v; });
  };
  if (!word.empty() && (word.front() == 'h' || word.front() == 'H')) {
    word.remove_prefix(1);
  }
  return vowel_at(word);
}

void append_arg(std::string_view lang, std::string& out, const std::string& arg)
{
  if (lang == "fr" && starts_with_vowel_sound(arg)
      && (out == "de " || (out.size() > 4 && std::string_view(out).substr(out.size() - 4) == " de "))) {
    out.replace(out.size() - 3, 3, "d'");
  }
  out += arg;
}

} // namespace

std::string tr(std::string_view lang, const util::Message& m)
{
  const CatalogueEntry* entry = find(m.key);
  if (!entry) {
    return m.key;
  }
  const std::string_view text = lang == "fr" ? entry->fr : entry->en;
  std::string out;
  out.reserve(text.size() + 32);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::size_t close = text[i] == '{' ? text.find('}', i) : std::string_view::npos;
    if (close == std::string_view::npos) {
      out += text[i];
      continue;
    }
    const std::string_view name = text.substr(i + 1, close - i - 1);
    const bool part = !name.empty() && name.front() == 'p';
    const std::string_view digits = part ? name.substr(1) : name;
    if (digits.empty() ||
        !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      out += text[i];
      continue;
    }
    const auto index = static_cast<std::size_t>(std::stoul(std::string(digits)));
    if (part && index < m.parts.size()) {
      out += tr(lang, m.parts[index]);
    } else if (!part && index < m.args.size()) {
      append_arg(lang, out, m.args[index]);
    }
    i = close;
  }
  return out;
}

std::string_view colon(std::string_view lang)
{
  return lang == "fr" ? " : " : ": ";
}

std::string_view semicolon(std::string_view lang)
{
  return lang == "fr" ? " ; " : "; ";
}

std::string tr_or(std::string_view lang, std::string_view key, std::string_view fallback)
{
  return has_key(key) ? tr(lang, key) : std::string(fallback);
}

std::string tr_evidence(std::string_view lang, const util::Message& m)
{
  std::string out = tr(lang, m);
  if (m.where.empty()) {
    return out;
  }
  out += " (" + tr_or(lang, "where." + m.where, m.where);
  if (!m.quote.empty()) {
    out += std::string(colon(lang)) + (lang == "fr" ? "« " + m.quote + " »" : "\u201c" + m.quote + "\u201d");
  }
  return out + ")";
}

std::string tr(std::string_view lang, std::string_view key, const std::vector<std::string>& args)
{
  return tr(lang, util::Message{std::string(key), args, {}});
}

} // namespace empreinte::report
