// Plain POSIX I/O where atomicity and permissions matter, std::filesystem elsewhere.
#include "util/fs.hpp"

#include "util/temp_files.hpp"

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace empreinte::util {

Result<std::string> read_file(const fs::path& path, std::uintmax_t max_bytes)
{
  // One bounded loop for every kind of file: a device or a pipe has no size to check first
  // (/dev/zero would otherwise be read until memory runs out).
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    struct stat st{};
    if (err == ENOENT && ::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
      return input_error("file not found (a broken link)", path.string(), "check the link");
    }
    if (err == ENOENT || err == ENOTDIR) {
      return input_error("file not found", path.string(), "check the path");
    }
    if (err == ELOOP) {
      return input_error("symbolic link loop", path.string(), "check the links");
    }
    return input_error(std::string("cannot read file: ") + std::strerror(err),
                       path.string(),
                       "check its permissions");
  }
  struct Closer
  {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st{};
  if (::fstat(fd, &st) != 0) {
    return input_error(std::string("cannot read file: ") + std::strerror(errno), path.string());
  }
  if (S_ISDIR(st.st_mode)) {
    return input_error("is a directory, not a file", path.string(), "give a file path");
  }
  auto too_large = [&](const std::string& size) {
    return input_error("file too large (" + size + " bytes, limit " + std::to_string(max_bytes)
                         + ")",
                       path.string(),
                       "give a smaller file");
  };
  if (S_ISREG(st.st_mode) && static_cast<std::uintmax_t>(st.st_size) > max_bytes) {
    return too_large(std::to_string(st.st_size));
  }
  std::string out;
  if (S_ISREG(st.st_mode)) {
    out.reserve(static_cast<std::size_t>(st.st_size));
  }
  char buffer[65536];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      return input_error(std::string("read error: ") + std::strerror(errno),
                         path.string(),
                         "check the file and the disk");
    }
    if (n == 0) {
      break;
    }
    if (out.size() + static_cast<std::size_t>(n) > max_bytes) {
      return too_large("more than " + std::to_string(max_bytes));
    }
    out.append(buffer, static_cast<std::size_t>(n));
  }
  return out;
}

fs::path temp_path_beside(const fs::path& path)
{
  static std::atomic<unsigned> counter{0};
  return path.parent_path()
         / (path.filename().string() + ".tmp." + std::to_string(::getpid()) + "."
            + std::to_string(counter++));
}

namespace {

// What lstat says `path` is, in words, when it is something rename() must not replace.
std::optional<std::string> not_a_regular_file(const fs::path& path)
{
  struct stat st{};
  if (::lstat(path.c_str(), &st) != 0 || S_ISREG(st.st_mode)) {
    return std::nullopt; // absent (or unknowable: open and rename will say) or a plain file
  }
  if (S_ISLNK(st.st_mode)) {
    return "a symbolic link";
  }
  if (S_ISDIR(st.st_mode)) {
    return "a folder";
  }
  if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) {
    return "a device";
  }
  if (S_ISFIFO(st.st_mode)) {
    return "a named pipe (FIFO)";
  }
  if (S_ISSOCK(st.st_mode)) {
    return "a socket";
  }
  return "not a regular file";
}

Error refuse(const fs::path& path, const std::string& what)
{
  return input_error("will not replace " + what + " with a file",
                     path.string(),
                     "give the path of a regular file (for a link, its target's path)");
}

} // namespace

Status check_replaceable(const fs::path& path)
{
  if (auto what = not_a_regular_file(path)) {
    return refuse(path, *what);
  }
  return ok_status();
}

Status write_file_atomic(const fs::path& path, const std::string& content, unsigned mode)
{
  if (auto what = not_a_regular_file(path)) {
    return refuse(path, *what);
  }
  TempFile guard(temp_path_beside(path)); // removed on failure or interruption
  const fs::path& tmp = guard.path();
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) {
    return runtime_error(std::string("cannot create file: ") + std::strerror(errno),
                         path.string(),
                         "check that the folder exists and is writable");
  }
  // Exactly `mode`, whatever the umask.
  if (::fchmod(fd, static_cast<mode_t>(mode)) != 0) {
    const std::string reason = std::strerror(errno);
    ::close(fd);
    return runtime_error("cannot set permissions: " + reason, path.string(), "check the folder");
  }
  const char* data = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, data, left);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      const std::string reason = std::strerror(errno);
      ::close(fd);
      return runtime_error("cannot write file: " + reason, path.string(), "check free disk space");
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    return runtime_error("cannot flush file", path.string(), "check free disk space");
  }
  // Checked again just before the rename: the target may have changed while writing.
  if (auto what = not_a_regular_file(path)) {
    return refuse(path, *what);
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const std::string reason = std::strerror(errno);
    return runtime_error("cannot replace file: " + reason, path.string(), "check permissions");
  }
  guard.release();
  return ok_status();
}

Result<fs::path> cache_dir()
{
  fs::path base;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg == '/') {
    base = xdg;
  } else if (const char* home = std::getenv("HOME"); home && *home) {
    base = fs::path(home) / ".cache";
  } else {
    return runtime_error("no cache directory: neither XDG_CACHE_HOME nor HOME is set",
                         {},
                         "set XDG_CACHE_HOME to a writable directory");
  }
  const fs::path dir = base / "empreinte";
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    return runtime_error("cannot create cache directory: " + ec.message(),
                         dir.string(),
                         "set XDG_CACHE_HOME to a writable directory");
  }
  ::chmod(dir.c_str(), 0700);
  return dir;
}

} // namespace empreinte::util
