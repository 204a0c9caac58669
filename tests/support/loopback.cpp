// Bounded: every server stops with its owner, and binds only 127.0.0.1.
#include "support/loopback.hpp"

#include <arpa/inet.h>
#include <chrono>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace empreinte::test {

LoopbackServer::LoopbackServer()
{
  m_server.set_tcp_nodelay(true); // else Nagle and delayed ACKs add ~40 ms to every reply
  // The engine accepts every encoding curl has, and Debian's cpp-httplib answers "br" with
  // Brotli at its slowest quality: 80 % of a loopback audit's CPU went to compressing the
  // fixtures. The server sees "gzip" instead (still a compressed answer the engine decodes).
  // The request is not const in cpp-httplib (a local of its connection loop), only the
  // handler's view of it, so rewriting it here is defined.
  m_server.set_pre_routing_handler([](const httplib::Request& req, httplib::Response&) {
    auto& headers = const_cast<httplib::Request&>(req).headers;
    const auto accepted = headers.find("Accept-Encoding");
    if (accepted != headers.end() && accepted->second.find("br") != std::string::npos) {
      const bool gzip = accepted->second.find("gzip") != std::string::npos;
      headers.erase(accepted);
      if (gzip) {
        headers.emplace("Accept-Encoding", "gzip");
      }
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  m_port = m_server.bind_to_any_port("127.0.0.1");
  // cpp-httplib listens with a backlog of 5: more simultaneous connects lose SYNs and wait for
  // the kernel's retransmission (1 s, then 3 s). Calling listen() again raises the backlog of
  // every listening socket of this process (raising it is harmless for the others).
  for (int fd = 3; fd < 1024; ++fd) {
    int accepting = 0;
    socklen_t len = sizeof accepting;
    if (::getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &accepting, &len) == 0 && accepting) {
      ::listen(fd, 256);
    }
  }
}

void LoopbackServer::start()
{
  m_thread = std::thread([this] { m_server.listen_after_bind(); });
  // cpp-httplib 0.11 has no wait_until_ready(); is_running() turns true once listening.
  for (int i = 0; i < 500 && !m_server.is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

LoopbackServer::~LoopbackServer()
{
  m_server.stop();
  if (m_thread.joinable()) {
    m_thread.join();
  }
}

ResettingServer::ResettingServer()
{
  m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  ::bind(m_fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  ::listen(m_fd, 16);
  socklen_t len = sizeof addr;
  ::getsockname(m_fd, reinterpret_cast<sockaddr*>(&addr), &len);
  m_port = ntohs(addr.sin_port);
  const int fd = m_fd;
  m_thread = std::thread([fd, this] {
    while (!m_stop) {
      pollfd p{fd, POLLIN, 0};
      if (::poll(&p, 1, 100) < 0 || (p.revents & (POLLERR | POLLNVAL))) {
        return;
      }
      if (!(p.revents & POLLIN)) {
        continue;
      }
      const int c = ::accept(fd, nullptr, nullptr);
      if (c < 0) {
        return; // the listening socket was shut down
      }
      char buf[4096];
      (void)::recv(c, buf, sizeof buf, 0);
      linger l{1, 0}; // close with RST: a reset connection
      ::setsockopt(c, SOL_SOCKET, SO_LINGER, &l, sizeof l);
      ::close(c);
    }
  });
}

ResettingServer::~ResettingServer()
{
  m_stop = true; // the accept loop polls every 100 ms
  ::shutdown(m_fd, SHUT_RDWR);
  if (m_thread.joinable()) {
    m_thread.join();
  }
  ::close(m_fd);
}

} // namespace empreinte::test
