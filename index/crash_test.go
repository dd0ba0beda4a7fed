package index

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

const crashChildEnv = "JAARZOEK_INDEX_CRASH_CHILD"

// crashCorpus is the corpus the child ingests: n documents of 20 passages
// and 10 figures, each passage with a word of its own.
func crashCorpus(n int) []*Doc {
	docs := make([]*Doc, n)
	for i := range docs {
		texts := make([]string, 20)
		for j := range texts {
			texts[j] = fmt.Sprintf("Het college rapporteert over zorg en welzijn: kenmerk%dx%d in het sociaal domein.", i, j)
		}
		vals := make([]float64, 10)
		for j := range vals {
			vals[j] = float64(i*10 + j)
		}
		docs[i] = testDoc(fmt.Sprintf("doc-%04d.html", i), "Leiderdorp", "GM0547", 2020+i%4, texts, vals...)
	}
	return docs
}

func ingestAll(ctx context.Context, path string, docs []*Doc, progress func(int)) error {
	ix, err := Open(path, Options{Create: true, BatchSize: 150})
	if err != nil {
		return err
	}
	for i, d := range docs {
		if _, err := ix.Put(ctx, d); err != nil {
			ix.Close()
			return err
		}
		if progress != nil {
			progress(i)
		}
	}
	return ix.Close()
}

// TestMain lets the test binary act as the ingest child of TestKillAndRerun.
func TestMain(m *testing.M) {
	if path := os.Getenv(crashChildEnv); path != "" {
		err := ingestAll(context.Background(), path, crashCorpus(300), func(i int) {
			if i%10 == 0 {
				fmt.Println("put", i)
			}
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func TestKillAndRerun(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	path := filepath.Join(t.TempDir(), "crash.bleve")
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill the child in the middle: after several batches were written.
	sc := bufio.NewScanner(out)
	killed := false
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "put 120") {
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			killed = true
			break
		}
	}
	cmd.Wait()
	if !killed {
		t.Fatal("child ended before it could be killed")
	}

	// What the crash left is consistent: every source with a status has
	// all its passages and figures.
	ix, err := Open(path, Options{ReadOnly: true, Wait: 10 * time.Second})
	if err != nil {
		t.Fatalf("open after kill: %v", err)
	}
	c := counts(t, ix)
	if c.Documents == 0 || c.Documents == 300 || c.Passages != 20*c.Documents || c.Figures != 10*c.Documents {
		t.Errorf("after kill: %+v, want whole documents only, some but not all", c)
	}
	ix.Close()

	// The rerun completes the index without duplicates.
	if err := ingestAll(context.Background(), path, crashCorpus(300), nil); err != nil {
		t.Fatalf("rerun: %v", err)
	}
	ix, err = Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if c := counts(t, ix); c != (Counts{Passages: 6000, Figures: 3000, Documents: 300}) {
		t.Errorf("after rerun: %+v, want 6000 passages, 3000 figures, 300 documents", c)
	}
	for _, i := range []int{0, 119, 150, 299} {
		res := find(t, ix, SearchQuery{Words: fmt.Sprintf("kenmerk%dx7", i)})
		if res.Total != 1 {
			t.Errorf("passage %d x7 found %d times", i, res.Total)
		}
	}
}
