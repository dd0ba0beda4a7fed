// Command jaarzoek reads the annual reports of Dutch gemeenten and makes
// their text and figures searchable.
//
//	jaarzoek ingest  [--index DIR] [--workers N] SOURCE...
//	jaarzoek extract [--format jsonl|csv|table] SOURCE...
//	jaarzoek search  [--index DIR] WORDS...
//	jaarzoek figures [--index DIR] [--indicator TEXT|ID] [--pivot]
//	jaarzoek serve   [--index DIR] [--addr 127.0.0.1:8080]
//
// Data goes to stdout; progress, messages and the run report to stderr.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/jaarzoek/jaarzoek/extract/pdfguard"
	"github.com/jaarzoek/jaarzoek/pipeline"
)

// errUsage marks a command line that cannot be run; main exits 2.
var errUsage = errors.New("usage")

// usageError returns an error that prints msg and exits 2.
func usageError(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errUsage, fmt.Sprintf(format, args...))
}

// A command is one subcommand. Its constructor, xCommand(fs), declares an
// options value, registers its flags with addFlags(fs) and returns a function
// that calls runX(ctx, opts, args, stdout, stderr).
type command struct {
	name    string
	summary string
	newRun  func(fs *flag.FlagSet) func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

func commands() []command {
	return []command{
		{"ingest", "read sources into the index", ingestCommand},
		{"extract", "print the figures of sources as records", extractCommand},
		{"search", "search the passages in the index", searchCommand},
		{"figures", "select figures from the index", figuresCommand},
		{"coverage", "show what the index holds per gemeente, year and kind", coverageCommand},
		{"serve", "serve search and figures over HTTP", serveCommand},
	}
}

func main() {
	// A PDF is read in a child process of jaarzoek itself, so a file that
	// loops or allocates without end cannot take the run down.
	if pdfguard.IsWorker() {
		pdfguard.ServeWorker()
		return
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	code := exitCode(ctx, err, os.Stderr) // before stop, which cancels ctx
	stop()
	os.Exit(code)
}

// run parses the command line and runs one command.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	slog.SetDefault(slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: logLevel()})))
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		printUsage(stderr)
		if len(args) == 0 {
			return usageError("no command given")
		}
		return nil
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		fs := flag.NewFlagSet("jaarzoek "+c.name, flag.ContinueOnError)
		fs.SetOutput(stderr)
		runFn := c.newRun(fs)
		if err := fs.Parse(interleave(fs, args[1:])); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil
			}
			return fmt.Errorf("%w: %v", errUsage, err)
		}
		return runFn(ctx, fs.Args(), stdout, stderr)
	}
	printUsage(stderr)
	return usageError("unknown command %q", args[0])
}

// interleave moves flags that follow positional arguments to the front, so
// "jaarzoek search jeugdhulp --limit 5" works as people type it. Everything
// after "--" stays positional, and so does a single-dash word the command
// has no flag for.
func interleave(fs *flag.FlagSet, args []string) []string {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' || a == "-" {
			pos = append(pos, a)
			continue
		}
		name := a[1:]
		if name[0] == '-' {
			name = name[1:]
		}
		hasValue := false
		for j := 0; j < len(name); j++ {
			if name[j] == '=' {
				name, hasValue = name[:j], true
				break
			}
		}
		f := fs.Lookup(name)
		if name == "h" || name == "help" {
			flags = append(flags, a)
			continue
		}
		if f == nil && a[1] != '-' {
			// Not a flag of this command: a word such as "-jeugd" in a
			// search is left to the command. An unknown "--name" stays a
			// flag, so the parser reports it.
			pos = append(pos, a)
			continue
		}
		if f == nil {
			flags = append(flags, a)
			continue
		}
		flags = append(flags, a)
		if bf, ok := f.Value.(interface{ IsBoolFlag() bool }); !hasValue && !(ok && bf.IsBoolFlag()) && i+1 < len(args) {
			i++
			flags = append(flags, args[i])
		}
	}
	return append(flags, append([]string{"--"}, pos...)...)
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "jaarzoek reads annual reports of Dutch gemeenten and makes their text and figures searchable.")
	fmt.Fprintln(w, "\nUsage: jaarzoek COMMAND [flags] ARGS...\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'jaarzoek COMMAND -h' for the flags of a command.")
}

func logLevel() slog.Level {
	if os.Getenv("JAARZOEK_DEBUG") != "" {
		return slog.LevelDebug
	}
	return slog.LevelInfo
}

// exitCode maps the outcome of a command to the exit status of DESIGN.md:
// 0 done, 1 some sources failed, 2 bad usage, 3 the run failed, 130
// interrupted.
func exitCode(ctx context.Context, err error, stderr io.Writer) int {
	switch {
	case err == nil:
		return 0
	case errors.Is(err, context.Canceled) || ctx.Err() != nil:
		fmt.Fprintln(stderr, "jaarzoek: interrupted")
		return 130
	case errors.Is(err, errUsage):
		fmt.Fprintf(stderr, "jaarzoek: %v\n", err)
		return 2
	case errors.Is(err, pipeline.ErrSomeFailed):
		fmt.Fprintf(stderr, "jaarzoek: %v\n", err)
		return 1
	default:
		fmt.Fprintf(stderr, "jaarzoek: %v\n", err)
		return 3
	}
}
