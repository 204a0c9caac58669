// The compiled form of a Selector: what css_compile.cpp produces and css_select.cpp matches.
#pragma once

#include "parse/css_select.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace empreinte::parse {

// How an attribute test compares the element's value with the selector's.
enum class AttrOp { exists, equals, prefix, contains, word };

// One `[name op value]` test; `name` is lower-case (Gumbo lower-cases HTML attribute names).
struct AttrTest
{
  std::string name;
  AttrOp op = AttrOp::exists;
  std::string value;
};

// A compound selector: every test must hold for the same element.
struct Compound
{
  std::string tag; // lower-case; empty for `*` or no type selector
  std::vector<std::string> classes;
  std::vector<std::string> ids;
  std::vector<AttrTest> attributes;
  std::vector<Compound> negations; // :not(x, y): the element matches none of them
};

// How a compound relates to the compound on its left.
enum class Combinator { none, descendant, child };

// One compound of a complex selector, in left-to-right order.
struct Step
{
  Compound compound;
  Combinator combinator = Combinator::none; // none: first compound of its complex selector
  bool subject = false;                     // the rightmost compound: a match of the whole
};

// Every complex selector of the list, steps concatenated; at most k_max_steps so that the set
// of satisfied steps fits a 64-bit mask.
struct CompiledSelector
{
  static constexpr std::size_t k_max_steps = 64;
  std::vector<Step> steps;
};

using StepMask = std::uint64_t;

} // namespace empreinte::parse
