"""factory_boy factories, one module per app: rows whose related rows come along and agree with them."""
