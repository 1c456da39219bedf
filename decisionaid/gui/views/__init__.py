"""One module per page of the app, plus the shell around them."""
