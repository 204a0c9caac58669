// Error values and Result<T>: how fallible library code reports failure without exceptions.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace empreinte::util {

// Which exit code an error leads to: input and usage errors are the user's to fix (exit 2),
// runtime errors are the environment's (exit 1).
enum class ErrorKind { input, runtime };

// One error, worded for the user: what went wrong, where, and what to do about it.
struct Error
{
  ErrorKind kind = ErrorKind::input;
  std::string what;
  std::string where; // file, JSON path or option; may be empty
  std::string hint;  // what to do; may be empty

  // "what (where): hint", the form main prints after "empreinte: error: ".
  std::string to_string() const;
};

Error input_error(std::string what, std::string where = {}, std::string hint = {});
Error runtime_error(std::string what, std::string where = {}, std::string hint = {});

// A value or an Error.
template<typename T> class [[nodiscard]] Result
{
public:
  Result(T value) : m_data(std::move(value)) {}
  Result(Error error) : m_data(std::move(error)) {}

  bool ok() const { return std::holds_alternative<T>(m_data); }
  explicit operator bool() const { return ok(); }

  T& value() & { assert(ok()); return std::get<T>(m_data); }
  const T& value() const& { assert(ok()); return std::get<T>(m_data); }
  T&& value() && { assert(ok()); return std::get<T>(std::move(m_data)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const { assert(!ok()); return std::get<Error>(m_data); }

private:
  std::variant<T, Error> m_data;
};

// Result of an operation with no value.
struct Unit
{
};
using Status = Result<Unit>;
inline Status ok_status() { return Unit{}; }

} // namespace empreinte::util
