// libFuzzer target: the profile loader (strict JSON, closed keys, validation). Whatever the
// input, a loaded profile is valid text and renders as JSON. Seeds: training/personas.
#include "fuzz_check.hpp"
#include "profile/profile.hpp"
#include "util/json_fields.hpp"
#include "util/text.hpp"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  using namespace empreinte;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto value = util::parse_json(text, "me.json");
  if (!value) {
    FUZZ_CHECK(value.error().kind == util::ErrorKind::input);
    return 0;
  }
  auto profile = profile::profile_from_json(*value, "me.json");
  if (!profile) {
    FUZZ_CHECK(profile.error().kind == util::ErrorKind::input);
    return 0;
  }
  FUZZ_CHECK(profile::validate(*profile, "me.json").ok());
  for (const auto* s : {&profile->first_name, &profile->last_name, &profile->location}) {
    FUZZ_CHECK(util::text_problem(*s).empty());
  }
  // The report writes the subject back: this must never throw.
  const std::string written = profile::profile_to_json(*profile).dump();
  auto again = profile::profile_from_json(nlohmann::json::parse(written), "again.json");
  FUZZ_CHECK(again.ok());
  return 0;
}
