"""Across documents: merged events, the commitment ledger and source checks."""
