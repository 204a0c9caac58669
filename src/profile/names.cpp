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
              NameStrength strength)
{
  if (words.empty()) {
    return;
  }
  for (const auto& f : forms) {
    if (f.words == words) {
      return;
    }
  }
  forms.push_back(NameForm{std::move(display), std::move(words), strength});
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
  add_form(forms, display, std::move(forward), strength);
  add_form(forms, display, std::move(reverse), strength);
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

const NameForm* find_name(const std::vector<NameForm>& forms,
                          const std::vector<std::string>& text_words)
{
  const NameForm* best = nullptr;
  for (const auto& form : forms) {
    if ((!best || form.strength < best->strength) && util::contains_words(text_words, form.words)) {
      best = &form;
      if (best->strength == NameStrength::full) {
        break;
      }
    }
  }
  return best;
}

} // namespace empreinte::profile
