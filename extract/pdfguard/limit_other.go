//go:build !linux

package pdfguard

import "os"

// limitMemory has no portable hard limit outside Linux; the worker keeps
// the soft limit of debug.SetMemoryLimit.
func limitMemory(int64) error { return nil }

// residentBytes is not watched outside Linux.
func residentBytes(int) int64 { return 0 }

func redirectStdout() *os.File {
	out := os.Stdout
	os.Stdout = os.Stderr
	return out
}
