"""Benchmarks of Toetssteen; see bench/README.md."""
