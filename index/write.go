package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/blevesearch/bleve/v2"

	"github.com/jaarzoek/jaarzoek/model"
)

// A Doc is the content of one source, ready to be indexed.
type Doc struct {
	Source   string        // the source as the run names it: the key of the document in the index
	Info     model.DocInfo // Info.Doc (the hash of the bytes) is required
	Hints    model.Hints   // the hints the document fields were decided with; see Unchanged
	Title    string
	Pages    int    // PDF pages; 0 for HTML
	Engine   string // what read the bytes
	Passages []model.Passage
	Records  []model.Record
	Warnings int // problems that did not stop the extraction
	Skipped  int // table cells that gave no figure
}

// An Outcome says what Put did with a document.
type Outcome string

// Outcomes of Put.
const (
	Added     Outcome = "added"     // a source seen for the first time
	Replaced  Outcome = "replaced"  // the source held other bytes (or other document fields); the old content is gone
	Unchanged Outcome = "unchanged" // the same bytes and fields as before: nothing written
	Duplicate Outcome = "duplicate" // the same bytes are indexed under another source; only this source's status written
)

// A Failure says why a source could not be indexed.
type Failure struct {
	Source string
	Info   model.DocInfo // what was known when it failed; may be empty
	Stage  string        // "fetch", "extract", "normalize" or "index"
	Reason string
}

// DocStatus is what the index knows about one source: the outcome of its
// last ingest and what it holds. Counts are of the last successful ingest.
type DocStatus struct {
	Source string `json:"source"`
	model.DocInfo
	Status   string    `json:"status"`          // "done" or "failed"
	Stage    string    `json:"stage,omitempty"` // the stage that failed
	Reason   string    `json:"reason,omitempty"`
	Title    string    `json:"title,omitempty"`
	Pages    int       `json:"pages"`
	Passages int       `json:"passages"`
	Records  int       `json:"records"`
	Warnings int       `json:"warnings"`
	Skipped  int       `json:"skipped"`
	Engine   string    `json:"engine,omitempty"`
	Gaps     []string  `json:"gaps,omitempty"` // document fields detection left undecided: gemeente, doc_year, doc_kind
	Updated  time.Time `json:"updated"`
}

// Status values of DocStatus.
const (
	StatusDone   = "done"
	StatusFailed = "failed"
)

// srcRec is the internal record of a source: the document it holds.
type srcRec struct {
	Doc    string      `json:"doc,omitempty"`
	Failed bool        `json:"failed,omitempty"`
	Hints  model.Hints `json:"hints"`
}

// docRec is the internal record of a document (by hash): the fields hits are
// rebuilt with, the sources holding it and the ids of its index documents.
type docRec struct {
	Info     model.DocInfo `json:"info"`
	Sources  []string      `json:"sources"`
	Passages []string      `json:"passages,omitempty"`
	Records  []string      `json:"records,omitempty"`
}

type pendingState struct {
	src map[string]srcRec
	doc map[string]*docRec // nil: deleted in the pending batch
}

func newPendingState() pendingState {
	return pendingState{src: map[string]srcRec{}, doc: map[string]*docRec{}}
}

// Put queues the document for writing and replaces whatever the source held
// before; the write happens when the batch is full, on Flush or on Close. It
// is safe for concurrent use. An error means the index could not be written
// and the run should stop.
func (ix *Index) Put(ctx context.Context, d *Doc) (Outcome, error) {
	if ix.readOnly {
		return "", ErrReadOnly
	}
	if err := ctx.Err(); err != nil {
		return "", err
	}
	if d.Source == "" || d.Info.Doc == "" {
		return "", fmt.Errorf("index: put %q: document without source or id", d.Source)
	}
	ix.mu.Lock()
	skip, err := ix.unchanged(d)
	ix.mu.Unlock()
	if err != nil || skip {
		return Unchanged, err
	}

	// Mapping the documents is the costly part; do it outside the lock.
	nb, rec, err := ix.build(d)
	if err != nil {
		return "", err
	}

	ix.mu.Lock()
	outcome, c, err := ix.putLocked(d, nb, rec)
	ix.mu.Unlock()
	if err != nil {
		return "", err
	}
	if err := ix.apply(c); err != nil {
		return "", err
	}
	return outcome, nil
}

