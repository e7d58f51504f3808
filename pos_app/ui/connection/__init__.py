"""The connection to ePay: the monitor (probe, F5) and the offline banner."""
