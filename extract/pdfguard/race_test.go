//go:build race

package pdfguard

// raceEnabled: the race detector's own memory does not fit under the
// small limits some tests set.
const raceEnabled = true
