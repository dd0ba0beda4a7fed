package fetch

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/jaarzoek/jaarzoek/model"
)

// The cache keeps bodies by content and what was learnt about each URL
// beside them:
//
//	<CacheDir>/body/ab/ab12…   the body, named by the hex SHA-256 of its bytes
//	<CacheDir>/meta/cd/cd34….json  one file per URL, named by the SHA-256 of the URL
//
// Every file is written to a temporary name in the same folder and renamed,
// so a crash leaves either the old file or the new one, never half of one.

// cacheMeta is what the cache knows about one URL.
type cacheMeta struct {
	URL          string    `json:"url"`
	FinalURL     string    `json:"final_url"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	SHA256       string    `json:"sha256"`
	ContentType  string    `json:"content_type,omitempty"`
	Size         int64     `json:"size"`
	FetchedAt    time.Time `json:"fetched_at"`
}

func hexHash(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

func (s *state) metaPath(key string) string {
	h := hexHash([]byte(key))
	return filepath.Join(s.cacheDir, "meta", h[:2], h+".json")
}

func (s *state) bodyPath(sha string) string {
	return filepath.Join(s.cacheDir, "body", sha[:2], sha)
}

// loadMeta returns the cached facts about key, or nil.
func (s *state) loadMeta(key string) *cacheMeta {
	if s.cacheDir == "" {
		return nil
	}
	b, err := os.ReadFile(s.metaPath(key))
	if err != nil {
		return nil
	}
	var m cacheMeta
	if json.Unmarshal(b, &m) != nil || m.URL != key || len(m.SHA256) != 64 {
		return nil
	}
	return &m
}

func (s *state) dropMeta(key string) {
	if s.cacheDir != "" {
		os.Remove(s.metaPath(key))
	}
}

// fromCache reads the body m points to and checks its hash, so a damaged
// file is never served.
func (s *state) fromCache(m *cacheMeta) (model.Raw, error) {
	data, err := os.ReadFile(s.bodyPath(m.SHA256))
	if err != nil {
		return model.Raw{}, fmt.Errorf("fetch: cached body of %s: %w", m.URL, err)
	}
	if hexHash(data) != m.SHA256 {
		return model.Raw{}, fmt.Errorf("fetch: cached body of %s is damaged", m.URL)
	}
	format, err := DetectFormat(data, m.FinalURL, m.ContentType)
	if err != nil {
		return model.Raw{}, fmt.Errorf("%s: %w", m.FinalURL, err)
	}
	return model.Raw{URL: m.FinalURL, ContentType: m.ContentType, Format: format, Data: data,
		FetchedAt: m.FetchedAt, FromCache: true}, nil
}

// store writes body (unless a body with its hash is there) and then m.
func (s *state) store(key string, m *cacheMeta, body []byte) error {
	m.SHA256 = hexHash(body)
	p := s.bodyPath(m.SHA256)
	if _, err := os.Stat(p); errors.Is(err, os.ErrNotExist) {
		if err := writeAtomic(p, body); err != nil {
			return err
		}
	}
	return s.storeMeta(key, m)
}

func (s *state) storeMeta(key string, m *cacheMeta) error {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return writeAtomic(s.metaPath(key), b)
}

// writeAtomic writes data to name through a temporary file in the same
// folder, synced before the rename.
func writeAtomic(name string, data []byte) error {
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("fetch: cache folder: %w", err)
	}
	tmp, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return fmt.Errorf("fetch: cache: %w", err)
	}
	_, werr := tmp.Write(data)
	if werr == nil {
		werr = tmp.Sync()
	}
	if cerr := tmp.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(tmp.Name(), name)
	}
	if werr != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("fetch: cache: writing %s: %w", name, werr)
	}
	return nil
}

// isFresh reports whether key was fetched or revalidated in this run, and
// whether its body was downloaded then (rather than confirmed by a 304).
func (s *state) isFresh(key string) (fresh, downloaded bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	downloaded, fresh = s.fresh[key]
	return fresh, downloaded
}

func (s *state) markFresh(key string, downloaded bool) {
	if s.cacheDir == "" {
		return
	}
	s.mu.Lock()
	s.fresh[key] = downloaded
	s.mu.Unlock()
}
