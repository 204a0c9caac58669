// An answer is saved before the next question: quitting or a Ctrl-C loses nothing answered.
#include "history/review_session.hpp"

#include "history/marks.hpp"
#include "report/i18n.hpp"
#include "util/terminal.hpp"
#include "util/text.hpp"

#include <cmath>

namespace empreinte::history {

using report::tr;
using report::tr_or;

util::Result<ReviewTally> run_review(const std::vector<ReviewItem>& items,
                                     const std::filesystem::path& profile,
                                     const std::string& lang,
                                     ReviewIo& io)
{
  ReviewTally tally;
  io.write(util::wrap(tr(lang, "review.intro", {std::to_string(items.size()), profile.string()}),
                      io.width,
                      "") +
           "\n");
  for (std::size_t i = 0; i < items.size() && !tally.quit; ++i) {
    const ReviewItem& item = items[i];
    // Long titles and reasons are wrapped between words to the terminal's width.
    const auto wrapped = [&](const std::string& text) {
      return "  " + util::wrap(text, io.width, "    ", 2) + "\n";
    };
    io.write("\n" +
             util::wrap(tr(lang,
                           "review.item",
                           {std::to_string(i + 1),
                            std::to_string(items.size()),
                            util::safe_excerpt(item.title.empty() ? item.url : item.title, 300)}),
                        io.width,
                        "    ") +
             "\n");
    io.write(wrapped(util::safe_excerpt(item.url, 400)));
    const std::string risk = item.risk.empty() ? "?" : tr_or(lang, "risk." + item.risk, item.risk);
    const std::string kind = tr_or(lang, "kind_label." + item.kind, item.kind);
    io.write("  " +
             tr(lang,
                "review.facts",
                {std::to_string(static_cast<int>(std::lround(item.about * 100))), risk, kind}) +
             "\n");
    if (!item.evidence.empty()) {
      io.write(wrapped(
          util::safe_excerpt(tr(lang, "review.why", {util::join(item.evidence, report::semicolon(lang))}), 600)));
    }
    if (!item.exposed.empty()) {
      io.write(wrapped(util::safe_excerpt(tr(lang, "review.exposes", {util::join(item.exposed, ", ")}), 400)));
    }
    while (true) {
      io.write(tr(lang, "review.keys") + " ");
      const int key = io.read_key();
      io.write("\n");
      if (key < 0 || key == 'q' || key == 'Q') {
        tally.quit = true;
        break;
      }
      if (key == 'o' || key == 'O') {
        auto opened = io.open(item.url);
        io.write("  " +
                 (opened ? tr(lang, "review.opened")
                         : tr(lang, "review.open_failed", {opened.error().what})) +
                 "\n");
        continue;
      }
      if (key == 's' || key == 'S') {
        ++tally.skipped;
        io.write("  " + tr(lang, "review.skipped") + "\n");
        break;
      }
      if (key == 'm' || key == 'M' || key == 'n' || key == 'N') {
        const bool me = key == 'm' || key == 'M';
        auto written = mark_in_profile(profile, item.url, me ? Mark::me : Mark::not_me);
        if (!written) {
          return written.error();
        }
        ++(me ? tally.me : tally.not_me);
        io.write("  " + tr(lang, me ? "review.saved_me" : "review.saved_not_me") + "\n");
        break;
      }
    }
  }
  io.write("\n" +
           util::wrap(tr(lang,
                         "review.done",
                         {std::to_string(tally.me),
                          std::to_string(tally.not_me),
                          std::to_string(tally.skipped)}),
                      io.width,
                      "") +
           "\n");
  return tally;
}

} // namespace empreinte::history
