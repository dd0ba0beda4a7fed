package pdftext

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestDevDump(t *testing.T) {
	f := os.Getenv("DUMP")
	if f == "" {
		t.Skip()
	}
	data, _ := os.ReadFile(f)
	pages, err := Read(context.Background(), data)
	fmt.Println("err:", err)
	for _, p := range pages {
		fmt.Printf("page %d %.1fx%.1f words=%d rules=%d trusted=%v %s\n", p.Number, p.Width, p.Height, len(p.Words), len(p.Rules), p.Trusted, p.Problem)
		for _, w := range p.Words {
			fmt.Printf("%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.1f\t%s\t%v\n", w.X0, w.Y0, w.X1-w.X0, w.Y1-w.Y0, w.Base, w.Size, w.Text, w.Running)
		}
	}
}

func TestDevBlocks(t *testing.T) {
	f := os.Getenv("BLOCKS")
	if f == "" {
		t.Skip()
	}
	data, _ := os.ReadFile(f)
	pages, _ := Read(context.Background(), data)
	for _, b := range Blocks(pages, nil) {
		fmt.Printf("p%d %s%d %v | %.150s\n", b.Page, b.Kind, b.Level, b.Section, b.Text)
	}
}

func TestDevFuzzCorpus(t *testing.T) {
	dir := os.Getenv("FUZZDIR")
	if dir == "" {
		t.Skip()
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		raw, _ := os.ReadFile(dir + "/" + e.Name())
		s := string(raw)
		i := strings.Index(s, "[]byte(")
		v, err := strconv.Unquote(strings.TrimSuffix(strings.TrimSpace(s[i+7:]), ")"))
		if err != nil {
			t.Log(err)
			continue
		}
		start := time.Now()
		b := &pdfBuilder{}
		data := b.build([]testPage{{content: v, resources: "/Font << /F1 " + helvetica + " >>"}}, "")
		Read(context.Background(), data)
		fmt.Println(e.Name(), len(v), time.Since(start))
	}
}

func TestDevStress(t *testing.T) {
	if os.Getenv("STRESS") == "" {
		t.Skip()
	}
	seeds := []string{
		"BT /F1 10 Tf 100 700 Td [(Hel) -50 (lo)] TJ ET",
		"q 2 0 0 2 0 0 cm BT /C1 12 Tf 1 0 0 1 10 10 Tm <00010002> Tj T* (x) ' ET Q",
		"BI /W 1 /H 1 ID \x00\x01 EI /X1 Do 0 0 10 10 re f 0 0 m 10 0 l S",
		"BT /F1 10 Tf 3 Tr 50 Tz 2 Ts 1 Tc 2 Tw 12 TL (a b) Tj 1 2 (c) \" ET",
	}
	b := &pdfBuilder{}
	cid := b.cidFont(true)
	form := b.stream("/Type /XObject /Subtype /Form /BBox [0 0 100 100] /Resources << /Font << /F1 "+helvetica+" >> >>", "BT /F1 5 Tf (form) Tj ET /X1 Do")
	res := "/Font << /F1 " + helvetica + " /C1 " + cid + " >> /XObject << /X1 " + itoa(form) + " 0 R >>"
	rng := rand.New(rand.NewSource(1))
	worst := time.Duration(0)
	for i := 0; i < 20000; i++ {
		s := []byte(seeds[rng.Intn(len(seeds))])
		for k := rng.Intn(6); k >= 0; k-- {
			switch rng.Intn(4) {
			case 0:
				s[rng.Intn(len(s))] = byte(rng.Intn(256))
			case 1:
				j := rng.Intn(len(s))
				s = append(s[:j], s[j+1:]...)
			case 2:
				j := rng.Intn(len(s))
				o := seeds[rng.Intn(len(seeds))]
				s = append(s[:j], append([]byte(o), s[j:]...)...)
			case 3:
				j := rng.Intn(len(s))
				s = append(s[:j], append([]byte{"0123456789[]()<>/-.eE"[rng.Intn(21)]}, s[j:]...)...)
			}
			if len(s) == 0 {
				s = []byte("q")
			}
		}
		bb := &pdfBuilder{objs: append([]string(nil), b.objs...)}
		data := bb.build([]testPage{{content: string(s), resources: res}}, "")
		start := time.Now()
		Read(context.Background(), data)
		if d := time.Since(start); d > worst {
			worst = d
			fmt.Printf("%v %q\n", d, s)
		}
	}
}

