"""Rerunnable benchmarks: start-up, memory, tap-to-paint latency, content size, against a bare window and Chromium."""
