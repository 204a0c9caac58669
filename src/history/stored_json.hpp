// Lenient reading of what the history stores (reports and records this tool wrote itself) and
// of rules data already checked against its schema: a missing key or a value of another type
// reads as empty or zero, never as an error. Files a person writes are read strictly, with
// util::JsonFields.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace empreinte::history::stored {

// The string at `key`, or "".
std::string str(const nlohmann::json& object, const char* key);

// The number at `key`, or 0.
double number(const nlohmann::json& object, const char* key);

// The number at `key` as an int (a fraction is cut), or 0.
int integer(const nlohmann::json& object, const char* key);

} // namespace empreinte::history::stored
