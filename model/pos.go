package model

import (
	"errors"
	"fmt"
	"strings"
)

// Pos locates a cell or text run. Page and Table count from 1 (0: none, as in
// HTML or prose); Row and Col count from 0, header rows included.
type Pos struct {
	Page  int `json:"page"`
	Table int `json:"table"`
	Row   int `json:"row"`
	Col   int `json:"col"`
}

// String prints the non-zero parts of p: "page 3, table 2, row 4, col 1".
// Row and Col are printed whenever Table is set, as 0 is a real row.
func (p Pos) String() string {
	var parts []string
	if p.Page > 0 {
		parts = append(parts, fmt.Sprintf("page %d", p.Page))
	}
	if p.Table > 0 {
		parts = append(parts, fmt.Sprintf("table %d, row %d, col %d", p.Table, p.Row, p.Col))
	}
	return strings.Join(parts, ", ")
}

// Stage names used in SourceError.Stage.
const (
	StageFetch     = "fetch"
	StageExtract   = "extract"
	StageNormalize = "normalize"
	StageIndex     = "index"
)

// A SourceError says why a stage failed on one source, and where.
type SourceError struct {
	Source string // URL or path, as in Record.Source
	Stage  string // "fetch", "extract", "normalize" or "index"
	Pos           // zero when the failure has no place
	Err    error  // the cause; Unwrap returns it
}

// Error prints "jaarstukken-2022.pdf: page 3, table 2, row 4, col 1: normalize: …",
// leaving out the parts that are zero.
func (e *SourceError) Error() string {
	var b strings.Builder
	if e.Source != "" {
		b.WriteString(e.Source)
		b.WriteString(": ")
	}
	if p := e.Pos.String(); p != "" {
		b.WriteString(p)
		b.WriteString(": ")
	}
	if e.Stage != "" {
		b.WriteString(e.Stage)
		b.WriteString(": ")
	}
	if e.Err != nil {
		// The cause often starts with its package prefix ("extract: …"),
		// which would repeat the stage name.
		msg := e.Err.Error()
		if e.Stage != "" {
			msg = strings.TrimPrefix(msg, e.Stage+": ")
		}
		b.WriteString(msg)
	} else {
		b.WriteString("unknown error")
	}
	return b.String()
}

// Unwrap returns the cause, so callers can test sentinels with errors.Is.
func (e *SourceError) Unwrap() error { return e.Err }

// Errorf returns a SourceError for source at pos in stage, with a cause
// formatted as fmt.Errorf would (so %w wraps).
func Errorf(source, stage string, pos Pos, format string, args ...any) *SourceError {
	return &SourceError{Source: source, Stage: stage, Pos: pos, Err: fmt.Errorf(format, args...)}
}

// AsSourceError returns err as a *SourceError, wrapping it with source and
// stage when it is not one yet. It returns nil for a nil err.
func AsSourceError(err error, source, stage string) *SourceError {
	if err == nil {
		return nil
	}
	var se *SourceError
	if errors.As(err, &se) {
		return se
	}
	return &SourceError{Source: source, Stage: stage, Err: err}
}
