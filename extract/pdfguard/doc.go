// Package pdfguard reads a PDF so that no input can take jaarzoek down.
package pdfguard
