// "This page is me / is not me": the profile's is_me and not_me, written back to the profile
// file without touching the rest of it.
#pragma once

#include "util/result.hpp"

#include <filesystem>
#include <string>

namespace empreinte::history {

enum class Mark { me, not_me };

// Puts `url` (normalised, as in reports) into the profile's is_me or not_me and takes it out of
// the other list (any spelling that normalises to it). The file keeps its other keys, their
// order and its mode; it is replaced atomically, and only with a profile that still loads.
// Returns false when the profile already said so (nothing written).
util::Result<bool>
mark_in_profile(const std::filesystem::path& profile, const std::string& url, Mark mark);

} // namespace empreinte::history
