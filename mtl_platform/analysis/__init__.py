"""Comparisons across runs: single-task baselines, Δm, reports."""
