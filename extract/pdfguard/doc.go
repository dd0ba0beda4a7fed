// Package pdfguard reads a PDF so that no input can take jaarzoek down:
// PDF bytes in, pdftext pages (or an error that says what went wrong)
// out, within a time and a memory limit.
//
// The reading runs in a worker: the jaarzoek executable started again
// with JAARZOEK_PDF_WORKER set, reading requests (engine name and PDF)
// on its stdin and writing replies (pages or error) on its stdout, one
// document at a time, each a gob message after its length. The worker
// sets its own memory limit (RLIMIT_DATA and debug.SetMemoryLimit) and
// the parent kills it at the time limit or when its resident memory
// passes the limit, so a parser loop (a cyclic /Extends chain), a flate
// bomb or a gigantic allocation ends as ErrTimeout or ErrMemory, and a
// panic or a crash as ErrCrashed, while the caller goes on.
//
// Starting a worker costs more than reading a small PDF, so workers are
// kept in a pool, started on demand: after a clean reply (pages, or a
// file that is malformed, encrypted or locked with a password) a worker
// waits for the next document, up to one idle worker per CPU, for ten
// seconds at most, and exits when its parent does. A worker that timed
// out, passed the memory limit, crashed or recovered from a panic is
// killed and never reused. The limit holds per document because after
// each one the worker returns its free memory to the OS and exits
// instead of waiting when the runtime still holds more than a quarter of
// the limit: RLIMIT_DATA counts mappings the runtime never gives back,
// so the next document always has most of the limit to itself.
//
// Two engines read: pdftext first (words with their marked-content ids,
// rules, running lines, the text-quality verdict, and the tables of a
// tagged file's structure tree, read by pdftagged in the same worker),
// PDFium second (package pdfium), only when pdftext fails or finds no
// word, each in its own worker; pages pdftext failed on one by one are
// taken from PDFium when it reads them:
//
//	clean PDF                        → pages, Engine "pdftext"
//	AES-256, damaged cross-reference → pages, Engine "pdfium"
//	one page's content damaged       → pages, Engine "pdftext+pdfium"
//	user password                    → ErrPassword
//	scan without text layer          → pages and ErrNoText
//	truncated to nothing, not a PDF  → ErrMalformed
//
// Any binary that reads PDFs through this package is its own worker:
// the package's init serves a worker request before main runs. main and
// TestMain call IsWorker and ServeWorker first to make that visible.
package pdfguard
