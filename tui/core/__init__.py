"""The analysis engine: pure Python, deterministic, and free of any UI import.

Everything the reader shows is computed here first, so it can be measured (benchmarks/) and
exported (`parallax compare`) without drawing a pane. A test keeps Textual and Rich out.
"""
