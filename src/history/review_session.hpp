// The "is this me?" session: one question per uncertain page, each answer written to the
// profile at once. Input and output are functions, so that tests drive it without a terminal.
#pragma once

#include "history/review.hpp"
#include "util/result.hpp"

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace empreinte::history {

struct ReviewIo
{
  std::function<int()> read_key;                        // a key, or -1 when input ends
  std::function<void(std::string_view)> write;          // to the person
  std::function<util::Status(const std::string&)> open; // opens a URL in a browser
  std::size_t width = 80;                               // where lines are wrapped
};

struct ReviewTally
{
  int me = 0;
  int not_me = 0;
  int skipped = 0;
  bool quit = false;
};

// Asks about every item: m (me), n (not me), s (skip), o (open, then ask again), q (quit).
// Other keys ask again. Each m or n is written to `profile` before the next question.
util::Result<ReviewTally> run_review(const std::vector<ReviewItem>& items,
                                     const std::filesystem::path& profile,
                                     const std::string& lang,
                                     ReviewIo& io);

} // namespace empreinte::history
