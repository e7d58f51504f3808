"""Use cases on top of domain, epay and store: checkout, reconciliation. No widgets, no Qt."""
