"""The product's rules. No Flask imports here: each service takes a database session."""
