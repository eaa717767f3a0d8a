"""The dashboard: server-rendered pages over the same data as the JSON API."""
