// Package testmem measures memory for hindcast's tests: how much heap a
// piece of work needs at its peak, which TotalAlloc (everything ever
// allocated) does not tell.
package testmem

import (
	"runtime"
	"sync/atomic"
	"time"
)

// HeapPeak runs f and returns the most heap in use seen while it ran,
// sampled every millisecond.
func HeapPeak(f func()) uint64 {
	var peak atomic.Uint64
	done, sampled := make(chan struct{}), make(chan struct{})
	go func() {
		defer func() { sampled <- struct{}{} }()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
			select {
			case <-done:
				return
			case <-time.After(time.Millisecond):
			}
		}
	}()
	f()
	done <- struct{}{}
	<-sampled
	return peak.Load()
}