func TestDevWide(t *testing.T) {
	glob := os.Getenv("WIDE")
	if glob == "" {
		t.Skip()
	}
	files, _ := filepath.Glob(glob)
	tf, tt := 0, 0
	for _, f := range files {
		data, _ := os.ReadFile(f)
		start := time.Now()
		pages, err := Read(context.Background(), data)
		d := time.Since(start)
		untrusted := 0
		for _, p := range pages {
			if !p.Trusted {
				untrusted++
			}
		}
		out, perr := exec.Command("timeout", "20", "pdftotext", "-cropbox", "-tsv", f, "-").Output()
		found, total := 0, 0
		var missed []popplerWord
		if perr == nil {
			var want []popplerWord
			for _, line := range strings.Split(string(out), "\n") {
				fs := strings.Split(line, "\t")
				if len(fs) < 12 || fs[0] != "5" {
					continue
				}
				num := func(i int) float64 { v, _ := strconv.ParseFloat(fs[i], 64); return v }
				pg, _ := strconv.Atoi(fs[1])
				want = append(want, popplerWord{pg, num(6), num(7), num(6) + num(8), num(7) + num(9), normalizeText(fs[11])})
			}
			found, missed = agreement(pages, want, 1)
			total = len(want)
		}
		tf += found
		tt += total
		es := ""
		if err != nil {
			es = err.Error()
			if len(es) > 120 {
				es = es[:120]
			}
		}
		fmt.Printf("%-45s pages=%3d untrusted=%2d %5d/%5d %6.1f%% %v err=%s\n", filepath.Base(f), len(pages), untrusted, found, total, 100*float64(found)/float64(max(total, 1)), d.Round(time.Millisecond), es)
		if os.Getenv("MISSED") != "" {
			for i, m := range missed {
				if i > 8 {
					break
				}
				fmt.Printf("     missed p%d %q [%.2f %.2f %.2f %.2f]\n", m.page, m.text, m.x0, m.y0, m.x1, m.y1)
			}
		}
	}
	fmt.Printf("TOTAL %d/%d %.2f%%\n", tf, tt, 100*float64(tf)/float64(max(tt, 1)))
}

func TestDevStream(t *testing.T) {
	f := os.Getenv("STREAM")
	if f == "" {
		t.Skip()
	}
	n, _ := strconv.Atoi(os.Getenv("PAGE"))
	data, _ := os.ReadFile(f)
	r, _, _ := open(data)
	refs := pageTree(r)
	c := (&docState{}).contents(refs[n-1].v.Key("Contents"))
	os.Stdout.Write(c)
	fmt.Println("\nRESOURCES:", refs[n-1].resources.Key("Font"))
	for _, k := range refs[n-1].resources.Key("Font").Keys() {
		fv := refs[n-1].resources.Key("Font").Key(k)
		fmt.Println(k, fv, fv.Key("FontDescriptor"))
		fmt.Println(string((&docState{}).readStream(fv.Key("ToUnicode"))))
	}
}

func TestDevPageDict(t *testing.T) {
	f := os.Getenv("PAGEDICT")
	if f == "" {
		t.Skip()
	}
	data, _ := os.ReadFile(f)
	r, _, _ := open(data)
	refs := pageTree(r)
	v := refs[0].v
	fmt.Println(v)
	c := v.Key("Contents")
	fmt.Println(c.Kind(), c)
	for i := 0; i < c.Len(); i++ {
		fmt.Println(c.Index(i).Kind(), c.Index(i))
	}
}

func TestDevTrunc(t *testing.T) {
	f := os.Getenv("TRUNC")
	if f == "" {
		t.Skip()
	}
	data, _ := os.ReadFile(f)
	for _, frac := range []float64{0.5, 0.9, 0.99} {
		d := data[:int(float64(len(data))*frac)]
		pages, err := Read(context.Background(), d)
		n := 0
		for _, p := range pages {
			n += len(p.Words)
		}
		fmt.Println(frac, len(pages), n, err)
		fixed, ok := rebuildXref(d)
		fmt.Println("rebuild ok", ok, len(fixed)-len(d))
		if ok {
			fmt.Println(string(fixed[len(d):min(len(fixed), len(d)+300)]))
		}
	}
}
