"""Reading and writing scenarios and rate cards (JSON, TOML) with atomic saves; no Qt."""
