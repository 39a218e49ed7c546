"""Offline evaluation: gold sets, metrics, the runner, reports and the regression gate."""
