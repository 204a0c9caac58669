// Is the profile enough to tell the person from their namesakes?
#pragma once

#include "profile/profile.hpp"
#include "util/message.hpp"

#include <optional>

namespace empreinte::score {

// A warning naming what to add when nothing in the profile but the name can confirm a page or
// set a namesake's aside (no location, job, birth year, pseudonym, e-mail or phone); nullopt
// when the profile gives at least two of them.
std::optional<util::Message> thin_profile_warning(const profile::Profile& profile);

} // namespace empreinte::score
