"""Channels: how long a notice is, counted the way each platform counts."""
