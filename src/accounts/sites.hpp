// The account-check site list (rules/accounts.json, rules/accounts-wmn.json): how to ask a site
// whether a pseudonym has an account, and how to read its answer.
#pragma once

#include "util/result.hpp"

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <re2/re2.h>
#include <string>
#include <vector>

namespace empreinte::accounts {

// How a site says "no such account" (schema: detect.method).
enum class Method { status, message, redirect };

struct Detect
{
  Method method = Method::status;
  std::vector<int> found_status;
  std::vector<int> absent_status;
  std::vector<std::string> absent_strings;
  std::vector<std::string> present_strings;
  std::vector<std::string> blocked_strings;
  std::string absent_redirect; // scheme-less prefix, may hold {user}; "" when none
};

struct Site
{
  std::string id;
  std::string name;
  std::string category;
  bool nsfw = false;
  std::string url;   // public profile URL template with {user}
  std::string probe; // URL requested instead of `url`; "" when none
  std::vector<std::string> headers; // "Name: value"
  std::shared_ptr<const re2::RE2> username; // null: any pseudonym applies
  Detect detect;
  std::string known;  // a name with an account
  std::string absent; // a name without one
  std::vector<std::string> protection;
  bool in_default = false;
  std::string licence; // of the file it came from ("MIT", "CC-BY-SA-4.0")

  // True when the site's username rule accepts `name` (no rule: every name).
  bool applies_to(const std::string& pseudonym) const;
  // `url` or `probe` with {user} replaced by the percent-encoded name.
  std::string profile_url(const std::string& pseudonym) const;
  std::string request_url(const std::string& pseudonym) const;
};

// A text that marks a block or challenge page, whichever site sends it.
struct Signature
{
  std::string text;
  std::string protection; // captcha, cloudflare, waf...
};

struct SiteList
{
  std::vector<int> blocked_status;
  std::vector<Signature> signatures;
  std::vector<Site> sites; // sorted by id; ids unique across files
  std::vector<std::string> attributions; // of the files whose licence asks for one

  const Site* find(const std::string& id) const;
};

// Loads rules/accounts.json (with the /blocked part) and, when `extra_path` is not empty, a
// supplementary file of the same schema (accounts-wmn.json). Unknown keys, wrong types, bad
// templates, patterns that do not compile and duplicate ids are errors naming the place.
util::Result<SiteList> load_sites(const std::string& path, const std::string& extra_path = {});

// Same from parsed documents (tests); `extra` may be null.
util::Result<SiteList> sites_from_json(const nlohmann::json& main,
                                       const std::string& source,
                                       const nlohmann::json* extra = nullptr,
                                       const std::string& extra_source = {});

} // namespace empreinte::accounts
