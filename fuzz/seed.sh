#!/usr/bin/env bash
# Fills the fuzzers' seed corpora from the briefs of the repository: the sample, the bad
# briefs of tests/bad (one per rule) and tests/data. The corpora are not committed.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/load corpus/reader
cp ../briefs/*.yaml ../tests/bad/*.yaml ../tests/data/*.yaml corpus/load/
# The reader's inputs: a brief, a 0xFF byte, then action bytes (see fuzz_targets/reader.rs).
for brief in ../briefs/*.yaml ../tests/data/*.yaml; do
    name=$(basename "$brief" .yaml)
    { cat "$brief"; printf '\xff\x00\x00\x0d\x0f\x00\x11\x18\x00\x09\x0e\x14\x1c\x41\x1e\x20\x28\x0c\x17\x1c\x61\x1e\x1a\x1b'; } > "corpus/reader/$name"
done
printf '\xff\x00\x0d\x0f\x12\x0a\x20\x05\x03\x20\xff\x63\x19\x04\x11' > corpus/reader/keys-only
