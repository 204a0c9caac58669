// Temporary files that never outlive the program: removed when it is interrupted (SIGINT,
// SIGTERM, SIGHUP), and those of a killed run removed by the next one.
#pragma once

#include <cstddef>
#include <filesystem>

namespace empreinte::util {

// A temporary file removed when this object dies or the program is interrupted, unless
// released (renamed into place). Creating the object does not create the file.
class TempFile
{
public:
  explicit TempFile(std::filesystem::path path);
  ~TempFile();
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  const std::filesystem::path& path() const { return m_path; }
  // The file is no longer temporary (it was renamed into place): leave it alone.
  void release();

private:
  std::filesystem::path m_path;
  int m_slot = -1; // in the table the signal handler reads; -1 when not registered
};

// Installs the handlers that remove registered temporary files on SIGINT, SIGTERM and SIGHUP
// before dying of the signal as usual, and ignores SIGXFSZ so that a file-size limit makes a
// write fail with an error (which every writer handles) instead of killing the program.
void install_interrupt_cleanup();

// Removes the temporary files (temp_path_beside's "NAME.tmp.PID.N") in `dir` whose process is
// gone and that were left alone for 5 minutes: a run killed outright (SIGKILL, power loss)
// leaves them. Returns how many.
std::size_t remove_stale_temporaries(const std::filesystem::path& dir);

} // namespace empreinte::util
