// Reading the result pages: the stage between search and classification that turns a result's
// ~30-word snippet into the page's whole text and structured signals.
#pragma once

#include "traces/trace.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace empreinte::read {

// One page to read: its URL and, for the offline corpus, its saved copy (relative to the
// corpus folder).
struct ReadRequest
{
  std::string url;
  std::string saved_path;
};

// Reads pages; a page that cannot be read is a status with a reason, never an exception.
class PageReader
{
public:
  virtual ~PageReader() = default;
  // One answer per request, in order.
  virtual std::vector<traces::PageRead> read(const std::vector<ReadRequest>& requests) = 0;
};

// Reads the saved copies of an offline corpus under `root`; a request without one is
// `not_read`.
class SavedPageReader final : public PageReader
{
public:
  explicit SavedPageReader(std::filesystem::path root = {}) : m_root(std::move(root)) {}
  std::vector<traces::PageRead> read(const std::vector<ReadRequest>& requests) override;

private:
  std::filesystem::path m_root;
};

// How much of a page is read and parsed (pages on the web and saved ones alike).
constexpr std::size_t k_max_page_bytes = 2u * 1024 * 1024;

// The page's text and signals from its HTML.
std::shared_ptr<const parse::PageText> parse_page(std::string_view html);

} // namespace empreinte::read
