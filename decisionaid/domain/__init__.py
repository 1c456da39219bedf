"""Pure domain: content models, tailoring, the fit and the discussion summary."""
