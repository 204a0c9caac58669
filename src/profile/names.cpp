// Names are compared as folded word sequences, so case, accents, hyphens and commas never matter.
#include "profile/names.hpp"

#include "util/text.hpp"

#include <algorithm>

namespace empreinte::profile {

std::string full_name(const Profile& profile)
{
  return util::squeeze_spaces(profile.first_name + " " + profile.last_name);
}

namespace {

void add_form(std::vector<NameForm>& forms,
              std::string display,
              std::vector<std::string> words,
              NameStrength strength,
              std::size_t split = 0)
{
  if (words.empty()) {
    return;
  }
  for (const auto& f : forms) {
    if (f.words == words) {
      return;
    }
  }
  forms.push_back(NameForm{std::move(display), std::move(words), strength, split});
}

// German umlauts are also written as digraphs: "Müller" is "Mueller" on many pages, while
// folding gives "muller". Returns the digraph spelling, or "" when the name has no umlaut.
std::string umlaut_digraphs(const std::string& name)
{
  std::string out;
  bool changed = false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const std::string_view rest = std::string_view(name).substr(i);
    bool replaced = false;
    for (const auto& [from, to] : {std::pair<std::string_view, std::string_view>{"ä", "ae"},
                                   {"ö", "oe"}, {"ü", "ue"}, {"Ä", "Ae"}, {"Ö", "Oe"}, {"Ü", "Ue"}}) {
      if (rest.substr(0, from.size()) == from) {
        out += to;
        i += from.size() - 1;
        replaced = changed = true;
        break;
      }
    }
    if (!replaced) {
      out += name[i];
    }
  }
  return changed ? out : std::string();
}

void add_both_orders(std::vector<NameForm>& forms,
                     const std::string& first,
                     const std::string& last,
                     NameStrength strength,
                     const std::string& display)
{
  auto f = util::words(first);
  auto l = util::words(last);
  if (f.empty() || l.empty()) {
    return;
  }
  std::vector<std::string> forward = f;
  forward.insert(forward.end(), l.begin(), l.end());
  std::vector<std::string> reverse = l;
  reverse.insert(reverse.end(), f.begin(), f.end());
  add_form(forms, display, std::move(forward), strength, f.size());
  add_form(forms, display, std::move(reverse), strength);
  const std::string first2 = umlaut_digraphs(first);
  const std::string last2 = umlaut_digraphs(last);
  if (!first2.empty() || !last2.empty()) {
    add_both_orders(forms, first2.empty() ? first : first2, last2.empty() ? last : last2, strength,
                    display);
  }
}

} // namespace

std::vector<NameForm> name_forms(const Profile& profile)
{
  std::vector<NameForm> forms;
  add_both_orders(
    forms, profile.first_name, profile.last_name, NameStrength::full, full_name(profile));
  std::vector<std::string> surnames{profile.last_name};
  for (const auto& other : profile.other_names) {
    const auto w = util::words(other);
    if (w.size() == 1) {
      surnames.push_back(other);
      add_both_orders(forms,
                      profile.first_name,
                      other,
                      NameStrength::full,
                      util::squeeze_spaces(profile.first_name + " " + other));
    } else if (w.size() > 1) {
      // "Camille Roux": the last word is the surname, the rest the given names.
      const auto space = util::squeeze_spaces(other).rfind(' ');
      const std::string trimmed = util::squeeze_spaces(other);
      if (space == std::string::npos) {
        add_form(forms, trimmed, w, NameStrength::full);
      } else {
        surnames.push_back(trimmed.substr(space + 1));
        add_both_orders(
          forms, trimmed.substr(0, space), trimmed.substr(space + 1), NameStrength::full, trimmed);
      }
    }
  }
  // Initial forms: "H. Vasseur", "J.-P. Martin" ("j p martin").
  const auto first_words = util::words(profile.first_name);
  if (!first_words.empty()) {
    std::vector<std::string> initials;
    for (const auto& w : first_words) {
      initials.push_back(util::first_char(w));
    }
    for (const auto& surname : surnames) {
      const auto l = util::words(surname);
      if (l.empty()) {
        continue;
      }
      for (const auto& lead : {std::vector<std::string>{initials.front()}, initials}) {
        const std::string display = util::first_char(profile.first_name) + ". " + surname;
        std::vector<std::string> forward = lead;
        forward.insert(forward.end(), l.begin(), l.end());
        std::vector<std::string> reverse = l; // "VASSEUR H." in directories
        reverse.insert(reverse.end(), lead.begin(), lead.end());
        add_form(forms, display, std::move(forward), NameStrength::initial);
        add_form(forms, display, std::move(reverse), NameStrength::initial);
      }
    }
  }
  return forms;
}

namespace {

// Words that join two people's names rather than a middle name: "Claire et Paul Dumontet".
bool is_joiner(const std::string& w)
{
  return w == "et" || w == "and" || w == "ou" || w == "or" || w == "und" || w == "y";
}

// Length of the form's match at `pos` (0: none). A forward form may skip one middle name or up
// to two initials between the given names and the surname.
std::size_t match_at(const NameForm& form, const std::vector<std::string>& text, std::size_t pos)
{
  const auto& w = form.words;
  if (pos + w.size() > text.size()) {
    return 0;
  }
  std::size_t k = 0;
  while (k < w.size() && text[pos + k] == w[k]) {
    ++k;
  }
  if (k == w.size()) {
    return w.size();
  }
  if (form.split == 0 || k != form.split) {
    return 0;
  }
  for (std::size_t gap = 1; gap <= 2; ++gap) {
    if (pos + w.size() + gap > text.size()) {
      break;
    }
    bool ok = true;
    for (std::size_t g = 0; g < gap && ok; ++g) {
      const std::string& middle = text[pos + k + g];
      ok = !is_joiner(middle) && (gap == 1 || middle.size() == 1);
    }
    for (std::size_t j = k; j < w.size() && ok; ++j) {
      ok = text[pos + j + gap] == w[j];
    }
    if (ok) {
      return w.size() + gap;
    }
  }
  return 0;
}

} // namespace

const NameForm* find_name(const std::vector<NameForm>& forms,
                          const std::vector<std::string>& text_words)
{
  const NameForm* best = nullptr;
  for (const auto& form : forms) {
    if (best && form.strength >= best->strength) {
      continue;
    }
    for (std::size_t pos = 0; pos < text_words.size(); ++pos) {
      if (text_words[pos] == form.words.front() && match_at(form, text_words, pos)) {
        best = &form;
        break;
      }
    }
    if (best && best->strength == NameStrength::full) {
      break;
    }
  }
  return best;
}

std::vector<NameHit> find_names(const std::vector<NameForm>& forms,
                                const std::vector<std::string>& text_words)
{
  std::vector<NameHit> hits;
  for (std::size_t pos = 0; pos < text_words.size(); ++pos) {
    NameHit best;
    for (const auto& form : forms) {
      if (text_words[pos] != form.words.front()
          || (best.form && form.strength >= best.form->strength)) {
        continue;
      }
      if (const std::size_t len = match_at(form, text_words, pos)) {
        best = NameHit{pos, len, &form};
      }
    }
    if (best.form) {
      hits.push_back(best);
      pos += best.len - 1;
    }
  }
  return hits;
}

} // namespace empreinte::profile
