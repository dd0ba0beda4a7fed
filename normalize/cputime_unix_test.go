//go:build unix

package normalize

import (
	"syscall"
	"time"
)

// cpuTime returns the user and system CPU time of the process so far; on
// a shared machine it measures the work where wall time measures the wait.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
