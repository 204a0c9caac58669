// Work spread over threads, results taken in order: used where pages are extracted on every
// core and inserted into one database by one thread.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace empreinte::util {

// Runs produce(i) for i in [0, count) on `threads` workers and consume(i, result) on the
// calling thread in order of i, with at most `window` results waiting: pages are extracted on
// every core and inserted in a fixed order by one thread, memory bounded by the window.
template<typename Produce, typename Consume>
void ordered_parallel(std::size_t count, unsigned threads, const Produce& produce,
                      const Consume& consume)
{
  using Result = decltype(produce(std::size_t{}));
  if (threads <= 1 || count < 2) {
    for (std::size_t i = 0; i < count; ++i) {
      consume(i, produce(i));
    }
    return;
  }
  const std::size_t window = 8 * static_cast<std::size_t>(threads);
  std::mutex mutex;
  std::condition_variable ready;   // a result arrived
  std::condition_variable room;    // the consumer moved on
  std::deque<std::optional<Result>> slots; // slots[k] is the result of index base + k
  std::size_t base = 0;            // next index to consume
  std::size_t next = 0;            // next index to produce
  bool stop = false;
  auto worker = [&] {
    for (;;) {
      std::size_t i = 0;
      {
        std::unique_lock lock(mutex);
        room.wait(lock, [&] { return stop || next >= count || next < base + window; });
        if (stop || next >= count) {
          return;
        }
        i = next++;
        if (slots.size() < i - base + 1) {
          slots.resize(i - base + 1);
        }
      }
      Result r = produce(i);
      {
        std::lock_guard lock(mutex);
        slots[i - base] = std::move(r);
      }
      ready.notify_all();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back(worker);
  }
  struct Joiner
  {
    std::vector<std::thread>& pool;
    std::mutex& mutex;
    bool& stop;
    std::condition_variable& room;
    ~Joiner()
    {
      {
        std::lock_guard lock(mutex);
        stop = true;
      }
      room.notify_all();
      for (auto& th : pool) {
        th.join();
      }
    }
  } joiner{pool, mutex, stop, room};
  for (std::size_t i = 0; i < count; ++i) {
    Result r;
    {
      std::unique_lock lock(mutex);
      ready.wait(lock, [&] { return !slots.empty() && slots.front().has_value(); });
      r = std::move(*slots.front());
      slots.pop_front();
      ++base;
    }
    room.notify_all();
    consume(i, std::move(r));
  }
}

} // namespace empreinte::util
