"""The ground every app may use (French text and numbers, files, tokens): imports no app."""
