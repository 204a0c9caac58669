#include "history/stored_json.hpp"

namespace empreinte::history::stored {

namespace {

const nlohmann::json* field(const nlohmann::json& object, const char* key)
{
  if (!object.is_object()) {
    return nullptr;
  }
  const auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

} // namespace

std::string str(const nlohmann::json& object, const char* key)
{
  const auto* v = field(object, key);
  return v && v->is_string() ? v->get<std::string>() : std::string();
}

double number(const nlohmann::json& object, const char* key)
{
  const auto* v = field(object, key);
  return v && v->is_number() ? v->get<double>() : 0.0;
}

int integer(const nlohmann::json& object, const char* key)
{
  const auto* v = field(object, key);
  if (!v || !v->is_number()) {
    return 0;
  }
  return v->is_number_integer() ? v->get<int>() : static_cast<int>(v->get<double>());
}

} // namespace empreinte::history::stored
