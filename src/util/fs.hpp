// File-system helpers: whole-file reads, atomic writes, the user's cache directory.
#pragma once

#include "util/result.hpp"

#include <cstdint>
#include <filesystem>
#include <string>

namespace empreinte::util {

// Reads a whole file, refusing more than `max_bytes`: regular files by their size, devices
// and pipes (/dev/zero, a FIFO, /dev/stdin) by stopping there. Errors are input errors.
Result<std::string> read_file(const std::filesystem::path& path,
                              std::uintmax_t max_bytes = 64u * 1024 * 1024);

// The one way files are written: `content` goes to a temporary file beside `path`, which is
// then renamed over `path`, so that readers never see a half-written file. The new file gets
// exactly `mode` (private by default: reports hold personal data). A `path` that exists and
// is not a regular file (a device such as /dev/null, a FIFO, a symbolic link, a folder) is
// refused with an input error and left untouched: renaming over it would replace it.
Status write_file_atomic(const std::filesystem::path& path,
                         const std::string& content,
                         unsigned mode = 0600);

// The same refusal as write_file_atomic's, without writing: for commands that check where
// their output goes before minutes of work. Absent paths and regular files are fine.
Status check_replaceable(const std::filesystem::path& path);

// A unique temporary path beside `path` for atomic replacement.
std::filesystem::path temp_path_beside(const std::filesystem::path& path);

// $XDG_CACHE_HOME/empreinte, else $HOME/.cache/empreinte; created with mode 0700.
Result<std::filesystem::path> cache_dir();

} // namespace empreinte::util
