"""Session files: versioned JSON, atomic writes, in the user data folder."""
