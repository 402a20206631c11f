package provenance

import (
	"bytes"
	"os"
	"testing"
)

// BenchmarkHashReader measures SHA-256 over bytes in memory: the cost of
// hashing an input in the pass that reads it (Reader), without I/O.
func BenchmarkHashReader(b *testing.B) {
	data := bytes.Repeat([]byte("0.37,1,g3\n"), 10<<20/10) // 10 MiB of table
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := HashReader("t", bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHashFile measures reading a file again to hash it: set
// HINDCAST_HASH_FILE to a large table, such as the one
// hindcast simulate -n 10000000 -o /tmp/big.csv writes (100 MB).
func BenchmarkHashFile(b *testing.B) {
	path := os.Getenv("HINDCAST_HASH_FILE")
	if path == "" {
		b.Skip("set HINDCAST_HASH_FILE to a file to hash")
	}
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(st.Size())
	for b.Loop() {
		if _, err := HashFile(path, path); err != nil {
			b.Fatal(err)
		}
	}
}
