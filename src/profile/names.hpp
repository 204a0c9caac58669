// The ways a person's name can be written, and finding them in text.
#pragma once

#include "profile/profile.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace empreinte::profile {

// How strongly a written form identifies the person.
enum class NameStrength {
  full,   // first and last name, either order ("Hélène Vasseur", "VASSEUR Hélène")
  initial // initial and last name ("H. Vasseur")
};

// One written form of the person's name, as folded words.
struct NameForm
{
  std::string display;            // as written in the profile, for evidence messages
  std::vector<std::string> words; // folded words, in the order to look for
  NameStrength strength = NameStrength::full;
  // Given names first: words[0, split) are given names, words[split, end) the surname, and a
  // middle name or initial may stand between them ("Gregory P. Halvorsen"). 0: no gap allowed.
  std::size_t split = 0;
};

// One place a name form was found: words [pos, pos + len) of the text.
struct NameHit
{
  std::size_t pos = 0;
  std::size_t len = 0;
  const NameForm* form = nullptr;
};

// "First Last" as the person writes it.
std::string full_name(const Profile& profile);

// Every form of the name: first+last and last+first for the main name and each other name
// (an other name of a single word is a surname, combined with the first name), then the
// initial forms. Compound and hyphenated names need nothing special: words ignore hyphens.
std::vector<NameForm> name_forms(const Profile& profile);

// The strongest form found in `text_words` (folded words), or nullptr.
const NameForm* find_name(const std::vector<NameForm>& forms,
                          const std::vector<std::string>& text_words);

// Every place a form is found in `text_words`, in text order (the strongest form at a place).
std::vector<NameHit> find_names(const std::vector<NameForm>& forms,
                                const std::vector<std::string>& text_words);

} // namespace empreinte::profile
