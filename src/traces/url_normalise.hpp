// One spelling per page: URL normalisation, registrable domains, stable trace ids.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace empreinte::traces {

// The normalised form of an http(s) URL: lower-case scheme and host, no default port, no
// fragment, no tracking parameters (utm_*, fbclid, gclid, ...), no trailing slash except
// for the root; mobile hosts (m., mobile., touch., mbasic.) and the locale hosts of sites
// whose locale subdomains mirror one page (fr-fr.facebook.com, uk.linkedin.com,
// old.reddit.com) become www.; AMP copies become the page they copy (cdn.ampproject.org,
// google.com/amp/s/, a trailing /amp, amp=1). nullopt when `url` is not an absolute http(s)
// URL.
std::optional<std::string> normalise_url(std::string_view url);

// The registrable domain of a host ("www.bbc.co.uk" -> "bbc.co.uk") from the Public Suffix
// List (libpsl); empty for IP addresses and bare public suffixes.
std::string registrable_domain(std::string_view host);

// "t" and 12 hex digits of the normalised URL's hash.
std::string trace_id(std::string_view normalised_url);

} // namespace empreinte::traces
