// kainjow-mustache does the templating; an empty string would still open a section, so empty
// values are simply not set.
#include "report/letter.hpp"

#include <kainjow/mustache.hpp>

namespace empreinte::report {

util::Result<std::string> render_letter(const std::string& template_text,
                                        const std::map<std::string, std::string>& values)
{
  kainjow::mustache::mustache tmpl{template_text};
  if (!tmpl.is_valid()) {
    return util::runtime_error("invalid letter template: " + tmpl.error_message());
  }
  kainjow::mustache::data data;
  for (const auto& [key, value] : values) {
    if (!value.empty()) {
      data.set(key, value);
    }
  }
  std::string out = tmpl.render(data);
  if (!tmpl.is_valid()) {
    return util::runtime_error("cannot render letter: " + tmpl.error_message());
  }
  return out;
}

} // namespace empreinte::report
