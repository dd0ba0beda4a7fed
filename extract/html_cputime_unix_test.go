//go:build unix

package extract

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time this process has used, so a benchmark on a
// busy machine can report throughput per CPU second next to wall time.
func cpuTime() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