// putLocked does the part of Put that needs ix.mu: it decides what d
// replaces and adds it to the batch, which it cuts when full.
func (ix *Index) putLocked(d *Doc, nb *bleve.Batch, rec *docRec) (Outcome, *cutBatch, error) {
	if ix.closed {
		return "", nil, fmt.Errorf("index: put %s: index closed", d.Source)
	}
	if skip, err := ix.unchanged(d); err != nil || skip {
		return Unchanged, nil, err
	}
	cur, known, err := ix.srcState(d.Source)
	if err != nil {
		return "", nil, err
	}
	have, err := ix.docState(d.Info.Doc)
	if err != nil {
		return "", nil, err
	}

	outcome := Added
	switch {
	case have != nil && have.Info == d.Info:
		// The bytes are indexed already, under this or another source.
		if !slices.Contains(have.Sources, d.Source) {
			next := *have
			next.Sources = append(slices.Clone(have.Sources), d.Source)
			ix.setDoc(d.Info.Doc, &next)
			outcome = Duplicate
		}
	default:
		if have != nil {
			// Same bytes, other document fields (a new hint): rewrite
			// them, and drop ids the new content no longer has.
			rec.Sources = have.Sources
			if !slices.Contains(rec.Sources, d.Source) {
				rec.Sources = append(slices.Clone(rec.Sources), d.Source)
			}
			ix.deleteMissing(have, rec)
			outcome = Replaced
		}
		ix.batch.Merge(nb)
		ix.setDoc(d.Info.Doc, rec)
	}
	if known && cur.Doc != "" && cur.Doc != d.Info.Doc {
		if err := ix.release(cur.Doc, d.Source); err != nil {
			return "", nil, err
		}
		outcome = Replaced
	}
	ix.setSrc(d.Source, srcRec{Doc: d.Info.Doc, Hints: d.Hints})
	st := DocStatus{
		Source: d.Source, DocInfo: d.Info, Status: StatusDone, Title: d.Title,
		Pages: d.Pages, Passages: len(d.Passages), Records: len(d.Records),
		Warnings: d.Warnings, Skipped: d.Skipped, Engine: d.Engine,
		Gaps: gaps(d.Info), Updated: time.Now().UTC(),
	}
	if err := ix.putStatus(st); err != nil {
		return "", nil, err
	}
	var c *cutBatch
	if ix.batch.Size() >= ix.batchMax {
		c = ix.cutLocked()
	}
	return outcome, c, nil
}

// Unchanged reports whether source holds the document doc (its id, the
// hash of the bytes) read with the same hints, and did not fail since: then
// extracting it again would change nothing, and it can be skipped before
// extraction.
func (ix *Index) Unchanged(ctx context.Context, source, doc string, hints model.Hints) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	cur, known, err := ix.srcState(source)
	if err != nil || !known || cur.Failed || cur.Doc != doc || cur.Hints != hints {
		return false, err
	}
	have, err := ix.docState(doc)
	return have != nil, err
}

// unchanged reports whether the source holds exactly d already.
func (ix *Index) unchanged(d *Doc) (bool, error) {
	cur, known, err := ix.srcState(d.Source)
	if err != nil || !known || cur.Failed || cur.Doc != d.Info.Doc {
		return false, err
	}
	have, err := ix.docState(d.Info.Doc)
	if err != nil || have == nil {
		return false, err
	}
	return have.Info == d.Info, nil
}

