"""Scratch module."""

def greet(name):
    return f"hello {name}"
