"""Reading, tokenizing and sampling multi-task data."""