// PutFailure records that a source failed. What the source held before
// stays searchable; its status says it failed and why.
func (ix *Index) PutFailure(ctx context.Context, f Failure) error {
	if ix.readOnly {
		return ErrReadOnly
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	ix.mu.Lock()
	c, err := ix.putFailureLocked(f)
	ix.mu.Unlock()
	if err != nil {
		return err
	}
	return ix.apply(c)
}

func (ix *Index) putFailureLocked(f Failure) (*cutBatch, error) {
	if ix.closed {
		return nil, fmt.Errorf("index: put failure of %s: index closed", f.Source)
	}
	cur, _, err := ix.srcState(f.Source)
	if err != nil {
		return nil, err
	}
	cur.Failed = true
	ix.setSrc(f.Source, cur)
	st := DocStatus{
		Source: f.Source, DocInfo: f.Info, Status: StatusFailed, Stage: f.Stage, Reason: f.Reason,
		Gaps: gaps(f.Info), Updated: time.Now().UTC(),
	}
	if err := ix.putStatus(st); err != nil {
		return nil, err
	}
	if ix.batch.Size() >= ix.batchMax {
		return ix.cutLocked(), nil
	}
	return nil, nil
}

// Flush writes the pending batch and waits until all written is on disk.
func (ix *Index) Flush(ctx context.Context) error {
	if ix.readOnly {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	ix.mu.Lock()
	c := ix.cutLocked()
	ix.mu.Unlock()
	if err := ix.apply(c); err != nil {
		return err
	}
	if err := ix.drain(); err != nil {
		return err
	}
	return ix.waitPersisted()
}

// A cutBatch is a full batch taken from the Index to be applied.
type cutBatch struct {
	b     *bleve.Batch
	state *pendingState
	seq   uint64
}

// cutLocked takes the pending batch for applying; nil when it is empty.
// Its state stays visible to lookups until it is applied.
func (ix *Index) cutLocked() *cutBatch {
	if ix.batch.Size() == 0 {
		return nil
	}
	state := ix.pending
	c := &cutBatch{b: ix.batch, state: &state, seq: ix.cut}
	ix.cut++
	ix.inflight = append(ix.inflight, c.state)
	// A batch handed to scorch is not reused: its persisted callback
	// belongs to it.
	ix.batch = ix.b.NewBatch()
	ix.pending = newPendingState()
	return c
}

// apply writes a cut batch after every batch cut before it.
func (ix *Index) apply(c *cutBatch) error {
	if c == nil {
		return nil
	}
	ix.flushMu.Lock()
	for ix.applied != c.seq {
		ix.flushCond.Wait()
	}
	err := ix.flushErr
	if err == nil {
		if err = ix.write(c.b); err != nil {
			err = fmt.Errorf("index: write batch to %s: %w", ix.path, err)
			ix.flushErr = err
		}
	}
	ix.applied++
	ix.flushCond.Broadcast()
	ix.flushMu.Unlock()

	ix.mu.Lock()
	ix.inflight = slices.DeleteFunc(ix.inflight, func(s *pendingState) bool { return s == c.state })
	ix.docInfo.Clear()
	ix.mu.Unlock()
	return err
}

// drain waits until every batch cut so far is applied.
func (ix *Index) drain() error {
	ix.mu.Lock()
	cut := ix.cut
	ix.mu.Unlock()
	ix.flushMu.Lock()
	defer ix.flushMu.Unlock()
	for ix.applied < cut {
		ix.flushCond.Wait()
	}
	return ix.flushErr
}

func (ix *Index) srcState(source string) (srcRec, bool, error) {
	if r, ok := ix.pending.src[source]; ok {
		return r, true, nil
	}
	for i := len(ix.inflight) - 1; i >= 0; i-- {
		if r, ok := ix.inflight[i].src[source]; ok {
			return r, true, nil
		}
	}
	b, err := ix.b.GetInternal([]byte(keySrcPrefix + source))
	if err != nil {
		return srcRec{}, false, fmt.Errorf("index: read state of %s: %w", source, err)
	}
	if len(b) == 0 {
		return srcRec{}, false, nil
	}
	var r srcRec
	if err := json.Unmarshal(b, &r); err != nil {
		return srcRec{}, false, fmt.Errorf("index: state of %s: %w", source, err)
	}
	return r, true, nil
}

func (ix *Index) docState(id string) (*docRec, error) {
	if r, ok := ix.pending.doc[id]; ok {
		return r, nil
	}
	for i := len(ix.inflight) - 1; i >= 0; i-- {
		if r, ok := ix.inflight[i].doc[id]; ok {
			return r, nil
		}
	}
	return ix.readDocRec(id)
}

func (ix *Index) readDocRec(id string) (*docRec, error) {
	b, err := ix.b.GetInternal([]byte(keyDocPrefix + docKey(id)))
	if err != nil {
		return nil, fmt.Errorf("index: read document %s: %w", id, err)
	}
	if len(b) == 0 {
		return nil, nil
	}
	var r docRec
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("index: document %s: %w", id, err)
	}
	return &r, nil
}

func (ix *Index) setSrc(source string, r srcRec) {
	b, _ := json.Marshal(r)
	ix.pending.src[source] = r
	ix.batch.SetInternal([]byte(keySrcPrefix+source), b)
}

func (ix *Index) setDoc(id string, r *docRec) {
	b, _ := json.Marshal(r)
	ix.pending.doc[id] = r
	ix.batch.SetInternal([]byte(keyDocPrefix+docKey(id)), b)
}

// release takes source off document id; a document no source holds any
// more is deleted with all its passages and figures.
func (ix *Index) release(id, source string) error {
	r, err := ix.docState(id)
	if err != nil || r == nil {
		return err
	}
	next := *r
	next.Sources = slices.DeleteFunc(slices.Clone(r.Sources), func(s string) bool { return s == source })
	if len(next.Sources) > 0 {
		ix.setDoc(id, &next)
		return nil
	}
	for _, pid := range r.Passages {
		ix.batch.Delete(pid)
	}
	for _, fid := range r.Records {
		ix.batch.Delete(fid)
	}
	ix.pending.doc[id] = nil
	ix.batch.DeleteInternal([]byte(keyDocPrefix + docKey(id)))
	return nil
}

// deleteMissing deletes the ids of old that next does not have.
func (ix *Index) deleteMissing(old, next *docRec) {
	keep := make(map[string]bool, len(next.Passages)+len(next.Records))
	for _, id := range next.Passages {
		keep[id] = true
	}
	for _, id := range next.Records {
		keep[id] = true
	}
	for _, ids := range [][]string{old.Passages, old.Records} {
		for _, id := range ids {
			if !keep[id] {
				ix.batch.Delete(id)
			}
		}
	}
}

func (ix *Index) putStatus(st DocStatus) error {
	if err := ix.batch.Index(statusID(st.Source), newStatusDoc(st)); err != nil {
		return fmt.Errorf("index: status of %s: %w", st.Source, err)
	}
	return nil
}

func statusID(source string) string { return "s:" + source }

// build maps the passages and figures of d into a batch of their own.
func (ix *Index) build(d *Doc) (*bleve.Batch, *docRec, error) {
	nb := ix.b.NewBatch()
	rec := &docRec{Info: d.Info, Sources: []string{d.Source}}
	seen := make(map[string]bool, len(d.Passages)+len(d.Records))
	for i := range d.Passages {
		p := &d.Passages[i]
		id := p.ID
		if id == "" {
			id = model.PassageID(d.Info.Doc, p.Seq)
		}
		if seen[id] {
			continue
		}
		seen[id] = true
		doc, err := newPassageDoc(id, p, d.Info)
		if err != nil {
			return nil, nil, err
		}
		if err := nb.Index(id, doc); err != nil {
			return nil, nil, fmt.Errorf("index: passage %s of %s: %w", id, d.Source, err)
		}
		rec.Passages = append(rec.Passages, id)
		ix.addWords(nb, p.Text)
	}
	for i := range d.Records {
		r := &d.Records[i]
		id := r.ID
		if id == "" {
			id = model.RecordID(d.Info.Doc, r.Pos, r.Offset)
		}
		if seen[id] {
			continue
		}
		seen[id] = true
		doc, err := newFigureDoc(id, r, d.Info)
		if err != nil {
			return nil, nil, err
		}
		if err := nb.Index(id, doc); err != nil {
			return nil, nil, fmt.Errorf("index: figure %s of %s: %w", id, d.Source, err)
		}
		rec.Records = append(rec.Records, id)
	}
	return nb, rec, nil
}

func gaps(info model.DocInfo) []string {
	var g []string
	if info.Gemeente == "" && info.GemeenteCode == "" {
		g = append(g, "gemeente")
	}
	if info.DocYear == 0 {
		g = append(g, "doc_year")
	}
	if info.DocKind == "" {
		g = append(g, "doc_kind")
	}
	return g
}

// The index documents. Their json names are the field names of the
// mapping; BleveType picks the document mapping.

type passageDoc struct {
	T            string  `json:"t"`
	Doc          string  `json:"doc"`
	Source       string  `json:"source"`
	Format       string  `json:"format"`
	Gemeente     string  `json:"gemeente"`
	GemeenteLC   string  `json:"gemeente_lc"`
	GemeenteCode string  `json:"gemeente_code"`
	DocKind      string  `json:"doc_kind"`
	DocYear      float64 `json:"doc_year"`
	Year         string  `json:"year"`
	Text         string  `json:"text"`
	Section      string  `json:"section"`
	Page         float64 `json:"page"`
	Stored       string  `json:"stored"`
}

func (passageDoc) BleveType() string { return typePassage }

type figureDoc struct {
	T            string   `json:"t"`
	Doc          string   `json:"doc"`
	Source       string   `json:"source"`
	Format       string   `json:"format"`
	Gemeente     string   `json:"gemeente"`
	GemeenteLC   string   `json:"gemeente_lc"`
	GemeenteCode string   `json:"gemeente_code"`
	DocKind      string   `json:"doc_kind"`
	DocYear      float64  `json:"doc_year"`
	Year         string   `json:"year"`
	Indicator    string   `json:"indicator"`
	IndicatorKey string   `json:"indicator_key"`
	IndicatorID  string   `json:"indicator_id"`
	Unit         string   `json:"unit"`
	Scope        string   `json:"scope"`
	Status       string   `json:"status"`
	PeriodKind   string   `json:"period_kind"`
	Section      string   `json:"section"`
	RowPath      string   `json:"row_path"`
	Taakveld     string   `json:"taakveld"`
	Column       string   `json:"column"`
	Bron         string   `json:"bron"`
	Check        string   `json:"check"`
	Marks        string   `json:"marks"`
	PeriodSource string   `json:"period_source"`
	Period       float64  `json:"period"`
	Value        *float64 `json:"value,omitempty"`
	Stored       string   `json:"stored"`
}

func (figureDoc) BleveType() string { return typeFigure }

type statusDoc struct {
	T            string  `json:"t"`
	Doc          string  `json:"doc"`
	Source       string  `json:"source"`
	Format       string  `json:"format"`
	Gemeente     string  `json:"gemeente"`
	GemeenteLC   string  `json:"gemeente_lc"`
	GemeenteCode string  `json:"gemeente_code"`
	DocKind      string  `json:"doc_kind"`
	DocYear      float64 `json:"doc_year"`
	Year         string  `json:"year"`
	Status       string  `json:"status"`
	Stored       string  `json:"stored"`
}

func (statusDoc) BleveType() string { return typeDocument }

type wordDoc struct {
	T     string `json:"t"`
	Parts string `json:"parts"`
}

func (wordDoc) BleveType() string { return typeWord }

func yearString(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}

// passageBlob is the stored form of a passage. The document fields are
// rebuilt from the document record.
type passageBlob struct {
	D       string `json:"d"` // docKey of the document
	Section string `json:"section,omitempty"`
	Page    int    `json:"page,omitempty"`
	Seq     int    `json:"seq"`
	Text    string `json:"text"`
}

// figureBlob is the stored form of a record: its JSON without the document
// fields (the empty fields below shadow them), which are rebuilt from the
// document record.
type figureBlob struct {
	model.Record
	D            string `json:"d"`             // docKey of the document
	ID           string `json:"id,omitempty"`  // the index document id
	Doc          string `json:"doc,omitempty"` // in D	Source       string `json:"source,omitempty"`
	Format       string `json:"format,omitempty"`
	Gemeente     string `json:"gemeente,omitempty"`
	GemeenteCode string `json:"gemeente_code,omitempty"`
	DocKind      string `json:"doc_kind,omitempty"`
	DocYear      int    `json:"doc_year,omitempty"`
}

// newPassageDoc builds the index document of p. The document fields come
// from the document, not the passage: one document has one set of them.
func newPassageDoc(id string, p *model.Passage, info model.DocInfo) (*passageDoc, error) {
	blob := passageBlob{D: docKey(info.Doc), Section: p.Section, Page: p.Page, Seq: p.Seq, Text: p.Text}
	b, err := json.Marshal(blob)
	if err != nil {
		return nil, fmt.Errorf("index: encode passage %s: %w", id, err)
	}
	return &passageDoc{
		T: typePassage, Doc: info.Doc, Source: info.Source, Format: string(info.Format),
		Gemeente: info.Gemeente, GemeenteLC: info.Gemeente, GemeenteCode: info.GemeenteCode,
		DocKind: info.DocKind, DocYear: float64(info.DocYear), Year: yearString(info.DocYear),
		Text: p.Text, Section: p.Section, Page: float64(p.Page), Stored: string(b),
	}, nil
}

// newFigureDoc builds the index document of r, with the document fields of
// its document.
func newFigureDoc(id string, r *model.Record, info model.DocInfo) (*figureDoc, error) {
	blob := figureBlob{Record: *r, D: docKey(info.Doc)}
	b, err := json.Marshal(blob)
	if err != nil {
		return nil, fmt.Errorf("index: encode figure %s: %w", id, err)
	}
	fd := &figureDoc{
		T: typeFigure, Doc: info.Doc, Source: info.Source, Format: string(info.Format),
		Gemeente: info.Gemeente, GemeenteLC: info.Gemeente, GemeenteCode: info.GemeenteCode,
		DocKind: info.DocKind, DocYear: float64(info.DocYear), Year: yearString(info.DocYear),
		Indicator: r.Indicator, IndicatorKey: r.IndicatorKey, IndicatorID: r.IndicatorID,
		Unit: r.Unit, Scope: r.Scope, Status: r.Status, PeriodKind: r.PeriodKind,
		Section: r.Section, RowPath: r.RowPath, Taakveld: r.Taakveld, Column: r.Column,
		Bron: r.Bron, Check: r.Check, Marks: r.Marks, PeriodSource: r.PeriodSource,
		Period: float64(r.Period), Stored: string(b),
	}
	if r.Value != nil && r.Status != model.StatusMissing {
		v := *r.Value
		fd.Value = &v
	}
	return fd, nil
}

func newStatusDoc(st DocStatus) *statusDoc {
	b, _ := json.Marshal(st)
	return &statusDoc{
		T: typeDocument, Doc: st.Doc, Source: st.Source, Format: string(st.Format),
		Gemeente: st.Gemeente, GemeenteLC: st.Gemeente, GemeenteCode: st.GemeenteCode,
		DocKind: st.DocKind, DocYear: float64(st.DocYear), Year: yearString(st.DocYear),
		Status: st.Status, Stored: string(b),
	}
}

// decodePassage rebuilds passage id from its stored blob.
func (ix *Index) decodePassage(id, stored string) (model.Passage, error) {
	var b passageBlob
	if err := json.Unmarshal([]byte(stored), &b); err != nil {
		return model.Passage{}, fmt.Errorf("index: decode passage: %w", err)
	}
	info, err := ix.info(b.D)
	if err != nil {
		return model.Passage{}, err
	}
	return model.Passage{ID: id, DocInfo: info, Section: b.Section, Page: b.Page, Seq: b.Seq, Text: b.Text}, nil
}

// decodeRecord rebuilds record id from its stored blob.
func (ix *Index) decodeRecord(id, stored string) (model.Record, error) {
	var b figureBlob
	if err := json.Unmarshal([]byte(stored), &b); err != nil {
		return model.Record{}, fmt.Errorf("index: decode figure: %w", err)
	}
	r := b.Record
	r.ID = id
	info, err := ix.info(b.D)
	if err != nil {
		return model.Record{}, err
	}
	r.DocInfo = info
	return r, nil
}

// errNoDoc: a hit whose document record is gone (deleted between the
// search and the lookup).
var errNoDoc = errors.New("index: document record missing")

// info returns the document fields of the document with docKey key.
func (ix *Index) info(key string) (model.DocInfo, error) {
	if v, ok := ix.docInfo.Load(key); ok {
		return v.(model.DocInfo), nil
	}
	r, err := ix.readDocRec(key)
	if err != nil {
		return model.DocInfo{}, err
	}
	if r == nil {
		return model.DocInfo{}, fmt.Errorf("%w: %s", errNoDoc, key)
	}
	ix.docInfo.Store(key, r.Info)
	return r.Info, nil
}

// docKey shortens a document id ("sha256:" and 64 hex digits) to the 16
// hex digits stored with each passage and figure: 64 bits tell apart far
// more documents than an index holds, and each passage is 55 bytes smaller.
// docKey(docKey(id)) == docKey(id).
func docKey(id string) string {
	if h, ok := strings.CutPrefix(id, "sha256:"); ok && len(h) >= 16 {
		return h[:16]
	}
	return id
}

// lowerTrim is how gemeente names are compared in filters.
func lowerTrim(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// addWords adds to b a vocabulary document for each compound candidate of
// text (a word of at least minCompound runes) this process has not added
// yet. Words are never deleted: one whose passages are gone expands a query
// into a stem that matches nothing.
func (ix *Index) addWords(b *bleve.Batch, text string) {
	an := ix.b.Mapping().AnalyzerNamed(analyzerText)
	start := -1
	for i, r := range text + " " {
		if unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start < 0 {
			continue
		}
		w := text[start:i]
		start = -1
		if len(w) < minCompound || utf8.RuneCountInString(w) < minCompound || utf8.RuneCountInString(w) > maxPartWord {
			continue
		}
		lw := strings.ToLower(norm.NFKC.String(w))
		if _, seen := ix.words.LoadOrStore(lw, true); seen {
			continue
		}
		toks := an.Analyze([]byte(lw))
		if len(toks) != 1 {
			continue // a stop word, or NFKC split it
		}
		b.Index("w:"+string(toks[0].Term), wordDoc{T: typeWord, Parts: lw})
	}
}
