"""Pure domain: content models, tailoring, scoring and the discussion summary."""
