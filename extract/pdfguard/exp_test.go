package pdfguard

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jaarzoek/jaarzoek/extract/pdfguard/internal/damage"
	"github.com/jaarzoek/jaarzoek/extract/pdfium"
	"github.com/jaarzoek/jaarzoek/extract/pdftext"
	"github.com/ledongthuc/pdf"
	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

func ledText(data []byte) (n int, words int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	pages, err := pdftext.Read(context.Background(), data)
	for _, p := range pages {
		words += len(p.Words)
	}
	if len(pages) > 0 {
		err = nil
	}
	return len(pages), words, err
}

func ledTextOld(data []byte) (n int, words int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return 0, 0, err
	}
	n = r.NumPage()
	for i := 1; i <= n; i++ {
		p := r.Page(i)
		if p.V.IsNull() {
			continue
		}
		for _, t := range p.Content().Text {
			if strings.TrimSpace(t.S) != "" {
				words++
			}
		}
	}
	return n, words, nil
}

func withTimeout(d time.Duration, f func() (int, int, error)) (int, int, error) {
	type res struct {
		n, w int
		err  error
	}
	ch := make(chan res, 1)
	go func() { n, w, err := f(); ch <- res{n, w, err} }()
	select {
	case r := <-ch:
		return r.n, r.w, r.err
	case <-time.After(d):
		return 0, 0, fmt.Errorf("timeout")
	}
}

func rewrite(data []byte) ([]byte, error) {
	conf := model.NewDefaultConfiguration()
	conf.WriteObjectStream = false
	conf.WriteXRefStream = false
	var out bytes.Buffer
	err := api.Decrypt(bytes.NewReader(data), &out, conf)
	if err != nil {
		out.Reset()
		conf = model.NewDefaultConfiguration()
		conf.WriteObjectStream = false
		conf.WriteXRefStream = false
		err = api.Optimize(bytes.NewReader(data), &out, conf)
	}
	return out.Bytes(), err
}

func TestExperiment(t *testing.T) {
	if os.Getenv("EXP") == "" {
		t.Skip()
	}
	api.DisableConfigDir()
	files, _ := filepath.Glob("/work/shared/corpus-dev/docs/*.pdf")
	type variant struct {
		name string
		data []byte
	}
	var vs []variant
	for i, f := range files {
		data, _ := os.ReadFile(f)
		b := filepath.Base(f)
		s := uint64(i)
		vs = append(vs,
			variant{b + ".trunc50", damage.Truncate(data, 0.5)},
			variant{b + ".trunc90", damage.Truncate(data, 0.9)},
			variant{b + ".zero", damage.Zero(data, s, 4096)},
			variant{b + ".flip10", damage.Flip(data, s, 10)},
			variant{b + ".flip100", damage.Flip(data, s, 100)},
			variant{b + ".shift", damage.ShiftXRef(data, 7)},
			variant{b + ".badstart", damage.BadStartXRef(data)},
			variant{b + ".v20", damage.Header(data, "2.0")},
		)
		for _, c := range []damage.Cipher{{"AES", 256}, {"AES", 128}, {"RC4", 128}} {
			e, err := damage.Encrypt(data, c, "")
			if err != nil {
				t.Log(err)
				continue
			}
			vs = append(vs, variant{fmt.Sprintf("%s.%s%d", b, c.Method, c.Bits), e})
		}
		if o, err := damage.ObjectStreams(data); err == nil {
			vs = append(vs, variant{b + ".objstm", o})
		} else {
			t.Log(err)
		}
	}
	for _, f := range files {
		data, _ := os.ReadFile(f)
		a, _ := pdftext.Read(context.Background(), data)
		b, _ := pdfium.Read(context.Background(), data)
		var wa, wb []string
		for _, p := range a {
			for _, w := range p.Words {
				wa = append(wa, w.Text)
			}
		}
		for _, p := range b {
			for _, w := range p.Words {
				wb = append(wb, w.Text)
			}
		}
		same := strings.Join(wa, " ") == strings.Join(wb, " ")
		nospace := strings.Join(wa, "") == strings.Join(wb, "")
		t.Logf("CMP %s pdftext=%d pdfium=%d same=%v samenospace=%v", filepath.Base(f), len(wa), len(wb), same, nospace)
		if !same {
			n := 0
			for i := range min(len(wa), len(wb)) {
				if wa[i] != wb[i] && n < 4 {
					n++
					t.Logf("DIFF %q vs %q", wa[i], wb[i])
				}
			}
		}
	}
	if os.Getenv("EXP") == "cmp" {
		return
	}
	t0 := time.Now()
	_, err := pdfium.Read(context.Background(), damage.Build(damage.Spec{Pages: []damage.Page{{Lines: []string{"hallo"}}}}))
	t.Logf("pdfium start %v err %v", time.Since(t0), err)
	var ledOK, cpuOK, pdfiumOK, failed int
	var tCPU, tPdfium time.Duration
	for _, v := range vs {
		_, w, err := withTimeout(10*time.Second, func() (int, int, error) { return ledText(v.data) })
		if err == nil && w > 0 {
			ledOK++
			continue
		}
		failed++
		t1 := time.Now()
		_, w2, err2 := withTimeout(10*time.Second, func() (int, int, error) {
			out, err := rewrite(v.data)
			if err != nil {
				return 0, 0, err
			}
			return ledText(out)
		})
		tCPU += time.Since(t1)
		if err2 == nil && w2 > 0 {
			cpuOK++
		}
		t2 := time.Now()
		pages, err3 := pdfium.Read(context.Background(), v.data)
		tPdfium += time.Since(t2)
		nw := 0
		for _, p := range pages {
			nw += len(p.Words)
		}
		if err3 == nil && nw > 0 {
			pdfiumOK++
		}
		t.Logf("%-45s led=%v | pdfcpu words=%d err=%v | pdfium words=%d err=%v", v.name, err, w2, err2, nw, err3)
	}
	t.Logf("variants %d: ledongthuc ok %d; of %d failed: pdfcpu+led rescued %d (%v), pdfium rescued %d (%v)", len(vs), ledOK, failed, cpuOK, tCPU, pdfiumOK, tPdfium)
}
