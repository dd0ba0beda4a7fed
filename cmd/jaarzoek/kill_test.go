package main

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jaarzoek/jaarzoek/index"
	"github.com/jaarzoek/jaarzoek/internal/testcorpus"
)

// childArgsEnv, when set, makes the test binary run jaarzoek with the
// arguments it holds (separated by newlines) instead of the tests, so a
// test can kill a real ingest.
const childArgsEnv = "JAARZOEK_TEST_CHILD_ARGS"

func TestMain(m *testing.M) {
	if args := os.Getenv(childArgsEnv); args != "" {
		err := run(context.Background(), strings.Split(args, "\n"), os.Stdout, os.Stderr)
		os.Exit(exitCode(context.Background(), err, os.Stderr))
	}
	os.Exit(m.Run())
}

// killSources writes n report pages made from the corpus HTML, each with
// bytes of its own, and returns their folder.
func killSources(t *testing.T, n int) string {
	t.Helper()
	pages, err := filepath.Glob(filepath.Join(testcorpus.Dir(t), "docs", "*.html"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no corpus pages: %v", err)
	}
	dir := t.TempDir()
	for i := range n {
		data, err := os.ReadFile(pages[i%len(pages)])
		if err != nil {
			t.Fatal(err)
		}
		data = append(data, fmt.Sprintf("\n<!-- kopie %d -->\n", i)...)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("pagina-%04d.html", i)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// dirSize is the bytes of all files under dir.
func dirSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}

func counts(t *testing.T, path string) index.Counts {
	t.Helper()
	ix, err := index.Open(path, index.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	c, err := ix.Count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestIngestKilled kills "jaarzoek ingest" with SIGKILL while it writes,
// runs it again, and compares the index with one made in a single run:
// the same documents, passages and figures, none twice and none missing.
func TestIngestKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("runs ingest three times")
	}
	sources := killSources(t, 300)
	dir := t.TempDir()
	killed := filepath.Join(dir, "killed.bleve")

	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), childArgsEnv+"="+strings.Join([]string{"ingest", "--workers", "1", "--index", killed, sources}, "\n"))
	var childErr bytes.Buffer
	cmd.Stderr = &childErr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	// Kill once the index has taken some writes: mid-ingest.
	deadline := time.Now().Add(30 * time.Second)
	for dirSize(killed) < 4<<20 && time.Now().Before(deadline) {
		select {
		case err := <-exited:
			t.Fatalf("ingest ended before it could be killed (%v); give it more sources\n%s", err, childErr.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	if err := <-exited; err == nil {
		t.Fatal("ingest finished before it was killed; give it more sources")
	}

	rerun := func(path string) {
		t.Helper()
		var stdout, stderr bytes.Buffer
		err := runIngest(context.Background(), ingestOptions{index: path, workers: 2}, []string{sources}, &stdout, &stderr)
		if err != nil {
			t.Fatalf("ingest %s: %v\n%s", path, err, stderr.String())
		}
	}
	partial := counts(t, killed)
	rerun(killed)
	once := filepath.Join(dir, "once.bleve")
	rerun(once)

	got, want := counts(t, killed), counts(t, once)
	t.Logf("killed with %d documents in; after the rerun %+v; in one run %+v", partial.Documents, got, want)
	if partial.Documents >= want.Documents {
		t.Errorf("the kill came after the last document (%d of %d)", partial.Documents, want.Documents)
	}
	if got != want {
		t.Errorf("index after kill and rerun holds %+v, one run %+v", got, want)
	}
	if want.Documents != 300 {
		t.Errorf("%d documents indexed, want 300", want.Documents)
	}
}
