package index

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	bolterrors "go.etcd.io/bbolt/errors"
)

// Sentinel errors of Open and the write methods; test them with errors.Is.
var (
	// ErrNoIndex: the path holds no index yet, or something that is not
	// a jaarzoek index.
	ErrNoIndex = errors.New("index: no jaarzoek index")
	// ErrSchema: the index was written by a jaarzoek with another
	// mapping; it must be rebuilt, not mixed.
	ErrSchema = errors.New("index: written with another schema version")
	// ErrBusy: another process holds the index (an ingest writing it, or a
	// search or serve reading it while an ingest wants to write).
	ErrBusy = errors.New("index: in use by another jaarzoek process")
	// ErrReadOnly: a write on an index opened with Options.ReadOnly.
	ErrReadOnly = errors.New("index: opened read-only")
)

// CreateHint tells a person how an index comes to exist.
const CreateHint = "create one with `jaarzoek ingest corpus/`"

// Keys of internal (non-searchable) values.
const (
	keySchema    = "jaarzoek/schema"
	keySrcPrefix = "src:" // + source: the document a source holds now
	keyDocPrefix = "doc:" // + document id: its info, sources and index ids
)

// Options say how Open treats the index.
type Options struct {
	// ReadOnly opens for queries only. Readers share an index with each
	// other but not with a writer.
	ReadOnly bool
	// Create makes a new index when the path does not exist (writers only).
	Create bool
	// Wait is how long Open waits for a lock another process holds before
	// it returns ErrBusy; 0 means 2 seconds.
	Wait time.Duration
	// BatchSize is the number of index operations (passages, figures,
	// statuses, deletions) gathered before a write; 0 means 1000. A
	// document is never split over two writes.
	BatchSize int
}

// An Index is an open jaarzoek index. Its methods are safe for concurrent
// use. Close it to release the lock on the files.
type Index struct {
	b        bleve.Index
	path     string
	readOnly bool
	batchMax int

	mu       sync.Mutex // guards the pending state below
	batch    *bleve.Batch
	pending  pendingState
	inflight []*pendingState // states of batches cut but not yet applied, oldest first
	cut      uint64          // batches cut so far
	closed   bool

	// Batches are applied outside mu, one at a time in the order they
	// were cut, so documents keep being mapped while scorch builds a
	// segment.
	flushMu   sync.Mutex
	flushCond *sync.Cond // on flushMu
	applied   uint64     // batches applied so far
	flushErr  error      // the first error applying one; sticky

	// Batches return once they are searchable; the disk catches up in
	// the background. persisting counts the batches not yet on disk, and
	// persistErr keeps the first error writing one.
	persisting sync.WaitGroup
	persistMu  sync.Mutex
	persistErr error

	docInfo sync.Map // document id -> model.DocInfo, for rebuilding hits
	words   sync.Map // lower-case words given a vocabulary document by this process
}

// Open opens the index at path, or creates it when opts.Create is set and
// path does not exist. It checks the schema version the index was written
// with and refuses a different one (ErrSchema), returns ErrNoIndex for a
// missing path or one that is not an index, and ErrBusy when another process
// holds the index longer than opts.Wait.
func Open(path string, opts Options) (*Index, error) {
	wait := opts.Wait
	if wait <= 0 {
		wait = 2 * time.Second
	}
	// unsafe_batch: a batch returns once it is searchable, not once it is
	// on disk. Every snapshot scorch persists still holds whole batches,
	// so a crash loses the last batches but never splits a document;
	// Flush and Close wait for the disk.
	cfg := map[string]interface{}{"bolt_timeout": wait.String(), "unsafe_batch": true}
	if opts.ReadOnly {
		cfg["read_only"] = true
	}
	b, err := bleve.OpenUsing(path, cfg)
	created := false
	switch {
	case errors.Is(err, bleve.ErrorIndexPathDoesNotExist) && opts.Create && !opts.ReadOnly:
		if perr := os.MkdirAll(filepath.Dir(path), 0o755); perr != nil {
			return nil, fmt.Errorf("index: create %s: %w", path, perr)
		}
		m := newMapping()
		if verr := m.Validate(); verr != nil {
			return nil, fmt.Errorf("index: mapping: %w", verr)
		}
		b, err = bleve.NewUsing(path, m, scorch.Name, scorch.Name, cfg)
		if err != nil {
			return nil, fmt.Errorf("index: create %s: %w", path, err)
		}
		created = true
	case errors.Is(err, bleve.ErrorIndexPathDoesNotExist):
		return nil, fmt.Errorf("%w at %s: %s", ErrNoIndex, path, CreateHint)
	case errors.Is(err, bleve.ErrorIndexMetaMissing), errors.Is(err, bleve.ErrorIndexMetaCorrupt):
		return nil, fmt.Errorf("%w: %s is not an index (%v); %s", ErrNoIndex, path, err, CreateHint)
	case errors.Is(err, bolterrors.ErrTimeout):
		if opts.ReadOnly {
			return nil, fmt.Errorf("%w: index %s is being written by another jaarzoek process; search again when the ingest ends", ErrBusy, path)
		}
		return nil, fmt.Errorf("%w: index %s is open in another jaarzoek process (an ingest, search or serve); try again when it ends", ErrBusy, path)
	case err != nil:
		return nil, fmt.Errorf("index: open %s: %w", path, err)
	}

	ix := &Index{b: b, path: path, readOnly: opts.ReadOnly, batchMax: opts.BatchSize}
	if ix.batchMax <= 0 {
		ix.batchMax = 1000
	}
	if err := ix.checkSchema(created); err != nil {
		b.Close()
		return nil, err
	}
	ix.batch = b.NewBatch()
	ix.pending = newPendingState()
	ix.flushCond = sync.NewCond(&ix.flushMu)
	return ix, nil
}

