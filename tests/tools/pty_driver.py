#!/usr/bin/env python3
"""Runs a program on a pseudo-terminal, as a person at a keyboard would, for the end-to-end
tests of `empreinte review` and of Ctrl-C during an audit.

Usage: pty_driver.py [--wait TEXT [--after S] --send KEYS]... [--timeout S] -- PROGRAM ARGS...

Each --wait/--send pair waits until TEXT has appeared in the output (counting from after the
previous match; "" matches at once), then S seconds more with --after, and then types KEYS;
"^C" in KEYS is Ctrl-C. The transcript goes to stdout; the
exit status is the program's, or 128 + signal when a signal ended it, or 124 on a timeout."""
import os
import pty
import select
import signal
import sys
import time


def main():
    args = sys.argv[1:]
    steps = []
    timeout = 20.0
    while args and args[0] != "--":
        if args[0] == "--wait":
            steps.append([args[1], None, 0.0])
            args = args[2:]
        elif args[0] == "--after":
            steps[-1][2] = float(args[1])
            args = args[2:]
        elif args[0] == "--send":
            steps[-1][1] = args[1].replace("^C", "\x03")
            args = args[2:]
        elif args[0] == "--timeout":
            timeout = float(args[1])
            args = args[2:]
        else:
            sys.exit(f"pty_driver.py: unknown option {args[0]}")
    command = args[1:]
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(command[0], command)
    transcript = b""
    searched_from = 0
    deadline = time.monotonic() + timeout
    status = None
    while True:
        if steps:
            wanted = steps[0][0].encode()
            at = transcript.find(wanted, searched_from)
            if at >= 0:
                searched_from = at + len(wanted)
                _, keys, after = steps.pop(0)
                time.sleep(0.05 + after)
                os.write(fd, (keys or "").encode())
                continue
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            sys.stdout.buffer.write(transcript)
            print("\npty_driver.py: timed out", file=sys.stderr)
            sys.exit(124)
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # EIO: the child closed the terminal
                chunk = b""
            if not chunk:
                break
            transcript += chunk
    _, status = os.waitpid(pid, 0)
    sys.stdout.buffer.write(transcript)
    sys.stdout.flush()
    if os.WIFSIGNALED(status):
        sys.exit(128 + os.WTERMSIG(status))
    sys.exit(os.WEXITSTATUS(status))


if __name__ == "__main__":
    main()
