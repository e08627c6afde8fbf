"""Load, validate and render the interventiepalet."""
