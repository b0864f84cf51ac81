"""Local QuickBooks Online simulator (and FlowFit API stand-in) for demo, tests, benchmarks."""
