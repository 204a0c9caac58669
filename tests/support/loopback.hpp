// Loopback servers for HTTP tests: cpp-httplib on 127.0.0.1 in a thread, and a raw socket
// server that resets every connection. Nothing here leaves the machine.
#pragma once

#include <atomic>
#include <httplib.h>
#include <memory>
#include <string>
#include <thread>

namespace empreinte::test {

// An httplib server on 127.0.0.1, on a free port, serving from a thread until destroyed.
class LoopbackServer
{
public:
  LoopbackServer();
  ~LoopbackServer();
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;

  httplib::Server& http() { return m_server; }
  // Starts serving (register the handlers first).
  void start();
  int port() const { return m_port; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }

private:
  httplib::Server m_server;
  std::thread m_thread;
  int m_port = 0;
};

// Accepts connections, reads the request and resets the connection without answering.
class ResettingServer
{
public:
  ResettingServer();
  ~ResettingServer();
  ResettingServer(const ResettingServer&) = delete;
  ResettingServer& operator=(const ResettingServer&) = delete;
  int port() const { return m_port; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }

private:
  int m_fd = -1;
  int m_port = 0;
  std::atomic<bool> m_stop{false};
  std::thread m_thread;
};

} // namespace empreinte::test
