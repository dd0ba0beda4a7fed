package pdfguard

import (
	"os"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

// limitMemory caps the worker's writable private memory (RLIMIT_DATA:
// the Go heap, wazero's memories, every anonymous mapping, but not the
// address space reserved and never used) at limit bytes, so an
// allocation past it fails at once rather than after the machine swaps.
func limitMemory(limit int64) error {
	return unix.Setrlimit(unix.RLIMIT_DATA, &unix.Rlimit{Cur: uint64(limit), Max: uint64(limit)})
}

// residentBytes returns the resident memory of process pid, 0 when it
// cannot be read.
func residentBytes(pid int) int64 {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/statm")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return 0
	}
	pages, _ := strconv.ParseInt(f[1], 10, 64)
	return pages * int64(os.Getpagesize())
}

// redirectStdout returns a file on the process's stdout and points
// descriptor 1 and os.Stdout at stderr.
func redirectStdout() *os.File {
	fd, err := unix.Dup(1)
	if err != nil {
		return os.Stdout
	}
	unix.Dup2(2, 1)
	out := os.NewFile(uintptr(fd), "reply")
	os.Stdout = os.Stderr
	return out
}
