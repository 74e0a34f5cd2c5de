"""Rerunnable measurements; run them all with `make bench` or one with `python -m benchmarks NAME`."""
