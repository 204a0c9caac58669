// jemalloc's settings for the program, read when it starts (before $MALLOC_CONF, which can
// change any of them). Linked into the executable only, when EMPREINTE_JEMALLOC is on.
//
// A run allocates many small blocks (the rules' JSON, patterns, pages), and every fresh 4 KiB
// page of heap costs a page fault: 3,600 of a demo's 4,300, a fifth of its time on this kind
// of machine. thp:always asks the kernel (madvise) for transparent huge pages for jemalloc's
// memory; a machine whose THP setting is "never" ignores it. One arena: the thread caches
// keep the threads off each other's locks, and each further arena brings metadata of its own
// (300 more faults). The demo: 4,300 -> 2,500 faults, 0.139 -> 0.120 s (docs/benchmarks.md,
// the offline corpus at scale, 2026-12-06).
extern "C" {
// The name and type are jemalloc's interface.
const char* malloc_conf = "thp:always,metadata_thp:always,narenas:1";
}