// checkSchema compares the version stored in the index with SchemaVersion.
// A new index (or an empty one a crash left before its version was set)
// gets the version written.
func (ix *Index) checkSchema(created bool) error {
	v, err := ix.b.GetInternal([]byte(keySchema))
	if err != nil {
		return fmt.Errorf("index: read schema version of %s: %w", ix.path, err)
	}
	if len(v) == 0 {
		n, err := ix.b.DocCount()
		if err != nil {
			return fmt.Errorf("index: count documents of %s: %w", ix.path, err)
		}
		if n > 0 || (ix.readOnly && !created) {
			return fmt.Errorf("%w: %s has no jaarzoek schema version; re-ingest into a new index, do not mix", ErrSchema, ix.path)
		}
		b := ix.b.NewBatch()
		b.SetInternal([]byte(keySchema), []byte(SchemaVersion))
		if err := ix.write(b); err == nil {
			err = ix.waitPersisted()
		}
		if err != nil {
			return fmt.Errorf("index: write schema version to %s: %w", ix.path, err)
		}
		return nil
	}
	if string(v) != SchemaVersion {
		return fmt.Errorf("%w: %s was written with %q, this jaarzoek writes %q; re-ingest into a new index, do not mix",
			ErrSchema, ix.path, v, SchemaVersion)
	}
	if im, ok := ix.b.Mapping().(*mapping.IndexMappingImpl); ok {
		for _, t := range []string{typePassage, typeFigure, typeDocument} {
			if _, ok := im.TypeMapping[t]; !ok {
				return fmt.Errorf("%w: %s lacks the %s mapping", ErrSchema, ix.path, t)
			}
		}
	}
	return nil
}

// Path returns the directory of the index.
func (ix *Index) Path() string { return ix.path }

// Close writes what is pending and releases the index.
func (ix *Index) Close() error {
	ix.mu.Lock()
	if ix.closed {
		ix.mu.Unlock()
		return nil
	}
	ix.closed = true
	var c *cutBatch
	if !ix.readOnly {
		c = ix.cutLocked()
	}
	ix.mu.Unlock()
	var ferr error
	if !ix.readOnly {
		ferr = ix.apply(c)
		if err := ix.drain(); ferr == nil {
			ferr = err
		}
		if err := ix.waitPersisted(); ferr == nil {
			ferr = err
		}
	}
	cerr := ix.b.Close()
	if ferr != nil {
		return ferr
	}
	if cerr != nil {
		return fmt.Errorf("index: close %s: %w", ix.path, cerr)
	}
	return nil
}

// write applies b and counts it until it is on disk.
func (ix *Index) write(b *bleve.Batch) error {
	ix.persisting.Add(1)
	b.SetPersistedCallback(func(err error) {
		if err != nil {
			ix.persistMu.Lock()
			if ix.persistErr == nil {
				ix.persistErr = err
			}
			ix.persistMu.Unlock()
		}
		ix.persisting.Done()
	})
	if err := ix.b.Batch(b); err != nil {
		// A batch that was not introduced is never persisted.
		ix.persisting.Done()
		return err
	}
	return nil
}

// waitPersisted waits until every batch written is on disk.
func (ix *Index) waitPersisted() error {
	ix.persisting.Wait()
	ix.persistMu.Lock()
	defer ix.persistMu.Unlock()
	if ix.persistErr != nil {
		return fmt.Errorf("index: write to disk at %s: %w", ix.path, ix.persistErr)
	}
	return nil
}
