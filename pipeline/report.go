package pipeline

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
)

// Status values of a SourceReport.
const (
	StatusDone   = "done"
	StatusFailed = "failed"
)

// A SourceReport is the outcome of one source.
type SourceReport struct {
	Source   string `json:"source"`
	Status   string `json:"status"`            // "done" or "failed"
	Outcome  string `json:"outcome,omitempty"` // what the index did: "added", "replaced", "unchanged", …
	Stage    string `json:"stage,omitempty"`   // the stage that failed
	Reason   string `json:"reason,omitempty"`  // why it failed
	Format   string `json:"format,omitempty"`
	Engine   string `json:"engine,omitempty"`
	Gemeente string `json:"gemeente,omitempty"`
	DocYear  int    `json:"doc_year,omitempty"`
	DocKind  string `json:"doc_kind,omitempty"`
	// Undetected lists the document fields detection left undecided.
	Undetected []string      `json:"undetected,omitempty"`
	Pages      int           `json:"pages"`
	Records    int           `json:"records"`
	Passages   int           `json:"passages"`
	Skipped    int           `json:"skipped"`  // table cells that gave no figure
	Warnings   int           `json:"warnings"` // extraction warnings and unreadable cells
	Took       time.Duration `json:"took"`
}

// Report is the outcome of a run.
type Report struct {
	Sources  []SourceReport
	Done     int
	Failed   int
	Pages    int
	Records  int
	Passages int
	Skipped  int
	Warnings int
	Started  time.Time
	Elapsed  time.Duration
	Canceled bool // the run was interrupted; Sources holds what finished
}

// Err returns ErrSomeFailed when a source failed, else nil.
func (r *Report) Err() error {
	if r.Failed > 0 {
		return fmt.Errorf("%w: %d of %d", ErrSomeFailed, r.Failed, r.Failed+r.Done)
	}
	return nil
}

func (r *Report) add(s SourceReport) {
	r.Sources = append(r.Sources, s)
	if s.Status == StatusFailed {
		r.Failed++
	} else {
		r.Done++
	}
	r.Pages += s.Pages
	r.Records += s.Records
	r.Passages += s.Passages
	r.Skipped += s.Skipped
	r.Warnings += s.Warnings
}

func sourceReport(it *Item) SourceReport {
	r := SourceReport{Source: it.Source.Location, Status: StatusDone, Outcome: it.Outcome, Took: time.Since(it.Started)}
	if it.Raw.Format != "" {
		r.Format = string(it.Raw.Format)
	}
	if d := it.Doc; d != nil {
		r.Format = string(d.Format)
		r.Engine = d.Engine
		r.Gemeente, r.DocYear, r.DocKind = d.Gemeente, d.DocYear, d.DocKind
		r.Pages = d.Pages
		r.Warnings = len(d.Warnings)
		if d.Gemeente == "" && d.GemeenteCode == "" {
			r.Undetected = append(r.Undetected, "gemeente")
		}
		if d.DocYear == 0 {
			r.Undetected = append(r.Undetected, "doc_year")
		}
		if d.DocKind == "" {
			r.Undetected = append(r.Undetected, "doc_kind")
		}
	}
	r.Records = len(it.Norm.Records)
	r.Passages = len(it.Norm.Passages)
	r.Skipped = it.Norm.Skipped
	r.Warnings += len(it.Norm.Errors)
	if it.Err != nil {
		r.Status = StatusFailed
		r.Stage = it.Err.Stage
		r.Reason = it.Err.Error()
	}
	return r
}

// Write prints the report for a person: failed sources with their reasons,
// sources whose gemeente, year or kind could not be detected, and totals.
func (r *Report) Write(w io.Writer) error {
	var b strings.Builder
	if r.Failed > 0 {
		fmt.Fprintf(&b, "failed (%d):\n", r.Failed)
		for _, s := range r.Sources {
			if s.Status == StatusFailed {
				fmt.Fprintf(&b, "  %s\n", s.Reason)
			}
		}
	}
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	undetected := 0
	for _, s := range r.Sources {
		if s.Status == StatusDone && len(s.Undetected) > 0 {
			if undetected == 0 {
				fmt.Fprintln(tw, "not detected (give --gemeente, --year, --kind or a manifest):")
			}
			undetected++
			fmt.Fprintf(tw, "  %s\t%s\n", s.Source, strings.Join(s.Undetected, ", "))
		}
	}
	tw.Flush()
	outcomes := map[string]int{}
	for _, s := range r.Sources {
		if s.Status == StatusDone && s.Outcome != "" {
			outcomes[s.Outcome]++
		}
	}
	var oc []string
	for _, k := range []string{"added", "replaced", "unchanged", "duplicate"} {
		if outcomes[k] > 0 {
			oc = append(oc, fmt.Sprintf("%d %s", outcomes[k], k))
		}
	}
	state := "done"
	if r.Canceled {
		state = "interrupted"
	}
	fmt.Fprintf(&b, "%s: %d sources done, %d failed", state, r.Done, r.Failed)
	if len(oc) > 0 {
		fmt.Fprintf(&b, " (%s)", strings.Join(oc, ", "))
	}
	fmt.Fprintf(&b, "; %d pages, %d figures, %d passages, %d cells skipped, %d warnings in %s\n",
		r.Pages, r.Records, r.Passages, r.Skipped, r.Warnings, r.Elapsed.Round(time.Millisecond))
	_, err := io.WriteString(w, b.String())
	return err
}
