// Saved pages are read with the same limits as pages fetched from the web, so an offline
// audit judges exactly what an online one would.
#include "read/page_reader.hpp"

#include "util/fs.hpp"
#include "util/text.hpp"

namespace empreinte::read {

std::shared_ptr<const parse::PageText> parse_page(std::string_view html)
{
  parse::PageLimits limits;
  limits.max_html_bytes = k_max_page_bytes;
  limits.signals = true;
  const std::string text = util::is_valid_utf8(html) ? std::string(html) : util::latin1_to_utf8(html);
  return std::make_shared<const parse::PageText>(parse::extract_page(text, limits));
}

std::vector<traces::PageRead> SavedPageReader::read(const std::vector<ReadRequest>& requests)
{
  std::vector<traces::PageRead> out;
  out.reserve(requests.size());
  for (const auto& r : requests) {
    traces::PageRead page;
    page.saved_path = r.saved_path;
    if (r.saved_path.empty()) {
      page.reason = "no saved copy of this page";
      out.push_back(std::move(page));
      continue;
    }
    // The corpus index checked the file when it was built; reading it again may still fail.
    auto html = util::read_file(m_root / r.saved_path, 16u * 1024 * 1024);
    if (!html) {
      page.status = traces::PageStatus::error;
      page.reason = html.error().what;
    } else {
      page.status = traces::PageStatus::read;
      page.content = parse_page(*html);
    }
    out.push_back(std::move(page));
  }
  return out;
}

} // namespace empreinte::read
