//go:build !unix

package extract

import "time"

func cpuTime() (time.Duration, bool) { return 0, false }
