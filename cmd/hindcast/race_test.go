//go:build race

package main

// raceDetector is true when the tests run with -race, which makes them
// several times slower: the costliest tests do less then.
const raceDetector = true
